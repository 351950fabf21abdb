/* SPDX-License-Identifier: MIT */
/*
 * replay: a fuzz target's entry point run once on each file named, for
 * make check, which builds without libFuzzer (tests/fuzz.bats runs it on
 * the target's regression inputs).  A broken contract aborts, as under the
 * fuzzer.
 */
#include <config.h>

#include <stdlib.h>

#include "fuzz.h"

int
main(int argc, char **argv)
{
	struct gai_buf in = GAI_BUF_INIT;
	char chunk[65536];
	size_t n;
	FILE *fp;
	int i;

	for (i = 1; i < argc; i++) {
		if ((fp = fopen(argv[i], "rb")) == NULL) {
			perror(argv[i]);
			return 2;
		}
		gai_buf_clear(&in);
		while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
			if (gai_buf_append(&in, chunk, n) != 0) {
				fprintf(stderr, "%s: out of memory\n", argv[i]);
				return 2;
			}
		if (ferror(fp)) {
			perror(argv[i]);
			return 2;
		}
		fclose(fp);
		LLVMFuzzerTestOneInput((const uint8_t *)(in.len ? in.data : ""),
		    in.len);
	}
	gai_buf_free(&in);
	return 0;
}
