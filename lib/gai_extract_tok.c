/* SPDX-License-Identifier: MIT */
/* gai_extract_tok: a document's lines cut into cells, whatever the layout. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "gai_extract_impl.h"

static int
push(struct gx_toks *t, size_t off, size_t len, unsigned line, int kind,
    int delim, int first)
{
	struct gx_tok *k;

	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 1024;
		struct gx_tok *v = realloc(t->v, cap * sizeof *v);

		if (v == NULL)
			return GAI_E_NOMEM;
		t->v = v;
		t->cap = cap;
	}
	k = &t->v[t->n++];
	k->off = off;
	k->len = (unsigned)len;
	k->line = line;
	k->kind = (unsigned char)kind;
	k->delim = (unsigned char)delim;
	k->lfirst = (unsigned char)first;
	k->glued = 0;
	return 0;
}

/* A page number standing alone: -4-, - 4 -, —4—, 第4页. */
static int
page_number(const char *s, size_t n)
{
	size_t i = 0, d = 0;

	if (n >= 3 && s[0] == '-' && s[n - 1] == '-') {
		i = 1;
		n--;
	} else if (n >= 7 && memcmp(s, "—", 3) == 0 &&
	    memcmp(s + n - 3, "—", 3) == 0) {
		i = 3;
		n -= 3;
	} else if (n >= 7 && memcmp(s, "第", 3) == 0 &&
	    memcmp(s + n - 3, "页", 3) == 0) {
		i = 3;
		n -= 3;
	} else
		return 0;
	for (; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			d++;
		else if (s[i] != ' ')
			return 0;
	}
	return d > 0 && d <= 4;
}

/* Every space-separated word of s[0..n) a number (and two at least)? */
static int
all_numbers(const char *s, size_t n, struct gai_buf *scratch)
{
	size_t i = 0, j, words = 0;
	unsigned fl;

	while (i < n) {
		while (i < n && s[i] == ' ')
			i++;
		for (j = i; j < n && s[j] != ' '; j++)
			;
		if (j > i) {
			gai_buf_clear(scratch);
			if (gx_num_parse(s + i, j - i, scratch, &fl) != 1)
				return 0;
			words++;
		}
		i = j;
	}
	return words >= 2;
}

