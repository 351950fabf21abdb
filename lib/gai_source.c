/* SPDX-License-Identifier: MIT */
/*
 * gai_source: tell a file by its first bytes, then read its documents.
 * libarchive undoes gzip, xz, zstd and bzip2 and walks tar and zip; WARC
 * records are read here (gai_warc.c) so that every skipped record can be
 * counted.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>

#include "gai_doc.h"
#include "gai_docx.h"
#include "gai_encoding.h"
#include "gai_pdf.h"
#include "gai_source.h"
#include "gai_source_impl.h"
#include "gai_text.h"

#define CHUNK (256 * 1024)
/* Characters that tell text from binary bytes (looks_binary). */
#define SNIFF_CHARS 1024
/* Enough bytes for them in any encoding; a tar header's magic and a
 * zip's first member name are in less. */
#define SNIFF (4 * SNIFF_CHARS)

enum state {
	ST_START,	/* no document read yet */
	ST_MEMBERS,	/* a tar or zip archive: one document per member */
	ST_WARC,	/* WARC records on cur */
	ST_DONE
};

/* What the operand's first bytes said (tell). */
enum told {
	TOLD_NOTHING,	/* not asked yet */
	TOLD_BYTES,	/* a page, WARC, PDF... on cur (a compressed one too) */
	TOLD_MEMBERS,	/* a tar or zip archive: entry is its first header */
	TOLD_EMPTY,	/* compressed or archived nothing */
	TOLD_BAD	/* unreadable: why */
};

struct gai_source {
	enum state state;
	enum told told;
	struct archive_entry *entry;	/* TOLD_MEMBERS */
	struct gai_source_opts opts;
	char *opname;		/* the operand's name for its documents */
	int ownfd;
	struct gai_src_in in;	/* the operand's bytes */
	struct gai_src_in data;	/* decompressed, when ar is a raw stream */
	struct gai_src_in *cur;	/* in or data: where the content is */
	struct archive *ar;	/* compressed stream, tar or zip; else NULL */
	struct gai_buf doc;	/* a document's bytes when not read in place */
	struct gai_buf name;
	struct gai_buf payload;	/* a WARC response's body, decoded */
	struct gai_buf conv;	/* text made from a PDF or DOCX */
	struct gai_buf xml;	/* a DOCX's word/document.xml */
	struct gai_buf scratch;
	char charset[32];
	char why[256];
	size_t skipped[GAI_WARC_NTYPES + 2];
};

/* skipped[] past the record types: non-2xx responses, payloads not pages. */
#define SKIP_NOT_2XX GAI_WARC_NTYPES
#define SKIP_NOT_PAGE (GAI_WARC_NTYPES + 1)

/* ---- buffered input ---- */

static ssize_t
raw_read(struct gai_src_in *in, char *dst, size_t n)
{
	ssize_t got;

	if (in->ar != NULL) {
		got = archive_read_data(in->ar, dst, n);
		if (got < 0) {
			snprintf(in->why, sizeof in->why, "%s",
			    archive_error_string(in->ar) != NULL ?
			    archive_error_string(in->ar) : "corrupt data");
			in->fatal = got < ARCHIVE_WARN;
		}
		return got;
	}
	do
		got = read(in->fd, dst, n);
	while (got < 0 && errno == EINTR);
	if (got < 0) {
		in->errnum = errno;
		snprintf(in->why, sizeof in->why, "%s", strerror(errno));
	}
	return got;
}

int
gai_src_fill(struct gai_src_in *in, size_t want)
{
	ssize_t got;

	while (!in->eof && in->b.len - in->off < want) {
		if (in->off > 0 && in->off == in->b.len)
			in->b.len = in->off = 0;	/* all taken: start over */
		else if (in->off >= CHUNK && in->off * 2 >= in->b.len) {
			/* Most of the buffer taken: move the rest down. */
			memmove(in->b.data, in->b.data + in->off,
			    in->b.len - in->off);
			in->b.len -= in->off;
			in->off = 0;
		}
		if (gai_buf_reserve(&in->b, CHUNK) != 0) {
			snprintf(in->why, sizeof in->why, "out of memory");
			return -1;
		}
		got = raw_read(in, in->b.data + in->b.len,
		    in->b.cap - in->b.len - 1);
		if (got < 0)
			return -1;
		if (got == 0)
			in->eof = 1;
		in->b.len += (size_t)got;
		in->b.data[in->b.len] = '\0';
	}
	return 0;
}

