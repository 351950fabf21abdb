/* SPDX-License-Identifier: MIT */
/* gai_rules: the parser of gai-check's rule language (see gai-check(1)). */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gai_rules.h"

struct lex {
	const char *s, *end, *p;
	long line;
	const char *bol;	/* start of the current line */
	struct gai_error *err;
	int depth;		/* parentheses open */
};

/*
 * Parsing, checking and freeing an expression recurse once per level of
 * parentheses: a bound keeps a hostile rules file from overflowing the
 * stack, far above what a rule needs.
 */
#define MAXDEPTH 64

static int
is_word(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '*' ||
	    c == '?' || c == '-';
}

static long
column(const struct lex *lx, const char *at)
{
	const char *q;
	long col = 1;

	/* Characters, not bytes: the column an editor shows. */
	for (q = lx->bol; q < at; q++)
		if (((unsigned char)*q & 0xC0) != 0x80)
			col++;
	return col;
}

static int
lex_error(struct lex *lx, const char *at, const char *fmt, ...)
{
	va_list ap;

	if (lx->err != NULL) {
		lx->err->code = GAI_E_USAGE;
		lx->err->errnum = 0;
		lx->err->line = lx->line;
		lx->err->column = column(lx, at);
		va_start(ap, fmt);
		vsnprintf(lx->err->msg, sizeof(lx->err->msg), fmt, ap);
		va_end(ap);
	}
	return GAI_E_USAGE;
}

static void
newline(struct lex *lx)
{
	lx->line++;
	lx->bol = ++lx->p;
}

/*
 * Skip blanks and comments inside a rule: a line break continues the rule
 * only when the next line starts with a blank.
 */
static void
skip_ws(struct lex *lx)
{
	for (;;) {
		if (lx->p >= lx->end)
			return;
		if (*lx->p == ' ' || *lx->p == '\t' || *lx->p == '\r')
			lx->p++;
		else if (*lx->p == '#')
			while (lx->p < lx->end && *lx->p != '\n')
				lx->p++;
		else if (*lx->p == '\n' && lx->p + 1 < lx->end &&
		    (lx->p[1] == ' ' || lx->p[1] == '\t'))
			newline(lx);
		else
			return;
	}
}

/* Between rules: blank lines and comments. */
static void
skip_all(struct lex *lx)
{
	for (;;) {
		skip_ws(lx);
		if (lx->p < lx->end && *lx->p == '\n')
			newline(lx);
		else
			return;
	}
}

/* The next word: its start in *w and its length (0 when there is none). */
static size_t
peek_word(struct lex *lx, const char **w)
{
	const char *q;

	skip_ws(lx);
	*w = lx->p;
	for (q = lx->p; q < lx->end && is_word((unsigned char)*q); q++)
		continue;
	return (size_t)(q - lx->p);
}

static int
word_is(struct lex *lx, const char *kw)
{
	const char *w;
	size_t n = peek_word(lx, &w);

	return n == strlen(kw) && memcmp(w, kw, n) == 0;
}

static int
peek_char(struct lex *lx)
{
	skip_ws(lx);
	return lx->p < lx->end ? (unsigned char)*lx->p : -1;
}

static int
expect(struct lex *lx, int c)
{
	if (peek_char(lx) != c) {
		if (lx->p >= lx->end || *lx->p == '\n')
			return lex_error(lx, lx->p, "expected '%c' before the "
			    "end of the rule", c);
		return lex_error(lx, lx->p, "expected '%c'", c);
	}
	lx->p++;
	return 0;
}

