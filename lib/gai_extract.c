/* SPDX-License-Identifier: MIT */
/* gai_extract: one document in, its meta.*, field and warn.* records out. */
#include <config.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gai_extract_impl.h"
#include "gai_fields.h"
#include "gai_jit.h"
#include "gai_normalize.h"
#include "gai_prose.h"
#include "gai_text.h"

/* Text folded where it is goes through x->fold in pieces of this size. */
#define FOLD_PIECE ((size_t)1 << 19)

static int nojit;		/* JIT off, or a pattern failed to JIT-compile */

void *
gx_compile(const char *pat, int anchored, struct gai_error *err)
{
	struct gai_buf b = GAI_BUF_INIT;
	pcre2_code *re = NULL;
	int ec;
	PCRE2_SIZE eo;

	if (gx_tradify(pat, &b) < 0) {
		gai_error_set(err, GAI_E_NOMEM, 0, 0, "out of memory");
		return NULL;
	}
	re = pcre2_compile((PCRE2_SPTR)b.data, b.len,
	    PCRE2_UTF | PCRE2_NO_UTF_CHECK | (anchored ? PCRE2_ANCHORED : 0),
	    &ec, &eo, NULL);
	if (re == NULL) {
		PCRE2_UCHAR msg[160];

		pcre2_get_error_message(ec, msg, sizeof msg);
		gai_error_set(err, GAI_E_USAGE, 0, 0,
		    "pattern %s: %s at offset %zu", pat, (char *)msg,
		    (size_t)eo);
	} else if (gai_jit_off() ||
	    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) != 0)
		nojit = 1;	/* pcre2_match interprets it */
	gai_buf_free(&b);
	return re;
}

/* Does s[0..8) hold a byte gx_squeeze drops: ' ', '*' or '#'? */
static int
dropped8(const char *s)
{
	const uint64_t ones = 0x0101010101010101ull,
	    high = 0x8080808080808080ull;
	uint64_t w, a, b, c;

	memcpy(&w, s, 8);
	/* a byte of w ^ v is zero where w has v: the classic test for a
	 * zero byte, exact in its yes and no */
	a = w ^ (ones * ' ');
	b = w ^ (ones * '*');
	c = w ^ (ones * '#');
	return (((a - ones) & ~a) | ((b - ones) & ~b) | ((c - ones) & ~c)) &
	    high ? 1 : 0;
}

int
gx_squeeze(struct gai_extract *x, const char *s, size_t n)
{
	char *d;
	size_t i, k = 0;

	gai_buf_clear(&x->sq);
	if (gai_buf_reserve(&x->sq, n + 1) < 0)
		return GAI_E_NOMEM;
	/* No map from sq back to the text: only a match's end needs one,
	 * and gx_match finds it from the source kept here. */
	x->sqsrc = s;
	x->sqsrc_len = n;
	d = x->sq.data;
	/* eight bytes at a time while none of them is dropped: a label
	 * has few spaces */
	for (i = 0; n - i >= 8 && !dropped8(s + i); i += 8, k += 8)
		memcpy(d + k, s + i, 8);
	for (; i < n; i++) {
		char c = s[i];

		d[k] = c;	/* written always, kept only if not dropped */
		k += c != ' ' && c != '*' && c != '#';
	}
	d[k] = '\0';
	x->sq.len = k;
	return 0;
}

size_t
gx_sq_text(const struct gai_extract *x, size_t k)
{
	const char *s = x->sqsrc;
	size_t i;

	for (i = 0; i < x->sqsrc_len; i++) {
		if (s[i] == ' ' || s[i] == '*' || s[i] == '#')
			continue;
		if (k-- == 0)
			break;
	}
	return (size_t)(s + i - x->text.data);
}

