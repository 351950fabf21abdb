/* SPDX-License-Identifier: MIT */
/* gai_org: a body's name folded, to tell two reports come from one body. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "gai_error.h"
#include "gai_org.h"
#include "gai_text.h"

/*
 * Traditional to simplified, for the characters of body names (places,
 * organs) and report words only: not a general converter.  Pairs of
 * traditional, simplified.
 */
static const char trad_pairs[] =
    "區区縣县鎮镇鄉乡廳厅務务資资員员會会辦办農农業业衛卫財财稅税園园"
    "國国華华東东爾尔蘭兰齊齐陽阳濱滨遼辽寧宁龍龙蘇苏廣广慶庆雲云貴贵"
    "陝陕灣湾臺台黨党產产術术準准體体圖图書书館馆計计劃划環环護护監监"
    "審审統统檢检驗验險险電电視视網网絡络經经濟济營营場场醫医療疗藥药"
    "軍军聯联協协報报紀纪機机關关總总處处隊队義义際际貿贸號号內内溝沟"
    "橋桥歸归鐵铁錫锡蘆芦瀋沈漢汉遠远莊庄陰阴萊莱臨临揚扬鹽盐蕭萧紹绍"
    "麗丽溫温嶺岭張张葉叶馬马長长興兴鶴鹤雙双綏绥烏乌雞鸡樂乐陸陆豐丰"
    "壽寿萬万廈厦頭头潁颍贛赣閩闽滬沪鄖郧灤滦懷怀濰潍棗枣條条實实現现"
    "規规範范構构設设應应對对從从時时開开發发門门復复議议訴诉訟讼結结"
    "轉转請请數数據据項项權权責责級级團团層层戶户導导糧粮執执質质漁渔"
    "礦矿災灾氣气勞劳動动廠厂價价運运輸输倉仓儲储鹹咸濕湿滿满澤泽灘滩"
    "鄭郑廬庐韶韶贛赣閣阁鳳凤麥麦黃黄齡龄壩坝塊块壇坛墾垦堯尧孫孙寶宝"
    "審审屬属岡冈峽峡島岛嶼屿巖岩帥帅廟庙彎弯徑径徵征憲宪戰战擴扩攝摄"
    "斷断楊杨榮荣樓楼檔档歷历歲岁殘残滄沧滅灭漲涨潛潜濁浊瀘泸灣湾煙烟"
    "爐炉獎奖猶犹獻献環环畢毕畫画疊叠療疗盧卢碼码禪禅穩稳窮穷競竞節节"
    "範范紅红納纳紡纺細细組组織织縮缩績绩繼继羅罗聖圣聲声職职膠胶艦舰"
    "蘭兰虧亏衝冲裝装覽览觀观記记許许試试詢询誌志認认語语說说課课調调"
    "諮咨講讲謀谋證证護护讓让豬猪貨货費费資资賓宾質质賴赖趙赵車车軌轨"
    "農农邊边遺遗郵邮鄰邻醫医釋释鋼钢錄录鎖锁閉闭閘闸陳陈隨随險险雜杂"
    "離离預预領领顧顾風风飛飞養养餘余駐驻驛驿體体魯鲁鮮鲜黨党齊齐鐘钟"
    "後后於于與与為为並并這这個个們们來来";

static unsigned long trad_from[512], trad_to[512];
static size_t ntrad;

static int
cmp_ul(const void *a, const void *b)
{
	unsigned long x = *(const unsigned long *)a;
	unsigned long y = *(const unsigned long *)b;

	return (x > y) - (x < y);
}

static void
trad_init(void)
{
	const char *s = trad_pairs, *end = s + sizeof(trad_pairs) - 1;
	unsigned long pairs[512][2];
	size_t n = 0, i, l1, l2;

	while (s < end && n < 512) {
		pairs[n][0] = gai_text_decode(s, (size_t)(end - s), &l1);
		pairs[n][1] = gai_text_decode(s + l1, (size_t)(end - s - l1),
		    &l2);
		s += l1 + l2;
		n++;
	}
	qsort(pairs, n, sizeof(pairs[0]), cmp_ul);
	for (i = 0; i < n; i++)
		if (pairs[i][0] != pairs[i][1] &&
		    (ntrad == 0 || trad_from[ntrad - 1] != pairs[i][0])) {
			trad_from[ntrad] = pairs[i][0];
			trad_to[ntrad++] = pairs[i][1];
		}
}

static unsigned long
simplify(unsigned long cp)
{
	size_t lo = 0, hi = ntrad, mid;

	if (ntrad == 0)
		trad_init();
	hi = ntrad;
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (trad_from[mid] == cp)
			return trad_to[mid];
		if (trad_from[mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return cp;
}

/*
 * Drop a province, prefecture or league name that leads a body's name
 * when what follows is a county-level place of its own: a report says
 * 淮安市洪泽区人民政府 one year and 洪泽区人民政府 the next.  A name that
 * is only an office (淮安市财政局) keeps its city, or it would fit any
 * city's.  s holds folded UTF-8; the result is moved to its start.
 */
static int
is_parent(unsigned long cp)
{
	return cp == 0x7701 || cp == 0x5E02 || cp == 0x5DDE || cp == 0x76DF;
}

static int
is_place(unsigned long cp)
{
	return cp == 0x533A || cp == 0x53BF || cp == 0x65D7 || cp == 0x5E02;
}

/* 1 when s[0..n) starts with a place name: 1 to 4 characters, then 区 县 旗 市. */
static int
starts_with_place(const char *s, size_t n)
{
	size_t i, l, q;
	unsigned long cp;

	for (i = 0, q = 0; i < n && q <= 4; i += l, q++) {
		cp = gai_text_decode(s + i, n - i, &l);
		if (q > 0 && is_place(cp))
			return 1;
		if (cp < 0x4E00 || cp > 0x9FFF || is_place(cp) || is_parent(cp))
			return 0;
	}
	return 0;
}

static void
drop_parents(char *s, size_t *len)
{
	size_t i, l, k, cut;
	unsigned long cp;

	do {
		/* The parent: 2 to 8 characters ending in 省, 市, 州 or 盟. */
		cut = 0;
		for (i = 0, k = 0; i < *len && k < 8 && cut == 0; k++) {
			cp = gai_text_decode(s + i, *len - i, &l);
			i += l;
			if (cp < 0x4E00 || cp > 0x9FFF)
				return;
			if (k > 0 && is_parent(cp) && starts_with_place(s + i,
			    *len - i))
				cut = i;
		}
		if (cut > 0) {
			memmove(s, s + cut, *len - cut);
			*len -= cut;
			s[*len] = '\0';
		}
	} while (cut > 0);
}

int
gai_org_fold(struct gai_buf *out, const char *org)
{
	size_t n = strlen(org), l, start = out->len, len;
	unsigned long cp;

	while (n > 0) {
		cp = gai_text_decode(org, n, &l);
		org += l;
		n -= l;
		if (cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0 ||
		    (cp >= 0x2000 && cp <= 0x200D) || cp == 0x202F ||
		    cp == 0x205F || cp == 0xFEFF)
			continue;
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			cp -= 0xFEE0;
		if (gai_buf_put_utf8(out, simplify(cp)) != 0)
			return GAI_E_NOMEM;
	}
	if (out->data != NULL) {
		len = out->len - start;
		drop_parents(out->data + start, &len);
		out->len = start + len;
	}
	return 0;
}
