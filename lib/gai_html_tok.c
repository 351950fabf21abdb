/* SPDX-License-Identifier: MIT */
/*
 * gai_html_tok: gai's own HTML tokenizer, reading a page as libxml2 2.9's
 * HTML push parser does (the oracle it is tested against, and the fallback
 * behind gai-normalize --html-parser=libxml2) but without its per-character
 * input layer: text and markup are found with memchr, a tag name with one
 * hash probe.  The states are the WHATWG tokenizer's where libxml2 follows
 * them: data, tag open, end tag open, tag name, attribute name and value
 * (quoted and not), self-closing, markup declaration (comment, DOCTYPE,
 * bogus), character reference and the script/style raw text.
 *
 * Tree building follows libxml2 too, since the lines depend on which
 * elements it ends where: the table of which start tag closes which open
 * element and which elements are empty is generated from libxml2 itself
 * at build time (gai_html_gen.c), so it is the oracle's, not a copy.
 * Only what gai_html.c needs is reported: element kinds, start and end, and
 * text, in the same pieces libxml2's SAX callbacks would give.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "gai_buf.h"
#include "gai_html_impl.h"

struct gt_tag {
	const char *name;
	unsigned char len;
	unsigned char kind;
	unsigned char empty;	/* no content: ended as soon as started */
	uint64_t closes[3];	/* open elements its start tag ends */
};

#include "gai_html_tags.h"

#define UNKNOWN 0xFFFFu		/* a name not in the table */
#define TAG_NAME_MAX 100		/* libxml2 reads no more of a name */

struct open_el {
	unsigned id;
	size_t off;		/* an unknown name: where in names */
	size_t len;
};

struct gai_html_tok {
	struct gai_html *h;
	struct open_el *st;	/* the open elements, as libxml2's stack */
	size_t n, cap;
	struct gai_buf names;	/* the unknown names on the stack */
	struct gai_buf carry;	/* a construct cut by the end of a chunk */
	struct gai_buf text;	/* text without the characters libxml2 drops */
	size_t resume;		/* where to look again in carry for "-->" */
	int seen;		/* 3 once <head> was open, 10 once <body> */
	int depth;		/* misplaced <head> tags ignored */
	int skipped;		/* misplaced <html> and <body> tags ignored */
	int head_kept;		/* libxml2 left a </head> unread (end_tag) */
	int in_text;		/* the last thing read was text or a reference */
	int unlike;		/* read where libxml2 2.9 reads the page wrong */
	int in_comment;		/* in a comment read in part, its end not yet */
	int raw_lt, raw_cut;	/* raw_text: a "</", a chunk's end, in it */
	int nomem;
	int track;		/* the lines are tracked (gai_html_at_line) */
	unsigned long line;	/* the page line at counted */
	size_t counted;		/* where parse's bytes are counted up to */
};

static unsigned
lookup(const char *s, size_t n)
{
	unsigned v = gt_slot[gai_html_tag_hash(s, n, GT_SEED) % GT_SLOTS];

	if (v != 0 && gt_tags[v - 1].len == n &&
	    memcmp(gt_tags[v - 1].name, s, n) == 0)
		return v - 1;
	return UNKNOWN;
}

enum gai_html_kind
gai_html_tag_kind(const char *s, size_t n)
{
	unsigned id = lookup(s, n);

	return id == UNKNOWN ? K_INLINE : (enum gai_html_kind)gt_tags[id].kind;
}

static enum gai_html_kind
kind(unsigned id)
{
	return id == UNKNOWN ? K_INLINE : (enum gai_html_kind)gt_tags[id].kind;
}

static unsigned
top(const struct gai_html_tok *t)
{
	return t->n > 0 ? t->st[t->n - 1].id : UNKNOWN;
}

/* Is open element i the one named id (and name, when unknown)? */
static int
is(const struct gai_html_tok *t, size_t i, unsigned id, const char *name,
    size_t len)
{
	const struct open_el *e = &t->st[i];

	if (e->id != id)
		return 0;
	return id != UNKNOWN || (e->len == len &&
	    memcmp(t->names.data + e->off, name, len) == 0);
}

