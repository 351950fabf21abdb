#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# scraper: the Python script a careful user writes instead of the gai pipeline.
"""Read the three statistical tables of each report page, as a user would.

For each FILE: find the charset (BOM, <meta charset> or http-equiv in the
first 4 KB, else UTF-8 if it decodes, else GB18030; gb2312/gbk read as
GB18030, big5 as Big5-HKSCS), parse with lxml.html, and for every <table>
build the grid its rowspan and colspan attributes describe (a spanned cell
fills every slot it covers), fold full-width digits and spaces, and keep
the tables of the report's three parts: those whose grid holds one of
their labels (制发, 处理决定, 新收, 行政复议, simplified or traditional).
Write one line per grid row:

    FILE<TAB>TABLE<TAB>ROW<TAB>cell<TAB>cell...

Used by bench/run.sh as the baseline the whole gai pipeline (normalize,
extract, check, tsv) is measured against.  Standard library and lxml only.
"""

import re
import sys

import lxml.html

META_RE = re.compile(rb'<meta[^>]+charset\s*=\s*["\']?\s*([A-Za-z0-9_-]+)',
                     re.I)
ALIASES = {'gb2312': 'gb18030', 'gbk': 'gb18030', 'x-gbk': 'gb18030',
           'gb18030': 'gb18030', 'big5': 'big5hkscs',
           'big5-hkscs': 'big5hkscs', 'utf8': 'utf-8', 'utf-8': 'utf-8'}
FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
FOLD.update({c: 0x20 for c in (0x3000, 0xA0, 0x202F, 0x205F)})
SPACES = re.compile(r'\s+')
# Labels of the three tables (the first is often cut into several).
MARKS = ('制发', '制發', '处理决定', '處理決定', '新收', '行政复议', '行政復議')


def decode(data):
    if data.startswith(b'\xef\xbb\xbf'):
        return data[3:].decode('utf-8', 'replace')
    m = META_RE.search(data, 0, 4096)
    if m:
        enc = ALIASES.get(m.group(1).decode('ascii').lower())
        if enc:
            return data.decode(enc, 'replace')
    try:
        return data.decode('utf-8')
    except UnicodeDecodeError:
        return data.decode('gb18030', 'replace')


def span(cell, name):
    try:
        return max(1, min(int(cell.get(name, '1')), 100))
    except ValueError:
        return 1


def take_spanned(pending, row, col):
    """Fill row from col on with the cells rowspans above still cover."""
    while col in pending:
        text, left = pending[col]
        row.append(text)
        if left > 1:
            pending[col] = (text, left - 1)
        else:
            del pending[col]
        col += 1
    return col


def grid(table):
    """The table's rows with every rowspan/colspan slot filled."""
    rows = []
    pending = {}            # column -> (text, rows left) from a rowspan
    for tr in table.iter('tr'):
        if tr.getparent() is not None and \
                next(tr.iterancestors('table'), None) is not table:
            continue        # a row of a nested table
        row = []
        col = 0
        cells = [c for c in tr if c.tag in ('td', 'th')]
        for cell in cells:
            col = take_spanned(pending, row, col)
            text = SPACES.sub(' ', cell.text_content().translate(FOLD)).strip()
            rs, cs = span(cell, 'rowspan'), span(cell, 'colspan')
            for _ in range(cs):
                row.append(text)
                if rs > 1:
                    pending[col] = (text, rs - 1)
                col += 1
        take_spanned(pending, row, col)
        rows.append(row)
    return rows


def main():
    out = sys.stdout
    for name in sys.argv[1:]:
        with open(name, 'rb') as f:
            data = f.read()
        try:
            doc = lxml.html.document_fromstring(decode(data))
        except Exception as e:          # an empty or broken page
            print('%s: %s' % (name, e), file=sys.stderr)
            continue
        k = 0
        for table in doc.iter('table'):
            rows = grid(table)
            flat = ''.join(''.join(r) for r in rows)
            if not any(m in flat for m in MARKS):
                continue
            k += 1
            for i, row in enumerate(rows):
                out.write('%s\t%d\t%d\t%s\n' % (name, k, i, '\t'.join(row)))


main()
