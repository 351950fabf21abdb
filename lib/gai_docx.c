/* SPDX-License-Identifier: MIT */
/*
 * gai_docx: the text of a Word document (a zip of XML, ECMA-376): its
 * body's paragraphs as lines and its tables as rows of TAB-separated
 * cells, as gai-normalize writes an HTML page.  libarchive opens the zip,
 * libxml2 reads word/document.xml.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "gai_docx.h"
#include "gai_error.h"

/* word/document.xml compresses well: past this it is a zip bomb. */
#define MAX_XML (256u * 1024 * 1024)

struct walk {
	struct gai_buf *out;
	int in_cell;		/* a TAB or line break is a space there */
	int rc;
};

static int
is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

static void
put(struct walk *w, const char *s, size_t n)
{
	if (w->rc == 0 && gai_buf_append(w->out, s, n) != 0)
		w->rc = GAI_E_NOMEM;
}

/* The text of a paragraph's runs (and of the hyperlinks, insertions...). */
static void
runs(struct walk *w, const xmlNode *parent)
{
	const xmlNode *n, *t;

	for (n = parent->children; n != NULL; n = n->next) {
		if (is(n, "t")) {
			for (t = n->children; t != NULL; t = t->next)
				if (t->type == XML_TEXT_NODE && t->content != NULL)
					put(w, (const char *)t->content,
					    strlen((const char *)t->content));
		} else if (is(n, "tab"))
			put(w, w->in_cell ? " " : "\t", 1);
		else if (is(n, "br") || is(n, "cr"))
			put(w, w->in_cell ? " " : "\n", 1);
		else if (!is(n, "del") && !is(n, "rPr") && !is(n, "pPr"))
			runs(w, n);	/* r, hyperlink, ins, smartTag, sdt... */
	}
}

static void blocks(struct walk *w, const xmlNode *parent);

/* A cell that continues one merged from the row above is not written. */
static int
continues_merge(const xmlNode *tc)
{
	const xmlNode *pr, *n;
	xmlChar *val;
	int cont = 0;

	for (pr = tc->children; pr != NULL && !is(pr, "tcPr"); pr = pr->next)
		;
	for (n = pr != NULL ? pr->children : NULL; n != NULL; n = n->next)
		if (is(n, "vMerge")) {
			val = xmlGetProp(n, (const xmlChar *)"val");
			cont = val == NULL ||
			    strcmp((const char *)val, "continue") == 0;
			xmlFree(val);
		}
	return cont;
}

/* Each row a line, its cells joined by TAB; a cell's paragraphs by spaces. */
static void
table(struct walk *w, const xmlNode *tbl)
{
	const xmlNode *tr, *tc;
	int in_cell = w->in_cell, first;

	for (tr = tbl->children; tr != NULL; tr = tr->next) {
		if (!is(tr, "tr"))
			continue;
		first = 1;
		for (tc = tr->children; tc != NULL; tc = tc->next) {
			if (!is(tc, "tc") || continues_merge(tc))
				continue;
			if (!first)	/* a table nested in a cell: spaces */
				put(w, in_cell ? " " : "\t", 1);
			first = 0;
			w->in_cell = 1;
			blocks(w, tc);
			/* The space after the cell's last paragraph. */
			if (w->out->len > 0 && w->out->data[w->out->len - 1] == ' ')
				w->out->data[--w->out->len] = '\0';
		}
		put(w, in_cell ? " " : "\n", 1);
	}
	w->in_cell = in_cell;
}

static void
blocks(struct walk *w, const xmlNode *parent)
{
	const xmlNode *n;

	for (n = parent->children; n != NULL; n = n->next) {
		if (is(n, "p")) {
			runs(w, n);
			put(w, w->in_cell ? " " : "\n", 1);
		} else if (is(n, "tbl"))
			table(w, n);
		else if (!is(n, "sectPr") && !is(n, "tcPr") && !is(n, "tblPr"))
			blocks(w, n);	/* body, sdt, sdtContent, customXml */
	}
}

/* word/document.xml from the zip into xml; 0, GAI_E_FORMAT with why, GAI_E_NOMEM. */
static int
document_xml(const char *bytes, size_t n, struct gai_buf *xml, char *why,
    size_t whysize)
{
	struct archive *a = archive_read_new();
	struct archive_entry *e;
	la_ssize_t got;
	int rc = GAI_E_FORMAT, found = 0;

	if (a == NULL)
		return GAI_E_NOMEM;
	archive_read_support_format_zip(a);
	if (archive_read_open_memory(a, bytes, n) != ARCHIVE_OK)
		goto out;
	while (!found && archive_read_next_header(a, &e) == ARCHIVE_OK)
		found = archive_entry_pathname(e) != NULL &&
		    strcmp(archive_entry_pathname(e), "word/document.xml") == 0;
	if (!found) {
		snprintf(why, whysize, "Office file without word/document.xml "
		    "(a spreadsheet or a presentation?)");
		goto done;
	}
	gai_buf_clear(xml);
	for (;;) {
		if (gai_buf_reserve(xml, 64 * 1024) != 0) {
			rc = GAI_E_NOMEM;
			goto done;
		}
		got = archive_read_data(a, xml->data + xml->len,
		    xml->cap - xml->len - 1);
		if (got < 0)
			goto out;
		if (got == 0)
			break;
		xml->len += (size_t)got;
		if (xml->len > MAX_XML) {
			snprintf(why, whysize, "DOCX whose text is larger than %u bytes",
			    MAX_XML);
			goto done;
		}
	}
	rc = 0;
	goto done;
out:
	snprintf(why, whysize, "DOCX that cannot be read: %s",
	    archive_error_string(a) != NULL ? archive_error_string(a) :
	    "corrupt zip");
done:
	archive_read_free(a);
	return rc;
}

int
gai_docx_text(const char *bytes, size_t n, struct gai_buf *out,
    struct gai_buf *xml, char *why, size_t whysize)
{
	struct walk w = { out, 0, 0 };
	xmlDoc *doc;
	int rc;

	gai_buf_clear(out);
	if ((rc = document_xml(bytes, n, xml, why, whysize)) != 0)
		return rc;
	/* No network, no entity expansion, no messages on stderr. */
	doc = xmlReadMemory(xml->data, (int)xml->len, "word/document.xml",
	    NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc == NULL) {
		snprintf(why, whysize, "DOCX whose word/document.xml is not XML");
		return GAI_E_FORMAT;
	}
	if (xmlDocGetRootElement(doc) != NULL)
		blocks(&w, xmlDocGetRootElement(doc));
	xmlFreeDoc(doc);
	return w.rc;
}