int
gx_match(struct gai_extract *x, void *re, size_t *end, int g, size_t *gs,
    size_t *ge)
{
	PCRE2_SIZE *ov;
	int rc;

	if (re == NULL)
		return 0;
	/* the direct JIT call skips pcre2_match's checks: labels are many */
	rc = x->nojit ? pcre2_match(re, (PCRE2_SPTR)x->sq.data, x->sq.len, 0,
	    PCRE2_NO_UTF_CHECK, x->mdata, NULL) :
	    pcre2_jit_match(re, (PCRE2_SPTR)x->sq.data, x->sq.len, 0, 0,
	    x->mdata, NULL);
	if (rc < 0)
		return 0;
	ov = pcre2_get_ovector_pointer(x->mdata);
	if (end != NULL)
		*end = gx_sq_text(x, ov[1]);
	if (gs != NULL && ge != NULL) {
		if (rc > g && ov[2 * g] != PCRE2_UNSET) {
			*gs = ov[2 * g];
			*ge = ov[2 * g + 1];
		} else
			*gs = *ge = 0;
	}
	return 1;
}

int
gx_mark(struct gai_extract *x)
{
	PCRE2_SPTR m = pcre2_get_mark(x->mdata);

	return m != NULL ? atoi((const char *)m) : -1;
}

static long
key_order(const char *key, size_t n)
{
	char buf[96];
	size_t i, k;
	long fi;

	if (n >= sizeof buf)
		return -1;
	memcpy(buf, key, n);
	buf[n] = '\0';
	if ((fi = gai_fields_index(buf)) >= 0)
		return fi;
	for (i = 0; i < gai_fields_count(); i++) {
		k = strlen(gai_fields_at(i)->key);
		if (k > n && memcmp(gai_fields_at(i)->key, buf, n) == 0 &&
		    gai_fields_at(i)->key[n] == '.')
			return (long)i;
	}
	return -1;
}

int
gx_set(struct gai_extract *x, long fi, const char *v, size_t vn,
    const struct gx_cell_ref *c)
{
	struct gx_val *val;

	if (fi < 0 || (size_t)fi >= x->nfields)
		return 0;
	val = &x->vals[fi];
	if (!val->set)
		x->setlist[x->nset++] = fi;
	val->set = 1;
	val->voff = x->arena.len;
	val->line = c != NULL ? c->line : 0;
	val->cell = c != NULL ? c->s : NULL;
	val->cell_len = c != NULL ? c->n : 0;
	val->how = 0;
	if (gai_buf_append(&x->arena, v, vn) < 0 ||
	    gai_buf_putc(&x->arena, '\0') < 0)
		return GAI_E_NOMEM;
	return 0;
}

int
gx_how(struct gai_extract *x, long fi, const char *how)
{
	if (fi < 0 || (size_t)fi >= x->nfields || !x->vals[fi].set)
		return 0;
	x->vals[fi].how = x->arena.len + 1;	/* 0 is none */
	return gai_buf_puts(&x->arena, how) < 0 ||
	    gai_buf_putc(&x->arena, '\0') < 0 ? GAI_E_NOMEM : 0;
}

int
gx_warn(struct gai_extract *x, const char *key, const char *fmt, ...)
{
	va_list ap;
	char buf[512];
	struct gx_warn *w;
	const char *colon;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n < 0)
		return 0;
	if (x->nwarn == x->wcap) {
		size_t cap = x->wcap ? x->wcap * 2 : 64;
		struct gx_warn *v = realloc(x->warns, cap * sizeof *v);

		if (v == NULL)
			return GAI_E_NOMEM;
		x->warns = v;
		x->wcap = cap;
	}
	w = &x->warns[x->nwarn++];
	colon = strchr(buf, ':');
	w->order = colon != NULL ? key_order(buf, (size_t)(colon - buf)) : -1;
	w->koff = x->arena.len;
	if (gai_buf_puts(&x->arena, "warn.") < 0 ||
	    gai_buf_puts(&x->arena, key) < 0 ||
	    gai_buf_putc(&x->arena, '\0') < 0)
		return GAI_E_NOMEM;
	w->voff = x->arena.len;
	if (gai_buf_puts(&x->arena, buf) < 0 ||
	    gai_buf_putc(&x->arena, '\0') < 0)
		return GAI_E_NOMEM;
	return 0;
}

/* The numbering a report may put before a label: 三、 (二) 1. (3) */
#define NUMBERING "(?:\\(?[一二三四五六七八九十]{1,3}\\)?[、.,]?|" \
	"\\(?[0-9]{1,2}\\)?[、.,]?)?"

/*
 * Append "|(?:PAT)(*MARK:r)" to a table's alternation.  An anchored
 * alternation tries each branch to the end before the next: the first
 * row that matches wins, with the same match end as its own pattern.
 */