ssize_t
gai_src_line(struct gai_src_in *in, size_t max, const char **line)
{
	const char *lf;
	size_t scanned = 0, n;

	for (;;) {
		n = gai_src_avail(in);
		lf = memchr(gai_src_peek(in) + scanned, '\n', n - scanned);
		if (lf != NULL || in->eof || n > max)
			break;
		scanned = n;
		if (gai_src_fill(in, n + 1) != 0)
			return -1;
	}
	if (lf == NULL && n > max) {
		snprintf(in->why, sizeof in->why, "a line longer than %zu bytes",
		    max);
		return -1;
	}
	n = lf != NULL ? (size_t)(lf - gai_src_peek(in)) + 1 : n;
	*line = gai_src_peek(in);
	in->off += n;
	return (ssize_t)n;
}

int
gai_src_take(struct gai_src_in *in, size_t n, struct gai_buf *out)
{
	size_t part;

	while (n > 0) {
		if (gai_src_avail(in) == 0 && gai_src_fill(in, 1) != 0)
			return -1;
		if (gai_src_avail(in) == 0) {
			snprintf(in->why, sizeof in->why, "unexpected end of data");
			return -1;
		}
		part = gai_src_avail(in) < n ? gai_src_avail(in) : n;
		if (out != NULL && gai_buf_append(out, gai_src_peek(in),
		    part) != 0) {
			snprintf(in->why, sizeof in->why, "out of memory");
			return -1;
		}
		in->off += part;
		n -= part;
	}
	return 0;
}

/* ---- what the first bytes say ---- */

static int
starts(const char *s, size_t n, const char *magic, size_t m)
{
	return n >= m && memcmp(s, magic, m) == 0;
}

#define STARTS(s, n, lit) starts(s, n, lit, sizeof lit - 1)

/* The compressions libarchive undoes for us; NULL when not compressed. */
static const char *
compression(const char *s, size_t n)
{
	if (STARTS(s, n, "\x1f\x8b"))
		return "gzip";
	if (STARTS(s, n, "\xfd" "7zXZ\0"))
		return "xz";
	if (STARTS(s, n, "\x28\xb5\x2f\xfd"))
		return "zstd";
	if (STARTS(s, n, "BZh") && n > 3 && s[3] >= '1' && s[3] <= '9')
		return "bzip2";
	return NULL;
}

static int
is_tar(const char *s, size_t n)
{
	return n >= 263 && memcmp(s + 257, "ustar", 5) == 0;
}

static int
is_zip(const char *s, size_t n)
{
	return STARTS(s, n, "PK\3\4") || STARTS(s, n, "PK\5\6");
}

/*
 * An Office Open XML file (DOCX, and XLSX or PPTX, which have no
 * word/document.xml): a zip whose first member is one of its parts, as
 * Word, LibreOffice and the libraries that write them put it.
 */
static int
is_ooxml(const char *s, size_t n)
{
	static const char *const parts[] = {
		"[Content_Types].xml", "_rels/", "word/", "docProps/"
	};
	size_t i, len;

	if (!STARTS(s, n, "PK\3\4") || n < 30)
		return 0;
	len = (unsigned char)s[26] | (size_t)(unsigned char)s[27] << 8;
	for (i = 0; i < sizeof parts / sizeof parts[0]; i++)
		if (len >= strlen(parts[i]) && n >= 30 + strlen(parts[i]) &&
		    memcmp(s + 30, parts[i], strlen(parts[i])) == 0)
			return 1;
	return 0;
}

/*
 * Binary formats a crawl holds that are not pages, named for the message.
 * Checked after the formats read above.
 */
