/* SPDX-License-Identifier: MIT */
/* gai_extract_impl: what the gai_extract_*.c modules share; not installed. */
#ifndef GAI_EXTRACT_IMPL_H
#define GAI_EXTRACT_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "gai_buf.h"
#include "gai_chars.h"
#include "gai_error.h"
#include "gai_extract.h"

/* ---- numbers (gai_extract_num.c) ---- */

/* What gx_num_parse saw besides the digits. */
enum {
	GX_NF_DASH = 1 << 0,	/* 无, —, -, /: read as 0 */
	GX_NF_YUAN = 1 << 1,	/* a 元 unit (not 万元) */
	GX_NF_WAN = 1 << 2,	/* a 万 or 万元 unit */
	GX_NF_UNIT = 1 << 3,	/* a count unit: 件, 个, 项 ... */
	GX_NF_SEP = 1 << 4,	/* thousands separators */
	GX_NF_DEC = 1 << 5	/* a decimal point */
};

/*
 * Read cell s[0..n) as a number.  Returns 1 and appends the number
 * (digits, an optional '-', at most one '.') to out; 0 for an empty cell;
 * -1 when the cell is not a number.  *flags gets GX_NF_* bits.
 */
int gx_num_parse(const char *s, size_t n, struct gai_buf *out,
    unsigned *flags);

/* Divide decimal number s by 10000 into out (元 to 万元).  0 or NOMEM. */
int gx_num_div10k(const char *s, struct gai_buf *out);

/* The integer value of a plain number, or 0 with *ok 0 (decimals). */
int64_t gx_num_int(const char *s, int *ok);

/* sum(v[first..last]) == v[total]: an identity of a table's row. */
struct gx_ident {
	unsigned char first, last, total;
};

/*
 * Digits whose cell boundaries are not all marked (glued text, cells run
 * together): the digits and decimal points joined in d, what is known of
 * the boundaries, and where each digit is in the text.
 */
#define GX_RUNMAX 96
struct gx_run {
	char d[GX_RUNMAX + 1];
	size_t n;
	unsigned char sure[GX_RUNMAX + 1];	/* a cell ends before d[i] */
	unsigned char joined[GX_RUNMAX + 1];	/* no cell ends there: 1,234 */
	const char *src[GX_RUNMAX + 1];	/* d[i] in the text */
	const char *end[GX_RUNMAX + 1];	/* a cell ending before d[i] ends
					 * here in the text (after a unit) */
};

/* The length of the unit (元, 万元, 件 ...) s[0..n) starts with, or 0. */
size_t gx_unit_len(const char *s, size_t n);

/*
 * Make run r from text s[0..n): digits, decimal points, thousands
 * separators (no boundary there), and as sure cell boundaries spaces and units (元, 万元, 件 ...: part of the cell before
 * them).  0, or -1 when s holds anything else or is too long.
 */
int gx_run_make(struct gx_run *r, const char *s, size_t n);

/*
 * The readings of run r as k numbers: a cut at every sure boundary, no
 * leading zeros (a lone 0 is fine), a decimal point only in the columns
 * of decmask (bit c: column c), every identity holding.  Returns how many
 * readings there are, counting no further than max + 1 (-1 when the
 * search outgrew its budget); the first max of them are in cuts, each
 * GX_MAXCOLS + 1 long: k + 1 offsets into r->d (0 first, r->n last).
 */
int gx_num_split(const struct gx_run *r, int k, unsigned decmask,
    const struct gx_ident *id, size_t nid, unsigned char *cuts, int max);

/* The number d[a..b) of a reading, *ok 0 for a decimal. */
int64_t gx_run_int(const struct gx_run *r, size_t a, size_t b, int *ok);

/* ---- tokens (gai_extract_tok.c) ---- */