static int
add_branch(struct gai_buf *all, const char *pat, size_t r)
{
	char mark[32];

	snprintf(mark, sizeof mark, "(*MARK:%zu)", r);
	if ((all->len > 0 && gai_buf_putc(all, '|') < 0) ||
	    gai_buf_puts(all, "(?:") < 0 || gai_buf_puts(all, pat) < 0 ||
	    gai_buf_puts(all, ")") < 0 || gai_buf_puts(all, mark) < 0)
		return GAI_E_NOMEM;
	return 0;
}

/* Table t's labels with a character more or less, as one alternation. */
static int
compile_fuzzy(struct gai_extract *x, size_t ti, struct gai_error *err)
{
	const struct gx_table *t = &gx_tables[ti];
	struct gai_buf alts = GAI_BUF_INIT, all = GAI_BUF_INIT;
	size_t r;
	int rc = 0, fz;

	for (r = 0; t->rows[r].key != NULL && rc == 0; r++) {
		if (t->rows[r].pat == NULL || t->rows[r].pat[0] == '!')
			continue;
		gai_buf_clear(&alts);
		if (gai_buf_puts(&alts, NUMBERING "(?:") < 0 ||
		    (fz = gx_fuzzy(t->rows[r].pat, &alts)) < 0)
			rc = GAI_E_NOMEM;
		else if (fz == 0 && (gai_buf_putc(&alts, ')') < 0 ||
		    add_branch(&all, alts.data, r) < 0))
			rc = GAI_E_NOMEM;
	}
	if (rc != 0)
		gai_error_set(err, GAI_E_NOMEM, 0, 0, "out of memory");
	else if (all.len > 0 &&
	    (x->fuzzy_re[ti] = gx_compile(all.data, 1, err)) == NULL)
		rc = -1;
	gai_buf_free(&alts);
	gai_buf_free(&all);
	return rc < 0 ? -1 : 0;
}

/* Heading pattern pat, also with a character more or less, into re. */
static int
compile_heading(const char *pat, void **re, struct gai_error *err)
{
	struct gai_buf b = GAI_BUF_INIT;
	size_t n;
	int fz = 0, rc = -1;

	if (gai_buf_puts(&b, "(?:[一二三四五六七八九十]{1,2}[、.,]?|"
	    "\\([一二三四五六七八九十]{1,2}\\)[、.,]?|[0-9][、.,]?)?(?:") < 0 ||
	    gai_buf_puts(&b, pat) < 0)
		goto nomem;
	n = b.len;
	if (gai_buf_putc(&b, '|') < 0 || (fz = gx_fuzzy(pat, &b)) < 0)
		goto nomem;
	if (fz > 0)	/* no forms with one character more or less */
		b.data[b.len = n] = '\0';
	if (gai_buf_putc(&b, ')') < 0)
		goto nomem;
	if ((*re = gx_compile(b.data, 1, err)) != NULL)
		rc = 0;
	gai_buf_free(&b);
	return rc;
nomem:
	gai_buf_free(&b);
	gai_error_set(err, GAI_E_NOMEM, 0, 0, "out of memory");
	return -1;
}

/*
 * Two characters side by side in each of gx_glued_pats, rare in prose
 * (on the benchmark's text each pair is only in the tables' own header
 * cells, where 新 alone was in 5% of all lines): a line holds a column-
 * header run only if it holds one of these pairs, in either form, maybe
 * with what gx_squeeze drops between them, and the search for a run is
 * skipped otherwise.  A pattern without any of them (one added to
 * gx_glued_pats) turns the filter off; add a pair of it here then.
 */
const char *const gx_glue_pairs[] = {
	"废止", "新制", "决定", "目数", "或其", "科研", "纠正", NULL
};