static int
line_cells(struct gx_toks *t, const char *text, size_t ls, size_t le,
    unsigned line, struct gx_cell **cv, size_t *ccap, struct gai_buf *scratch)
{
	size_t n = 0, i, p, first, last, a, b;
	int delim = 0, sep = 0, rule = 1, emitted = 0, dashes;
	unsigned fl;
	struct gx_cell *c;

	/* memchr, not a loop over the bytes: most lines are long prose */
	if (memchr(text + ls, '\t', le - ls) != NULL)
		sep = '\t';
	else if (memchr(text + ls, '|', le - ls) != NULL)
		sep = '|';
	delim = sep != 0;
	/* cut */
	p = ls;
	while (p <= le) {
		size_t s = p, e;

		if (sep != 0) {
			const char *q = memchr(text + p, sep, le - p);

			p = q != NULL ? (size_t)(q - text) : le;
			e = p++;
		} else {
			/* a run of two or more spaces separates cells */
			for (;;) {
				const char *q = memchr(text + p, ' ', le - p);

				if (q == NULL) {
					p = le;
					break;
				}
				p = (size_t)(q - text);
				if (p + 1 < le && text[p + 1] == ' ')
					break;
				p++;
			}
			e = p;
			while (p < le && text[p] == ' ')
				p++;
			if (e == le)
				p = le + 1;
		}
		while (s < e && text[s] == ' ')
			s++;
		while (e > s && text[e - 1] == ' ')
			e--;
		if (n == *ccap) {
			size_t cap = *ccap ? *ccap * 2 : 64;
			struct gx_cell *v = realloc(*cv, cap * sizeof *v);

			if (v == NULL)
				return GAI_E_NOMEM;
			*cv = v;
			*ccap = cap;
		}
		(*cv)[n].off = s;
		(*cv)[n].len = e - s;
		n++;
	}
	c = *cv;
	/* a markdown rule |---|:--| carries nothing */
	if (sep == '|') {
		for (i = 0, dashes = 0; i < n && rule; i++)
			for (p = 0; p < c[i].len; p++)
				if (strchr("-: ", text[c[i].off + p]) == NULL)
					rule = 0;
				else
					dashes += text[c[i].off + p] == '-';
		if (rule && dashes > 0)
			return 0;
	}
	for (first = 0; first < n && c[first].len == 0; first++)
		;
	if (first == n && sep != '|')
		return 0;
	if (first == n || delim) {
		/*
		 * A blank cell is a cell: between separators every one keeps
		 * its column, trailing ones too.  Only a pipe at either end
		 * of the line is the table's frame; a line of nothing but
		 * pipes is one blank cell of a cell-per-line layout.
		 */
		first = 0;
		last = n - 1;
		if (sep == '|' && n > 1 && c[0].len == 0)
			first++;
		if (sep == '|' && last > first && c[last].len == 0)
			last--;
	} else
		for (last = n - 1; c[last].len == 0; last--)
			;
	if (first == last && page_number(text + c[first].off, c[first].len))
		return 0;
	for (i = first; i <= last; i++) {
		const char *s = text + c[i].off;
		int kind;

		if (c[i].len == 0) {
			if (delim && push(t, c[i].off, 0, line, GX_T_EMPTY, 1,
			    !emitted) < 0)
				return GAI_E_NOMEM;
			emitted = 1;
			continue;
		}
		gai_buf_clear(scratch);
		kind = GX_T_TEXT;
		if (c[i].len < 64 && (gx_num_parse(s, c[i].len, scratch,
		    &fl) == 1 || gx_change_read(s, c[i].len, scratch) == 1))
			kind = GX_T_NUM;	/* 增98: a 本年增/减 cell */
		else if (((s[0] >= '0' && s[0] <= '9') || s[0] == '-') &&
		    memchr(s, ' ', c[i].len) != NULL &&
		    all_numbers(s, c[i].len, scratch)) {
			/* "10 1 0 0": numbers one space apart */
			for (a = 0; a < c[i].len; a = b) {
				while (a < c[i].len && s[a] == ' ')
					a++;
				for (b = a; b < c[i].len && s[b] != ' '; b++)
					;
				if (b > a && push(t, c[i].off + a, b - a, line,
				    GX_T_NUM, delim, !emitted) < 0)
					return GAI_E_NOMEM;
				emitted = 1;
			}
			continue;
		}
		if (push(t, c[i].off, c[i].len, line, kind, delim,
		    !emitted) < 0)
			return GAI_E_NOMEM;
		emitted = 1;
	}
	return 0;
}

int
gx_tokenize(struct gx_toks *t, const char *text, size_t len)
{
	size_t ls = 0, le;
	unsigned line = 0;
	int rc = 0;

	t->n = 0;
	t->nlines = 0;
	while (ls < len && rc == 0) {
		const char *nl = memchr(text + ls, '\n', len - ls);

		le = nl != NULL ? (size_t)(nl - text) : len;
		if (t->nlines == t->lcap) {
			size_t cap = t->lcap ? t->lcap * 2 : 1024;
			size_t *v = realloc(t->lines, cap * sizeof *v);

			if (v == NULL) {
				rc = GAI_E_NOMEM;
				break;
			}
			t->lines = v;
			t->lcap = cap;
		}
		t->lines[t->nlines++] = ls;
		rc = line_cells(t, text, ls, le, line, &t->cells, &t->ccap,
		    &t->scratch);
		line++;
		ls = le + 1;
	}
	return rc;
}

void
gx_toks_free(struct gx_toks *t)
{
	free(t->v);
	free(t->lines);
	free(t->cells);
	gai_buf_free(&t->scratch);
	memset(t, 0, sizeof *t);
}