static const struct magic {
	size_t at;
	const char *bytes;
	size_t len;
	const char *what;
} magics[] = {
#define M(at, lit, what) { at, lit, sizeof lit - 1, what }
	M(0, "\x89PNG\r\n\x1a\n", "PNG image"),
	M(0, "\xff\xd8\xff", "JPEG image"),
	M(0, "GIF87a", "GIF image"),
	M(0, "GIF89a", "GIF image"),
	M(0, "II*\0", "TIFF image"),
	M(0, "MM\0*", "TIFF image"),
	M(8, "WEBP", "WebP image"),
	M(0, "\0\0\1\0", "icon image"),
	M(0, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
	    "MS Office document (.doc/.xls/.ppt)"),
	M(0, "{\\rtf", "RTF document"),
	M(0, "\x7f" "ELF", "ELF executable"),
	M(0, "MZ", "Windows executable"),
	M(0, "\xcf\xfa\xed\xfe", "Mach-O executable"),
	M(0, "\xca\xfe\xba\xbe", "Mach-O or Java class file"),
	M(0, "Rar!\x1a\x07", "RAR archive"),
	M(0, "7z\xbc\xaf\x27\x1c", "7-Zip archive"),
	M(0, "\x04\x22\x4d\x18", "LZ4 compressed data"),
	M(4, "ftyp", "MP4 video"),
	M(0, "ID3", "MP3 audio"),
	M(0, "OggS", "Ogg media"),
	M(0, "wOFF", "WOFF font"),
	M(0, "wOF2", "WOFF2 font"),
	M(0, "SQLite format 3", "SQLite database"),
	M(0, "\0asm", "WebAssembly module"),
#undef M
};

/*
 * Bytes with no text in them: C0 controls that text never holds (NUL,
 * TAB, LF, VT, FF, CR and ESC aside), more than one in 32 of the first
 * SNIFF_CHARS characters.  Characters, not bytes, so that a page is
 * judged alike in UTF-8 and in GB18030, which takes fewer bytes for the
 * same text: the bytes are stepped as UTF-8 when they are UTF-8, else as
 * GB18030 (whose steps fit Big5 too).  UTF-16 without a BOM has controls
 * in its CJK units but NULs at every other byte in its markup; a BOM
 * says text too.
 */
static int
looks_binary(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, k, chars = 0, ctl = 0, nul[2] = { 0, 0 };
	int utf8;

	if (STARTS(s, n, "\xff\xfe") || STARTS(s, n, "\xfe\xff") ||
	    STARTS(s, n, "\xef\xbb\xbf"))
		return 0;
	if (n > SNIFF)
		n = SNIFF;
	utf8 = gai_text_valid_utf8(s, n) >= gai_encoding_whole("UTF-8", s, n);
	/* stepped here, not by gai_encoding_head(name, ..., 1): its name
	 * lookup a character was a third of gai-normalize's time on text */
	for (i = 0; i < n && chars < SNIFF_CHARS; i += k, chars++) {
		unsigned char c = u[i];

		if (utf8)
			for (k = 1; i + k < n && (u[i + k] & 0xC0) == 0x80; k++)
				;
		else
			k = gai_encoding_dbcs_len(1, u, i, n);
		if (c == 0)
			nul[i & 1]++;
		else if (c < 0x20 && !(c >= '\t' && c <= '\r') && c != 0x1b)
			ctl++;
	}
	if ((nul[0] == 0) != (nul[1] == 0) && (nul[0] + nul[1]) * 8 >= chars)
		return 0;	/* UTF-16: NULs on one side only */
	return ctl * 32 > chars;
}

/* What binary thing s is, or NULL when it may be a page. */
static const char *
binary_kind(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof magics / sizeof magics[0]; i++)
		if (n >= magics[i].at + magics[i].len &&
		    memcmp(s + magics[i].at, magics[i].bytes, magics[i].len) == 0)
			return magics[i].what;
	if (compression(s, n) != NULL)
		return "compressed data inside an archive";
	if (is_tar(s, n) || is_zip(s, n))
		return "an archive inside an archive";
	if (gai_warc_sniff(s, n))
		return "a WARC file inside an archive";
	return looks_binary(s, n) ? "binary data, not text" : NULL;
}

/* ---- documents ---- */

static int
nomem(struct gai_error *err)
{
	return gai_error_set(err, GAI_E_NOMEM, ENOMEM, 0, "out of memory");
}

static void
fill_doc(struct gai_source *s, struct gai_source_doc *doc, const char *bytes,
    size_t len)
{
	doc->name = s->name.data;
	doc->bytes = bytes;
	doc->len = len;
	doc->charset = s->charset;
	doc->unreadable = NULL;
	doc->cut = 0;
	doc->size = len;
}

