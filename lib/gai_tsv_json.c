/* SPDX-License-Identifier: MIT */
/* gai_tsv_json: a document as one JSON object, or a record as one (JSON Lines). */
#include <config.h>

#include <string.h>

#include "gai_tsv.h"

/*
 * The length of the valid UTF-8 sequence at s (n bytes left), or 0: no
 * overlong forms, no surrogates, nothing above U+10FFFF (RFC 3629).
 */
static size_t
utf8_len(const unsigned char *s, size_t n)
{
	size_t len, i;
	unsigned lo = 0x80, hi = 0xbf;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4;
	else
		return 0;
	if (s[0] == 0xe0)
		lo = 0xa0;
	else if (s[0] == 0xed)
		hi = 0x9f;
	else if (s[0] == 0xf0)
		lo = 0x90;
	else if (s[0] == 0xf4)
		hi = 0x8f;
	if (n < len || s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i < len; i++)
		if (s[i] < 0x80 || s[i] > 0xbf)
			return 0;
	return len;
}

int
gai_tsv_json_string(struct gai_buf *b, const char *str)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *)str;
	size_t n = strlen(str), i = 0, len;
	int rc = gai_buf_putc(b, '"');

	while (i < n && rc == 0) {
		unsigned char c = s[i];

		if (c == '"' || c == '\\') {
			rc = gai_buf_putc(b, '\\') | gai_buf_putc(b, (char)c);
			i++;
		} else if (c < 0x20) {
			/* \n, \t, \r as people read them; the rest as \u00XX */
			const char *e = c == '\n' ? "\\n" : c == '\t' ? "\\t" :
			    c == '\r' ? "\\r" : NULL;
			char u[7] = { '\\', 'u', '0', '0', hex[c >> 4],
			    hex[c & 15], '\0' };

			rc = gai_buf_puts(b, e != NULL ? e : u);
			i++;
		} else if ((len = utf8_len(s + i, n - i)) > 0) {
			rc = gai_buf_append(b, str + i, len);
			i += len;
		} else {
			/* JSON is UTF-8: a byte that is not becomes U+FFFD. */
			rc = gai_buf_puts(b, "\xEF\xBF\xBD");
			i++;
		}
	}
	return rc | gai_buf_putc(b, '"') ? GAI_E_NOMEM : 0;
}

/* A number as JSON writes one: -?(0|[1-9][0-9]*)(.[0-9]+)? */
static int
json_number(const char *s)
{
	if (*s == '-')
		s++;
	if (*s == '0')
		s++;
	else if (*s >= '1' && *s <= '9')
		while (*s >= '0' && *s <= '9')
			s++;
	else
		return 0;
	if (*s == '.') {
		if (!(*++s >= '0' && *s <= '9'))
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}

/*
 * Is key's value a count or amount?  The table fields and the year and
 * edition are; titles, names, dates, warnings and checks are text.
 */
static int
numeric_key(const char *key)
{
	long f = gai_fields_index(key);

	if (f < 0)
		return 0;
	if (gai_fields_at((size_t)f)->table != GAI_T_META)
		return 1;
	return strcmp(key, "meta.year") == 0 || strcmp(key, "meta.edition") == 0;
}

/* A value: null when absent, a number where the key holds numbers. */
static int
json_value(struct gai_buf *b, const char *v, int numeric)
{
	if (v == NULL)
		return gai_buf_puts(b, "null");
	if (numeric && json_number(v))
		return gai_buf_puts(b, v);
	return gai_tsv_json_string(b, v);
}

/* "key": with the comma before it unless it is the first. */
static int
json_key(struct gai_buf *b, const char *key, int first)
{
	return (first ? 0 : gai_buf_putc(b, ',')) |
	    gai_tsv_json_string(b, key) | gai_buf_putc(b, ':');
}

int
gai_tsv_json_record(struct gai_buf *b, const char *doc, const char *key,
    const char *val)
{
	int rc = gai_buf_putc(b, '{') | json_key(b, "doc", 1) |
	    gai_tsv_json_string(b, doc) | json_key(b, "key", 0) |
	    gai_tsv_json_string(b, key) | json_key(b, "value", 0) |
	    json_value(b, val, numeric_key(key));

	return rc | gai_buf_puts(b, "}\n") ? GAI_E_NOMEM : 0;
}

/* "checks": every check.* record as rule -> value, or null. */
static int
json_checks(struct gai_buf *b, const struct gai_tsv_work *w,
    const struct gai_recset *set)
{
	size_t i;
	int rc, first = 1;

	if (w->nchecks == 0)
		return json_key(b, "checks", 0) | gai_buf_puts(b, "null");
	rc = json_key(b, "checks", 0) | gai_buf_putc(b, '{');
	for (i = 0; i < set->n; i++) {
		const char *key = gai_recset_key(set, i);

		if (strncmp(key, "check.", 6) != 0)
			continue;
		rc |= json_key(b, key + 6, first) |
		    gai_tsv_json_string(b, gai_recset_value(set, i));
		first = 0;
	}
	return rc | gai_buf_putc(b, '}');
}

int
gai_tsv_json_row(struct gai_buf *b, const struct gai_tsv_sel *s,
    struct gai_tsv_work *w, const struct gai_recset *set)
{
	size_t i;
	int rc = gai_buf_putc(b, '{') | json_key(b, "doc", 1) |
	    gai_tsv_json_string(b, set->doc.data);

	for (i = 0; i < s->ncols; i++) {
		const struct gai_tsv_col *c = &s->cols[i];
		int numeric = c->kind == GAI_TSV_FIELD ? numeric_key(c->key) :
		    c->kind >= GAI_TSV_STATUS0 && c->kind != GAI_TSV_CHECKS_IDS;

		rc |= json_key(b, c->key, 0) |
		    json_value(b, gai_tsv_value(w, s, i), numeric);
	}
	if (s->status & (1u << (GAI_TSV_CHECKS_FAILED - GAI_TSV_STATUS0) |
	    1u << (GAI_TSV_CHECKS_IDS - GAI_TSV_STATUS0)))
		rc |= json_checks(b, w, set);
	return rc | gai_buf_puts(b, "}\n") ? GAI_E_NOMEM : 0;
}