static void
glue_filter(struct gai_extract *x)
{
	struct gai_buf first = GAI_BUF_INIT, next = GAI_BUF_INIT;
	size_t i;
	const char *p;

	for (i = 0; gx_glue_pairs[i] != NULL; i++)
		if (gai_buf_append(&first, gx_glue_pairs[i], 3) < 0 ||
		    gai_buf_puts(&next, gx_glue_pairs[i] + 3) < 0)
			break;
	x->glue_filter = gx_glue_pairs[i] == NULL &&
	    gai_chars_init(&x->glue_chars, first.data, 1) == 0 &&
	    gai_chars_init(&x->glue_next, next.data, 1) == 0;
	for (i = 0; x->glue_filter && (p = gx_glued_pats[i]) != NULL; i++)
		x->glue_filter = strpbrk(p, "\\()[]{}.*+?|^$") == NULL &&
		    gx_glue_hint(x, p, strlen(p));
	gai_buf_free(&first);
	gai_buf_free(&next);
}

struct gai_extract *
gai_extract_new(struct gai_error *err)
{
	struct gai_extract *x = calloc(1, sizeof *x);
	const struct gx_table *t;
	size_t ti, r, c;
	char key[128];
	struct gai_buf all = GAI_BUF_INIT, bare = GAI_BUF_INIT;

	if (x == NULL) {
		gai_error_set(err, GAI_E_NOMEM, 0, 0, "out of memory");
		return NULL;
	}
	x->nfields = gai_fields_count();
	x->mdata = pcre2_match_data_create(16, NULL);
	x->vals = calloc(x->nfields, sizeof *x->vals);
	x->setlist = calloc(x->nfields, sizeof *x->setlist);
	x->rank[0] = calloc(x->nfields, sizeof *x->rank[0]);
	x->rank[1] = calloc(x->nfields, sizeof *x->rank[1]);
	if (x->mdata == NULL || x->vals == NULL || x->setlist == NULL ||
	    x->rank[0] == NULL || x->rank[1] == NULL) {
		gai_error_set(err, GAI_E_NOMEM, 0, 0, "out of memory");
		goto fail;
	}
	for (r = 0; r < x->nfields; r++) {
		x->rank[0][r] = gai_fields_rank(r, GAI_ED_2021);
		x->rank[1][r] = gai_fields_rank(r, GAI_ED_2019);
	}
	/* Every label pattern with the numbering a report may put first. */
	for (ti = 0, t = gx_tables; t->name != NULL; t++, ti++) {
		gai_buf_clear(&all);
		if (t->detect != NULL &&
		    (x->detect_re[ti] = gx_compile(t->detect, 0, err)) == NULL)
			goto fail;
		for (r = 0; t->rows[r].key != NULL; r++) {
			const struct gx_row *row = &t->rows[r];
			const char *const *cols = row->cols[0] != NULL ?
			    row->cols : t->cols;

			if (row->pat != NULL) {
				char pat[512];

				if (row->pat[0] == '!')
					snprintf(pat, sizeof pat, "%s",
					    row->pat + 1);
				else
					snprintf(pat, sizeof pat,
					    NUMBERING "(?:%s)", row->pat);
				/* glued text: no numbering, gx_unglue finds it */
				if (add_branch(&all, pat, r) < 0 ||
				    add_branch(&bare, row->pat + (row->pat[0] ==
				    '!'), r) < 0) {
					gai_error_set(err, GAI_E_NOMEM, 0, 0,
					    "out of memory");
					goto fail;
				}
			}
			for (c = 0; cols[c] != NULL; c++) {
				snprintf(key, sizeof key, "%s.%s%s%s", t->name,
				    row->key, row->key[0] ? "." : "", cols[c]);
				x->fidx[ti][r][c] = gai_fields_index(key);
				if (x->fidx[ti][r][c] < 0) {
					gai_error_set(err, GAI_E_USAGE, 0, 0,
					    "%s: not a FIELDS.md key", key);
					goto fail;
				}
			}
		}
		if (all.len > 0) {
			if (gai_buf_putc(&all, '\0') < 0) {
				gai_error_set(err, GAI_E_NOMEM, 0, 0,
				    "out of memory");
				goto fail;
			}
			if ((x->tab_re[ti] = gx_compile(all.data, 1, err)) ==
			    NULL)
				goto fail;
		}
		if (compile_fuzzy(x, ti, err) < 0)
			goto fail;
	}
	gai_buf_free(&all);
	/* every table's labels in one unanchored search (glued text) */
	if (gai_buf_putc(&bare, '\0') < 0) {
		gai_error_set(err, GAI_E_NOMEM, 0, 0, "out of memory");
		goto fail;
	}
	if ((x->labu_re = gx_compile(bare.data, 0, err)) == NULL)
		goto fail;
	gai_buf_free(&bare);
	for (r = 0; gx_heading_pats[r] != NULL; r++)
		if (compile_heading(gx_heading_pats[r], &x->head_re[r],
		    err) < 0)
			goto fail;
	if (gx_meta_compile(x, err) < 0 || gx_glued_compile(x, err) < 0)
		goto fail;
	glue_filter(x);
	/* the last character of every gx_heading_pats, both forms */
	if (gai_chars_init(&x->head_chars, "况況题題项項", 0) < 0 ||
	    gx_scan_chars(x) < 0) {
		gai_error_set(err, GAI_E_USAGE, 0, 0, "heading characters");
		goto fail;
	}
	x->nojit = nojit;
	return x;
fail:
	gai_buf_free(&all);
	gai_buf_free(&bare);
	gai_extract_free(x);
	return NULL;
}

