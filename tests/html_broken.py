#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Write pages of randomly broken markup for the HTML parser differential test.

Usage: html_broken.py OUTDIR PAGES SEED

Each page is <html> and then a random sequence of start tags (any case,
attributes quoted and not, '>' inside quotes, "/>", junk), end tags,
comments, Word conditionals, DOCTYPEs, processing instructions, character
references good and bad, a lone '<' or '&', blanks and text.  Left out are
only the constructs bench/README.md lists as read differently on purpose
(libxml2 2.9 is the one that is wrong there): "<!-->", control characters,
a page that starts with an end tag, and </body>, </html> or <html/> other
than at the top level.  The same arguments always give the same bytes.
"""
import os
import random
import sys

TAGS = ('html head body title p div span b i a table tbody thead tfoot tr td '
        'th caption br hr pre li ul ol dl dt dd font center form select '
        'option textarea script style iframe noscript object h1 h3 '
        'blockquote xmp listing img meta link base frameset frame noframes '
        'o:p st1:chsdate foo svg section article').split()
TEXTS = ('文字', 'a', ' ', '\n', '  x  ', '数字123', '&nbsp;', '&amp;', '&lt;',
         '&gt;', '&#65;', '&#x4e2d;', '&#0;', '&#xZ', '&bogus;', '&amp', '& ',
         '&#', '&copy', '<', '< b', '<3', 'a<b', '>', '\t', '\r\n', '\f',
         '全角ＡＢ', '\u3000', "'", '"', '=', '/', '收入<100万元')
ATTRS = (' class=x', ' rowspan="2"', " a='>'", ' b=">"', ' c', ' d=e/',
         ' "q"', ' x=', ' /', '\n id=1', " style='a:b'", ' colspan=3')
OTHER = ('<!-- c -->', '<!---->', '<!-- a --!> b', '<!-- x',
         '<![if !supportLists]>', '<![endif]>', '<!DOCTYPE html>',
         '<?xml x?>', '<? x>', '</ x>', '</>', '</3>', '<!x>',
         '<!-- <p> -->', '<!--[if gte mso 9]><xml>x</xml><![endif]-->')


def fragment(r):
    x = r.random()
    if x < 0.35:
        tag = r.choice(TAGS)
        if tag == 'html':
            return '<html>'
        if r.random() < 0.2:
            tag = tag.upper()
        attrs = ''.join(r.choice(ATTRS) for _ in range(r.randrange(3)))
        return '<%s%s%s' % (tag, attrs, r.choice(('>', '>', '>', '/>',
                                                   ' >', '')))
    if x < 0.6:
        tag = r.choice(TAGS)
        if tag in ('html', 'body'):
            tag = 'td'
        return '</%s%s>' % (tag if r.random() < 0.9 else tag.upper(),
                            r.choice(('', '', ' ', ' x')))
    if x < 0.65:
        return r.choice(OTHER)
    return r.choice(TEXTS)


def main():
    out, pages, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    r = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    for k in range(pages):
        body = ''.join(fragment(r) for _ in range(r.randrange(5, 60)))
        with open(os.path.join(out, 'b%05d.html' % k), 'w',
                  encoding='utf-8') as f:
            f.write('<html>' + body + r.choice(('', '</body></html>\n')))


main()