/*
 * GX_T_RUN: digits of glued text, their cells still open.  GX_T_MANY:
 * len cells, none of them text, that only a count of them can reach (see
 * gx_tokenize): whole lines of numbers and blank cells, or numbers inside
 * a line, the line's last number kept after it; its off is its first
 * cell's.  GX_T_BLANKS: len lines of one blank cell each, stepped over
 * as blank cells and counted; GX_T_BLANKROWS: len blank cells on lines
 * of two or more blank cells, the same; GX_T_WORDS: len cells of text
 * that no label, heading or number can be (ASCII, no digit, no '+'), on
 * lines of nothing else, and of lines of one blank cell among them,
 * which no walk reaches (see fill in gai_extract_tok.c).
 */
enum { GX_T_TEXT, GX_T_NUM, GX_T_EMPTY, GX_T_RUN, GX_T_MANY, GX_T_BLANKS,
	GX_T_BLANKROWS, GX_T_WORDS };

/*
 * A cell of the document: 16 bytes (documents are under 4 GiB:
 * gai_extract_doc says so of a larger one).  A table of tiny cells has
 * one per two or three bytes of text: its long runs of number-only lines
 * are kept as one GX_T_MANY, so that memory stays near the document's.
 */
struct gx_tok {
	uint32_t off;		/* into the folded text */
	uint32_t len;
	uint32_t line;		/* line index within the document */
	unsigned char kind;	/* GX_T_* */
	unsigned char delim;	/* the line was split at TAB or '|' */
	unsigned char lfirst;	/* first token of its line */
	unsigned char glued;	/* cut from glued text by gx_unglue */
};

/* Every GX_LSTEP-th line's start is kept, and the first GX_LHEAD lines'
 * (where titles and dates are looked for); the others are found. */
#define GX_LSTEP 64
#define GX_LHEAD 512

struct gx_toks {
	struct gx_tok *v;
	size_t n, cap;
	const char *text;	/* what was cut */
	size_t len;
	size_t nlines;
	uint32_t head[GX_LHEAD + 1];	/* offset of each of the first lines */
	uint32_t *lines;	/* offset of every GX_LSTEP-th line */
	size_t lcap;
	size_t cur, cur_s, cur_e;	/* the line gx_line_find found last */
	/*
	 * The run of cells that are not text the last cells are in: it
	 * starts after the last text cell; its first number after its first
	 * cell, looked for up to scan; its GX_T_MANY once it has one.
	 * (size_t)-1: none.
	 */
	size_t last_text, run, run_num, scan, many;
	size_t sqi, many_in;	/* squash: the cells to look at, the
				 * GX_T_MANY of the line's numbers */
	/* fill: the run of lines of one blank cell (GX_T_BLANKS), of
	 * several (GX_T_BLANKROWS) or of words (GX_T_WORDS) the last lines
	 * are in, 0 none; its first
	 * cell; its GX_T_BLANKS or GX_T_WORDS once it has one, else NONE */
	int fkind;
	size_t fstart, fill;
	size_t hscan, hwords;	/* a run of words: the cells looked at
				 * for where it may fold from, the words */
	int lkind;		/* the same inside a line of many cells: */
	size_t lstart, lfill;	/* (its line: lline) */
	uint32_t lline;
	struct gai_buf scratch;
};

/* Split text[0..len) into cells; page numbers and filler dropped. */
int gx_tokenize(struct gx_toks *t, const char *text, size_t len);
void gx_toks_free(struct gx_toks *t);

void gx_line_find(struct gx_toks *t, size_t i, size_t *s, size_t *e);

/*
 * Line i (< t->nlines) of the text cut last: its start in *s and its end
 * in *e (its '\n', or the text's end for the last line).  Fast for the
 * first lines and for the lines next to the one asked before.
 */
static inline void
gx_line(struct gx_toks *t, size_t i, size_t *s, size_t *e)
{
	if (i < GX_LHEAD && i + 1 < t->nlines) {
		*s = t->head[i];
		*e = t->head[i + 1] - 1;
	} else
		gx_line_find(t, i, s, e);
}