static void
unreadable(struct gai_source *s, struct gai_source_doc *doc, const char *why)
{
	if (why != s->why)
		snprintf(s->why, sizeof s->why, "%s", why);
	fill_doc(s, doc, "", 0);
	doc->unreadable = s->why;
}

static int
set_name(struct gai_source *s, const char *a, const char *b)
{
	gai_buf_clear(&s->name);
	if (gai_buf_puts(&s->name, a) != 0 ||
	    (b != NULL && (gai_buf_putc(&s->name, ':') != 0 ||
	    gai_buf_puts(&s->name, b) != 0)))
		return -1;
	return 0;
}

static int
too_big(const struct gai_source *s, size_t n)
{
	return s->opts.max_size > 0 && n > s->opts.max_size;
}


/* 1 when text has something in it besides spaces and page breaks. */
static int
has_text(const char *text, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (text[i] != ' ' && text[i] != '\n' && text[i] != '\f')
			return 1;
	return 0;
}

/* A document made by a converter (rc its status) in s->conv, UTF-8. */
static int
converted(struct gai_source *s, struct gai_source_doc *doc, int rc,
    const char *empty, struct gai_error *err)
{
	if (rc == GAI_E_NOMEM)
		return nomem(err);
	if (rc == GAI_OK && !has_text(s->conv.data, s->conv.len))
		snprintf(s->why, sizeof s->why, "%s", empty);
	else if (rc == GAI_OK) {
		snprintf(s->charset, sizeof s->charset, "UTF-8");
		fill_doc(s, doc, s->conv.data, s->conv.len);
		return GAI_OK;
	}
	unreadable(s, doc, s->why);
	return GAI_OK;
}

/*
 * A whole document in memory: a PDF made text, a page (the bytes stay
 * where they are), or a binary thing named.
 */
static int
classify(struct gai_source *s, struct gai_source_doc *doc, const char *bytes,
    size_t n, struct gai_error *err)
{
	const char *kind;

	if (STARTS(bytes, n, "%PDF-"))
		return converted(s, doc, gai_pdf_text(bytes, n, &s->conv,
		    s->why, sizeof s->why),
		    "PDF without text (scanned pages?)", err);
	if (is_ooxml(bytes, n))
		return converted(s, doc, gai_docx_text(bytes, n, &s->conv,
		    &s->xml, s->why, sizeof s->why),
		    "DOCX without text", err);
	kind = binary_kind(bytes, n);

	if (kind != NULL) {
		unreadable(s, doc, kind);
		return GAI_OK;
	}
	fill_doc(s, doc, bytes, n);
	return GAI_OK;
}

/*
 * The first n bytes read of a document larger than the limit, which is at
 * least size bytes long: its lines within the limit (within the n bytes
 * when fewer), as gai_doc cuts stream 1.  A PDF or DOCX cut short is no
 * document: unreadable, naming the limit.
 */
static int
cut(struct gai_source *s, struct gai_source_doc *doc, const char *bytes,
    size_t n, size_t size, struct gai_error *err)
{
	size_t max = s->opts.max_size;
	int rc;

	if (STARTS(bytes, n, "%PDF-") || is_ooxml(bytes, n)) {
		snprintf(s->why, sizeof s->why, "larger than the maximum size "
		    "(%zu bytes), and a %s cannot be cut", max,
		    bytes[0] == '%' ? "PDF" : "DOCX");
		unreadable(s, doc, s->why);
		return GAI_OK;
	}
	rc = classify(s, doc, bytes, gai_doc_cut_at(bytes, n < max ? n : max),
	    err);
	if (rc == GAI_OK && doc->unreadable == NULL) {
		doc->cut = 1;
		doc->size = size;
	}
	return rc;
}

/* A page where buffer b starts is the caller's to take apart. */
static void
hand_over(struct gai_source_doc *doc, struct gai_buf *b)
{
	if (doc->unreadable == NULL && doc->len > 0 && doc->bytes == b->data)
		doc->page = b;
}

/*
 * The rest of cur as one document, read in place (no copy); past the
 * limit no further: it may never end.  size is what it says its size is
 * (an archive member's header), 0 when it does not.
 */