void
gai_extract_free(struct gai_extract *x)
{
	size_t i;

	if (x == NULL)
		return;
	for (i = 0; i < GX_MAXTABLES; i++) {
		pcre2_code_free(x->detect_re[i]);
		pcre2_code_free(x->tab_re[i]);
		pcre2_code_free(x->fuzzy_re[i]);
	}
	for (i = 0; i < 4; i++)
		pcre2_code_free(x->head_re[i]);
	for (i = 0; i < sizeof x->meta_re / sizeof x->meta_re[0]; i++)
		pcre2_code_free(x->meta_re[i]);
	pcre2_code_free(x->glue_re);
	pcre2_code_free(x->labu_re);
	pcre2_match_data_free(x->mdata);
	gx_memo_free(x->memo);
	free(x->gtok);
	gai_buf_free(&x->gsq);
	free(x->gmap);
	gai_buf_free(&x->fold);
	gx_toks_free(&x->toks);
	free(x->lmark);
	free(x->wline);
	free(x->words);
	gai_buf_free(&x->sq);
	free(x->label);
	free(x->labend);
	free(x->vals);
	free(x->setlist);
	free(x->rank[0]);
	free(x->rank[1]);
	gai_buf_free(&x->arena);
	free(x->warns);
	free(x->recs);
	gai_buf_free(&x->numbuf);
	free(x);
}

static int
add_rec(struct gai_extract *x, const char *key, const char *value, long line,
    const char *cell, size_t cell_len, const char *how)
{
	struct gai_extract_rec *r;

	if (x->nrec == x->rcap) {
		size_t cap = x->rcap ? x->rcap * 2 : 256;
		struct gai_extract_rec *v = realloc(x->recs, cap * sizeof *v);

		if (v == NULL)
			return GAI_E_NOMEM;
		x->recs = v;
		x->rcap = cap;
	}
	r = &x->recs[x->nrec++];
	r->key = key;
	r->value = value;
	r->line = line;
	r->cell = cell;
	r->cell_len = cell_len;
	r->how = how;
	return 0;
}

/*
 * The line of the document where sentence s[0..n) starts: where its first
 * six characters (or up to a space, where the scanner may have joined a
 * wrapped line) stand in the text; 0 if they are not found.
 */
static long
sentence_line(const struct gai_extract *x, const char *s, size_t n)
{
	const char *sp = memchr(s, ' ', n), *hit;

	if (sp != NULL)
		n = (size_t)(sp - s);
	if (n > 18)	/* a line may break after them: whole characters */
		for (n = 18; n > 0 && (s[n] & 0xc0) == 0x80; n--)
			;
	if (n == 0 || (hit = memmem(x->text.data, x->text.len, s, n)) == NULL)
		return 0;
	return x->first_line +
	    (long)gx_line_of(&x->toks, (size_t)(hit - x->text.data));
}

/* A count the prose states and its sentence, kept until the records are
 * made. */