/* The index of the line text offset off is in. */
size_t gx_line_of(const struct gx_toks *t, size_t off);

/* ---- table descriptions (gai_extract_tables.c) ---- */

#define GX_MAXCOLS 16

enum {
	GX_ROW_ALT_ONE = 1 << 0,	/* (六) as one row: when values follow */
	GX_ROW_ALT_SPLIT = 1 << 1,	/* (六) split in three rows */
	GX_ROW_NOLABEL = 1 << 2,	/* values follow the heading */
	GX_ROW_FORWARD = 1 << 3		/* only after the rows before it */
};

struct gx_row {
	const char *key;	/* after the table prefix: "denied.query" */
	const char *pat;	/* label pattern, simplified characters */
	const char *cols[GX_MAXCOLS + 1]; /* NULL-terminated; NULL: table's */
	unsigned flags;
};

/* The rows of lhs add up to the rows of rhs in every column (row keys). */
struct gx_colident {
	const char *name;	/* as warnings and --trace name it */
	const char *lhs[24];
	const char *rhs[4];
};

/*
 * One cell more than a row's columns, where the cells are not counted
 * (glued text): the place of the cell left out and the identities the
 * row's cells keep then, over all of them (the cell left out included).
 */
struct gx_extra {
	int at;
	struct gx_ident ident[2];
	size_t nident;
};

struct gx_table {
	const char *name;	/* "active", "req", "appeal": the key prefix */
	unsigned edition;	/* GAI_ED_* bits this description is for */
	const char *detect;	/* column headings that say this edition */
	const char *const *cols;	/* default columns */
	const struct gx_ident *ident;	/* identities of every row */
	size_t nident;
	const struct gx_row *rows;	/* terminated by a NULL key */
	const struct gx_colident *colident;	/* NULL name ends; or NULL */
	const struct gx_extra *extra;	/* at -1 ends; or NULL */
};

extern const struct gx_table gx_tables[];	/* NULL name ends */

/* Column headings run together: a line of glued text holds a table. */
extern const char *const gx_glued_pats[];

/* Headings that start and end the tables' regions. */
extern const char *const gx_heading_pats[];	/* active, req, appeal, end */

/*
 * For a plain text of five characters or more, append an alternation of
 * its forms with one character more or less; 0.  1 (nothing appended)
 * for a regex or a short text; NOMEM.
 */
int gx_fuzzy(const char *lit, struct gai_buf *out);

/*
 * Read a 本年增/减 cell written with a word or sign (增98, 增加5, 减3, +5,
 * −2, 持平) as a signed number appended to out: 1; 0 when it is not one.
 */
int gx_change_read(const char *s, size_t n, struct gai_buf *out);

/*
 * Can s[0..n) start with a word or sign of 本年增/减?  Most cells are no
 * word: the words' first two bytes (增 e5 a2, 减 e5 87, 減 e6 b8, 持 e6 8c,
 * + 2b, − e2 88) turn them away before a call compares the words (a Han
 * character's lead byte is shared by thousands).
 */
static inline int
gx_change_lead(const char *s, size_t n)
{
	unsigned char a, b;

	if (n == 0)
		return 0;
	if ((a = (unsigned char)s[0]) == '+')
		return 1;
	if (n < 2)
		return 0;
	b = (unsigned char)s[1];
	return (a == 0xe2 && b == 0x88) || (a == 0xe5 && (b == 0xa2 ||
	    b == 0x87)) || (a == 0xe6 && (b == 0xb8 || b == 0x8c));
}

/* The length of the word or sign of 本年增/减 that s[0..n) starts with
 * (增, 减少, 持平, +, −), with the sign it gives; 0 when none. */
size_t gx_change_word(const char *s, size_t n, int *sign);

/* The column of row r of table ti that is 本年增/减 (change), or -1. */
int gx_change_col(size_t ti, size_t r);

/* Expand simplified characters to [简繁] classes; 0 or NOMEM. */
int gx_tradify(const char *pat, struct gai_buf *out);