static int
rest(struct gai_source *s, size_t size, struct gai_source_doc *doc,
    struct gai_error *err)
{
	struct gai_src_in *in = s->cur;
	int rc;

	while (!in->eof && !too_big(s, gai_src_avail(in)))
		if (gai_src_fill(in, gai_src_avail(in) + CHUNK) != 0) {
			unreadable(s, doc, in->why);
			return GAI_OK;
		}
	rc = too_big(s, gai_src_avail(in)) ? cut(s, doc, gai_src_peek(in),
	    gai_src_avail(in), size > gai_src_avail(in) ? size :
	    gai_src_avail(in), err) : classify(s, doc, gai_src_peek(in),
	    gai_src_avail(in), err);
	hand_over(doc, &in->b);
	return rc;
}

/* The rest of the operand as one document. */
static int
whole(struct gai_source *s, struct gai_source_doc *doc, struct gai_error *err)
{
	s->state = ST_DONE;
	return rest(s, 0, doc, err);
}

/* ---- libarchive over the operand's fd, the sniffed bytes first ---- */

static la_ssize_t
ar_read(struct archive *a, void *ctx, const void **buf)
{
	struct gai_src_in *in = ctx;
	size_t n;

	(void)a;
	if (gai_src_avail(in) == 0 && gai_src_fill(in, 1) != 0) {
		archive_set_error(a, EIO, "%s", in->why);
		return -1;
	}
	n = gai_src_avail(in);
	*buf = gai_src_peek(in);
	in->off += n;
	return (la_ssize_t)n;
}

/* The document unreadable for what libarchive says (else dflt). */
static int
ar_unreadable(struct gai_source *s, struct gai_source_doc *doc,
    const char *dflt)
{
	const char *msg = archive_error_string(s->ar);

	snprintf(s->why, sizeof s->why, "%s", msg != NULL ? msg : dflt);
	unreadable(s, doc, s->why);
	return GAI_OK;
}

/*
 * The member e of a tar or zip archive, read through s->data (the next
 * header passes over what is left of it); saved stream 1 handed out
 * unread when the caller asked for it so.
 */
static int
read_member(struct gai_source *s, struct archive_entry *e,
    struct gai_source_doc *doc, struct gai_error *err)
{
	struct gai_src_in *in = &s->data;
	la_int64_t size = archive_entry_size_is_set(e) ?
	    archive_entry_size(e) : 0;
	int rc;

	if (set_name(s, s->opname, archive_entry_pathname(e) != NULL ?
	    archive_entry_pathname(e) : "?") != 0)
		return nomem(err);
	gai_buf_clear(&in->b);
	in->off = 0;
	in->eof = in->fatal = in->errnum = 0;
	in->why[0] = '\0';
	in->ar = s->ar;
	s->cur = in;
	if (s->opts.stream1 && gai_src_fill(in, 1) == 0 &&
	    gai_src_avail(in) > 0 && gai_src_peek(in)[0] == '\f') {
		fill_doc(s, doc, "", 0);
		doc->stream1 = 1;
		return GAI_OK;
	}
	rc = rest(s, size > 0 && (uint64_t)size <= SIZE_MAX ? (size_t)size :
	    0, doc, err);
	if (in->fatal)
		s->state = ST_DONE;
	return rc;
}

/* The next regular member of the archive. */
static int
next_member(struct gai_source *s, struct gai_source_doc *doc,
    struct gai_error *err)
{
	struct archive_entry *e;
	int rc;

	do {
		rc = archive_read_next_header(s->ar, &e);
		if (rc == ARCHIVE_EOF) {
			s->state = ST_DONE;
			return GAI_EOF;
		}
		if (rc < ARCHIVE_WARN) {
			s->state = ST_DONE;
			if (set_name(s, s->opname, NULL) != 0)
				return nomem(err);
			return ar_unreadable(s, doc, "corrupt archive");
		}
	} while (archive_entry_filetype(e) != AE_IFREG);
	return read_member(s, e, doc, err);
}

/* ---- WARC ---- */

/*
 * The record's payload as a document, or 1 when it is passed over; rest
 * bytes of the record's block were too many to read (past the limit).
 */