static void
open_el(struct gai_html_tok *t, unsigned id, const char *name, size_t len)
{
	struct open_el *e;

	if (t->n == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 32;

		if ((e = realloc(t->st, cap * sizeof *e)) == NULL) {
			t->nomem = 1;
			return;
		}
		t->st = e;
		t->cap = cap;
	}
	e = &t->st[t->n];
	e->id = id;
	e->off = t->names.len;
	e->len = 0;
	if (id == UNKNOWN) {
		if (gai_buf_append(&t->names, name, len) != 0) {
			t->nomem = 1;
			return;
		}
		e->len = len;
	}
	t->n++;
	if (id == GT_head && t->seen < 3)
		t->seen = 3;
	if (id == GT_body && t->seen < 10)
		t->seen = 10;
	gai_html_on_start(t->h, kind(id));
}

static void
pop(struct gai_html_tok *t)
{
	t->n--;
	if (t->st[t->n].id == UNKNOWN)
		t->names.len = t->st[t->n].off;
}

static void
close_top(struct gai_html_tok *t)
{
	unsigned id = top(t);

	pop(t);
	gai_html_on_end(t->h, kind(id));
}

/* Does a start tag of id end an open <head>? */
static int
ends_head(unsigned id)
{
	return id != UNKNOWN &&
	    (gt_tags[id].closes[GT_head / 64] >> (GT_head % 64) & 1);
}

/*
 * What follows a </head> that libxml2 left unread (end_tag), with nothing
 * open inside the <head>: if libxml2 ends that <head> there (ends), the
 * two read alike again; else it reads what follows into the <head>
 * (where gai_html.c shows no text), which a browser does not.
 */
static void
after_kept_head(struct gai_html_tok *t, int ends)
{
	t->unlike |= !ends;
	t->head_kept = 0;
}

/* A start tag of id ends the open elements the table says it ends. */
static void
auto_close(struct gai_html_tok *t, unsigned id)
{
	unsigned o;

	if (id == UNKNOWN)
		return;
	while (t->n > 0 && (o = top(t)) != UNKNOWN &&
	    (gt_tags[id].closes[o / 64] >> (o % 64) & 1))
		close_top(t);
}

/* The <html>, <head> and <body> a start tag of id implies. */
static void
implied(struct gai_html_tok *t, unsigned id)
{
	size_t i;

	if (id == GT_html)
		return;
	if (t->n == 0)
		open_el(t, GT_html, NULL, 0);
	if (id == GT_body || id == GT_head)
		return;
	if (t->n <= 1 && (id == GT_script || id == GT_style ||
	    id == GT_meta || id == GT_link || id == GT_title ||
	    id == GT_base)) {
		if (t->seen < 3)
			open_el(t, GT_head, NULL, 0);
		return;
	}
	if (id == GT_noframes || id == GT_frame || id == GT_frameset ||
	    t->seen >= 10)
		return;
	for (i = 0; i < t->n; i++)
		if (t->st[i].id == GT_body || t->st[i].id == GT_head)
			return;
	open_el(t, GT_body, NULL, 0);
}

/* Text where only <html> or <head> is open starts a paragraph. */
static void
paragraph(struct gai_html_tok *t)
{
	unsigned o = top(t);

	if (t->head_kept)	/* libxml2 starts a paragraph there too */
		after_kept_head(t, ends_head(GT_p));
	if (t->n > 0 && o != GT_html && o != GT_head)
		return;
	auto_close(t, GT_p);
	implied(t, GT_p);
	open_el(t, GT_p, NULL, 0);
}

/* How hard an open element holds against an end tag of another. */
static int
priority(unsigned id)
{
	switch (id) {
	case GT_div:
		return 150;
	case GT_td: case GT_th:
		return 160;
	case GT_tr:
		return 170;
	case GT_thead: case GT_tbody: case GT_tfoot:
		return 180;
	case GT_table:
		return 190;
	case GT_head: case GT_body:
		return 200;
	case GT_html:
		return 220;
	default:
		return 100;
	}
}

/*
 * A start tag.  end is '>' or '/' (for "/>"), or 0 when the page ended
 * inside the tag.
 */