/* ---- the extractor (gai_extract.c, gai_extract_match.c, _meta.c) ---- */

#define GX_MAXROWS 32
#define GX_MAXTABLES 8

/* One field's reading: where its value is and what cell it came from. */
struct gx_val {
	int set;
	size_t voff;		/* the value in x->arena */
	long line;		/* stream line, 0 if none */
	const char *cell;	/* into x->text */
	size_t cell_len;
	size_t how;		/* how it was read, in x->arena; 0 none */
};

struct gx_warn {
	long order;		/* field index the warning is about */
	size_t koff, voff;	/* key and value in x->arena */
};

/* A cell a row's value is read from. */
struct gx_cell_ref {
	const char *s;
	size_t n;
	int kind;		/* GX_T_* */
	long line;
};

/*
 * A row as a layout's reader found it: its cells, or one cell of digits
 * whose cells are still open (GX_T_RUN, or a long GX_T_NUM where a row
 * has several columns).  The resolver decides what of it is certain.
 */
struct gx_cand {
	size_t ti, r;
	struct gx_cell_ref c[GX_MAXCOLS + 2];
	int n;
	int detached;		/* the cells are on lines after the label's */
	char why[200];		/* why it cannot be read */
};

/* A row read from a run of digits with several readings left: decided
 * with the table's column identities once the table is read. */
#define GX_MAXSOL 32
struct gx_pending {
	size_t r;
	struct gx_cell_ref c;
	struct gx_run run;
	int ns;			/* readings; GX_MAXSOL + 1: more */
	unsigned char cuts[GX_MAXSOL][GX_MAXCOLS + 1];
	signed char drop[GX_MAXSOL];	/* a cell left out, or -1 */
	unsigned char anydrop[GX_MAXSOL];	/* or another: the same numbers */
	long mark;		/* the digit the 本年增/减 cell starts at (its
				 * word or sign before it), -1 none */
	const char *mword;	/* that word or sign */
	size_t mlen;
	int mzero;		/* the word alone (持平): a 0 stands in for it */
	int64_t v[GX_MAXSOL][GX_MAXCOLS];
	unsigned char isint[GX_MAXSOL][GX_MAXCOLS];
	unsigned char used[GX_MAXSOL];	/* in some joint reading */
};

struct gai_extract {
	/* compiled once (pcre2_code *, kept opaque to the headers):
	 * all of a table's row patterns as one alternation, in row order,
	 * each ending in (*MARK:r): one call finds a cell's row (or none) */
	void *tab_re[GX_MAXTABLES];
	/* the same for the labels with a character more or less */
	void *fuzzy_re[GX_MAXTABLES];
	void *labu_re;		/* every label, unanchored, no numbering */
	void *glue_re;		/* gx_glued_pats */
	/* a line holds a column-header run only if it holds a pair of
	 * characters, one of glue_chars and then one of glue_next
	 * (gx_glue_hint; glue_filter 1, 0 when some pattern has no pair) */
	struct gai_chars glue_chars, glue_next;
	int glue_filter;
	/* every heading holds one of these: a token without is none */
	struct gai_chars head_chars;
	/* the characters gx_scan marks lines by (GX_L_*, GX_C_*) */
	struct gai_chars marks;
	void *detect_re[GX_MAXTABLES];
	void *head_re[4];
	void *meta_re[10];
	void *mdata;		/* pcre2_match_data * */
	struct gx_memo *memo;	/* answers for cells seen before */
	long fidx[GX_MAXTABLES][GX_MAXROWS][GX_MAXCOLS]; /* field indexes */
	size_t nfields;

