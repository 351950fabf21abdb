#!/bin/sh
# Build the fuzz targets (make fuzz): the library's sources compiled again
# with FUZZ_CC and coverage for the fuzzer, then one program per target.
# Usage: build.sh SRCDIR BUILDDIR OUTDIR -- CPPFLAGS... -- SOURCES... -- LIBS...
# FUZZ_CC is clang (libFuzzer) or afl-clang-fast (AFL++'s driver, persistent
# mode); FUZZ_CFLAGS the optimisation and sanitizers; FUZZ_TARGETS the names.
set -eu
srcdir=$1 builddir=$2 out=$3
shift 4
cppflags= sources= libs=
while [ "$1" != -- ]; do cppflags="$cppflags $1"; shift; done
shift
while [ "$1" != -- ]; do
	case $1 in *.c) sources="$sources $1" ;; esac
	shift
done
shift
for l in "$@"; do
	case $l in *libgai.a) ;; *) libs="$libs $l" ;; esac
done

mkdir -p "$out/obj"
objs=
for s in $sources; do
	src=$s
	[ -f "$src" ] || src=$srcdir/$s
	o=$out/obj/$(basename "$s" .c).o
	# shellcheck disable=SC2086 # the flag lists are meant to split
	$FUZZ_CC $FUZZ_CFLAGS -fsanitize=fuzzer-no-link -I"$builddir" $cppflags \
	    -c "$src" -o "$o"
	objs="$objs $o"
done
rm -f "$out/libgai-fuzz.a"
# shellcheck disable=SC2086
ar rcs "$out/libgai-fuzz.a" $objs
for t in $FUZZ_TARGETS; do
	# shellcheck disable=SC2086
	$FUZZ_CC $FUZZ_CFLAGS -fsanitize=fuzzer -I"$builddir" $cppflags \
	    -I"$srcdir/tests/fuzz" "$srcdir/tests/fuzz/$t.c" \
	    "$srcdir/tests/fuzz/fuzz_common.c" "$srcdir/tests/fuzz/fuzz_check.c" \
	    "$out/libgai-fuzz.a" $libs -o "$out/fuzz-$t"
	echo "  FUZZ     $out/fuzz-$t"
done
