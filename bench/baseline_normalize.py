#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# baseline_normalize: the Python pipeline a careful user writes for gai-normalize's job.
"""HTML pages to stream 1 text, the way a careful user would do it in Python.

For each FILE: find the charset (BOM, then <meta charset> / http-equiv in the
first 4 KB, then try UTF-8 and fall back to GB18030), decode (gb2312 and gbk
read as GB18030, their superset), parse with lxml.html, drop script, style
and comments, and write the text with one line per block and table rows as
TAB-separated cells, width and space folded.  Output is gai's stream 1: a
form-feed header naming each document.  Used by bench/run.sh as the
baseline gai-normalize is measured against.
"""

import re
import sys

from lxml import etree
import lxml.html

META_RE = re.compile(rb'<meta[^>]+charset\s*=\s*["\']?\s*([A-Za-z0-9_-]+)', re.I)
ALIASES = {'gb2312': 'gb18030', 'gbk': 'gb18030', 'x-gbk': 'gb18030',
           'gb18030': 'gb18030', 'big5': 'big5hkscs', 'big5-hkscs': 'big5hkscs',
           'utf8': 'utf-8', 'utf-8': 'utf-8'}

BLOCK = frozenset(('p', 'div', 'br', 'li', 'ul', 'ol', 'dl', 'dd', 'dt', 'h1',
                   'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tbody', 'thead',
                   'section', 'article', 'header', 'footer', 'form', 'center',
                   'blockquote', 'pre', 'hr', 'title', 'nav', 'body'))
SKIP = ('script', 'style', 'noscript', 'template')

# Full-width ASCII to ASCII; the Unicode spaces to a space; zero-width out.
FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
FOLD.update({c: 0x20 for c in [0x3000, 0xA0, 0x202F, 0x205F] +
             list(range(0x2000, 0x200B))})
FOLD.update({c: None for c in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xAD)})
FOLD[0x0C] = 0x20
SPACES = re.compile(r'[ \t\r\n]+')


def decode(data):
    if data.startswith(b'\xef\xbb\xbf'):
        return data[3:].decode('utf-8', 'replace'), 'utf-8'
    m = META_RE.search(data, 0, 4096)
    if m:
        enc = ALIASES.get(m.group(1).decode('ascii').lower())
        if enc:
            return data.decode(enc, 'replace'), enc
    try:
        return data.decode('utf-8'), 'utf-8'
    except UnicodeDecodeError:
        return data.decode('gb18030', 'replace'), 'gb18030'


def cell_text(el):
    return SPACES.sub(' ', el.text_content()).strip()


def walk(el, out):
    tag = el.tag
    if tag == 'tr':
        cells = [cell_text(c) for c in el if c.tag in ('td', 'th')]
        out.append('\n' + '\t'.join(cells) + '\n')
    else:
        block = tag in BLOCK
        if block:
            out.append('\n')
        if el.text:
            out.append(el.text)
        for c in el:
            walk(c, out)
        if block:
            out.append('\n')
    if el.tail:
        out.append(el.tail)


def page_text(data):
    text, _ = decode(data)
    doc = lxml.html.document_fromstring(text)
    etree.strip_elements(doc, etree.Comment, *SKIP, with_tail=False)
    out = []
    walk(doc, out)
    lines = []
    for ln in ''.join(out).translate(FOLD).split('\n'):
        if '\t' in ln:
            ln = '\t'.join(c.strip() for c in ln.split('\t'))
        else:
            ln = SPACES.sub(' ', ln).strip()
        if ln.strip():
            lines.append(ln)
    return '\n'.join(lines) + '\n'


def main(argv):
    w = sys.stdout.buffer
    status = 0
    for name in argv[1:] or ['-']:
        try:
            if name == '-':
                data = sys.stdin.buffer.read()
            else:
                with open(name, 'rb') as f:
                    data = f.read()
            w.write(('\f%s\n' % name).encode('utf-8'))
            w.write(page_text(data).encode('utf-8'))
        except (OSError, ValueError, etree.ParserError) as e:
            sys.stderr.write('baseline_normalize: %s: %s\n' % (name, e))
            status = 2
    return status


if __name__ == '__main__':
    sys.exit(main(sys.argv))