static int
warc_payload(struct gai_source *s, const struct gai_warc_rec *rec,
    size_t rest, struct gai_source_doc *doc, struct gai_error *err)
{
	const char *type = rec->content_type, *body = s->doc.data;
	size_t n = s->doc.len;
	struct gai_buf *page = &s->doc;
	struct gai_http h;
	int rc;

	h.cut = 0;
	if (rec->type == GAI_WARC_RESPONSE) {
		/* dns: and other non-HTTP responses hold no page. */
		if (strncasecmp(type, "application/http", 16) != 0) {
			s->skipped[SKIP_NOT_PAGE]++;
			return 1;
		}
		rc = gai_http_parse(s->doc.data, s->doc.len, s->opts.max_size,
		    &h, &body, &n, &s->payload, &s->scratch, s->why,
		    sizeof s->why);
		if (rc == GAI_E_NOMEM)
			return nomem(err);
		if (rc != GAI_OK) {
			unreadable(s, doc, s->why);
			return GAI_OK;
		}
		if (h.status < 200 || h.status > 299) {
			s->skipped[SKIP_NOT_2XX]++;
			return 1;
		}
		type = h.content_type;
	}
	if (!gai_http_is_page(type)) {
		s->skipped[SKIP_NOT_PAGE]++;
		return 1;
	}
	gai_http_charset(type, s->charset, sizeof s->charset);
	/* the payload where its buffer starts, so that it can be handed over */
	if (body == s->payload.data)
		page = &s->payload;
	else if (body == s->scratch.data)
		page = &s->scratch;
	else if (n > 0) {
		memmove(s->doc.data, body, n);
		s->doc.len = n;
		s->doc.data[n] = '\0';
		body = s->doc.data;
	}
	rc = rest > 0 || h.cut ? cut(s, doc, body, n, n + rest, err) :
	    classify(s, doc, body, n, err);
	hand_over(doc, page);
	return rc;
}

/* The next response or resource record that holds a page. */
static int
next_record(struct gai_source *s, struct gai_source_doc *doc,
    struct gai_error *err)
{
	struct gai_warc_rec rec;
	size_t keep;
	int rc, page;

	for (;;) {
		rc = gai_warc_header(s->cur, &rec, s->why, sizeof s->why);
		if (rc == GAI_EOF) {
			s->state = ST_DONE;
			return GAI_EOF;
		}
		if (rc != GAI_OK) {
			s->state = ST_DONE;
			if (set_name(s, s->opname, NULL) != 0)
				return nomem(err);
			unreadable(s, doc, s->why);
			return GAI_OK;
		}
		page = rec.type == GAI_WARC_RESPONSE ||
		    rec.type == GAI_WARC_RESOURCE;
		/* A page's block up to the limit; the rest is passed over. */
		keep = !page ? 0 : too_big(s, rec.length) ? s->opts.max_size :
		    rec.length;
		gai_buf_clear(&s->doc);
		if (gai_src_take(s->cur, keep, &s->doc) != 0 ||
		    gai_src_take(s->cur, rec.length - keep, NULL) != 0 ||
		    gai_warc_end(s->cur) != 0)
			goto short_rec;
		if (!page) {
			s->skipped[rec.type]++;
			continue;
		}
		if (set_name(s, rec.uri[0] != '\0' ? rec.uri : s->opname,
		    NULL) != 0)
			return nomem(err);
		if ((rc = warc_payload(s, &rec, rec.length - keep, doc,
		    err)) != 1)
			return rc;
	}
short_rec:
	s->state = ST_DONE;
	if (set_name(s, rec.uri[0] != '\0' ? rec.uri : s->opname, NULL) != 0)
		return nomem(err);
	snprintf(s->why, sizeof s->why, "WARC record cut short: %s",
	    s->cur->why);
	unreadable(s, doc, s->why);
	return GAI_OK;
}

/*
 * libarchive on the operand: told what it holds.  One compressed stream
 * is told by its bytes in turn, as the operand's are, on s->data.
 */
