/* SPDX-License-Identifier: MIT */
/* Unit tests: stream 1 folding across chunk boundaries, stream 2 escapes. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gai_encoding.h"
#include "gai_rec.h"
#include "gai_text.h"
#include "unit.h"

/* Fold s in two chunks split at cut (on a character boundary). */
static void
fold_split(const char *s, size_t cut, struct gai_buf *out)
{
	struct gai_fold st = { 0, 0 };

	gai_buf_clear(out);
	gai_text_fold(&st, out, s, cut);
	gai_text_fold(&st, out, s + cut, strlen(s) - cut);
	gai_text_fold_end(&st, out);
}

static void
test_fold(void)
{
	static const struct { const char *in, *want; } cases[] = {
		{ "ＡＢ１２（一）", "AB12(一)" },
		{ "a\xE3\x80\x80" "b\xC2\xA0" "c\xE2\x80\x82" "d", "a b c d" },
		{ "x\xE2\x80\x8By\xC2\xADz\xEF\xBB\xBF.", "xyz." },
		{ "a\r\nb\rc\r\r\nd\fe\vf", "a\nb\nc\n\nd\ne\nf" },
		{ "line\r", "line\n" },
		{ "\r\n\r\n", "\n\n" },
		{ "申請\t處罰", "申請\t處罰" },
		/* Long ASCII runs, read eight bytes at a time: what stops one. */
		{ "abcdefgh\fijklmnopq\rrstuvwxyz0\vABCDEFGHIJK\r\nLM",
		    "abcdefgh\nijklmnopq\nrstuvwxyz0\nABCDEFGHIJK\nLM" },
		{ "0123456\x7F" "89ABCDEFGHIJKLM\x01NOPQRSTUVW\xC2\xA0XYZ01234",
		    "0123456\x7F" "89ABCDEFGHIJKLM\x01NOPQRSTUVW XYZ01234" },
		{ "The report (2021)\xEF\xBC\x9A 12345678\xE3\x80\x80" "90",
		    "The report (2021): 12345678 90" },
	};
	struct gai_buf out = GAI_BUF_INIT;
	size_t i, cut, len;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		/* the span folding keeps: all of it when nothing changes */
		CHECK((gai_text_fold_span(cases[i].in, strlen(cases[i].in)) ==
		    strlen(cases[i].in)) == (strcmp(cases[i].in,
		    cases[i].want) == 0), "span of case %zu", i);
		for (cut = 0; cut <= strlen(cases[i].in); cut += len) {
			fold_split(cases[i].in, cut, &out);
			CHECK(strcmp(out.data, cases[i].want) == 0,
			    "case %zu cut %zu: got \"%s\"", i, cut, out.data);
			len = 1;
			if (cut < strlen(cases[i].in))
				gai_text_decode(cases[i].in + cut,
				    strlen(cases[i].in) - cut, &len);
		}
	}
	/* Where folding would first change something. */
	CHECK(gai_text_fold_span("ab\r\n", 4) == 2);
	CHECK(gai_text_fold_span("申請\x7f\x01\xff|", 10) == 10,
	    "DEL, other controls and a bad byte stay as they are");
	CHECK(gai_text_fold_span("表（一）", 12) == 3);
	CHECK(gai_text_fold_span("a\xE3\x80\x80", 4) == 1);
	CHECK(gai_text_fold_span("a\0b", 3) == 1);
	CHECK(gai_text_fold_span(NULL, 0) == 0);
	/* NUL: dropped and counted (the input has to be given by length). */
	{
		struct gai_fold st = { 0, 0 };

		gai_buf_clear(&out);
		gai_text_fold(&st, &out, "a\0b\0", 4);
		CHECK(strcmp(out.data, "ab") == 0 && st.nuls == 2,
		    "NUL: got \"%s\", %zu counted", out.data, st.nuls);
	}
	/* No bytes and no buffer (an empty document): nothing, and a CR
	 * pending from the chunk before stays pending (#11 item 3). */
	{
		struct gai_fold st = { 0, 0 };

		gai_buf_clear(&out);
		CHECK(gai_text_fold(&st, &out, "a\r", 2) == 0 &&
		    gai_text_fold(&st, &out, NULL, 0) == 0 &&
		    gai_text_fold(&st, &out, "\nb", 2) == 0 &&
		    strcmp(out.data, "a\nb") == 0,
		    "empty chunk: got \"%s\"", out.data);
	}
	gai_buf_free(&out);
}

