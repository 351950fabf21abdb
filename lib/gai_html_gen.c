/* SPDX-License-Identifier: MIT */
/*
 * gai-html-gen: write gai_html_tags.h, the tag table of gai_html_tok.c,
 * by asking the libxml2 we link which elements it knows, which of them are
 * empty, and which start tag closes which open element.  The tokenizer
 * then builds the same element stack as libxml2's HTML parser, the oracle
 * it is tested against, without a rule typed by hand.  Run at build time.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "gai_html_impl.h"

/*
 * Names worth a slot: HTML 4 and HTML 5 elements.  libxml2 decides which
 * it knows; a name it does not know and gai gives no kind costs nothing.
 */
static const char *const candidates[] = {
	"a", "abbr", "acronym", "address", "applet", "area", "article",
	"aside", "audio", "b", "base", "basefont", "bdi", "bdo", "big",
	"blockquote", "body", "br", "button", "canvas", "caption", "center",
	"cite", "code", "col", "colgroup", "data", "datalist", "dd", "del",
	"details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "embed",
	"fieldset", "figcaption", "figure", "font", "footer", "form", "frame",
	"frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
	"hgroup", "hr", "html", "i", "iframe", "img", "input", "ins",
	"isindex", "kbd", "label", "legend", "li", "link", "listing", "main",
	"map", "mark", "menu", "meta", "meter", "nav", "nobr", "noembed",
	"noframes", "noscript", "object", "ol", "optgroup", "option",
	"output", "p", "param", "picture", "plaintext", "pre", "progress", "q",
	"rb", "rp", "rt", "ruby", "s", "samp", "script", "section", "select",
	"small", "source", "span", "strike", "strong", "style", "sub",
	"summary", "sup", "svg", "table", "tbody", "td", "template",
	"textarea", "tfoot", "th", "thead", "time", "title", "tr", "track",
	"tt", "u", "ul", "var", "video", "wbr", "xml", "xmp"
};

#define NCAND (sizeof candidates / sizeof candidates[0])
#define SLOTS 4096

static const struct {
	const char *name;
	const char *kind;
} kinds[] = {
#define KIND(n, k) { #n, #k },
	GAI_HTML_KINDS(KIND)
#undef KIND
};

static const char *names[NCAND];	/* known to libxml2 first */
static size_t nnames, nknown;

/* What libxml2's SAX events were, for one probe document. */
static char log_ended[64];
static int ended;

static void
on_end(void *ctx, const xmlChar *name)
{
	(void)ctx;
	if (strcmp((const char *)name, log_ended) == 0)
		ended = 1;
}

/*
 * Does a start tag <newtag> close an open <old>?  Parse a page that has
 * <old> open on top of the stack, then <newtag>, without finishing it.
 */
static int
closes(const char *newtag, const char *old)
{
	htmlSAXHandler sax;
	htmlParserCtxtPtr c;
	char page[256];

	if (strcmp(old, "html") == 0)
		snprintf(page, sizeof page, "<html><%s>", newtag);
	else if (strcmp(old, "head") == 0 || strcmp(old, "body") == 0)
		snprintf(page, sizeof page, "<html><%s><%s>", old, newtag);
	else
		snprintf(page, sizeof page, "<html><body><%s><%s>", old, newtag);
	memset(&sax, 0, sizeof sax);
	sax.endElement = on_end;
	sax.initialized = 1;
	snprintf(log_ended, sizeof log_ended, "%s", old);
	ended = 0;
	c = htmlCreatePushParserCtxt(&sax, NULL, NULL, 0, NULL,
	    XML_CHAR_ENCODING_UTF8);
	if (c == NULL) {
		fprintf(stderr, "gai-html-gen: out of memory\n");
		exit(1);
	}
	htmlCtxtUseOptions(c, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	htmlParseChunk(c, page, (int)strlen(page), 0);
	htmlFreeParserCtxt(c);
	return ended;
}

static const char *
kind_of(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kinds[i].name, name) == 0)
			return kinds[i].kind;
	return "K_INLINE";
}

/* A seed for which no two names share a slot. */
static uint32_t
find_seed(unsigned short slot[SLOTS])
{
	uint32_t seed;
	size_t i;

	for (seed = 2166136261u;; seed += 0x9E3779B9u) {
		memset(slot, 0, SLOTS * sizeof slot[0]);
		for (i = 0; i < nnames; i++) {
			uint32_t k = gai_html_tag_hash(names[i],
			    strlen(names[i]), seed) % SLOTS;

			if (slot[k] != 0)
				break;
			slot[k] = (unsigned short)(i + 1);
		}
		if (i == nnames)
			return seed;
	}
}

int
main(void)
{
	unsigned short slot[SLOTS];
	uint32_t seed;
	size_t i, j;

	xmlInitParser();
	for (i = 0; i < NCAND; i++)
		if (htmlTagLookup((const xmlChar *)candidates[i]) != NULL)
			names[nnames++] = candidates[i];
	nknown = nnames;
	for (i = 0; i < NCAND; i++)
		if (htmlTagLookup((const xmlChar *)candidates[i]) == NULL)
			names[nnames++] = candidates[i];
	/* Every element gai gives a kind must have a slot. */
	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		for (j = 0; j < nnames; j++)
			if (strcmp(names[j], kinds[i].name) == 0)
				break;
		if (j == nnames) {
			fprintf(stderr, "gai-html-gen: %s is no candidate\n",
			    kinds[i].name);
			return 1;
		}
	}
	if (nnames > 192) {
		fprintf(stderr, "gai-html-gen: %zu elements, room for 192\n",
		    nnames);
		return 1;
	}
	seed = find_seed(slot);
	printf("/* Generated by gai-html-gen from libxml2 %s: do not edit. */\n",
	    xmlParserVersion);
	printf("#define GT_COUNT %zu\n", nnames);
	printf("#define GT_SLOTS %d\n#define GT_SEED %#xu\n", SLOTS,
	    (unsigned)seed);
	for (i = 0; i < nnames; i++)
		printf("#define GT_%s %zu\n", names[i], i);
	printf("\nstatic const struct gt_tag gt_tags[GT_COUNT] = {\n");
	for (i = 0; i < nnames; i++) {
		const htmlElemDesc *d = htmlTagLookup(
		    (const xmlChar *)names[i]);
		uint64_t bits[3] = { 0, 0, 0 };

		/* libxml2's rules name elements it does not know, too. */
		for (j = 0; j < nnames; j++) {
			const htmlElemDesc *o = htmlTagLookup(
			    (const xmlChar *)names[j]);

			if ((o != NULL && o->empty) ||
			    strcmp(names[j], "script") == 0 ||
			    strcmp(names[j], "style") == 0)
				continue;	/* never open under a tag */
			if (closes(names[i], names[j]))
				bits[j / 64] |= (uint64_t)1 << (j % 64);
		}
		printf("\t{ \"%s\", %zu, %s, %d, { %#llxull, %#llxull, "
		    "%#llxull } },\n", names[i], strlen(names[i]),
		    kind_of(names[i]), d != NULL && d->empty,
		    (unsigned long long)bits[0], (unsigned long long)bits[1],
		    (unsigned long long)bits[2]);
	}
	printf("};\n\n/* A slot's tag id + 1, or 0. */\n");
	printf("static const unsigned char gt_slot[GT_SLOTS] = {");
	for (i = 0; i < SLOTS; i++)
		printf("%s%u,", i % 16 == 0 ? "\n\t" : " ", slot[i]);
	printf("\n};\n");
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("gai-html-gen");
		return 1;
	}
	return 0;
}
