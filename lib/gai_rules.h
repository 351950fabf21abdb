/* SPDX-License-Identifier: MIT */
/* gai_rules: gai-check's rule language, parsed into rules to evaluate. */
#ifndef GAI_RULES_H
#define GAI_RULES_H

#include <stddef.h>

#include "gai_error.h"

/*
 * A key as written in a rule: plain (req.new.total), with the rule's
 * variable (req.new.* one segment, req.**.total one or more), or with '?'
 * segments (any one segment; only in sum() and the predicates).
 */
struct gai_pat {
	char *text;		/* as written */
	char *pre, *suf;	/* around the variable segment */
	size_t prelen, suflen;
	int var;		/* 0 none, 1 '*', 2 '**' */
	int glob;		/* has '?' segments */
	char *disp;		/* short name for messages */
};

enum gai_term_kind { GAI_T_KEY, GAI_T_NUM, GAI_T_PREV, GAI_T_SUM, GAI_T_ALT };

struct gai_expr;

struct gai_term {
	enum gai_term_kind kind;
	int neg;		/* subtracted */
	struct gai_pat pat;	/* KEY, PREV */
	double num;		/* NUM */
	char *numtext;
	struct gai_pat *pats;	/* SUM */
	size_t npats;
	struct gai_expr *alts;	/* ALT: the first whose operands are there */
	size_t nalts;
	size_t slot;		/* KEY, PREV, SUM: its number in the rule */
};

struct gai_expr {
	struct gai_term *t;
	size_t n;
};

struct gai_cond {
	struct gai_pat pat;
	char *value;		/* NULL: the key is present */
	size_t slot;		/* its number in the rule */
};

enum gai_rule_kind { GAI_R_EQ, GAI_R_NATURAL, GAI_R_NONNEG, GAI_R_INTEGER };

/* How the two sides of a GAI_R_EQ rule compare: =, <=, >=, <, >. */
enum gai_rel { GAI_REL_EQ, GAI_REL_LE, GAI_REL_GE, GAI_REL_LT, GAI_REL_GT };

/* The relation as written, and the one that holds when it fails. */
extern const char *const gai_rel_text[];
extern const char *const gai_rel_negated[];

/* Does a comparison's result (<0, 0, >0) satisfy rel? */
int gai_rel_holds(enum gai_rel rel, int cmp);

struct gai_rule {
	char *id;
	enum gai_rule_kind kind;
	struct gai_cond *conds;
	size_t nconds;
	enum gai_rel rel;
	struct gai_expr lhs;
	struct gai_expr *rhs;	/* lhs REL rhs[0] or rhs[1] ... */
	size_t nrhs;
	struct gai_pat *pats;	/* predicates */
	size_t npats;
	int var;		/* the rule's variable: 0, 1 '*', 2 '**' */
	int prev;		/* uses prev(): a year-over-year rule */
	/* The variable patterns that give the rule its bindings. */
	const struct gai_pat **vpats;
	int *vprev;		/* vpats[i] is looked up in the previous year */
	size_t nvpats;
	/*
	 * Operands numbered 0 .. nslot - 1: the conditions, then the KEY,
	 * PREV and SUM terms in the order they are written; a checker keeps
	 * where to find each in a key list by these numbers.
	 */
	size_t nslot;
};

struct gai_rules {
	struct gai_rule *r;
	size_t n, cap;
};

#define GAI_RULES_INIT { NULL, 0, 0 }

/* The built-in rules (rules/builtin.rules), NUL-terminated. */
extern const char gai_rules_builtin[];

/*
 * Parse the rules in text[0..len) and add them to rules.  0, GAI_E_NOMEM, or
 * GAI_E_USAGE with err->line, err->column (1-based, in characters) and
 * err->msg saying what is wrong; the rules parsed before stay.
 */
int gai_rules_parse(struct gai_rules *rules, const char *text, size_t len,
    struct gai_error *err);
void gai_rules_free(struct gai_rules *rules);

/*
 * Does key (kl bytes) match the plain or variable pattern p?  With a variable, the
 * binding is key[*off .. *off + *len).
 */
int gai_pat_match(const struct gai_pat *p, const char *key, size_t kl,
    size_t *off, size_t *len);

/* Does key match p with '?' segments, and the variable bound to b[0..bn)? */
int gai_pat_glob(const struct gai_pat *p, const char *b, size_t bn,
    const char *key);

#endif
