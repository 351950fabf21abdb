#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# gen_corpus: a deterministic corpus of report pages as real sites serve them.
"""Generate the benchmark corpus for gai.

Pages are 政府信息公开工作年度报告 as government sites serve them: HTML in
UTF-8, GB18030 (declared gb2312, gbk or gb18030, a few undeclared) and Big5
(traditional pages only), 30-90 KB each, with site chrome (menus, scripts,
styles, breadcrumbs, footers) around Word-exported prose and the three
statistical tables (class=MsoNormalTable, numbers split over spans,
rowspan/colspan, &nbsp;).  The prose comes from the real crawled texts in
tests/fixtures/seeds; bodies, years and numbers vary deterministically and
the tables keep their identities (six columns sum to the total; new +
carried_in = total + carried_out; the disposition rows sum to total; the
appeal groups sum; carried_in of year N is carried_out of year N-1).

Output under OUT (default bench/out):
  html/pNNNNN.html        the pages
  text/utf8/pNNNNN.txt    the page's text as a crawler's text dump, UTF-8
  text/gb18030/pNNNNN.txt the same text in GB18030
  expected.tsv            page<TAB>key<TAB>value: the true table values
  MANIFEST                parameters and sizes (the corpus is reused when
                          its MANIFEST matches)

Standard library only; the same arguments always give the same bytes.
"""

import argparse
import os
import random
import re
import sys

DEFAULT_PAGES = 2000
GEN_VERSION = 3     # bump when the output changes: run.sh regenerates
SEED = 20240601

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS_DIR = os.path.join(HERE, '..', 'tests', 'fixtures', 'seeds')

# ---------------------------------------------------------------------------
# Simplified -> traditional for the characters this generator itself writes
# (labels, headings, chrome, names).  The traditional prose comes from the
# traditional seeds as crawled.
S2T_PAIRS = (
    '条條 项項 内內 发發 数數 废廢 现現 规規 范範 处處 决決 许許 罚罰 强強 '
    '费費 额額 单單 万萬 业業 开開 对對 总總 减減 务務 购購 据據 关關 系係 '
    '为為 请請 况況 组組 织織 机機 构構 会會 计計 结結 转轉 办辦 区區 这這 '
    '属屬 国國 稳穩 护護 权權 类類 过過 执執 询詢 无無 没沒 补補 确確 访訪 '
    '举舉 报報 诉訴 复復 当當 认認 获獲 缴繳 继繼 续續 议議 维維 纠糾 审審 '
    '经經 动動 问問 题題 进進 页頁 网網 时時 间間 来來 阅閱 读讀 号號 闭閉 '
    '联聯 图圖 标標 识識 码碼 备備 闻聞 领領 导導 财財 视視 频頻 长長 输輸 '
    '键鍵 词詞 版版 县縣 镇鎮 展展 资資 态態 环環 乡鄉 设設 运運 农農 卫衛 '
    '员員 应應 场場 监監 统統 医醫 疗療 图圖 盘盤 泽澤 迁遷 盐鹽 连連 扬揚 '
    '锡錫 苏蘇 绵綿 阳陽 乐樂 宾賓 泸瀘 义義 顺順 毕畢 节節 铜銅 头頭 尔爾 '
    '辽遼 伦倫 贝貝 乌烏 彦彥 东東 门門 户戶 政政 务務 服服 热熱 点點 专專 '
    '栏欄 详詳 细細 录錄 指指 南南 间間 浏瀏 览覽 器器 择擇 宽寬 颜顏 色色 '
    '帮幫 助助 职職 责責 预預 决決 策策 听聽 证證 质質 权權 样樣 观觀 '
    '态態 势勢 广廣 电電 纪紀 检檢 库庫 书書 记記 录錄 实實 践踐 户戶 邮郵 '
    '编編 话話 传傳 真真 址址 学學 习習 讯訊 车車 营營 济濟 兴興 创創 验驗 '
    '讼訟 划劃 华華 历歷 纳納 构構 际際 风風 险險 众眾 扫掃 码碼 微微 侧側 边邊 页頁 '
)
S2T = {}
for pair in S2T_PAIRS.split():
    S2T[pair[0]] = pair[1]
S2T_TABLE = str.maketrans(S2T)


def to_trad(s):
    return s.translate(S2T_TABLE)


# ---------------------------------------------------------------------------
# The tables (labels as the State Council forms print them, simplified).

REQ_COLS = ('natural_person', 'commercial', 'research', 'nonprofit',
            'legal_service', 'other_org', 'total')