static void
start_tag(struct gai_html_tok *t, const char *name, size_t len, int end)
{
	unsigned id = lookup(name, len);
	int discard = 0;
	size_t i;

	if (t->head_kept)
		after_kept_head(t, ends_head(id));
	auto_close(t, id);
	implied(t, id);
	if (id == GT_html && t->n > 0)
		discard = 1, t->skipped++;
	if (id == GT_head && t->n != 1)
		discard = 1, t->depth++;
	for (i = 0; id == GT_body && i < t->n && !discard; i++)
		if (t->st[i].id == GT_body)
			discard = 1, t->skipped++;
	if (!discard)
		open_el(t, id, name, len);
	if (t->n == 0 || t->nomem)
		return;
	/* As libxml2 does, these act on whatever element is now on top. */
	if (end == '/')
		close_top(t);
	else if (end == 0)
		pop(t);
	else if (top(t) != UNKNOWN && gt_tags[top(t)].empty)
		close_top(t);
}

static void
end_tag(struct gai_html_tok *t, const char *name, size_t len)
{
	unsigned id = lookup(name, len);
	int pri, lost = 0;
	size_t i;

	t->unlike |= t->n == 0;		/* where libxml2 drops the rest */
	/*
	 * </body> and </html> never end anything: text after them is still
	 * shown by browsers (libxml2 2.9 would drop it; gai_html.c takes
	 * these end tags out before libxml2 sees them).
	 */
	if (id == GT_body || id == GT_html)
		return;
	if (id == GT_head && t->depth > 0) {
		t->depth--;
		return;
	}
	/*
	 * libxml2 counts a misplaced <html> or <body> with the <head>s and
	 * leaves as many </head> unread: <html><html><head><t></head>x
	 * keeps x in <head>, which a browser ends at <t>.
	 */
	if (id == GT_head && t->skipped > 0)
		t->skipped--, lost = 1;
	if (t->head_kept)	/* only a </head> it reads ends it */
		after_kept_head(t, id == GT_head && !lost);
	for (i = t->n; i > 0 && !is(t, i - 1, id, name, len); i--)
		;
	if (i == 0)
		return;		/* not open: ignored */
	pri = priority(id);
	for (i = t->n; i > 0 && !is(t, i - 1, id, name, len); i--)
		if (priority(t->st[i - 1].id) > pri)
			return;
	if (lost && i == t->n)
		t->head_kept = 1;	/* it may yet read alike */
	else
		t->unlike |= lost;
	while (t->n >= i)	/* the element itself too: it is st[i - 1] */
		close_top(t);
}

static int
blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

static int
alpha(unsigned char c)
{
	return (unsigned char)((c | 0x20) - 'a') < 26;
}

/* A character libxml2 takes in a tag or attribute name. */
static int
name_char(unsigned char c)
{
	return alpha(c) || (unsigned char)(c - '0') < 10 || c == ':' ||
	    c == '-' || c == '_' || c == '.';
}

static int
name_start(unsigned char c)
{
	return alpha(c) || c == '_' || c == ':' || c == '.';
}

/*
 * Text, in the pieces libxml2 hands on: without the control characters
 * and U+FFFE/U+FFFF it drops, form feed and vertical tab as spaces (as
 * gai_html.c gives them to libxml2).  Text that is not all blank, or blank
 * before a character reference, first opens a paragraph where needed.
 */
static void
text(struct gai_html_tok *t, const char *s, size_t n, int before_ref)
{
	size_t i, run = 0;
	int nonblank = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 && c != 0xEF) {
			nonblank |= c != ' ';
			continue;
		}
		if (c == 0xEF) {
			nonblank = 1;
			if (i + 2 < n && s[i + 1] == '\xBF' &&
			    (s[i + 2] == '\xBE' || s[i + 2] == '\xBF'))
				goto filter;
			continue;
		}
		if (c == '\t' || c == '\n' || c == '\r')
			continue;
		goto filter;
	}
	if (n == 0)
		return;
	if (nonblank || before_ref)
		paragraph(t);
	gai_html_on_text(t->h, s, n);
	return;