	/* per document, reused */
	struct gai_buf text;	/* the document, folded: the caller's text
				 * itself (folded where it is when the
				 * caller gave it up), or x->fold (never
				 * written) */
	struct gai_buf fold;	/* the document when folding changed it, or
				 * a piece of it folded in place */
	struct gx_toks toks;
	unsigned char *lmark;	/* per line of x->text: GX_L_* (gx_scan) */
	size_t lmcap;
	/* the prose's words of the lines marked GAI_PROSE_WORD (a byte a
	 * line for all would be a third of the memory of a document of
	 * tiny cells) */
	uint32_t *wline;
	unsigned char *words;
	size_t nw, nwcap;
	struct gx_tok *gtok;	/* the tokens as gx_unglue cuts them */
	size_t gtn, gtcap;
	struct gai_buf gsq;	/* a glued cell without spaces, */
	size_t *gmap;		/* and where each byte is in the text */
	size_t gmapcap;
	struct gai_buf sq;	/* a cell without its spaces */
	const char *sqsrc;	/* what sq was squeezed from */
	size_t sqsrc_len;
	signed char *label;	/* per token: row matched, -1 none */
	uint32_t *labend;	/* per token: text offset the label ends */
	size_t labcap;
	struct gx_val *vals;	/* per field index */
	long *setlist;		/* the fields set, to clear them fast */
	long *rank[2];		/* per field index: its rank in the 2021
				 * edition's order [0], the 2019 one's [1] */
	size_t nset;
	int nojit;		/* some pattern has no JIT code */
	struct gai_buf arena;	/* values, warning keys and texts */
	struct gx_warn *warns;
	size_t nwarn, wcap;
	struct gai_extract_rec *recs;
	size_t nrec, rcap;
	struct gai_buf numbuf;
	long first_line;
	int year;		/* meta.year once known, else 0 */
	int edition;		/* GAI_ED_* decided, 0 unknown */
	int found_any;		/* some row label or value was found */
	int subtotal;		/* req column of a 法人 subtotal, 0 none */
	int subtotal_said;
	/* an active table of blocks in both editions: each block is walked
	 * on its own, its missing rows said only once all are read */
	int blocks;
	unsigned char row_found[GX_MAXTABLES][GX_MAXROWS];
	struct gx_pending pend[GX_MAXROWS];
	int npend;
	struct gx_prose {	/* prose.* records: key, value in x->arena */
		const char *key;
		size_t voff;
		size_t soff, slen;	/* its sentence, in x->arena */
		long line;		/* where the sentence starts, 0 unknown */
	} prose[16];
	size_t nprose;
};

/*
 * The answer remembered for what x->sq holds, asked as kind (a label of
 * table ti is kind ti; GX_MEMO_*): two longs to read when *found is 1, to
 * fill when it is 0.  NULL when x->sq is longer than GX_MEMO_MAX or memory
 * runs out: then match as if there were no memo.  The pointer is good
 * until the next call (gai_extract_memo.c).
 */
#define GX_MEMO_MAX 200
enum { GX_MEMO_HEADING = GX_MAXTABLES, GX_MEMO_DETECT };
long *gx_memo(struct gai_extract *x, unsigned kind, int *found);
void gx_memo_free(struct gx_memo *m);

/* The text offset of byte k of x->sq (k == x->sq.len: the cell's end). */
size_t gx_sq_text(const struct gai_extract *x, size_t k);

/* Squeeze s[0..n) (spaces, '*', '#' gone) into x->sq. */
int gx_squeeze(struct gai_extract *x, const char *s, size_t n);

/*
 * Match compiled pattern re against x->sq; 1 with the match's end as a
 * text offset in *end (and group g's bounds in sq when asked), 0 none.
 */
int gx_match(struct gai_extract *x, void *re, size_t *end, int g,
    size_t *gs, size_t *ge);

/* The row number the last match's (*MARK:r) named, -1 none. */
int gx_mark(struct gai_extract *x);

/* The text offset of byte k of x->sq (k == x->sq.len: its end). */
size_t gx_sq_text(const struct gai_extract *x, size_t k);

/* Compile pat (tradified, UTF, JIT); NULL with err set. */
void *gx_compile(const char *pat, int anchored, struct gai_error *err);