# (key, group label or None, group rowspan key, row label)
REQ_ROWS_2021 = [
    ('new', None, '一、本年新收政府信息公开申请数量'),
    ('carried_in', None, '二、上年结转政府信息公开申请数量'),
    ('granted', 'result', '（一）予以公开'),
    ('partial', 'result', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'),
    ('denied.state_secret', 'denied', '1．属于国家秘密'),
    ('denied.prohibited', 'denied', '2．其他法律行政法规禁止公开'),
    ('denied.security', 'denied', '3．危及“三安全一稳定”'),
    ('denied.third_party', 'denied', '4．保护第三方合法权益'),
    ('denied.internal', 'denied', '5．属于三类内部事务信息'),
    ('denied.deliberative', 'denied', '6．属于四类过程性信息'),
    ('denied.enforcement', 'denied', '7．属于行政执法案卷'),
    ('denied.query', 'denied', '8．属于行政查询事项'),
    ('unavailable.not_held', 'unavailable', '1．本机关不掌握相关政府信息'),
    ('unavailable.needs_creation', 'unavailable', '2．没有现成信息需要另行制作'),
    ('unavailable.unclear', 'unavailable', '3．补正后申请内容仍不明确'),
    ('not_processed.petition', 'not_processed', '1．信访举报投诉类申请'),
    ('not_processed.duplicate', 'not_processed', '2．重复申请'),
    ('not_processed.publication', 'not_processed', '3．要求提供公开出版物'),
    ('not_processed.excessive', 'not_processed', '4．无正当理由大量反复申请'),
    ('not_processed.confirmation', 'not_processed',
     '5．要求行政机关确认或重新出具已获取信息'),
    ('other.no_correction', 'other',
     '1．申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
    ('other.unpaid_fee', 'other',
     '2．申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'),
    ('other.misc', 'other', '3．其他'),
    ('total', 'result', '（七）总计'),
    ('carried_out', None, '四、结转下年度继续办理'),
]
REQ_ROWS_2019 = [r for r in REQ_ROWS_2021 if r[1] != 'other']
REQ_ROWS_2019.insert(-2, ('other', 'result', '（六）其他处理'))
GROUP_LABEL = {
    'denied': '（三）不予公开',
    'unavailable': '（四）无法提供',
    'not_processed': '（五）不予处理',
    'other': '（六）其他处理',
}
DISPOSITIONS_2021 = [r[0] for r in REQ_ROWS_2021[2:-2]]
DISPOSITIONS_2019 = [r[0] for r in REQ_ROWS_2019[2:-2]]

APPEAL_GROUPS = ('review', 'suit_direct', 'suit_after_review')
APPEAL_COLS = ('upheld', 'corrected', 'other', 'pending', 'total')
APPEAL_LABELS = ('结果维持', '结果纠正', '其他结果', '尚未审结', '总计')

HEADINGS = ('一、总体情况', '二、主动公开政府信息情况',
            '三、收到和处理政府信息公开申请情况',
            '四、政府信息公开行政复议、行政诉讼情况',
            '五、存在的主要问题及改进情况', '六、其他需要报告的事项')

# ---------------------------------------------------------------------------
# Reporting bodies.

PLACES = ('米易县', '攀枝花市', '昌图县昌图镇', '六盘水市', '淮安市', '淮安市洪泽区',
          '宿迁市', '盐城市', '连云港市', '南通市', '扬州市', '镇江市', '泰州市',
          '无锡市', '常州市', '苏州市', '徐州市', '绵阳市', '德阳市', '乐山市',
          '宜宾市', '泸州市', '遵义市', '安顺市', '毕节市', '铜仁市', '包头市',
          '鄂尔多斯市', '赤峰市', '通辽市', '呼伦贝尔市', '乌海市', '巴彦淖尔市',
          '阿拉善盟', '淮安市清江浦区', '盐城市亭湖区', '徐州市铜山区',
          '绵阳市涪城区', '遵义市红花岗区', '赤峰市松山区')
UNITS = ('人民政府', '人民政府办公室', '发展和改革局', '教育局', '财政局',
         '自然资源局', '生态环境局', '住房和城乡建设局', '交通运输局', '水利局',
         '农业农村局', '商务局', '卫生健康委员会', '应急管理局',
         '市场监督管理局', '统计局', '医疗保障局', '人力资源和社会保障局',
         '司法局', '民政局', '审计局', '林业和草原局')
DOMAINS = ('gov.cn',)


# ---------------------------------------------------------------------------
# Seeds: the prose before the tables and after them.

def load_seeds():
    seeds = []
    for name in sorted(os.listdir(SEEDS_DIR)):
        if not name.endswith('.txt'):
            continue
        with open(os.path.join(SEEDS_DIR, name), encoding='utf-8') as f:
            text = f.read()
        lines = [re.sub(r'^#+\s*', '', ln).strip() for ln in text.split('\n')]
        head, tail, state = [], [], 'head'
        for ln in lines:
            if not ln:
                continue
            if re.match(r'^二、', ln):
                state = 'tables'
            elif re.match(r'^五、', ln):
                state = 'tail'
            if state == 'head':
                head.append(ln)
            elif state == 'tail':
                tail.append(ln)
        # Drop the seed's own title and header lines; we write our own.
        head = [ln for ln in head
                if len(ln) > 8 and '年度报告' not in ln and '年度報告' not in ln
                and not ln.startswith('www.') and '|' not in ln]
        tail = [ln for ln in tail if '|' not in ln and len(ln) > 3]
        trad = '報告' in text or '開' in text
        seeds.append({'name': name, 'head': head, 'tail': tail, 'trad': trad})
    return seeds


YEAR_RE = re.compile(r'(20[12]\d)(?=年)')
NUM_RE = re.compile(r'(?<![0-9.])([1-9][0-9]{0,4})(?=[件条次个篇期名人项余])')


# The counts a report's prose states, set to the tables' own numbers so the
# pages keep the prose-against-table identity gai-check holds them to.
PROSE_COUNTS = (
    ('received', re.compile(r'((?:收到|接到|受理)[^，。,;；\d]{0,14}?申[请請][^，。,;；\d]{0,8}?共?)\d+(件)')),
    ('received', re.compile(r'(申[请請]共?)\d+(件)')),
    ('review', re.compile(r'(行政[复復][议議]共?)\d+(件)')),
    ('suit', re.compile(r'(行政[诉訴][讼訟]共?)\d+(件)')),
)


def vary_prose(lines, rng, year, seed_year, org, counts):
    out = []
    for ln in lines:
        ln = YEAR_RE.sub(lambda m: str(int(m.group(1)) - seed_year + year), ln)
        ln = NUM_RE.sub(lambda m: str(max(1, int(int(m.group(1)) *
                                                 rng.uniform(0.4, 2.2)))), ln)
        for what, pat in PROSE_COUNTS:
            ln = pat.sub(lambda m: m.group(1) + str(counts[what]) + m.group(2),
                         ln)
        out.append(ln.replace('我县', org).replace('我局', org)
                   .replace('我镇', org))
    return out


# ---------------------------------------------------------------------------
# Numbers that satisfy the identities.

def split_total(rng, total, keys, weights):
    """Split total over keys, in proportion to random weights."""
    w = [rng.random() * wt if rng.random() < 0.7 else 0.0 for wt in weights]
    s = sum(w)
    out = dict.fromkeys(keys, 0)
    if total == 0:
        return out
    if s == 0:
        out[keys[0]] = total
        return out
    left = total
    for k, x in zip(keys, w):
        n = int(total * x / s)
        out[k] = n
        left -= n
    out[keys[0]] += left
    return out


def gen_req(rng, edition, scale, carried_in):
    rows = REQ_ROWS_2021 if edition == '2021' else REQ_ROWS_2019
    disp = DISPOSITIONS_2021 if edition == '2021' else DISPOSITIONS_2019
    weights = [30 if k == 'granted' else 6 if k == 'partial' else
               8 if k == 'unavailable.not_held' else 1 for k in disp]
    col_scale = (1.0, 0.15, 0.02, 0.02, 0.03, 0.08)
    t = {r[0]: {} for r in rows}
    for c, cs in zip(REQ_COLS[:6], col_scale):
        mean = scale * cs
        new = int(rng.expovariate(1.0 / mean)) if mean >= 0.5 else \
            (1 if rng.random() < mean else 0)
        cin = carried_in[c] if carried_in else \
            (int(rng.random() * new * 0.1) if rng.random() < 0.3 else 0)
        handled = new + cin
        cout = int(handled * rng.uniform(0, 0.12)) if rng.random() < 0.4 else 0
        total = handled - cout
        t['new'][c] = new
        t['carried_in'][c] = cin
        t['carried_out'][c] = cout
        t['total'][c] = total
        for k, v in split_total(rng, total, disp, weights).items():
            t[k][c] = v
    for r in rows:
        t[r[0]]['total'] = sum(t[r[0]][c] for c in REQ_COLS[:6])
    return t


def gen_appeal(rng, scale):
    a = {}
    for g in APPEAL_GROUPS:
        m = scale * (0.02 if g == 'review' else 0.01)
        v = [int(rng.expovariate(1.0 / m)) if m > 0.3 and rng.random() < 0.6
             else 0 for _ in range(4)]
        a[g] = dict(zip(APPEAL_COLS, v + [sum(v)]))
    return a


def gen_active(rng, edition, scale, prev):
    """The active table; prev is the body's table of the year before in the
    same edition, or None.  Carries the year-to-year identities: in_force(N)
    = in_force(N-1) + issued(N) - repealed(N) (2021 edition), prior_items(N)
    = prior_items(N-1) + change(N-1) (2019 edition)."""
    r = rng.randint
    p = dict(prev) if prev else {}
    if edition == '2021':
        docs = []
        for row, hi_issued, hi_rep, hi_total in (('rules', 3, 2, 40),
                                                 ('normative', 30, 10, 400)):
            issued = r(0, hi_issued)
            if row in p:
                repealed = min(r(0, hi_rep), p[row][2] + issued)
                in_force = p[row][2] + issued - repealed
            else:
                repealed = r(0, hi_rep)
                in_force = r(repealed, hi_total + repealed)
            docs.append((row, [issued, repealed, in_force]))
        return docs + [
            ('license', [int(scale * r(5, 400))]),
            ('punishment', [int(scale * r(0, 80))]),
            ('coercion', [int(scale * r(0, 10))]),
            ('fees', ['%.*f' % (r(0, 4), rng.uniform(0, 50000))]),
        ]
    items = []
    for row, hi, ch in (('license', 3000, 20), ('other_service', 300, 10),
                        ('punishment', 1000, 20), ('coercion', 50, 5),
                        ('fees', 20, 3)):
        prior = p[row][0] + p[row][1] if row in p else r(0, hi)
        change = r(-min(ch, prior), ch)
        items.append((row, prior, change))
    it = {row: (prior, change) for row, prior, change in items}
    out = [
        ('rules', [r(0, 3), r(0, 3), r(0, 40)]),
        ('normative', [r(0, 30), r(0, 30), r(5, 400)]),
    ]
    for row in ('license', 'other_service', 'punishment', 'coercion'):
        out.append((row, [it[row][0], it[row][1], int(scale * r(0, 400))]))
    out.append(('fees', list(it['fees'])))
    out.append(('procurement', [r(0, 200), '%.*f' % (r(0, 2), rng.uniform(0, 90000))]))
    return out


ACTIVE_KEYS = {
    '2021': {'rules': ('issued', 'repealed', 'in_force'),
             'normative': ('issued', 'repealed', 'in_force'),
             'license': ('decisions',), 'punishment': ('decisions',),
             'coercion': ('decisions',), 'fees': ('amount',)},
    '2019': {'rules': ('made', 'published', 'total'),
             'normative': ('made', 'published', 'total'),
             'license': ('prior_items', 'change', 'decisions'),
             'other_service': ('prior_items', 'change', 'decisions'),
             'punishment': ('prior_items', 'change', 'decisions'),
             'coercion': ('prior_items', 'change', 'decisions'),
             'fees': ('prior_items', 'change'),
             'procurement': ('items', 'amount')},
}

# ---------------------------------------------------------------------------
# Word-exported markup.

FONTS_CN = ('宋体', '仿宋_GB2312', '仿宋', '黑体', '微软雅黑')


class Word:
    """Emits table cells and paragraphs in the style of one page's editor."""

    def __init__(self, rng, trad, level=2):
        self.rng = rng
        self.trad = trad
        self.level = level          # 2: Word's full styling, 1: trimmed, 0: bare
        self.verbose = level == 2
        self.font = rng.choice(FONTS_CN)
        self.size = rng.choice(('10.0pt', '10.5pt', '12.0pt', '9.0pt'))

    def t(self, s):
        return to_trad(s) if self.trad else s

    def esc(self, s):
        return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')

    def runs(self, s):
        """Text as Word writes it: ASCII digit runs in their own spans."""
        rng = self.rng
        out = []
        for part in re.split(r'([0-9][0-9.]*)', s):
            if not part:
                continue
            if part[0].isdigit():
                # Word often splits a number over two runs (20</span><span>23).
                if len(part) > 1 and rng.random() < 0.35:
                    k = rng.randint(1, len(part) - 1)
                    pieces = (part[:k], part[k:])
                else:
                    pieces = (part,)
                for p in pieces:
                    if self.level:
                        out.append("<span lang=EN-US style='font-size:%s;"
                                   "font-family:\"Times New Roman\",serif'>%s</span>"
                                   % (self.size, p))
                    else:
                        out.append("<span lang=EN-US>%s</span>" % p)
            elif self.level:
                out.append("<span style='font-size:%s;font-family:%s'>%s</span>"
                           % (self.size, self.font, self.esc(part)))
            else:
                out.append("<span>%s</span>" % self.esc(part))
        return ''.join(out)

    def cell(self, text, span='', num=False, width=None):
        rng = self.rng
        if width is None:
            width = rng.choice((57, 64, 72, 85, 113))
        if text == '':
            inner = '&nbsp;'
        else:
            inner = self.runs(self.t(text) if not num else text)
        if rng.random() < 0.15:
            inner += '<o:p></o:p>' if self.verbose else '&nbsp;'
        if self.verbose:
            return ("<td width=%d %svalign=center style='width:%.1fpt;"
                    "border:solid windowtext 1.0pt;border-top:none;"
                    "padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal "
                    "align=center style='text-align:center;line-height:"
                    "15.0pt'>%s</p></td>" % (width, span, width * 0.75, inner))
        return ("<td %sstyle='border:1px solid #000'><p class=MsoNormal "
                "align=center>%s</p></td>" % (span, inner))

    def row(self, cells):
        h = self.rng.choice((19, 22, 28, 31))
        if self.verbose:
            return ("<tr style='height:%d.0pt'>" % h) + ''.join(cells) + '</tr>\n'
        return '<tr>' + ''.join(cells) + '</tr>\n'

    def table(self, rows):
        if self.verbose:
            head = ("<table class=MsoNormalTable border=0 cellspacing=0 "
                    "cellpadding=0 width=%d style='width:%.1fpt;margin-left:"
                    "-5.4pt;border-collapse:collapse;mso-table-layout-alt:fixed;"
                    "mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>\n"
                    % (self.rng.randint(560, 640), 450.0))
        else:
            head = "<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0>\n"
        return head + '<tbody>\n' + ''.join(rows) + '</tbody></table>\n'

    def para(self, text, heading=False):
        if heading:
            style = "margin-top:6.0pt;text-indent:32.0pt;line-height:28.0pt"
            font = '黑体'
        else:
            style = "text-indent:32.0pt;line-height:28.0pt"
            font = self.font
        body = self.runs(text).replace(
            "font-family:%s" % self.font, "font-family:%s" % font)
        if self.rng.random() < 0.2:
            body = '&nbsp;&nbsp;' + body
        return "<p class=MsoNormal style='%s'>%s</p>\n" % (style, body)


def active_table(w, edition, active):
    rows = []
    C = w.cell

    def sec(label):
        rows.append(w.row([C(label, 'colspan=4 ', width=568)]))

    def hdr(cols):
        cells = [C('信息内容')]
        if len(cols) == 1:
            cells.append(C(cols[0], 'colspan=3 '))
        else:
            cells += [C(c) for c in cols]
        rows.append(w.row(cells))

    def vals(label, v, wide=False):
        v = [str(x) for x in v]
        if wide:
            rows.append(w.row([C(label), C(v[0], 'colspan=3 ', num=True)]))
        else:
            v += [''] * (3 - len(v))
            rows.append(w.row([C(label)] + [C(x, num=True) for x in v]))

    a = dict(active)
    if edition == '2021':
        sec('第二十条第（一）项')
        hdr(('本年制发件数', '本年废止件数', '现行有效件数'))
        vals('规章', a['rules'])
        vals('行政规范性文件', a['normative'])
        sec('第二十条第（五）项')
        hdr(('本年处理决定数量',))
        vals('行政许可', a['license'], True)
        sec('第二十条第（六）项')
        hdr(('本年处理决定数量',))
        vals('行政处罚', a['punishment'], True)
        vals('行政强制', a['coercion'], True)
        sec('第二十条第（八）项')
        hdr(('本年收费金额（单位：万元）',))
        vals('行政事业性收费', a['fees'], True)
    else:
        sec('第二十条第（一）项')
        hdr(('本年新制作数量', '本年新公开数量', '对外公开总数量'))
        vals('规章', a['rules'])
        vals('规范性文件', a['normative'])
        sec('第二十条第（五）项')
        hdr(('上一年项目数量', '本年增/减', '处理决定数量'))
        vals('行政许可', a['license'])
        vals('其他对外管理服务事项', a['other_service'])
        sec('第二十条第（六）项')
        hdr(('上一年项目数量', '本年增/减', '处理决定数量'))
        vals('行政处罚', a['punishment'])
        vals('行政强制', a['coercion'])
        sec('第二十条第（八）项')
        hdr(('上一年项目数量', '本年增/减', ''))
        vals('行政事业性收费', a['fees'])
        sec('第二十条第（九）项')
        hdr(('采购项目数量', '采购总金额', ''))
        vals('政府集中采购', a['procurement'])
    return w.table(rows)


def req_table(w, edition, req):
    C = w.cell
    rows_def = REQ_ROWS_2021 if edition == '2021' else REQ_ROWS_2019
    rows = [
        w.row([C('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
                 'colspan=3 rowspan=3 ', width=200),
               C('申请人情况', 'colspan=7 ')]),
        w.row([C('自然人', 'rowspan=2 '), C('法人或其他组织', 'colspan=5 '),
               C('总计', 'rowspan=2 ')]),
        w.row([C(x) for x in ('商业企业', '科研机构', '社会公益组织',
                              '法律服务机构', '其他')]),
    ]
    nres = sum(1 for r in rows_def if r[1] is not None)
    group_size = {}
    for r in rows_def:
        if r[1] in GROUP_LABEL:
            group_size[r[1]] = group_size.get(r[1], 0) + 1
    seen = set()
    for key, grp, label in rows_def:
        cells = []
        if grp is None:
            cells.append(C(label, 'colspan=3 ', width=200))
        else:
            if 'result' not in seen:
                seen.add('result')
                cells.append(C('三、本年度办理结果', 'rowspan=%d ' % nres))
            if grp in GROUP_LABEL:
                if grp not in seen:
                    seen.add(grp)
                    cells.append(C(GROUP_LABEL[grp],
                                   'rowspan=%d ' % group_size[grp]))
                cells.append(C(label))
            else:
                cells.append(C(label, 'colspan=2 '))
        cells += [C(str(req[key][c]), num=True) for c in REQ_COLS]
        rows.append(w.row(cells))
    return w.table(rows)


def appeal_table(w, appeal):
    C = w.cell
    rows = [
        w.row([C('行政复议', 'colspan=5 '), C('行政诉讼', 'colspan=10 ')]),
        w.row([C(x, 'rowspan=2 ') for x in APPEAL_LABELS] +
              [C('未经复议直接起诉', 'colspan=5 '), C('复议后起诉', 'colspan=5 ')]),
        w.row([C(x) for x in APPEAL_LABELS * 2]),
        w.row([C(str(appeal[g][c]), num=True)
               for g in APPEAL_GROUPS for c in APPEAL_COLS]),
    ]
    return w.table(rows)


def text_tables(edition, active, req, appeal):
    """The tables as a crawler's text dump has them: cells split by ' | '."""
    out = []
    a = dict(active)
    names = {'rules': '规章', 'normative': '行政规范性文件' if edition == '2021'
             else '规范性文件', 'license': '行政许可',
             'other_service': '其他对外管理服务事项', 'punishment': '行政处罚',
             'coercion': '行政强制', 'fees': '行政事业性收费',
             'procurement': '政府集中采购'}
    for k, v in active:
        out.append(' | '.join([names[k]] + [str(x) for x in v]))
    rows_def = REQ_ROWS_2021 if edition == '2021' else REQ_ROWS_2019
    out.append('申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | '
               '法律服务机构 | 其他 | 总计')
    for key, grp, label in rows_def:
        out.append(' | '.join([label] + [str(req[key][c]) for c in REQ_COLS]))
    out.append(' | '.join(APPEAL_LABELS * 3))
    out.append(' | '.join(str(appeal[g][c]) for g in APPEAL_GROUPS
                          for c in APPEAL_COLS))
    del a
    return out


# ---------------------------------------------------------------------------
# Site chrome.

NAV = ('首页', '政务公开', '政府信息公开', '政策文件', '政策解读', '新闻动态',
       '办事服务', '互动交流', '数据开放', '专题专栏', '领导之窗', '机构职能',
       '规划计划', '财政信息', '人事信息', '政府信息公开指南', '政府信息公开年报',
       '政府信息公开制度', '依申请公开', '重点领域信息公开', '政府公报', '统计信息',
       '应急管理', '公示公告', '政府会议', '建议提案办理', '行政执法公示')
FOOTER = ('网站地图', '联系我们', '使用帮助', '隐私声明', '无障碍浏览', '长者模式',
          '政务服务网', '中国政府网', '省人民政府', '市人民政府')

JS_BLOCKS = (
    """var _hmt = _hmt || [];
(function() {
  var hm = document.createElement("script");
  hm.src = "https://hm.baidu.com/hm.js?%(hex)s";
  var s = document.getElementsByTagName("script")[0];
  s.parentNode.insertBefore(hm, s);
})();""",
    """$(function(){
  $(".nav li").hover(function(){ $(this).addClass("on").siblings().removeClass("on"); });
  var size = 16;
  $("#fontBig").click(function(){ if (size < 24) { size += 2; $("#zoom").css("font-size", size + "px"); } });
  $("#fontSmall").click(function(){ if (size > 12) { size -= 2; $("#zoom").css("font-size", size + "px"); } });
  if (navigator.userAgent.indexOf("MSIE") > 0 && document.documentMode < 9) {
    document.write('<div class="ie-tip">您的浏览器版本过低，请升级浏览器</div>');
  }
});""",
    """function share(site){
  var url = encodeURIComponent(location.href), title = encodeURIComponent(document.title);
  var map = {weibo: "https://service.weibo.com/share/share.php?url=" + url + "&title=" + title,
             qzone: "https://sns.qzone.qq.com/cgi-bin/qzshare/cgi_qzshare_onekey?url=" + url};
  for (var i = 0; i < 3 && map[site]; i++) { window.open(map[site]); break; }
}""",
    """var visitCounter = {id: "%(hex)s", ts: %(n)d, load: function(){
  var xhr = new XMLHttpRequest(); xhr.open("GET", "/counter?id=" + this.id + "&t=" + this.ts, true);
  xhr.onreadystatechange = function(){ if (xhr.readyState == 4 && xhr.status == 200) {
    document.getElementById("readcount").innerHTML = "<b>" + xhr.responseText + "</b>"; } };
  xhr.send(null); }};
visitCounter.load();""",
)

CSS_BLOCK = """body{margin:0;padding:0;font-family:"Microsoft YaHei",Arial,sans-serif;font-size:14px;color:#333;background:#f5f5f5}
a{color:#333;text-decoration:none}a:hover{color:#c00}
.top{height:%(h)dpx;background:url(/images/top_bg.jpg) no-repeat center top}
.nav{height:46px;background:#%(c)s}.nav li{float:left;width:%(w)dpx;text-align:center;line-height:46px}
.nav li a{color:#fff;font-size:16px}.nav li.on{background:#%(c2)s}
.crumb{height:40px;line-height:40px;border-bottom:1px solid #ddd}
.article{background:#fff;padding:30px 60px;min-height:600px}
.article h1{font-size:24px;text-align:center;line-height:40px;color:#%(c)s}
.info{text-align:center;border-bottom:1px dashed #ccc;padding-bottom:10px;color:#999}
#zoom p{line-height:2em;text-indent:2em;margin:0}
#zoom table{margin:10px auto;border-collapse:collapse}
.footer{background:#%(c)s;color:#fff;text-align:center;padding:20px 0;line-height:28px}
.footer a{color:#fff;margin:0 8px}.share{float:right}.share a{margin-left:8px}
"""

WORD_STYLE = """<!--
 /* Font Definitions */
 @font-face {font-family:宋体; panose-1:2 1 6 0 3 1 1 1 1 1;}
 @font-face {font-family:"Cambria Math"; panose-1:2 4 5 3 5 4 6 3 2 4;}
 @font-face {font-family:仿宋_GB2312; panose-1:2 1 6 9 3 1 1 1 1 1;}
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{margin:0cm; text-align:justify; text-justify:inter-ideograph;
	font-size:10.5pt; font-family:"Calibri",sans-serif;}
 .MsoChpDefault {font-family:"Calibri",sans-serif;}
 @page WordSection1 {size:595.3pt 841.9pt; margin:72.0pt 90.0pt 72.0pt 90.0pt;}
 div.WordSection1 {page:WordSection1;}
-->"""


def nav_html(w, rng, n_sub, texts=None):
    out = ['<div class="nav"><ul>\n']
    if texts is None:
        texts = []
    for i, item in enumerate(NAV):
        texts.append(w.t(item))
        out.append('<li%s><a href="/col/col%d/index.html" target="_self">%s</a>'
                   % (' class="on"' if i == 2 else '', 1000 + i * 7 + rng.randint(0, 6),
                      w.t(item)))
        if n_sub:
            out.append('<div class="sub"><dl>')
            for j in range(n_sub):
                sub = rng.choice(NAV)
                texts.append(w.t(sub))
                out.append('<dd><a href="/col/col%d/index.html" title="%s">%s</a></dd>'
                           % (rng.randint(10000, 99999), w.t(sub), w.t(sub)))
            out.append('</dl></div>')
        out.append('</li>\n')
    out.append('</ul></div>\n')
    return ''.join(out)


def related_html(w, rng, n, org, year):
    out = ['<div class="related"><h3>%s</h3><ul>\n' % w.t('相关信息')]
    titles = [w.t('相关信息')]
    for _ in range(n):
        y = year - rng.randint(0, 4)
        title = '%s%d年%s' % (org, y, w.t(rng.choice(
            ('政府信息公开工作年度报告', '法治政府建设情况报告', '部门预算公开',
             '部门决算公开', '政务公开工作要点', '重点工作任务分解'))))
        out.append('<li><a href="/art/%d/%d/%d/art_%d_%d.html" title="%s">%s</a>'
                   '<span>%d-%02d-%02d</span></li>\n'
                   % (y + 1, rng.randint(1, 12), rng.randint(1, 28),
                      rng.randint(1000, 9999), rng.randint(100000, 999999),
                      title, title, y + 1, rng.randint(1, 12), rng.randint(1, 28)))
        titles.append(title)
    out.append('</ul></div>\n')
    return ''.join(out), titles


def script_html(rng, k):
    js = JS_BLOCKS[k % len(JS_BLOCKS)] % {
        'hex': '%032x' % rng.getrandbits(128), 'n': rng.randint(1 << 30, 1 << 31)}
    return '<script type="text/javascript">\n%s\n</script>\n' % js


# ---------------------------------------------------------------------------

def render_page(rng, body, year, edition, seed, enc, charset_decl,
                size_target, active, req, appeal):
    trad = seed['trad']

    def blen(x):
        return len(x.encode(enc, errors='xmlcharrefreplace'))

    w = Word(rng, trad)
    org = w.t(body['org'])
    seed_year = int(YEAR_RE.search(' '.join(seed['head'] + seed['tail']) +
                                   ' 2021年').group(1))
    title = '%s%d年%s' % (org, year, w.t('政府信息公开工作年度报告'))
    counts = {'received': req['new']['total'],
              'review': appeal['review']['total'],
              'suit': appeal['suit_direct']['total'] +
              appeal['suit_after_review']['total']}
    head = vary_prose(seed['head'], rng, year, seed_year, org, counts)
    tail = vary_prose(seed['tail'], rng, year, seed_year, org, counts)
    published = '%d-%02d-%02d' % (year + 1, rng.randint(1, 3), rng.randint(1, 28))

    def build(w):
        content = []
        content.append(w.para(w.t(HEADINGS[0]), heading=True))
        for ln in head:
            if ln.startswith('一、'):
                continue
            content.append(w.para(ln, heading=bool(re.match(r'^[（(][一二三四五六七八九十]', ln))))
        content.append(w.para(w.t(HEADINGS[1]), heading=True))
        content.append(active_table(w, edition, active))
        content.append(w.para(w.t(HEADINGS[2]), heading=True))
        content.append(req_table(w, edition, req))
        content.append(w.para(w.t(HEADINGS[3]), heading=True))
        content.append(appeal_table(w, appeal))
        for ln in tail:
            content.append(w.para(ln, heading=bool(re.match(r'^[五六]、', ln))))
        content.append("<p class=MsoNormal align=right style='text-align:right'>%s</p>\n"
                       % w.runs(org))
        content.append("<p class=MsoNormal align=right style='text-align:right'>%s</p>\n"
                       % w.runs('%d年%d月%d日' % (year + 1, int(published[5:7]),
                                                int(published[8:]))))
        return ''.join(content)

    # Word's full markup where the page's size allows it, trimmed else.
    budget = size_target - 14000
    for level in (2, 1, 0):
        w = Word(rng, trad, level)
        content = build(w)
        if blen(content) < budget * (0.75 + 0.2 * rng.random()):
            break

    colour = '%06x' % rng.randint(0x100000, 0xbfffff)
    if charset_decl is None:
        meta = ''
    elif rng.random() < 0.5:
        meta = '<meta http-equiv="Content-Type" content="text/html; charset=%s" />\n' % charset_decl
    else:
        meta = '<meta charset="%s">\n' % charset_decl
    top = (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml">\n<head>\n' + meta +
        '<title>%s-%s</title>\n' % (title, org) +
        '<meta name="keywords" content="%s" />\n' % w.t('政府信息公开,年度报告') +
        '<meta name="SiteName" content="%s" />\n<meta name="ArticleTitle" content="%s" />\n'
        % (org, title) +
        '<meta name="PubDate" content="%s 09:%02d" />\n' % (published, rng.randint(0, 59)) +
        '<link rel="stylesheet" type="text/css" href="/css/common.css" />\n'
        '<style type="text/css">\n' + CSS_BLOCK % {
            'h': rng.randint(120, 220), 'c': colour, 'c2': colour[::-1],
            'w': rng.randint(90, 130)} + '</style>\n' +
        '<script type="text/javascript" src="/js/jquery-1.12.4.min.js"></script>\n' +
        script_html(rng, 1) + '</head>\n<body>\n'
        '<!--[if lt IE 9]><script src="/js/html5shiv.js"></script><![endif]-->\n'
        '<div class="top"><div class="logo"><a href="/"><img src="/images/logo.png" '
        'alt="%s" /></a></div>' % org +
        '<div class="search"><form action="/search" method="get"><input name="q" '
        'placeholder="%s" /><button type="submit">%s</button></form></div></div>\n'
        % (w.t('请输入关键词'), w.t('搜索'))
    )
    crumb = ('<div class="crumb">%s<a href="/">%s</a> &gt; <a href="/col/col1001/">%s'
             '</a> &gt; <a href="/col/col1015/">%s</a> &gt; %s</div>\n'
             % (w.t('当前位置：'), w.t('首页'), w.t('政府信息公开'),
                w.t('政府信息公开年报'), w.t('正文')))
    art_head = ('<div class="article"><h1>%s</h1>\n<div class="info">%s%s '
                '%s%s 09:%02d&nbsp;&nbsp;%s%s&nbsp;&nbsp;%s<span id="readcount">'
                '</span>&nbsp;&nbsp;%s[ <a id="fontBig">%s</a> <a>%s</a> '
                '<a id="fontSmall">%s</a> ]</div>\n'
                % (title, '', '', w.t('发布时间：'), published,
                   rng.randint(0, 59), w.t('来源：'), org, w.t('阅读次数：'),
                   w.t('字号：'), w.t('大'), w.t('中'), w.t('小')))
    zoom = ('<div id="zoom" class="TRS_Editor"><style type="text/css">\n'
            + WORD_STYLE + '\n</style>\n<!--[if gte mso 9]><xml><w:WordDocument>'
            '<w:View>Normal</w:View><w:Zoom>0</w:Zoom></w:WordDocument></xml>'
            '<![endif]-->\n<div class=WordSection1 style=\'layout-grid:15.6pt\'>\n'
            + content + '</div></div>\n')
    share = ('<div class="share">%s<a href="javascript:share(\'weibo\')">%s</a>'
             '<a href="javascript:share(\'qzone\')">QQ</a> '
             '<a href="javascript:window.print()">%s</a> '
             '<a href="javascript:window.close()">%s</a></div></div>\n'
             % (w.t('分享到：'), w.t('微博'), w.t('打印'), w.t('关闭')))
    foot = ('<div class="footer"><p>' + ' | '.join(
        '<a href="/col/col%d/">%s</a>' % (rng.randint(100, 999), w.t(x))
        for x in FOOTER) + '</p>\n<p>%s%s &nbsp; %s%s</p>\n'
        % (w.t('主办：'), org, w.t('承办：'), w.t(body['place'] + '大数据中心')) +
        '<p>%s%d &nbsp; <a href="https://beian.miit.gov.cn">%s%d号-1</a> &nbsp; '
        '%s%d号</p></div>\n'
        % (w.t('网站标识码：'), rng.randint(3200000000, 5199999999),
           w.t('苏ICP备'), rng.randint(10000000, 99999999),
           w.t('公安备案号：'), rng.randint(32000000000000, 52999999999999)))

    fixed = blen(top + crumb + art_head + zoom + share + foot)
    # Chrome to the page's size: sub-menus, related links, more scripts.
    n_sub = 0
    nav_texts = []
    nav = nav_html(w, rng, 0, nav_texts)
    rest = size_target - fixed - blen(nav)
    if rest > 0:
        per_item = blen(nav_html(w, random.Random(1), 1)) - blen(nav)
        n_sub = min(40, max(0, int(rest * 0.6 / max(per_item, 1))))
        nav_texts = []
        nav = nav_html(w, rng, n_sub, nav_texts)
    rest = size_target - fixed - blen(nav)
    related, rel_titles = related_html(w, rng, max(5, min(400, rest // 600)),
                                       org, year)
    rest -= blen(related)
    tail_js = [script_html(rng, 0), script_html(rng, 2), script_html(rng, 3)]
    k = 4
    while rest - sum(len(s) for s in tail_js) > 400:
        tail_js.append(script_html(rng, k))
        k += 1
    page = (top + nav + crumb + art_head + zoom + share + related + foot +
            ''.join(tail_js) + '</body>\n</html>\n')

    # The text as a crawler's text dump has it: chrome included.
    text = [w.t('请输入关键词') + ' ' + w.t('搜索'),
            ' '.join(nav_texts),
            '%s%s > %s > %s > %s' % (w.t('当前位置：'), w.t('首页'),
                                     w.t('政府信息公开'), w.t('政府信息公开年报'),
                                     w.t('正文')),
            title, '%s%s %s%s %s[ %s %s %s ]' % (
                w.t('发布时间：'), published, w.t('来源：'), org, w.t('字号：'),
                w.t('大'), w.t('中'), w.t('小')),
            w.t(HEADINGS[0])]
    text += [ln for ln in head if not ln.startswith('一、')]
    text.append(w.t(HEADINGS[1]))
    tt = [w.t(x) for x in text_tables(edition, active, req, appeal)]
    nact = len(active)
    text += tt[:nact]
    text.append(w.t(HEADINGS[2]))
    text += tt[nact:-2]
    text.append(w.t(HEADINGS[3]))
    text += tt[-2:]
    text += tail + [org]
    text.append(' '.join(w.t(x) for x in ('分享到：', '微博', '打印', '关闭')))
    text += rel_titles
    text.append(' | '.join(w.t(x) for x in FOOTER))
    text.append('%s%s %s%s' % (w.t('主办：'), org, w.t('承办：'),
                               w.t(body['place'] + '大数据中心')))
    return page, '\n'.join(text) + '\n', title, published


def expected_records(doc, year, edition, active, req, appeal):
    recs = [(doc, 'meta.year', str(year)), (doc, 'meta.edition', edition)]
    keys = ACTIVE_KEYS[edition]
    for row, vals in active:
        for col, v in zip(keys[row], vals):
            recs.append((doc, 'active.%s.%s' % (row, col), str(v)))
    rows_def = REQ_ROWS_2021 if edition == '2021' else REQ_ROWS_2019
    for key, _, _ in rows_def:
        for c in REQ_COLS:
            recs.append((doc, 'req.%s.%s' % (key, c), str(req[key][c])))
    for g in APPEAL_GROUPS:
        for c in APPEAL_COLS:
            recs.append((doc, 'appeal.%s.%s' % (g, c), str(appeal[g][c])))
    return recs


def plan(pages):
    """Bodies and their consecutive years, in page order."""
    rng = random.Random(SEED)
    out = []
    b = 0
    while len(out) < pages:
        # (place, unit) differ for the first 880 bodies: 19 is prime to 22.
        place = PLACES[b % len(PLACES)]
        unit = UNITS[(b + b // len(PLACES)) % len(UNITS)]
        trad = rng.random() < 0.3
        keeps_2019 = rng.random() < 0.08
        first = rng.randint(2019, 2022)
        nyears = rng.randint(1, 2024 - first + 1)
        body = {'id': b, 'place': place, 'org': place + unit, 'trad': trad,
                'keeps_2019': keeps_2019,
                'scale': rng.choice((2, 5, 10, 30, 80, 300, 1500))}
        for y in range(first, first + nyears):
            out.append((body, y))
        b += 1
    return out[:pages]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--pages', type=int, default=DEFAULT_PAGES,
                    help='number of pages (default %d)' % DEFAULT_PAGES)
    ap.add_argument('--out', default=os.path.join(HERE, 'out'),
                    help='output directory (default bench/out)')
    args = ap.parse_args()

    seeds = load_seeds()
    trad_seeds = [s for s in seeds if s['trad']]
    simp_seeds = [s for s in seeds if not s['trad']]
    if not trad_seeds or not simp_seeds:
        sys.exit('gen_corpus: seeds not found in %s' % SEEDS_DIR)

    dirs = {k: os.path.join(args.out, k) for k in
            ('html', 'text/utf8', 'text/gb18030')}
    for d in dirs.values():
        os.makedirs(d, exist_ok=True)
    totals = {'html': 0, 'utf8': 0, 'gb18030': 0}
    enc_count = {}
    carry = {}
    carry_active = {}
    exp = open(os.path.join(args.out, 'expected.tsv'), 'w', encoding='utf-8')
    for i, (body, year) in enumerate(plan(args.pages)):
        rng = random.Random(SEED * 1000003 + i)
        # Some bodies kept the 2019 form for later years.
        edition = '2019' if year <= 2020 or body['keeps_2019'] else '2021'
        seed = rng.choice(trad_seeds if body['trad'] else simp_seeds)
        scale = body['scale'] * rng.uniform(0.6, 1.6)
        cin = carry.get(body['id'])
        req = gen_req(rng, edition, scale, cin)
        carry[body['id']] = req['carried_out']
        appeal = gen_appeal(rng, scale)
        last = carry_active.get((body['id'], edition))
        active = gen_active(rng, edition, max(1.0, scale / 10),
                            last[1] if last and last[0] == year - 1 else None)
        carry_active[(body['id'], edition)] = (year, active)

        r = rng.random()
        if body['trad']:
            enc = 'big5' if r < 0.6 else 'utf-8'
            decl = enc if r < 0.95 else None
        else:
            enc = 'utf-8' if r < 0.5 else 'gb18030'
            if enc == 'gb18030':
                decl = rng.choice(('gb2312', 'gb2312', 'gbk', 'gb18030', 'GB2312'))
            else:
                decl = rng.choice(('utf-8', 'UTF-8'))
            if rng.random() < 0.05:
                decl = None
        size_target = rng.randint(30 * 1024, 88 * 1024)
        page, text, _, _ = render_page(rng, body, year, edition, seed, enc, decl,
                                       size_target, active, req, appeal)
        name = 'p%05d' % i
        data = page.encode(enc, errors='xmlcharrefreplace')
        with open(os.path.join(dirs['html'], name + '.html'), 'wb') as f:
            f.write(data)
        totals['html'] += len(data)
        enc_count[enc] = enc_count.get(enc, 0) + 1
        t8 = text.encode('utf-8')
        tg = text.encode('gb18030')
        with open(os.path.join(dirs['text/utf8'], name + '.txt'), 'wb') as f:
            f.write(t8)
        with open(os.path.join(dirs['text/gb18030'], name + '.txt'), 'wb') as f:
            f.write(tg)
        totals['utf8'] += len(t8)
        totals['gb18030'] += len(tg)
        for rec in expected_records('html/%s.html' % name, year, edition,
                                    active, req, appeal):
            exp.write('\t'.join(rec) + '\n')
    exp.close()
    with open(os.path.join(args.out, 'MANIFEST'), 'w') as f:
        f.write('version\t%d\n' % GEN_VERSION)
        f.write('pages\t%d\nseed\t%d\nhtml_bytes\t%d\ntext_utf8_bytes\t%d\n'
                'text_gb18030_bytes\t%d\n' % (args.pages, SEED, totals['html'],
                                              totals['utf8'], totals['gb18030']))
        for k in sorted(enc_count):
            f.write('html_%s_pages\t%d\n' % (k, enc_count[k]))
    print('gen_corpus: %d pages, HTML %.1f MB, text %.1f MB UTF-8 / %.1f MB GB18030'
          % (args.pages, totals['html'] / 1e6, totals['utf8'] / 1e6,
             totals['gb18030'] / 1e6))


if __name__ == '__main__':
    main()
