# SPDX-License-Identifier: MIT
# bench/gen_check.awk: stream 2 for gai-check at scale: BODIES bodies over YEARS years
# (2014 on), a report per body and year, year after year as a crawl comes;
# or, with ONE=N, N reports of a single body over 100 years.  Each report
# has what the year-over-year rules read (carried in and out, the 2021
# edition's in-force counts) and agrees with its year before.
function doc(d, org, y, b,    c, i, v, t, cols) {
	split("natural_person commercial research nonprofit legal_service other_org", cols, " ")
	printf "%s\tmeta.org\t%s\n%s\tmeta.year\t%d\n%s\tmeta.edition\t2021\n", d, org, d, y, d
	for (i = 0; i <= 1; i++) {
		t = 0
		for (c = 1; c <= 6; c++) {
			v = (b * 7 + (y - i) * 3 + c) % 10
			t += v
			printf "%s\treq.%s.%s\t%d\n", d, i ? "carried_in" : "carried_out", cols[c], v
		}
		printf "%s\treq.%s.total\t%d\n", d, i ? "carried_in" : "carried_out", t
	}
	printf "%s\tactive.rules.issued\t1\n%s\tactive.rules.repealed\t0\n", d, d
	printf "%s\tactive.rules.in_force\t%d\n", d, y - 1900 + b % 5
	printf "%s\tactive.normative.issued\t2\n%s\tactive.normative.repealed\t1\n", d, d
	printf "%s\tactive.normative.in_force\t%d\n", d, y - 1900 + b % 7
}
BEGIN {
	if (ONE > 0) {
		for (i = 0; i < ONE; i++)
			doc(sprintf("one/%06d.html", i), "某某县人民政府办公室", 1924 + i % 100, 1)
		exit
	}
	for (y = 2014; y < 2014 + YEARS; y++)
		for (b = 0; b < BODIES; b++)
			doc(sprintf("b%06d/%d.html", b, y), sprintf("某某市第%d局", b), y, b)
}