static char *
dupn(const char *s, size_t n)
{
	char *d = malloc(n + 1);

	if (d != NULL) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

static void *
grow(void *p, size_t *cap, size_t n, size_t size)
{
	size_t c;
	void *q;

	if (n < *cap)
		return p;
	c = *cap ? *cap * 2 : 4;
	if ((q = realloc(p, c * size)) == NULL)
		return NULL;
	memset((char *)q + *cap * size, 0, (c - *cap) * size);
	*cap = c;
	return q;
}

/*
 * Read a key into p.  globok: '?' segments allowed; *var is the rule's
 * variable kind so far (0 until the first one is seen).
 */
static int
parse_pat(struct lex *lx, struct gai_pat *p, int globok, int *var)
{
	const char *w, *seg, *q, *e;
	size_t n = peek_word(lx, &w);

	if (n == 0)
		return lex_error(lx, w, lx->p < lx->end && *lx->p != '\n' ?
		    "expected a key" : "expected a key before the end of the rule");
	e = w + n;
	for (seg = w; seg <= e; seg = q + 1) {
		for (q = seg; q < e && *q != '.'; q++)
			continue;
		if (q == seg)
			return lex_error(lx, seg, "empty key segment in '%.*s'",
			    (int)n, w);
		if (*seg == '*') {
			int k = (size_t)(q - seg) == 2 && seg[1] == '*' ? 2 :
			    (size_t)(q - seg) == 1 ? 1 : 0;
			if (k == 0)
				return lex_error(lx, seg, "'*' must be a whole "
				    "segment, '*' or '**'");
			if (p->var != 0)
				return lex_error(lx, seg, "one '*' per key");
			if (*var != 0 && *var != k)
				return lex_error(lx, seg, "a rule uses either "
				    "'*' or '**', not both");
			*var = p->var = k;
			p->prelen = (size_t)(seg - w);
			p->suflen = (size_t)(e - q);
			if ((p->pre = dupn(w, (size_t)(seg - w))) == NULL ||
			    (p->suf = dupn(q, (size_t)(e - q))) == NULL)
				return GAI_E_NOMEM;
		} else if (*seg == '?') {
			if (q - seg != 1)
				return lex_error(lx, seg, "'?' must be a whole "
				    "segment");
			if (!globok)
				return lex_error(lx, seg, "'?' only in sum() and "
				    "the predicates");
			p->glob = 1;
		} else {
			const char *c;
			for (c = seg; c < q; c++)
				if (!((*c >= 'a' && *c <= 'z') ||
				    (*c >= '0' && *c <= '9') || *c == '_'))
					return lex_error(lx, c, "bad character "
					    "'%c' in key '%.*s'", *c, (int)n, w);
		}
		if (q == e)
			break;
	}
	if ((p->text = dupn(w, n)) == NULL)
		return GAI_E_NOMEM;
	lx->p = e;
	return 0;
}

static int parse_expr(struct lex *, struct gai_expr *, int *, int *);

static int
parse_patlist(struct lex *lx, struct gai_pat **pats, size_t *np, int *var)
{
	size_t cap = 0;
	int rc;

	if ((rc = expect(lx, '(')) != 0)
		return rc;
	do {
		if ((*pats = grow(*pats, &cap, *np, sizeof(**pats))) == NULL)
			return GAI_E_NOMEM;
		if ((rc = parse_pat(lx, &(*pats)[(*np)++], 1, var)) != 0)
			return rc;
		if (peek_char(lx) == ',')
			lx->p++;
	} while (peek_char(lx) != ')' && peek_char(lx) != -1 &&
	    peek_char(lx) != '\n');
	return expect(lx, ')');
}

static int
is_number(const char *w, size_t n)
{
	size_t i, dots = 0;

	for (i = 0; i < n; i++)
		if (w[i] == '.')
			dots++;
		else if (w[i] < '0' || w[i] > '9')
			return 0;
	return n > 0 && dots <= 1 && w[0] != '.' && w[n - 1] != '.';
}

static int
parse_term(struct lex *lx, struct gai_term *t, int *var, int *prev)
{
	const char *w;
	size_t n, cap = 0;
	int rc;

	if (peek_char(lx) == '(') {
		if (lx->depth == MAXDEPTH)
			return lex_error(lx, lx->p, "parentheses nested more "
			    "than %d deep", MAXDEPTH);
		lx->depth++;
		lx->p++;
		t->kind = GAI_T_ALT;
		do {
			if ((t->alts = grow(t->alts, &cap, t->nalts,
			    sizeof(*t->alts))) == NULL)
				return GAI_E_NOMEM;
			if ((rc = parse_expr(lx, &t->alts[t->nalts++], var,
			    prev)) != 0)
				return rc;
		} while (peek_char(lx) == '|' && lx->p++);
		lx->depth--;
		return expect(lx, ')');
	}
	n = peek_word(lx, &w);
	if (is_number(w, n)) {
		t->kind = GAI_T_NUM;
		if ((t->numtext = dupn(w, n)) == NULL)
			return GAI_E_NOMEM;
		t->num = strtod(t->numtext, NULL);
		lx->p += n;
		return 0;
	}
	if ((n == 4 && memcmp(w, "prev", 4) == 0) ||
	    (n == 3 && memcmp(w, "sum", 3) == 0)) {
		lx->p += n;
		if (peek_char(lx) != '(') {
			lx->p -= n;
		} else if (n == 4) {
			t->kind = GAI_T_PREV;
			*prev = 1;
			lx->p++;
			if ((rc = parse_pat(lx, &t->pat, 0, var)) != 0)
				return rc;
			return expect(lx, ')');
		} else {
			t->kind = GAI_T_SUM;
			return parse_patlist(lx, &t->pats, &t->npats, var);
		}
	}
	t->kind = GAI_T_KEY;
	return parse_pat(lx, &t->pat, 0, var);
}

static int
parse_expr(struct lex *lx, struct gai_expr *e, int *var, int *prev)
{
	size_t cap = 0;
	int neg = 0, rc, c;

	if (peek_char(lx) == '-') {
		lx->p++;
		neg = 1;
	}
	for (;;) {
		if ((e->t = grow(e->t, &cap, e->n, sizeof(*e->t))) == NULL)
			return GAI_E_NOMEM;
		e->t[e->n].neg = neg;
		if ((rc = parse_term(lx, &e->t[e->n++], var, prev)) != 0)
			return rc;
		c = peek_char(lx);
		if (c != '+' && c != '-')
			return 0;
		neg = c == '-';
		lx->p++;
	}
}

/* Segments of a pattern without its variable segment, for display. */
static size_t
segs(const struct gai_pat *p, const char **sv, size_t *sl, size_t max)
{
	const char *s = p->text, *q;
	size_t n = 0;

	for (;;) {
		for (q = s; *q != '\0' && *q != '.'; q++)
			continue;
		if (*s != '*' && n < max) {
			sv[n] = s;
			sl[n++] = (size_t)(q - s);
		}
		if (*q == '\0')
			return n;
		s = q + 1;
	}
}

struct patref {
	struct gai_pat **v;
	size_t n, cap;
};

static int
collect(struct patref *pr, const struct gai_expr *e)
{
	size_t i, j;
	int rc;

	for (i = 0; i < e->n; i++) {
		const struct gai_term *t = &e->t[i];
		switch (t->kind) {
		case GAI_T_KEY:
		case GAI_T_PREV:
			if ((pr->v = grow(pr->v, &pr->cap, pr->n,
			    sizeof(*pr->v))) == NULL)
				return GAI_E_NOMEM;
			pr->v[pr->n++] = (struct gai_pat *)&t->pat;
			break;
		case GAI_T_SUM:
			if ((pr->v = grow(pr->v, &pr->cap, pr->n,
			    sizeof(*pr->v))) == NULL)
				return GAI_E_NOMEM;
			pr->v[pr->n++] = (struct gai_pat *)&t->pats[0];
			for (j = 1; j < t->npats; j++)
				if ((t->pats[j].disp = strdup(t->pats[j].text))
				    == NULL)
					return GAI_E_NOMEM;
			break;
		case GAI_T_ALT:
			for (j = 0; j < t->nalts; j++)
				if ((rc = collect(pr, &t->alts[j])) != 0)
					return rc;
			break;
		case GAI_T_NUM:
			break;
		}
	}
	return 0;
}

static int
add_vpat(struct gai_rule *r, const struct gai_pat *p, int prev)
{
	const struct gai_pat **v;
	int *w;

	if ((v = realloc(r->vpats, (r->nvpats + 1) * sizeof(*v))) == NULL)
		return GAI_E_NOMEM;
	r->vpats = v;
	if ((w = realloc(r->vprev, (r->nvpats + 1) * sizeof(*w))) == NULL)
		return GAI_E_NOMEM;
	r->vprev = w;
	r->vpats[r->nvpats] = p;
	r->vprev[r->nvpats++] = prev;
	return 0;
}

/* Binding patterns: keys with the variable, and where to look them up. */
static int
vpats(struct gai_rule *r, const struct gai_expr *e)
{
	size_t i, j;
	int rc;

	for (i = 0; i < e->n; i++) {
		const struct gai_term *t = &e->t[i];
		if (t->kind == GAI_T_ALT) {
			for (j = 0; j < t->nalts; j++)
				if ((rc = vpats(r, &t->alts[j])) != 0)
					return rc;
			continue;
		}
		if ((t->kind == GAI_T_KEY || t->kind == GAI_T_PREV) &&
		    t->pat.var != 0 &&
		    (rc = add_vpat(r, &t->pat, t->kind == GAI_T_PREV)) != 0)
			return rc;
	}
	return 0;
}

/*
 * Short names for messages: the variable segment goes (the check's key
 * says it) and so do the leading segments all operands share.
 */
static int
finish_rule(struct gai_rule *r)
{
	struct patref pr = { NULL, 0, 0 };
	const char *sv[16], *fv[16];
	size_t sl[16], fl[16], i, j, n, common = (size_t)-1, fn = 0;
	int rc = 0;

	if ((rc = collect(&pr, &r->lhs)) != 0)
		goto out;
	for (i = 0; i < r->nrhs; i++)
		if ((rc = collect(&pr, &r->rhs[i])) != 0)
			goto out;
	for (i = 0; i < pr.n; i++) {
		n = segs(pr.v[i], sv, sl, 16);
		if (i == 0) {
			memcpy(fv, sv, sizeof(fv));
			memcpy(fl, sl, sizeof(fl));
			fn = n;
			common = n;
		}
		for (j = 0; j < common && j < n && sl[j] == fl[j] &&
		    memcmp(sv[j], fv[j], sl[j]) == 0; j++)
			continue;
		common = j;
		if (n > 0 && common > n - 1)
			common = n - 1;
	}
	(void)fn;
	for (i = 0; i < pr.n; i++) {
		struct gai_pat *p = pr.v[i];
		char *d;
		size_t len = 0, k;
		n = segs(p, sv, sl, 16);
		if ((d = malloc(strlen(p->text) + 8)) == NULL) {
			rc = GAI_E_NOMEM;
			goto out;
		}
		if (p->glob)
			len += (size_t)sprintf(d, "sum(");
		for (k = common < n ? common : 0; k < n; k++) {
			if (len > (p->glob ? 4u : 0u))
				d[len++] = '.';
			memcpy(d + len, sv[k], sl[k]);
			len += sl[k];
		}
		if (p->glob)
			d[len++] = ')';
		d[len] = '\0';
		p->disp = d;
	}
	if ((rc = vpats(r, &r->lhs)) != 0)
		goto out;
	for (i = 0; i < r->nrhs; i++)
		if ((rc = vpats(r, &r->rhs[i])) != 0)
			goto out;
	for (i = 0; i < r->nconds; i++)
		if (r->conds[i].pat.var != 0 &&
		    (rc = add_vpat(r, &r->conds[i].pat, 0)) != 0)
			goto out;
out:
	free(pr.v);
	return rc;
}

const char *const gai_rel_text[] = { "=", "<=", ">=", "<", ">" };
const char *const gai_rel_negated[] = { "!=", ">", "<", ">=", "<=" };

int
gai_rel_holds(enum gai_rel rel, int cmp)
{
	switch (rel) {
	case GAI_REL_LE:
		return cmp <= 0;
	case GAI_REL_GE:
		return cmp >= 0;
	case GAI_REL_LT:
		return cmp < 0;
	case GAI_REL_GT:
		return cmp > 0;
	default:
		return cmp == 0;
	}
}

/* The relation between the two sides: = <= >= < > (the longest first). */
static int
parse_rel(struct lex *lx, enum gai_rel *rel)
{
	int c = peek_char(lx);

	if (c != '=' && c != '<' && c != '>')
		return expect(lx, '=');
	lx->p++;
	if (c != '=' && lx->p < lx->end && *lx->p == '=') {
		lx->p++;
		*rel = c == '<' ? GAI_REL_LE : GAI_REL_GE;
	} else {
		*rel = c == '=' ? GAI_REL_EQ : c == '<' ? GAI_REL_LT :
		    GAI_REL_GT;
	}
	return 0;
}

/* Number the operand terms of e from r->nslot on (see struct gai_rule). */
static void
number_terms(struct gai_rule *r, struct gai_expr *e)
{
	size_t i, j;

	for (i = 0; i < e->n; i++) {
		struct gai_term *t = &e->t[i];
		if (t->kind == GAI_T_ALT)
			for (j = 0; j < t->nalts; j++)
				number_terms(r, &t->alts[j]);
		else if (t->kind != GAI_T_NUM)
			t->slot = r->nslot++;
	}
}

static void
number_operands(struct gai_rule *r)
{
	size_t i;

	for (i = 0; i < r->nconds; i++)
		r->conds[i].slot = r->nslot++;
	number_terms(r, &r->lhs);
	for (i = 0; i < r->nrhs; i++)
		number_terms(r, &r->rhs[i]);
}

static int
parse_rule(struct lex *lx, struct gai_rule *r)
{
	const char *w;
	size_t n, cap;
	int rc, kind;

	n = peek_word(lx, &w);
	if (n == 0 || !(w[0] >= 'a' && w[0] <= 'z'))
		return lex_error(lx, w, "expected a rule name");
	for (size_t i = 0; i < n; i++)
		if (!((w[i] >= 'a' && w[i] <= 'z') ||
		    (w[i] >= '0' && w[i] <= '9') || w[i] == '_'))
			return lex_error(lx, w + i, "bad character '%c' in rule "
			    "name (a-z, 0-9, _)", w[i]);
	if ((r->id = dupn(w, n)) == NULL)
		return GAI_E_NOMEM;
	lx->p += n;
	if (word_is(lx, "when")) {
		lx->p += 4;
		cap = 0;
		for (;;) {
			struct gai_cond *c;
			if ((r->conds = grow(r->conds, &cap, r->nconds,
			    sizeof(*r->conds))) == NULL)
				return GAI_E_NOMEM;
			c = &r->conds[r->nconds++];
			if ((rc = parse_pat(lx, &c->pat, 0, &r->var)) != 0)
				return rc;
			if (peek_char(lx) == '=') {
				lx->p++;
				if ((n = peek_word(lx, &w)) == 0)
					return lex_error(lx, w, "expected a value "
					    "after '='");
				if ((c->value = dupn(w, n)) == NULL)
					return GAI_E_NOMEM;
				lx->p += n;
			}
			if (!word_is(lx, "and"))
				break;
			lx->p += 3;
		}
	}
	if ((rc = expect(lx, ':')) != 0)
		return rc;
	n = peek_word(lx, &w);
	kind = n == 7 && memcmp(w, "natural", 7) == 0 ? GAI_R_NATURAL :
	    n == 6 && memcmp(w, "nonneg", 6) == 0 ? GAI_R_NONNEG :
	    n == 7 && memcmp(w, "integer", 7) == 0 ? GAI_R_INTEGER : GAI_R_EQ;
	if (kind != GAI_R_EQ) {
		lx->p += n;
		if (peek_char(lx) != '(')
			return lex_error(lx, lx->p, "expected '(' after '%.*s'",
			    (int)n, w);
		r->kind = kind;
		if ((rc = parse_patlist(lx, &r->pats, &r->npats, &r->var)) != 0)
			return rc;
		if (r->var != 0)
			return lex_error(lx, w, "no '*' in %s(): use '?'",
			    kind == GAI_R_NATURAL ? "natural" :
			    kind == GAI_R_NONNEG ? "nonneg" : "integer");
	} else {
		r->kind = GAI_R_EQ;
		if ((rc = parse_expr(lx, &r->lhs, &r->var, &r->prev)) != 0)
			return rc;
		if ((rc = parse_rel(lx, &r->rel)) != 0)
			return rc;
		cap = 0;
		do {
			if ((r->rhs = grow(r->rhs, &cap, r->nrhs,
			    sizeof(*r->rhs))) == NULL)
				return GAI_E_NOMEM;
			if ((rc = parse_expr(lx, &r->rhs[r->nrhs++], &r->var,
			    &r->prev)) != 0)
				return rc;
		} while (word_is(lx, "or") && (lx->p += 2));
	}
	skip_ws(lx);
	if (lx->p < lx->end && *lx->p != '\n')
		return lex_error(lx, lx->p, "unexpected '%.*s'",
		    (int)(peek_word(lx, &w) ? peek_word(lx, &w) : 1), lx->p);
	number_operands(r);
	return r->kind == GAI_R_EQ ? finish_rule(r) : 0;
}

static void
free_pat(struct gai_pat *p)
{
	free(p->text);
	free(p->pre);
	free(p->suf);
	free(p->disp);
}

static void
free_expr(struct gai_expr *e)
{
	size_t i, j;

	for (i = 0; i < e->n; i++) {
		struct gai_term *t = &e->t[i];
		free_pat(&t->pat);
		free(t->numtext);
		for (j = 0; j < t->npats; j++)
			free_pat(&t->pats[j]);
		free(t->pats);
		for (j = 0; j < t->nalts; j++)
			free_expr(&t->alts[j]);
		free(t->alts);
	}
	free(e->t);
}

static void
free_rule(struct gai_rule *r)
{
	size_t i;

	free(r->id);
	for (i = 0; i < r->nconds; i++) {
		free_pat(&r->conds[i].pat);
		free(r->conds[i].value);
	}
	free(r->conds);
	free_expr(&r->lhs);
	for (i = 0; i < r->nrhs; i++)
		free_expr(&r->rhs[i]);
	free(r->rhs);
	for (i = 0; i < r->npats; i++)
		free_pat(&r->pats[i]);
	free(r->pats);
	free(r->vpats);
	free(r->vprev);
}

int
gai_rules_parse(struct gai_rules *rules, const char *text, size_t len,
    struct gai_error *err)
{
	struct lex lx = { text, text + len, text, 1, text, err, 0 };
	struct lex at;
	size_t i, first = rules->n;
	int rc;

	for (;;) {
		skip_all(&lx);
		if (lx.p >= lx.end)
			return 0;
		if ((rules->r = grow(rules->r, &rules->cap, rules->n,
		    sizeof(*rules->r))) == NULL)
			return gai_error_set(err, GAI_E_NOMEM, 0, 0,
			    "out of memory");
		at = lx;
		if ((rc = parse_rule(&lx, &rules->r[rules->n])) == 0)
			/* Two rules of one id would give records of one key. */
			for (i = 0; i < rules->n; i++)
				if (strcmp(rules->r[i].id,
				    rules->r[rules->n].id) == 0) {
					rc = lex_error(&at, at.p, "rule '%s' is "
					    "defined %s", rules->r[i].id,
					    i < first ? "already (built in, or "
					    "in an earlier file)" :
					    "twice in this file");
					break;
				}
		if (rc != 0) {
			free_rule(&rules->r[rules->n]);
			memset(&rules->r[rules->n], 0, sizeof(rules->r[0]));
			if (rc == GAI_E_NOMEM)
				gai_error_set(err, rc, 0, 0, "out of memory");
			return rc;
		}
		rules->n++;
	}
}

void
gai_rules_free(struct gai_rules *rules)
{
	size_t i;

	for (i = 0; i < rules->n; i++)
		free_rule(&rules->r[i]);
	free(rules->r);
	rules->r = NULL;
	rules->n = rules->cap = 0;
}

int
gai_pat_match(const struct gai_pat *p, const char *key, size_t kl,
    size_t *off, size_t *len)
{
	size_t pl = p->prelen, sl = p->suflen;
	const char *m;

	if (p->var == 0)
		return strcmp(p->text, key) == 0;
	if (kl <= pl + sl || memcmp(key, p->pre, pl) != 0 ||
	    memcmp(key + kl - sl, p->suf, sl) != 0)
		return 0;
	m = key + pl;
	if (p->var == 1 && memchr(m, '.', kl - pl - sl) != NULL)
		return 0;
	if (*m == '.' || m[kl - pl - sl - 1] == '.')
		return 0;
	*off = pl;
	*len = kl - pl - sl;
	return 1;
}

int
gai_pat_glob(const struct gai_pat *p, const char *b, size_t bn,
    const char *key)
{
	const char *s = p->text, *k = key;

	for (;;) {
		if (*s == '?' && (s[1] == '.' || s[1] == '\0')) {
			if (*k == '.' || *k == '\0')
				return 0;
			while (*k != '.' && *k != '\0')
				k++;
			s++;
		} else if (*s == '*') {
			if (strncmp(k, b, bn) != 0)
				return 0;
			k += bn;
			s += s[1] == '*' ? 2 : 1;
		} else {
			while (*s != '.' && *s != '\0') {
				if (*s != *k)
					return 0;
				s++;
				k++;
			}
		}
		if (*s == '\0')
			return *k == '\0';
		if (*k != '.')
			return 0;
		s++;
		k++;
	}
}