static int
take_prose(void *ctx, const char *key, const char *value, const char *s,
    size_t n)
{
	struct gai_extract *x = ctx;
	struct gx_prose *p;

	if (x->nprose == sizeof x->prose / sizeof x->prose[0])
		return 1;	/* more than the scanner has keys: stop */
	p = &x->prose[x->nprose++];
	p->key = key;
	p->line = sentence_line(x, s, n);
	p->voff = x->arena.len;
	if (gai_buf_puts(&x->arena, value) < 0 ||
	    gai_buf_putc(&x->arena, '\0') < 0)
		return GAI_E_NOMEM;
	p->soff = x->arena.len;
	p->slen = n;
	if (gai_buf_append(&x->arena, s, n) < 0 ||
	    gai_buf_putc(&x->arena, '\0') < 0)
		return GAI_E_NOMEM;
	return 0;
}

/* Field indexes in the order the edition's tables list them; stable.
 * Set mostly in that order already: an insertion sort on ranks looked
 * up once (x->rank), not asked of gai_fields at every step. */
static void
sort_fields(const struct gai_extract *x, long *v, size_t n, unsigned edition)
{
	const long *rank = x->rank[edition == GAI_ED_2019];
	size_t i, j;
	long t;

	for (i = 1; i < n; i++) {
		t = v[i];
		for (j = i; j > 0 && rank[v[j - 1]] > rank[t]; j--)
			v[j] = v[j - 1];
		v[j] = t;
	}
}

/* Warnings in FIELDS.md order of what they are about; stable. */
static void
sort_warns(struct gx_warn *w, size_t n)
{
	size_t i, j;
	struct gx_warn t;

	for (i = 1; i < n; i++) {
		t = w[i];
		for (j = i; j > 0 && w[j - 1].order > t.order; j--)
			w[j] = w[j - 1];
		w[j] = t;
	}
}

/*
 * Fold own, valid UTF-8, from byte from on where it is, in pieces through
 * x->fold: no character grows as it folds (（ to (, CR LF to LF), so what
 * is written never passes what is still to be read, and the document is
 * not held twice.
 */
static int
fold_in_place(struct gai_extract *x, struct gai_buf *own, size_t from)
{
	struct gai_fold st = { 0, 0 };
	size_t at = from, to = from, k;

	while (at < own->len) {
		/* whole characters: back over continuation bytes */
		if ((k = own->len - at) > FOLD_PIECE)
			for (k = FOLD_PIECE;
			    ((unsigned char)own->data[at + k] & 0xC0) == 0x80;
			    k--)
				;
		gai_buf_clear(&x->fold);
		if (gai_text_fold(&st, &x->fold, own->data + at, k) < 0 ||
		    (at + k == own->len &&
		    gai_text_fold_end(&st, &x->fold) < 0))
			return GAI_E_NOMEM;
		at += k;
		if (x->fold.len > 0)
			memcpy(own->data + to, x->fold.data, x->fold.len);
		to += x->fold.len;
	}
	own->len = to;
	own->data[to] = '\0';
	x->text.data = own->data;
	x->text.len = to;
	return 0;
}

/* Fold text[0..len) into x->fold, the caller's text left as it is. */
static int
fold_copy(struct gai_extract *x, const char *text, size_t len)
{
	struct gai_fold st = { 0, 0 };

	gai_buf_clear(&x->fold);
	if (gai_text_fold(&st, &x->fold, text, len) < 0 ||
	    gai_text_fold_end(&st, &x->fold) < 0)
		return GAI_E_NOMEM;
	x->text = x->fold;
	return 0;
}

/* The document read, as gai_extract_doc says; with check, GAI_E_ENCODING
 * when it is not stream 1; own, when not NULL, holds text (and may be
 * folded where it is). */
static int
read_doc(struct gai_extract *x, const char *text, size_t len,
    struct gai_buf *own, long first_line, int check, struct gai_error *err)
{
	struct gx_scanned sc;
	struct gai_prose_marks pm;
	size_t i, k;
	int rc;