filter:
	gai_buf_clear(&t->text);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == 0xEF && i + 2 < n && s[i + 1] == '\xBF' &&
		    (s[i + 2] == '\xBE' || s[i + 2] == '\xBF')) {
			if (gai_buf_append(&t->text, s + run, i - run) != 0)
				t->nomem = 1;
			i += 2;
			run = i + 1;
			continue;
		}
		if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
			continue;
		if (gai_buf_append(&t->text, s + run, i - run) != 0 ||
		    ((c == '\f' || c == '\v') &&
		    gai_buf_putc(&t->text, ' ') != 0))
			t->nomem = 1;
		run = i + 1;
	}
	if (gai_buf_append(&t->text, s + run, n - run) != 0) {
		t->nomem = 1;
		return;
	}
	nonblank = 0;
	for (i = 0; i < t->text.len; i++)
		nonblank |= !blank((unsigned char)t->text.data[i]);
	if (t->text.len == 0)
		return;
	if (nonblank || before_ref)
		paragraph(t);
	gai_html_on_text(t->h, t->text.data, t->text.len);
}

/* A '<' that starts no markup: text, without a paragraph, as in libxml2. */
static void
lone_lt(struct gai_html_tok *t)
{
	if (t->head_kept)
		after_kept_head(t, 0);
	gai_html_on_text(t->h, "<", 1);
}

/* A code point from a character reference, as its own piece of text. */
static void
put_char(struct gai_html_tok *t, unsigned long c)
{
	char u[4];
	size_t k;

	if (c < 0x80) {
		u[0] = (char)c;
		k = 1;
	} else if (c < 0x800) {
		u[0] = (char)(0xC0 | c >> 6);
		u[1] = (char)(0x80 | (c & 0x3F));
		k = 2;
	} else if (c < 0x10000) {
		u[0] = (char)(0xE0 | c >> 12);
		u[1] = (char)(0x80 | (c >> 6 & 0x3F));
		u[2] = (char)(0x80 | (c & 0x3F));
		k = 3;
	} else {
		u[0] = (char)(0xF0 | c >> 18);
		u[1] = (char)(0x80 | (c >> 12 & 0x3F));
		u[2] = (char)(0x80 | (c >> 6 & 0x3F));
		u[3] = (char)(0x80 | (c & 0x3F));
		k = 4;
	}
	paragraph(t);
	gai_html_on_text(t->h, u, k);
}