static int
ar_open(struct gai_source *s, struct gai_error *err)
{
	const char *msg;
	int rc;

	if ((s->ar = archive_read_new()) == NULL)
		return nomem(err);
	archive_read_support_filter_all(s->ar);
	archive_read_support_format_tar(s->ar);
	archive_read_support_format_zip(s->ar);
	archive_read_support_format_raw(s->ar);
	archive_read_support_format_empty(s->ar);
	if (archive_read_open(s->ar, &s->in, NULL, ar_read, NULL) != ARCHIVE_OK)
		goto bad;
	rc = archive_read_next_header(s->ar, &s->entry);
	/* An archive without members holds no document; compressed
	 * nothing is an empty one, as an empty file is. */
	if (rc == ARCHIVE_EOF && archive_format(s->ar) != ARCHIVE_FORMAT_EMPTY) {
		s->told = TOLD_EMPTY;
		return GAI_OK;
	}
	if (rc < ARCHIVE_WARN)
		goto bad;
	if (archive_format(s->ar) != ARCHIVE_FORMAT_RAW &&
	    archive_format(s->ar) != ARCHIVE_FORMAT_EMPTY) {
		s->told = TOLD_MEMBERS;
		return GAI_OK;
	}
	s->data.ar = s->ar;
	s->cur = &s->data;
	if (rc == ARCHIVE_EOF) {	/* nothing to ask libarchive for */
		if (gai_buf_reserve(&s->data.b, 1) != 0)
			return nomem(err);
		s->data.b.data[0] = '\0';
		s->data.eof = 1;
	}
	if (gai_src_fill(&s->data, SNIFF) != 0) {
		snprintf(s->why, sizeof s->why, "%s", s->data.why);
		s->told = TOLD_BAD;
		return GAI_OK;
	}
	s->told = TOLD_BYTES;
	return GAI_OK;
bad:
	msg = archive_error_string(s->ar);
	snprintf(s->why, sizeof s->why, "%s",
	    msg != NULL ? msg : "cannot read the archive");
	s->told = TOLD_BAD;
	return GAI_OK;
}

/*
 * What the operand is, from its first bytes, asked once (by
 * gai_source_is_text or the first document).  GAI_OK, GAI_E_NOMEM.
 */
static int
tell(struct gai_source *s, struct gai_error *err)
{
	const char *head;
	size_t n;

	if (s->told != TOLD_NOTHING)
		return GAI_OK;
	if (gai_src_fill(&s->in, SNIFF) != 0) {
		snprintf(s->why, sizeof s->why, "%s", s->in.why);
		s->told = TOLD_BAD;
		return GAI_OK;
	}
	head = gai_src_peek(&s->in);
	n = gai_src_avail(&s->in);
	if (compression(head, n) != NULL || is_tar(head, n) ||
	    (is_zip(head, n) && !is_ooxml(head, n)))
		return ar_open(s, err);
	s->told = TOLD_BYTES;
	return GAI_OK;
}

/* ---- the interface ---- */

int
gai_source_open(struct gai_source **sp, const char *path,
    const struct gai_source_opts *opts, struct gai_error *err)
{
	static const struct gai_source_opts none = { NULL, 0, 0 };
	struct gai_source *s;
	int fd = 0;

	*sp = NULL;
	if (strcmp(path, "-") != 0) {
		do
			fd = open(path, O_RDONLY | O_CLOEXEC);
		while (fd < 0 && errno == EINTR);
		if (fd < 0)
			return gai_error_set(err, GAI_E_IO, errno, 0, "%s",
			    strerror(errno));
	}
	if ((s = calloc(1, sizeof *s)) == NULL ||
	    (s->opname = strdup(opts != NULL && opts->name != NULL ?
	    opts->name : path)) == NULL) {
		free(s);
		if (fd > 0)
			close(fd);
		return nomem(err);
	}
	s->opts = opts != NULL ? *opts : none;
	s->ownfd = fd > 0;
	s->in.fd = fd;
	s->data.fd = -1;
	s->cur = &s->in;
	*sp = s;
	return GAI_OK;
}