	gai_buf_clear(&x->arena);
	for (i = 0; i < x->nset; i++)
		x->vals[x->setlist[i]].set = 0;
	x->nset = 0;
	x->nwarn = x->nrec = 0;
	x->first_line = first_line;
	x->year = x->edition = x->found_any = 0;
	/* One pass: is it stream 1, does folding change it, the marks of
	 * its lines. */
	if (gx_scan(x, text, len, &sc) < 0)
		goto nomem;
	if (check && (!sc.utf8 || sc.nul ||
	    !gai_normalize_stream1_head(text, len)))
		return GAI_E_ENCODING;
	/* Offsets into it are 32 bits: a token is 16 bytes (see gx_tok). */
	if (len > UINT32_MAX - 1)
		return gai_error_set(err, GAI_E_FORMAT, 0, 0, "document of "
		    "%zu bytes: gai-extract reads documents under 4 GiB", len);
	/* Text that skipped gai-normalize is folded here, so that （）： match
	 * the same labels; stream 1 is folded already, and is read where it
	 * is: no copy of the document. */
	x->text.data = (char *)text;
	x->text.len = len;
	if (sc.fold < len && ((own != NULL ? fold_in_place(x, own, sc.fold) :
	    fold_copy(x, text, len)) < 0 ||
	    gx_scan(x, x->text.data, x->text.len, &sc) < 0))
		goto nomem;
	if (gx_tokenize(&x->toks, x->text.data, x->text.len) < 0)
		goto nomem;
	if ((rc = gx_meta(x, 1)) < 0 || (rc = gx_match_tables(x)) < 0 ||
	    (rc = gx_meta(x, 0)) < 0)
		goto nomem;
	if (!x->found_any) {
		for (i = 0; i < x->nfields; i++)
			if (gai_fields_at(i)->table != GAI_T_META)
				x->vals[i].set = 0;
		x->nwarn = 0;
		if (gx_warn(x, "no_tables", "document: no report table "
		    "found (二、主动公开, 三、申请, 四、复议诉讼)") < 0)
			goto nomem;
	}
	/* What the prose says, for gai-check to hold against the tables. */
	pm.line = x->lmark;
	pm.wline = x->wline;
	pm.words = x->words;
	pm.nw = x->nw;
	x->nprose = 0;
	if (x->found_any &&
	    gai_prose_scan(x->text.data, x->text.len, &pm, take_prose,
	    x) < 0)
		goto nomem;
	/* The records, pointing into the arena now that it stops growing;
	 * in FIELDS.md order, which is the order of the field indexes. */
	sort_fields(x, x->setlist, x->nset, (unsigned)x->edition);
	for (k = 0; k < x->nset; k++) {
		i = (size_t)x->setlist[k];
		const struct gx_val *v = &x->vals[i];

		if (v->set && add_rec(x, gai_fields_at(i)->key,
		    x->arena.data + v->voff, v->line, v->cell,
		    v->cell_len, v->how ? x->arena.data + v->how - 1 :
		    NULL) < 0)
			goto nomem;
	}
	for (k = 0; k < x->nprose; k++)
		if (add_rec(x, x->prose[k].key,
		    x->arena.data + x->prose[k].voff, x->prose[k].line,
		    x->arena.data + x->prose[k].soff, x->prose[k].slen,
		    NULL) < 0)
			goto nomem;
	sort_warns(x->warns, x->nwarn);
	for (i = 0; i < x->nwarn; i++)
		if (add_rec(x, x->arena.data + x->warns[i].koff,
		    x->arena.data + x->warns[i].voff, 0, NULL, 0, NULL) < 0)
			goto nomem;
	return x->found_any ? GAI_OK : GAI_EOF;
nomem:
	return gai_error_set(err, GAI_E_NOMEM, 0, 0, "out of memory");
}

int
gai_extract_doc(struct gai_extract *x, const char *text, size_t len,
    long first_line, struct gai_error *err)
{
	return read_doc(x, text, len, NULL, first_line, 0, err);
}

int
gai_extract_stream1(struct gai_extract *x, const char *text, size_t len,
    long first_line, struct gai_error *err)
{
	return read_doc(x, text, len, NULL, first_line, 1, err);
}

int
gai_extract_stream1_buf(struct gai_extract *x, struct gai_buf *text,
    long first_line, struct gai_error *err)
{
	return read_doc(x, text->data != NULL ? text->data : "", text->len,
	    text, first_line, 1, err);
}

size_t
gai_extract_count(const struct gai_extract *x)
{
	return x->nrec;
}

const struct gai_extract_rec *
gai_extract_at(const struct gai_extract *x, size_t i)
{
	return i < x->nrec ? &x->recs[i] : NULL;
}