/* A character XML allows: what libxml2 keeps of a numeric reference. */
static int
xml_char(unsigned long c)
{
	return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
	    (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/*
 * At s[0] == '&': a character reference.  The bytes it takes, or 0 when
 * the chunk ends before it is known (never when final).
 */
static size_t
reference(struct gai_html_tok *t, const char *s, size_t n, int final)
{
	const htmlEntityDesc *e;
	unsigned long v = 0;
	char name[40];
	size_t i;

	if (n < 2 && !final)
		return 0;
	/*
	 * A '&' that ends the page is text after text, but lost after markup:
	 * libxml2 reads it in its loop over text, and not otherwise.
	 */
	if (n < 2 && !t->in_text)
		return 1;
	if (n >= 2 && s[1] == '#') {
		int hex = n > 2 && (s[2] | 0x20) == 'x';

		for (i = hex ? 3 : 2; i < n && s[i] != ';'; i++) {
			unsigned char c = (unsigned char)s[i], d;

			if ((unsigned char)(c - '0') < 10)
				d = (unsigned char)(c - '0');
			else if (hex && (unsigned char)((c | 0x20) - 'a') < 6)
				d = (unsigned char)((c | 0x20) - 'a' + 10);
			else
				break;
			if (v < 0x110000)
				v = v * (hex ? 16 : 10) + d;
		}
		if (i == n && !final)
			return 0;
		if (i < n && s[i] == ';')
			i++;
		/* libxml2 drops a reference to no character, '&#' and all. */
		if (xml_char(v))
			put_char(t, v);
		return i;
	}
	i = 1;
	if (n >= 2 && name_start((unsigned char)s[1]) && s[1] != '.')
		for (i = 2; i < n && name_char((unsigned char)s[i]); i++)
			;
	if (i == n && !final)
		return 0;
	if (i > 1 && i < n && s[i] == ';' && i - 1 < sizeof name) {
		memcpy(name, s + 1, i - 1);
		name[i - 1] = '\0';
		e = htmlEntityLookup((const xmlChar *)name);
		if (e != NULL && e->value > 0) {
			put_char(t, e->value);
			return i + 1;
		}
	}
	paragraph(t);
	gai_html_on_text(t->h, "&", 1);
	if (i > 1)
		gai_html_on_text(t->h, s + 1, i - 1);
	return i;
}

/* Lower-case a name of at most TAG_NAME_MAX bytes from s into buf. */
static size_t
read_name(const char *s, size_t n, char *buf, size_t *len)
{
	size_t i;

	for (i = 0; i < n && i < TAG_NAME_MAX && name_char((unsigned char)s[i]);
	    i++)
		buf[i] = (char)((unsigned char)(s[i] - 'A') < 26 ?
		    s[i] | 0x20 : s[i]);
	*len = i;
	return i;
}

/*
 * Where libxml2 2.9's push parser takes a tag or DOCTYPE s[0..n) to end:
 * at the first '>' outside its quotes, pairing '"' and '\'' wherever they
 * are (junk after a name, inside an unquoted value); n when none is.
 * It waits for that '>' before it reads the markup, and then reads only
 * as far as its input goes.
 */
static size_t
lookahead_gt(const char *s, size_t n)
{
	size_t i;
	char q = 0;

	for (i = 0; i < n; i++)
		if (q == 0 && s[i] == '>')
			return i;
		else if (q == 0 && (s[i] == '"' || s[i] == '\''))
			q = s[i];
		else if (s[i] == q)
			q = 0;
	return n;
}

/*
 * A start tag s[0..e) whose end libxml2's look-ahead puts earlier: libxml2
 * cuts the tag's last quoted value where its input ends, so that what
 * follows depends on where the page was cut into chunks (a browser reads
 * the value to its closing quote).
 */
static int
cut_early(const char *s, size_t e)
{
	return e >= 2 && lookahead_gt(s, e - 1) < e - 1;
}

/*
 * At a long attribute name followed by '=': does libxml2 lose the value?
 * It reads a name TAG_NAME_MAX characters at a time, each piece a name of
 * its own; one that starts with a digit or '-' it skips as junk, with the
 * '=' and the value, to a blank or a '>', even one inside the value's
 * quotes.  A browser, like gai, reads the whole name and its value.
 */
static int
name_cut(const char *s, size_t n)
{
	size_t p;

	for (p = TAG_NAME_MAX; p < n; p += TAG_NAME_MAX)
		if (!name_start((unsigned char)s[p]))
			return 1;
	return 0;
}

/*
 * At "<" and a letter: a start tag, read as libxml2 reads one.  The bytes
 * it takes, or 0 when the chunk ends inside it (never when final).
 */
static size_t
start_tag_at(struct gai_html_tok *t, const char *s, size_t n, int final)
{
	char name[TAG_NAME_MAX];
	size_t len, k, i = 1 + read_name(s + 1, n - 1, name, &len);
	const char *q;
	int end = 0, stray = 0;	/* a quote that starts no value */
	int cut;		/* libxml2 loses the name's value */

	for (;;) {
		while (i < n && blank((unsigned char)s[i]))
			i++;
		if (i == n || (s[i] == '/' && i + 1 == n))
			break;
		if (s[i] == '>') {
			end = '>';
			i++;
			break;
		}
		if (s[i] == '/' && s[i + 1] == '>') {
			end = '/';
			i += 2;
			break;
		}
		if (!name_start((unsigned char)s[i])) {
			/* Not an attribute: skipped to a blank or the end. */
			for (; i < n && !blank((unsigned char)s[i]) &&
			    s[i] != '>' && !(s[i] == '/' && i + 1 < n &&
			    s[i + 1] == '>'); i++)
				stray |= s[i] == '"' || s[i] == '\'';
			continue;
		}
		for (k = i; i < n && name_char((unsigned char)s[i]); i++)
			;
		cut = name_cut(s + k, i - k);
		while (i < n && blank((unsigned char)s[i]))
			i++;
		if (i == n || s[i] != '=')
			continue;
		t->unlike |= cut;
		for (i++; i < n && blank((unsigned char)s[i]); i++)
			;
		if (i < n && (s[i] == '"' || s[i] == '\'')) {
			if ((q = memchr(s + i + 1, s[i], n - i - 1)) == NULL)
				i = n;
			else
				i = (size_t)(q - s) + 1;
			continue;
		}
		for (; i < n && !blank((unsigned char)s[i]) && s[i] != '>'; i++)
			stray |= s[i] == '"' || s[i] == '\'';
	}
	if (end == 0) {
		if (!final)
			return 0;
		i = n;		/* the page ended inside the tag */
	}
	/* Only such a quote makes libxml2 pair the quotes otherwise. */
	if (stray)
		t->unlike |= cut_early(s, i);
	start_tag(t, name, len, end);
	return i;
}

/* At "</": an end tag; 0 when the chunk ends inside it. */
static size_t
end_tag_at(struct gai_html_tok *t, const char *s, size_t n, int final)
{
	char name[TAG_NAME_MAX];
	size_t len, i;
	const char *gt;

	if (n < 3 && !final)
		return 0;
	if (n < 3 || !name_start((unsigned char)s[2])) {
		/* Where no element is open libxml2 drops all that follows,
		 * as after a stray end tag (end_tag). */
		t->unlike |= n >= 3 && t->n == 0;
		return 2;	/* libxml2 drops the "</", keeps the rest */
	}
	i = 2 + read_name(s + 2, n - 2, name, &len);
	if ((gt = memchr(s + i, '>', n - i)) == NULL) {
		if (!final)
			return 0;
		i = n;
	} else {
		i = (size_t)(gt - s) + 1;
	}
	end_tag(t, name, len);
	return i;
}

/* Does s start with w, ignoring ASCII case? */
static int
starts_ci(const char *s, size_t n, const char *w, size_t k)
{
	size_t i;

	if (n < k)
		return 0;
	for (i = 0; i < k; i++)
		if ((s[i] | 0x20) != w[i])
			return 0;
	return 1;
}

/* At "<!--": the comment's length, 0 when its end is not here yet. */
static size_t
comment_at(struct gai_html_tok *t, const char *s, size_t n, int final,
    size_t from)
{
	const char *p, *end = s + n;

	if (n >= 5 && s[4] == '>')
		return 5;
	if (n >= 6 && s[4] == '-' && s[5] == '>')
		return 6;
	/*
	 * "<!--!>" and "<!---!>" end no comment (WHATWG: comment start and
	 * comment start dash read the '!' as data; only "--!>" after them is
	 * the comment end bang state's end).  libxml2 2.9's push parser, which
	 * looks ahead for the end before it reads a comment, takes the
	 * opening "--" for the first half of "--!>": it reads the comment
	 * when only part of it is in, drops it unreported where the chunk
	 * ends and shows the rest as text.
	 */
	t->unlike |= (n >= 6 && s[4] == '!' && s[5] == '>') ||
	    (n >= 7 && s[4] == '-' && s[5] == '!' && s[6] == '>');
	for (p = s + (from > 4 ? from : 4); p + 3 <= end; p++) {
		if ((p = memchr(p, '-', (size_t)(end - p))) == NULL ||
		    p + 3 > end)
			break;
		if (p[1] != '-')
			continue;
		if (p[2] == '>')
			return (size_t)(p - s) + 3;
		if (p[2] == '!' && p + 3 < end && p[3] == '>')
			return (size_t)(p - s) + 4;
	}
	if (final)
		return n;	/* not closed: the rest of the page is comment */
	/*
	 * Not closed yet: what is read of it goes, but for the last bytes,
	 * which may start its end, so that a long comment (Word's XML in
	 * "<!--[if gte mso 9]>") is never held whole.
	 */
	if (n >= 7) {
		t->in_comment = 1;
		return n - 3;
	}
	t->resume = 4;
	return 0;
}

/* Inside a comment read in part: up to its end, or all but what may
 * start it; 0 when that is nothing yet. */
static size_t
comment_rest(struct gai_html_tok *t, const char *s, size_t n, int final)
{
	const char *p, *end = s + n;

	for (p = s; p + 3 <= end; p++) {
		if ((p = memchr(p, '-', (size_t)(end - p))) == NULL ||
		    p + 3 > end)
			break;
		if (p[1] != '-')
			continue;
		if (p[2] == '>' || (p[2] == '!' && p + 3 < end && p[3] == '>')) {
			t->in_comment = 0;
			return (size_t)(p - s) + (p[2] == '>' ? 3 : 4);
		}
	}
	if (final) {
		t->in_comment = 0;
		return n;
	}
	return n > 3 ? n - 3 : 0;
}

/* At "<!": a comment, a DOCTYPE, or a lone "<" in text. */
static size_t
markup_decl_at(struct gai_html_tok *t, const char *s, size_t n, int final)
{
	const char *gt;
	size_t k;

	if (n < 4)		/* libxml2 never reads a "<!" so cut */
		return final ? n : 0;
	if (s[2] == '-' && s[3] == '-')
		return comment_at(t, s, n, final, t->resume);
	if (n < 9 && !final && starts_ci(s + 2, n - 2, "doctype", n - 2))
		return 0;
	if (starts_ci(s + 2, n - 2, "doctype", 7)) {
		if ((gt = memchr(s, '>', n)) == NULL)
			return final ? n : 0;
		/*
		 * A '>' ends a DOCTYPE even inside a quoted public or system
		 * id (WHATWG: abrupt-doctype-public-identifier); libxml2 reads
		 * on to the closing quote.
		 */
		k = (size_t)(gt - s);
		t->unlike |= lookahead_gt(s, k + 1) != k;
		return k + 1;
	}
	/* libxml2 2.9 reads "<![if ...]>" as the text "<", then text. */
	lone_lt(t);
	return 1;
}

/* At "<?": a processing instruction, dropped up to '>'. */
static size_t
pi_at(struct gai_html_tok *t, const char *s, size_t n, int final)
{
	const char *gt;
	size_t i;

	if (n < 3)
		return final ? n : 0;
	if (!name_start((unsigned char)s[2]) && (unsigned char)s[2] < 0x80)
		return 2;	/* not a PI: "<?" goes, the rest is text */
	/*
	 * libxml2 asks XML's letter classes of a non-ASCII first character;
	 * the Han ideographs are the ones reports hold, other letters are
	 * read as text (bench/README.md lists the difference).
	 */
	if ((unsigned char)s[2] >= 0x80 && !(n >= 5 &&
	    ((unsigned char)s[2] >= 0xE4 && (unsigned char)s[2] <= 0xE9)))
		return 2;
	for (i = 3; i < n && name_char((unsigned char)s[i]); i++)
		;
	if (i == n)		/* libxml2 reads no target cut by the end */
		return final ? 2 : 0;
	/*
	 * Nor one that starts with '.', which XML's names do not: it drops
	 * the "<?" and shows the rest; a browser drops all to '>' (a bogus
	 * comment), as gai does.
	 */
	t->unlike |= s[2] == '.';
	if ((gt = memchr(s, '>', n)) != NULL)
		return (size_t)(gt - s) + 1;
	return final ? n : 0;
}

/*
 * Inside <script> or <style>: skip to "</script" or "</style" (the
 * content gives no text; libxml2 ends it there whatever follows the name).
 * The bytes skipped; *at_end says an end tag starts there, else what is
 * left may start one and waits for the next chunk.
 *
 * libxml2's push parser, once it read such content from a "</" (where
 * the content starts, or a chunk did) to the end of its input, takes what
 * the next chunk starts with for an end tag: "</p>" ends an open <p> and
 * the script or style with it; "</sty" and a bad byte is an end tag read
 * and dropped up to the next '>', "</style>" with it.  A browser, like
 * gai, reads on to "</style".  Where its chunks start (gai_html.c keeps
 * a cut "</style" or drops a "</body>" for it) is not quite where gai's
 * do: content that holds a "</" and is cut into chunks is reported.
 */
static size_t
raw_text(struct gai_html_tok *t, const char *s, size_t n, int final,
    int *at_end)
{
	const char *w = gt_tags[top(t)].name;
	size_t k = gt_tags[top(t)].len, i = 0;
	const char *lt;

	*at_end = 0;
	while ((lt = memchr(s + i, '<', n - i)) != NULL) {
		i = (size_t)(lt - s);
		if (n - i < k + 2)
			return final ? n : i;
		if (s[i + 1] == '/' && starts_ci(s + i + 2, n - i - 2, w, k)) {
			*at_end = 1;
			return i;
		}
		if (s[i + 1] == '/') {
			t->raw_lt = 1;
			t->unlike |= t->raw_cut;
		}
		i++;
	}
	return n;
}

/* Text up to the next '<' or '&'. */
static size_t
text_run(struct gai_html_tok *t, const char *s, size_t n)
{
	const char *lt = memchr(s, '<', n), *amp;
	size_t k = lt != NULL ? (size_t)(lt - s) : n;

	if ((amp = memchr(s, '&', k)) != NULL)
		k = (size_t)(amp - s);
	text(t, s, k, amp != NULL);
	return k;
}

/* The page line at s[i], for the text events of what starts there. */
static void
count_lines(struct gai_html_tok *t, const char *s, size_t i)
{
	const char *p = s + t->counted, *end = s + i;

	while (p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		t->line++;
		p++;
	}
	t->counted = i;
	gai_html_at_line(t->h, t->line);
}

/* Read s[0..n) as far as it goes; the bytes read (the rest waits). */
static size_t
parse(struct gai_html_tok *t, const char *s, size_t n, int final)
{
	size_t i = 0, k;

	while (i < n && !t->nomem && !gai_html_failed(t->h)) {
		unsigned o = top(t);

		if (t->track)
			count_lines(t, s, i);
		if (t->in_comment) {
			if ((k = comment_rest(t, s + i, n - i, final)) == 0)
				break;
			i += k;
			continue;
		}
		if (o == GT_script || o == GT_style) {
			int at_end;

			i += raw_text(t, s + i, n - i, final, &at_end);
			if (!at_end) {
				if (i < n)
					break;	/* maybe "</scr": wait */
				continue;
			}
			if ((k = end_tag_at(t, s + i, n - i, final)) == 0)
				break;
			i += k;
			t->in_text = 0;
			t->raw_lt = t->raw_cut = 0;
			continue;
		}
		if (s[i] != '<' && s[i] != '&') {
			i += text_run(t, s + i, n - i);
			t->in_text = 1;
			continue;
		}
		if (s[i] == '&')
			k = reference(t, s + i, n - i, final);
		else if (n - i < 2)
			k = final ? 1 : 0;	/* a last lone '<' is lost */
		else if (s[i + 1] == '/')
			k = end_tag_at(t, s + i, n - i, final);
		else if (alpha((unsigned char)s[i + 1]))
			k = start_tag_at(t, s + i, n - i, final);
		else if (s[i + 1] == '!')
			k = markup_decl_at(t, s + i, n - i, final);
		else if (s[i + 1] == '?')
			k = pi_at(t, s + i, n - i, final);
		else {
			lone_lt(t);
			k = 1;
		}
		if (k == 0)
			break;
		t->in_text = s[i] == '&';
		t->resume = 0;
		i += k;
	}
	if (t->track) {		/* what is not read is read again from 0 */
		count_lines(t, s, i);
		t->counted = 0;
	}
	return i;
}

struct gai_html_tok *
gai_html_tok_new(struct gai_html *h)
{
	struct gai_html_tok *t;

	if ((t = calloc(1, sizeof *t)) == NULL)
		return NULL;
	t->h = h;
	t->line = 1;
	return t;
}

int
gai_html_tok_feed(struct gai_html_tok *t, const char *s, size_t n, int final)
{
	size_t used;

	t->track = gai_html_tracks_lines(t->h);
	if (n > 0 && (top(t) == GT_script || top(t) == GT_style)) {
		t->raw_cut = 1;		/* the page is cut inside one */
		t->unlike |= t->raw_lt;
	}
	if (t->carry.len > 0) {
		if (gai_buf_append(&t->carry, s, n) != 0)
			return GAI_E_NOMEM;
		used = parse(t, t->carry.data, t->carry.len, final);
		memmove(t->carry.data, t->carry.data + used,
		    t->carry.len - used);
		t->carry.len -= used;
	} else {
		used = parse(t, s, n, final);
		if (used < n && gai_buf_append(&t->carry, s + used,
		    n - used) != 0)
			return GAI_E_NOMEM;
	}
	if (final && !t->nomem) {
		while (t->n > 0 && !gai_html_failed(t->h))
			close_top(t);
	}
	return t->nomem ? GAI_E_NOMEM : 0;
}

int
gai_html_tok_unlike_libxml2(const struct gai_html_tok *t)
{
	return t->unlike;
}

void
gai_html_tok_free(struct gai_html_tok *t)
{
	if (t == NULL)
		return;
	free(t->st);
	gai_buf_free(&t->names);
	gai_buf_free(&t->carry);
	gai_buf_free(&t->text);
	free(t);
}