/* Record value v of field fi read from cell c; a warning. 0 or NOMEM. */
int gx_set(struct gai_extract *x, long fi, const char *v, size_t vn,
    const struct gx_cell_ref *c);
int gx_warn(struct gai_extract *x, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Say how field fi's value was read (--trace); 0 or NOMEM. */
int gx_how(struct gai_extract *x, long fi, const char *how);

/* ---- the resolver (gai_extract_resolve.c) ---- */

/*
 * Decide candidate row cd: store its values, or keep a run with several
 * readings for gx_resolve_table.  1 when it is taken, 0 when it cannot
 * be read (cd->why says why), GAI_E_NOMEM.
 */
int gx_resolve_row(struct gai_extract *x, struct gx_cand *cd);

/* Decide the table's runs left open by its column identities jointly. */
int gx_resolve_table(struct gai_extract *x, size_t ti);

/* "req.denied.query" for row r of table ti: the warn.* values' subject. */
void gx_row_name(size_t ti, size_t r, char *buf, size_t n);

/* ---- glued text (gai_extract_glued.c) ---- */

/* Compile what the reader of glued text needs; 0 or an error. */
int gx_glued_compile(struct gai_extract *x, struct gai_error *err);

/* Does s[0..n) hold a character of x->glue_chars and right after it
 * (what gx_squeeze drops between them aside) one of x->glue_next? */
int gx_glue_hint(const struct gai_extract *x, const char *s, size_t n);

/* Cut the lines of glued text into headings, labels and runs. */
int gx_unglue(struct gai_extract *x);

/* ---- the pass over a document (gai_extract_scan.c) ---- */

/* A line's marks: GAI_PROSE_JIAN, _WORD and _TABLE (gai_prose.h), and */
enum {
	GX_L_HEAD = 0x08,	/* a heading's last character: 况 题 项 */
	GX_L_GLUE = 0x10,	/* a pair gx_glue_hint looks for */
	GX_L_YEAR = 0x20,	/* 年 (meta.year) */
	GX_L_DATE = 0x40,	/* 时 or 日 (发布时间, 日期: meta.published) */
	GX_L_ALL = 0x7f
};

/* A character's bits in x->marks, for the marks of its line. */
enum {
	GX_C_HEAD = 0x01, GX_C_YEAR = 0x02, GX_C_DATE = 0x04,
	GX_C_JIAN = 0x08,	/* 件 */
	GX_C_WORD = 0x10,	/* first of a prose word: gai_prose_words */
	GX_C_GFIRST = 0x20,	/* first of a gx_glue_hint pair, */
	GX_C_GNEXT = 0x40	/* second of one */
};

/* The pairs gx_glue_hint looks for (simplified; traditional forms too). */
extern const char *const gx_glue_pairs[];

/* The characters the lines are marked by into x->marks; 0 or -1. */
int gx_scan_chars(struct gai_extract *x);

/* What gx_scan finds besides the marks. */
struct gx_scanned {
	size_t fold;		/* where folding would first change the text;
				 * its length: nowhere */
	int utf8;		/* 1: it is valid UTF-8 */
	int nul;		/* 1: it holds a NUL byte */
};

/*
 * Mark each line of s[0..n) (as gx_tokenize cuts them) in x->lmark, and
 * its prose words in x->wline and x->words, and say in *r what else the
 * pass finds.  A line that is not UTF-8 gets every mark but
 * GAI_PROSE_TABLE, which is always exact, and GAI_PROSE_MAYBE.  0 or
 * NOMEM.
 */
int gx_scan(struct gai_extract *x, const char *s, size_t n,
    struct gx_scanned *r);

/* The tables (gai_extract_match.c) and meta.* (gai_extract_meta.c). */
int gx_match_tables(struct gai_extract *x);
int gx_meta_compile(struct gai_extract *x, struct gai_error *err);
int gx_meta(struct gai_extract *x, int before_tables);

#endif