static int
first(struct gai_source *s, struct gai_source_doc *doc, struct gai_error *err)
{
	int rc;

	if (set_name(s, s->opname, NULL) != 0)
		return nomem(err);
	if ((rc = tell(s, err)) != GAI_OK)
		return rc;
	switch (s->told) {
	case TOLD_BAD:
		s->state = ST_DONE;
		unreadable(s, doc, s->why);
		return GAI_OK;
	case TOLD_EMPTY:
		s->state = ST_DONE;
		return GAI_EOF;
	case TOLD_MEMBERS:
		s->state = ST_MEMBERS;
		return archive_entry_filetype(s->entry) == AE_IFREG ?
		    read_member(s, s->entry, doc, err) :
		    next_member(s, doc, err);
	default:
		break;
	}
	if (gai_warc_sniff(gai_src_peek(s->cur), gai_src_avail(s->cur))) {
		s->state = ST_WARC;
		return next_record(s, doc, err);
	}
	return whole(s, doc, err);
}

int
gai_source_is_text(struct gai_source *s, struct gai_error *err)
{
	const char *head;
	size_t n;
	int rc;

	if (s->state != ST_START)
		return 0;
	if ((rc = tell(s, err)) != GAI_OK)
		return rc;
	if (s->told != TOLD_BYTES)
		return 0;
	head = gai_src_peek(s->cur);
	n = gai_src_avail(s->cur);
	return !gai_warc_sniff(head, n) && !STARTS(head, n, "%PDF-") &&
	    binary_kind(head, n) == NULL;
}

ssize_t
gai_source_read(struct gai_source *s, char *buf, size_t n)
{
	struct gai_src_in *in = s->cur;
	size_t part = gai_src_avail(in) < n ? gai_src_avail(in) : n;
	ssize_t got;

	if (part > 0) {
		memcpy(buf, gai_src_peek(in), part);
		in->off += part;
		return (ssize_t)part;
	}
	if (in->eof)
		return 0;
	/* Past the bytes read to tell the format: straight from the source. */
	if ((got = raw_read(in, buf, n)) < 0 && in->errnum == 0)
		errno = EIO;	/* a decompressor's: in->why says what */
	return got;
}

const char *
gai_source_error(const struct gai_source *s)
{
	return s->cur->why[0] != '\0' ? s->cur->why : NULL;
}

int
gai_source_next(struct gai_source *s, struct gai_source_doc *doc,
    struct gai_error *err)
{
	memset(doc, 0, sizeof *doc);
	s->charset[0] = '\0';
	switch (s->state) {
	case ST_START:
		return first(s, doc, err);
	case ST_MEMBERS:
		return next_member(s, doc, err);
	case ST_WARC:
		return next_record(s, doc, err);
	default:
		return GAI_EOF;
	}
}

size_t
gai_source_skipped(const struct gai_source *s, char *buf, size_t size)
{
	static const char *const what[] = {
		[SKIP_NOT_2XX] = "non-2xx",
		[SKIP_NOT_PAGE] = "not a page",
	};
	size_t i, total = 0, used;

	if (size > 0)
		buf[0] = '\0';
	for (i = 0; i < sizeof s->skipped / sizeof s->skipped[0]; i++)
		total += s->skipped[i];
	if (total == 0 || size == 0)
		return total;
	used = (size_t)snprintf(buf, size, "%zu WARC record%s passed over:",
	    total, total == 1 ? "" : "s");
	for (i = 0; i < sizeof s->skipped / sizeof s->skipped[0]; i++)
		if (s->skipped[i] > 0 && used < size)
			used += (size_t)snprintf(buf + used, size - used,
			    "%s %s %zu", buf[used - 1] == ':' ? "" : ",",
			    i < GAI_WARC_NTYPES ? gai_warc_type_names[i] :
			    what[i], s->skipped[i]);
	return total;
}

void
gai_source_close(struct gai_source *s)
{
	if (s == NULL)
		return;
	if (s->ar != NULL)
		archive_read_free(s->ar);
	if (s->ownfd)
		close(s->in.fd);
	gai_buf_free(&s->in.b);
	gai_buf_free(&s->data.b);
	gai_buf_free(&s->doc);
	gai_buf_free(&s->name);
	gai_buf_free(&s->payload);
	gai_buf_free(&s->conv);
	gai_buf_free(&s->xml);
	gai_buf_free(&s->scratch);
	free(s->opname);
	free(s);
}

const char *
gai_source_formats(void)
{
#ifdef HAVE_POPPLER_CPP
	return "gzip, xz, zstd, bzip2, tar, zip, WARC, PDF, DOCX";
#else
	return "gzip, xz, zstd, bzip2, tar, zip, WARC, DOCX";
#endif
}