static void
test_utf8(void)
{
	size_t len;

	CHECK(gai_text_valid_utf8("ab\xE7\x94\xB3", 5) == 5, "valid");
	CHECK(gai_text_valid_utf8("ab\xE7\x94", 4) == 2, "cut");
	CHECK(gai_text_valid_utf8("\xC0\x80", 2) == 0, "overlong");
	CHECK(gai_text_valid_utf8("\xED\xA0\x80", 3) == 0, "surrogate");
	CHECK(gai_text_valid_utf8("\xEF\xBF\xBD", 3) == 3, "U+FFFD is valid");
	/* After eight ASCII bytes at a time, and on the inline Han path. */
	CHECK(gai_text_valid_utf8("<td>abcdefgh\xE7\x94\xB3<b>x", 20) == 20,
	    "markup and Han");
	CHECK(gai_text_valid_utf8("abcdefghij\xED\xA0\x80", 13) == 10,
	    "surrogate after ASCII");
	CHECK(gai_text_valid_utf8("abcdefghij\xE0\x80\x80", 13) == 10,
	    "overlong after ASCII");
	CHECK(gai_text_valid_utf8("abcdefgh\xE7\x94\xB3\xE7\x94", 13) == 11,
	    "cut after Han");
	CHECK(gai_text_valid_utf8("abcdefgh\xE7\x94\x33", 11) == 8,
	    "bad continuation");
	CHECK(gai_text_decode("\xF0\x9F\x98\x80", 4, &len) == 0x1F600 &&
	    len == 4, "4-byte");
}

static void
test_escapes(void)
{
	static const char *const values[] = {
		"plain", "a\tb", "line\nbreak\r", "back\\slash", "\\t literal",
		"", "\\",
	};
	static const struct { const char *raw, *want; } unesc[] = {
		{ "a\\tb", "a\tb" }, { "a\\qb", "a\\qb" }, { "end\\", "end\\" },
		{ "\\\\n", "\\n" },
	};
	struct gai_buf esc = GAI_BUF_INIT, back = GAI_BUF_INIT;
	size_t i;

	for (i = 0; i < sizeof values / sizeof values[0]; i++) {
		gai_buf_clear(&esc);
		gai_buf_clear(&back);
		gai_buf_puts(&esc, "");
		gai_rec_escape(&esc, values[i], strlen(values[i]));
		CHECK(strpbrk(esc.data, "\t\n\r") == NULL, "raw control in %zu", i);
		gai_rec_unescape(&back, esc.data, esc.len);
		CHECK(strcmp(back.data, values[i]) == 0, "round trip %zu", i);
	}
	for (i = 0; i < sizeof unesc / sizeof unesc[0]; i++) {
		gai_buf_clear(&back);
		gai_buf_puts(&back, "");
		gai_rec_unescape(&back, unesc[i].raw, strlen(unesc[i].raw));
		CHECK(strcmp(back.data, unesc[i].want) == 0,
		    "unescape \"%s\" gave \"%s\"", unesc[i].raw, back.data);
	}
	gai_buf_free(&esc);
	gai_buf_free(&back);
}

/* gai_encoding_head's UTF-8 count a byte at a time, as it was before it
 * took eight at once. */
static size_t
head_bytewise(const unsigned char *u, size_t n, size_t chars)
{
	size_t i = 0;

	if (n == 0 || chars == 0)
		return 0;
	for (i = 1, chars--; i < n && chars > 0; i++)
		chars -= (u[i] & 0xC0) != 0x80;
	while (i < n && (u[i] & 0xC0) == 0x80)
		i++;
	return i;
}

