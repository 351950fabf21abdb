# Loaded by every bats file: the built tools first on PATH, fixtures at hand.
bats_require_minimum_version 1.5.0

export LC_ALL=C.UTF-8
: "${GAI_BUILDDIR:=$(cd "$BATS_TEST_DIRNAME/.." && pwd)}"
: "${GAI_SRCDIR:=$(cd "$BATS_TEST_DIRNAME/.." && pwd)}"
export PATH="$GAI_BUILDDIR:$PATH"
# make check-valgrind: wrappers that run each tool under valgrind come first.
[ -z "${GAI_WRAPDIR:-}" ] || PATH="$GAI_WRAPDIR:$PATH"
FIX="$GAI_SRCDIR/tests/fixtures"
SEEDS="$FIX/seeds"
CORPUS="$FIX/corpus"

# Compare a file with a golden one byte for byte; show a diff when they differ.
# GAI_UPDATE_GOLDEN=1 rewrites the golden file instead (review the diff!).
assert_same() {
	local got=$1 want=$2
	if [ -n "${GAI_UPDATE_GOLDEN:-}" ]; then
		cp "$got" "$want"
		return 0
	fi
	if ! cmp -s "$got" "$want"; then
		diff -u "$want" "$got" | head -60
		return 1
	fi
}

# Skip a test of peak memory where the memory is not the tool's own:
# ASan's shadow memory, valgrind's.
skip_unless_own_memory() {
	grep -qa __asan_init "$(command -v "$1")" && skip "ASan's shadow memory"
	[ -z "${GAI_WRAPDIR:-}" ] || skip "valgrind's own memory"
}

# Run a shell command line; print its exit status and the peak resident
# memory of its largest process, in KB.
peak_kb() {
	python3 -c 'import resource, subprocess, sys
st = subprocess.call(["sh", "-c", sys.argv[1]])
print(st, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$1"
}
