#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# baseline_extract: the regex extractor a user writes for gai-extract's job.
"""Stream 1 text to stream 2 records, as a user's Python script would do it.

Splits the stream into documents at form-feed headers, folds traditional
characters of the table labels to simplified, then looks for each table row
by a regular expression on its label and takes the numbers on that line.
Writes `doc<TAB>key<TAB>value` records (meta.year, meta.edition, the
active, req and appeal keys of FIELDS.md).  Used by bench/run.sh as the
baseline gai-extract is measured against: it reads well-formed rows, it
does not attempt the layouts gai-extract handles (cells over lines, runs of
spaces, garbled headers).
"""

import re
import sys

T2S = str.maketrans(
    '條項內發數廢現規範處決許罰強費額單萬業開對總減務購據關係為請況組織'
    '機構會計結轉辦區這屬國穩護權類過執詢無沒補確訪舉報訴訟復當認獲繳繼續'
    '議維糾審經動問題進於納訟',
    '条项内发数废现规范处决许罚强费额单万业开对总减务购据关系为请况组织'
    '机构会计结转办区这属国稳护权类过执询无没补确访举报诉讼复当认获缴继续'
    '议维纠审经动问题进于纳讼')

NUM = re.compile(r'^-?\d+(?:\.\d+)?$')
YEAR = re.compile(r'(20[12]\d)\s*年(?:度)?[^\n]{0,20}?政府信息公开[^\n]{0,6}年度?报告')

REQ_COLS = ('natural_person', 'commercial', 'research', 'nonprofit',
            'legal_service', 'other_org', 'total')

# (regex on the row's label, key); tried in order on each line.
REQ_ROWS = [(re.compile(p), k) for p, k in (
    (r'本年新收', 'new'),
    (r'上年结转', 'carried_in'),
    (r'予以公开', 'granted'),
    (r'部分公开', 'partial'),
    (r'国家秘密', 'denied.state_secret'),
    (r'禁止公开', 'denied.prohibited'),
    (r'三安全一稳定', 'denied.security'),
    (r'第三方合法权益', 'denied.third_party'),
    (r'内部事务', 'denied.internal'),
    (r'过程性信息', 'denied.deliberative'),
    (r'行政执法案卷', 'denied.enforcement'),
    (r'行政查询', 'denied.query'),
    (r'不掌握', 'unavailable.not_held'),
    (r'另行制作', 'unavailable.needs_creation'),
    (r'仍不明确', 'unavailable.unclear'),
    (r'信访举报', 'not_processed.petition'),
    (r'重复申请', 'not_processed.duplicate'),
    (r'公开出版物', 'not_processed.publication'),
    (r'大量反复', 'not_processed.excessive'),
    (r'确认或重新出具', 'not_processed.confirmation'),
    (r'逾期不补正', 'other.no_correction'),
    (r'缴纳费用', 'other.unpaid_fee'),
    (r'^(?:3[.．、])?其他$', 'other.misc'),
    (r'其他处理', 'other'),
    (r'总计', 'total'),
    (r'结转下年度', 'carried_out'),
)]

ACTIVE = {
    '2021': [(re.compile(p), k) for p, k in (
        (r'^规章', ('rules.issued', 'rules.repealed', 'rules.in_force')),
        (r'规范性文件', ('normative.issued', 'normative.repealed',
                    'normative.in_force')),
        (r'^行政许可', ('license.decisions',)),
        (r'^行政处罚', ('punishment.decisions',)),
        (r'^行政强制', ('coercion.decisions',)),
        (r'^行政事业性收费', ('fees.amount',)),
    )],
    '2019': [(re.compile(p), k) for p, k in (
        (r'^规章', ('rules.made', 'rules.published', 'rules.total')),
        (r'规范性文件', ('normative.made', 'normative.published',
                    'normative.total')),
        (r'^行政许可', ('license.prior_items', 'license.change',
                    'license.decisions')),
        (r'^其他对外管理服务事项', ('other_service.prior_items',
                          'other_service.change', 'other_service.decisions')),
        (r'^行政处罚', ('punishment.prior_items', 'punishment.change',
                    'punishment.decisions')),
        (r'^行政强制', ('coercion.prior_items', 'coercion.change',
                    'coercion.decisions')),
        (r'^行政事业性收费', ('fees.prior_items', 'fees.change')),
        (r'^政府集中采购', ('procurement.items', 'procurement.amount')),
    )],
}

APPEAL = [('appeal.%s.%s' % (g, c))
          for g in ('review', 'suit_direct', 'suit_after_review')
          for c in ('upheld', 'corrected', 'other', 'pending', 'total')]

SPLIT = re.compile(r'\t|\s*\|\s*')


def cells_of(line):
    return [c.strip() for c in SPLIT.split(line) if c.strip()]


def numbers(cells):
    return [c.replace('万元', '') for c in cells
            if NUM.match(c.replace('万元', ''))]


def extract(doc, text, out):
    text = text.translate(T2S)
    recs = []
    m = YEAR.search(text)
    if m:
        recs.append(('meta.year', m.group(1)))
    if '本年制发件数' in text:
        edition = '2021'
    elif '本年新制作数量' in text:
        edition = '2019'
    else:
        out.append('%s\twarn.tables\tno report tables\n' % doc)
        return
    recs.append(('meta.edition', edition))
    section = None
    for line in text.split('\n'):
        if '主动公开政府信息情况' in line:
            section = 'active'
            continue
        if '收到和处理政府信息公开申请' in line:
            section = 'req'
            continue
        if '行政复议' in line and '行政诉讼' in line and section == 'req':
            section = 'appeal'
            continue
        if section is None or not line:
            continue
        cells = cells_of(line)
        nums = numbers(cells)
        if not nums:
            continue
        labels = [c for c in cells if not NUM.match(c.replace('万元', ''))]
        label = labels[-1] if labels else ''
        if section == 'active':
            for rx, keys in ACTIVE[edition]:
                if rx.search(label):
                    for k, v in zip(keys, nums):
                        recs.append(('active.' + k, v))
                    break
        elif section == 'req':
            if len(nums) < 7:
                continue
            for rx, key in REQ_ROWS:
                if rx.search(label):
                    if key == 'other' and edition == '2021':
                        continue
                    for c, v in zip(REQ_COLS, nums[-7:]):
                        recs.append(('req.%s.%s' % (key, c), v))
                    break
        elif section == 'appeal' and len(nums) >= 15:
            for k, v in zip(APPEAL, nums[-15:]):
                recs.append((k, v))
            section = 'done'
        elif section == 'done' and '五、' in line:
            break
    for k, v in recs:
        out.append('%s\t%s\t%s\n' % (doc, k, v))


def documents(stream, name):
    data = stream.read().decode('utf-8', 'replace')
    parts = data.split('\f')
    if parts[0].strip():
        yield name, parts[0]
    for p in parts[1:]:
        head, _, body = p.partition('\n')
        yield head, body


def main(argv):
    w = sys.stdout
    for name in argv[1:] or ['-']:
        if name == '-':
            src = sys.stdin.buffer
        else:
            src = open(name, 'rb')
        for doc, text in documents(src, name):
            out = []
            extract(doc, text, out)
            w.write(''.join(out))
        if src is not sys.stdin.buffer:
            src.close()
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