/* The valid UTF-8 prefix by gai_text_decode alone. */
static size_t
valid_by_decode(const char *s, size_t n)
{
	size_t i = 0, len;

	while (i < n) {
		if (gai_text_decode(s + i, n - i, &len) == 0xFFFD && len == 1)
			return i;
		i += len;
	}
	return n;
}

/*
 * The head of random text (ASCII, Han, stray continuation and lead
 * bytes) for every count of characters around its length: the same as
 * the byte-at-a-time count, wherever a block of eight ends; and its valid
 * UTF-8 prefix as gai_text_decode reads it, at every length.
 */
static void
test_head(void)
{
	static const char *const pieces[] = {
		"a", " ", "\t", "12", "\xE7\x94\xB3", "\xEF\xBC\x8C", "\x80",
		"\xBF\xBF", "\xE7", "\xC3\xA9", "\xF0\x9F\x98\x80", "\xFF",
		"\xED\xA0\x80", "\xE0\x80\x80", "\xE1\x80\x80", "abcdefgh"
	};
	unsigned char s[256];
	size_t n, chars, bad = 0;
	int round;

	srand(12);
	for (round = 0; round < 3000; round++) {
		n = unit_pieces((char *)s, pieces,
		    sizeof pieces / sizeof pieces[0], 200);
		n -= (size_t)(rand() % 8);
		for (chars = 0; chars <= n; chars++)
			if (gai_text_valid_utf8((char *)s, chars) !=
			    valid_by_decode((char *)s, chars) && bad++ < 5)
				CHECK(0, "valid: round %d, %zu bytes", round,
				    chars);
		for (chars = 0; chars <= 210; chars += 1 + (size_t)(rand() % 3))
			if (gai_encoding_head("UTF-8", (char *)s, n, chars) !=
			    head_bytewise(s, n, chars) && bad++ < 5)
				CHECK(0, "head: round %d, %zu bytes, %zu "
				    "characters", round, n, chars);
	}
	CHECK(gai_encoding_head("UTF-8", "abc", 3, 0) == 0, "no characters");
	CHECK(gai_encoding_head("UTF-8", "\xE7\x94\xB3\xE7\x94\xB3"
	    "abcdefghij", 16, 2) == 6, "two characters, Han");
}

/* Records written in place: the name's and the value's escapes, one line
 * each, a value escaped at every byte as long as the line allows. */
static void
test_rec_out(void)
{
	struct gai_rec_out o = GAI_REC_OUT_INIT;
	char big[300];

	memset(big, '\\', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	CHECK(gai_rec_out_begin(&o, "a\tb.html") == 0 &&
	    gai_rec_out_add(&o, "req.new.total", "12") == 0 &&
	    gai_rec_out_add(&o, "prose.x", "x\ty\nz\r\\") == 0 &&
	    gai_rec_out_add(&o, "warn.k", "") == 0);
	CHECK(o.buf.len == strlen(o.buf.data) && strcmp(o.buf.data,
	    "a\\tb.html\treq.new.total\t12\n"
	    "a\\tb.html\tprose.x\tx\\ty\\nz\\r\\\\\n"
	    "a\\tb.html\twarn.k\t\n") == 0, "records: %s", o.buf.data);
	CHECK(gai_rec_out_begin(&o, "d") == 0 && o.buf.len == 0 &&
	    gai_rec_out_add(&o, "k", big) == 0 &&
	    o.buf.len == 2 + 2 + 2 * (sizeof big - 1) + 1 &&
	    o.buf.data[o.buf.len - 1] == '\n' &&
	    o.buf.data[o.buf.len] == '\0', "a value of backslashes alone");
	gai_rec_out_free(&o);
}

int
main(void)
{
	test_rec_out();
	test_fold();
	test_utf8();
	test_head();
	test_escapes();
	return unit_end("text_test");
}
