/*
 * Themes: theme.yaml (libyaml) to struct theme, fonts through fontconfig.
 *
 * theme.yaml keys: fonts (body, heading, mono: families; fallback: a list
 * of families preferred for scripts the body font lacks), size, leading,
 * paper, margins (top, bottom, inside, outside), colours (text, accent),
 * typography (protrusion: true or false; notes, references: justify,
 * ragged or auto).
 * Lengths carry a unit (pt, mm, cm, in). The theme directory and
 * DATADIR/fonts are added to fontconfig before any font is looked up, so
 * fonts dropped there win over the system's.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <fontconfig/fontconfig.h>
#include <yaml.h>

#include "datadir.h"
#include "util.h"
#include "model.h"
#include "lang.h"
#include "theme.h"

#define A4_W	(210.0 / 25.4 * 72)
#define A4_H	(297.0 / 25.4 * 72)

/* Return 1 when P is a directory. */
static int
is_dir(const char *p)
{
	struct stat st;

	return p && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Return 1 when P is a regular file. */
static int
is_file(const char *p)
{
	struct stat st;

	return p && stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* Parse a length "10.5pt", "20mm", "1in", "2cm" (a bare number is pt) into
 * *OUT points. Return 0, or -1 when malformed or not positive. */
static int
parse_len(const char *s, double *out)
{
	char *end;
	double v = strtod(s, &end);

	while (*end == ' ')
		end++;
	if (end == s || !isfinite(v) || v <= 0)
		return -1;
	if (*end == '\0' || strcmp(end, "pt") == 0)
		*out = v;
	else if (strcmp(end, "mm") == 0)
		*out = v / 25.4 * 72;
	else if (strcmp(end, "cm") == 0)
		*out = v / 2.54 * 72;
	else if (strcmp(end, "in") == 0)
		*out = v * 72;
	else
		return -1;
	return 0;
}

/* Parse a paper name or "WxH" with a unit ("150x220mm", "6x9in") into
 * *W, *H points. Return 0, -1 when malformed, or -2 when a side is
 * outside PAPER_RANGE. */
static int
parse_paper(const char *s, double *w, double *h)
{
	static const struct { const char *name; double w, h; } named[] = {
		{"a4", 210, 297}, {"a5", 148, 210}, {"a3", 297, 420},
		{"b5", 176, 250}, {"letter", 215.9, 279.4}, {"legal", 215.9, 355.6},
	};
	char num[64], unit[8] = "pt", *x, *end;
	size_t i, n;

	for (i = 0; i < sizeof(named) / sizeof(named[0]); i++)
		if (strcasecmp(s, named[i].name) == 0) {
			*w = named[i].w / 25.4 * 72;
			*h = named[i].h / 25.4 * 72;
			return 0;
		}
	n = strlen(s);
	if (n == 0 || n >= sizeof(num))
		return -1;
	memcpy(num, s, n + 1);
	for (i = n; i > 0 && isalpha((unsigned char)num[i - 1]); i--)
		;
	if (n - i >= sizeof(unit))
		return -1;
	if (i == n)
		return -1;	/* "300x400": a unit says what the numbers are */
	memcpy(unit, num + i, n - i + 1);
	num[i] = '\0';
	if ((x = strchr(num, 'x')) == NULL)
		return -1;
	*x = '\0';
	*w = strtod(num, &end);
	if (end == num || *end != '\0')
		return -1;
	*h = strtod(x + 1, &end);
	if (end == x + 1 || *end != '\0' || !isfinite(*w) || !isfinite(*h))
		return -1;
	if (strcmp(unit, "mm") == 0)
		*w /= 25.4, *h /= 25.4, *w *= 72, *h *= 72;
	else if (strcmp(unit, "cm") == 0)
		*w /= 2.54, *h /= 2.54, *w *= 72, *h *= 72;
	else if (strcmp(unit, "in") == 0)
		*w *= 72, *h *= 72;
	else if (strcmp(unit, "pt") != 0)
		return -1;
	/* a page smaller than 2.5 in (too small for 2 in of text inside
	 * margins) or larger than 2 m is a typo */
	if (*w < 180 || *h < 180 || *w > 5670 || *h > 5670)
		return -2;
	return 0;
}

/* What parse_paper accepts, for messages. */
#define PAPER_FORMS "a4, a5, a3, b5, letter, legal or WxH with a unit (mm, cm, in, pt)"
#define PAPER_RANGE "each side from 64 to 2000 mm (2.5 to 78 in)"

/* Set the error for parse_paper's result RC on S, after PREFIX
 * ("--paper", "theme: paper"). Returns -1. */
static int
paper_error(const char *file, int line, const char *prefix, const char *s, int rc)
{
	if (rc == -2)
		return err_set(file, line, "%s %s: the page size is out of range: %s", prefix, s,
		    PAPER_RANGE);
	return err_set(file, line, "%s %s: expected %s", prefix, s, PAPER_FORMS);
}

int
theme_paper_check(const char *s)
{
	double w, h;
	int rc = parse_paper(s, &w, &h);

	return rc == 0 ? 0 : paper_error(NULL, 0, "--paper", s, rc);
}

int
theme_links_parse(const char *s, enum theme_links *l)
{
	static const char *names[] = {"footnotes", "after", "none"};
	int i;

	for (i = 0; i < 3; i++)
		if (strcmp(s, names[i]) == 0) {
			*l = (enum theme_links)i;
			return 0;
		}
	return err_set(NULL, 0, "links %s: expected footnotes, after or none", s);
}

int
theme_bleed_parse(const char *s, double *pt)
{
	if (strspn(s, "0.") == strlen(s) && strchr(s, '0') != NULL) {	/* "0", "0.0" */
		*pt = 0;
		return 0;
	}
	if (parse_len(s, pt) != 0)
		return err_set(NULL, 0, "bleed %s: expected a length like 3mm (pt, mm, cm, in)", s);
	if (*pt > 25 / 25.4 * 72)
		return err_set(NULL, 0, "bleed %s is out of range: 0 to 25 mm", s);
	return 0;
}

int
theme_thickness_parse(const char *s, double *pt)
{
	char *end;
	double v = strtod(s, &end);

	if (end != s && strcmp(end, "ppi") == 0 && isfinite(v)) {
		if (v < 200 || v > 1000)
			return err_set(NULL, 0, "paper thickness %s is out of range: 200 to 1000 pages "
			    "an inch", s);
		*pt = 72 / v;
		return 0;
	}
	if (parse_len(s, pt) != 0)
		return err_set(NULL, 0, "paper thickness %s: expected the thickness of a sheet, "
		    "like 0.1mm, or pages an inch, like 444ppi", s);
	if (*pt < 0.04 / 25.4 * 72 || *pt > 0.5 / 25.4 * 72)
		return err_set(NULL, 0, "paper thickness %s is out of range: a sheet of 0.04 to 0.5 mm", s);
	*pt /= 2;	/* a sheet holds two pages */
	return 0;
}

/* Parse "#rrggbb" into RGB[3] (0..1). Return 0 or -1. */
static int
parse_colour(const char *s, double rgb[3])
{
	unsigned v;
	int i;

	if (s[0] != '#' || strlen(s) != 7)
		return -1;
	for (i = 1; i < 7; i++)
		if (!isxdigit((unsigned char)s[i]))
			return -1;
	v = (unsigned)strtoul(s + 1, NULL, 16);
	rgb[0] = ((v >> 16) & 0xff) / 255.0;
	rgb[1] = ((v >> 8) & 0xff) / 255.0;
	rgb[2] = (v & 0xff) / 255.0;
	return 0;
}

/* The scalar value of node N, or NULL when it is not a scalar. Borrowed. */
static const char *
scalar(yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* Apply theme.yaml's typography mapping VN (at LINE of FILE) to T:
 * protrusion (true/false), notes and references (justify, ragged, auto).
 * Return 0, or -1 with the error set. */
static int
apply_typography(struct theme *t, yaml_document_t *doc, yaml_node_t *vn, const char *file,
    int line)
{
	static const char *sets[] = {"auto", "justify", "ragged"};
	yaml_node_pair_t *q;

	if (vn == NULL || vn->type != YAML_MAPPING_NODE)
		return err_set(file, line, "theme: typography: expected a mapping");
	for (q = vn->data.mapping.pairs.start; q < vn->data.mapping.pairs.top; q++) {
		yaml_node_t *skn = yaml_document_get_node(doc, q->key);
		const char *sk = scalar(skn), *sv = scalar(yaml_document_get_node(doc, q->value));
		int sline = skn ? (int)skn->start_mark.line + 1 : line, i;
		enum theme_set *dst;

		if (sk == NULL)
			return err_set(file, sline, "theme: keys must be strings");
		if (strcmp(sk, "protrusion") == 0) {
			if (sv && (strcmp(sv, "true") == 0 || strcmp(sv, "false") == 0))
				t->protrusion = sv[0] == 't';
			else
				return err_set(file, sline, "theme: typography: protrusion: expected "
				    "true or false");
			continue;
		}
		dst = strcmp(sk, "notes") == 0 ? &t->notes : strcmp(sk, "references") == 0 ?
		    &t->references : NULL;
		if (dst == NULL) {
			warn_at(file, sline, "theme: unknown key typography.%s", sk);
			continue;
		}
		for (i = 0; i < 3 && !(sv && strcmp(sv, sets[i]) == 0); i++)
			;
		if (i == 3)
			return err_set(file, sline, "theme: typography: %s: expected justify, ragged "
			    "or auto", sk);
		*dst = (enum theme_set)i;
	}
	return 0;
}

/* Apply theme.yaml's document DOC (read from FILE) to T. Return 0, or -1
 * with the error set. */
static int
apply_yaml(struct theme *t, yaml_document_t *doc, const char *file)
{
	static const char *roles[FONT_NROLES] = {"body", "heading", "mono"};
	yaml_node_t *root = yaml_document_get_root_node(doc);
	yaml_node_pair_t *p, *q;
	yaml_node_item_t *it;

	if (root == NULL)
		return 0;
	if (root->type != YAML_MAPPING_NODE)
		return err_set(file, 1, "theme: expected a mapping");
	for (p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = yaml_document_get_node(doc, p->key);
		yaml_node_t *vn = yaml_document_get_node(doc, p->value);
		const char *k = scalar(kn), *v = scalar(vn);
		int line = kn ? (int)kn->start_mark.line + 1 : 0;

		if (k == NULL)
			return err_set(file, line, "theme: keys must be strings");
		if (strcmp(k, "size") == 0 || strcmp(k, "leading") == 0) {
			double *dst = k[0] == 's' ? &t->size : &t->leading;

			if (v == NULL || parse_len(v, dst) != 0)
				return err_set(file, line, "theme: %s: expected a length like 10.5pt", k);
			/* a book's text: from a pocket edition's to a large-print
			 * one's (larger type would not leave a page its lines) */
			if (k[0] == 's' && (*dst < 6 || *dst > 24))
				return err_set(file, line, "theme: size %s is out of range: the body text "
				    "takes 6pt to 24pt", v);
			if (k[0] == 'l' && (*dst < 6 || *dst > 48))
				return err_set(file, line, "theme: leading %s is out of range: 6pt to 48pt", v);
		} else if (strcmp(k, "typography") == 0) {
			if (apply_typography(t, doc, vn, file, line) != 0)
				return -1;
		} else if (strcmp(k, "bleed") == 0) {
			char m[256];

			if (v == NULL || theme_bleed_parse(v, &t->bleed) != 0) {
				snprintf(m, sizeof(m), "%s", v ? err_msg() : "bleed: expected a length");
				return err_set(file, line, "theme: %s", m);
			}
		} else if (strcmp(k, "links") == 0) {
			if (v == NULL || theme_links_parse(v, &t->links) != 0)
				return err_set(file, line, "theme: links: expected footnotes, after or none");
		} else if (strcmp(k, "paper") == 0) {
			int rc = v ? parse_paper(v, &t->page_w, &t->page_h) : -1;

			if (rc != 0)
				return paper_error(file, line, "theme: paper", v ? v : "", rc);
		} else if (strcmp(k, "fonts") == 0 || strcmp(k, "margins") == 0 ||
		    strcmp(k, "colours") == 0 || strcmp(k, "colors") == 0) {
			if (vn == NULL || vn->type != YAML_MAPPING_NODE)
				return err_set(file, line, "theme: %s: expected a mapping", k);
			for (q = vn->data.mapping.pairs.start; q < vn->data.mapping.pairs.top; q++) {
				yaml_node_t *skn = yaml_document_get_node(doc, q->key);
				yaml_node_t *svn = yaml_document_get_node(doc, q->value);
				const char *sk = scalar(skn), *sv = scalar(svn);
				int sline = skn ? (int)skn->start_mark.line + 1 : line;
				int r, done = 0;

				if (sk == NULL)
					return err_set(file, sline, "theme: keys must be strings");
				if (k[0] == 'f') {
					if (strcmp(sk, "fallback") == 0 && svn && svn->type == YAML_SEQUENCE_NODE) {
						for (it = svn->data.sequence.items.start; it < svn->data.sequence.items.top; it++) {
							const char *f = scalar(yaml_document_get_node(doc, *it));

							if (f)
								strv_push(&t->fallback, &t->nfallback, f);
						}
						continue;
					}
					for (r = 0; r < FONT_NROLES; r++)
						if (strcmp(sk, roles[r]) == 0 && sv && *sv) {
							free(t->family[r]);
							t->family[r] = xstrdup(sv);
							done = 1;
						}
				} else if (k[0] == 'm') {
					double *dst = strcmp(sk, "top") == 0 ? &t->margin_top :
					    strcmp(sk, "bottom") == 0 ? &t->margin_bottom :
					    strcmp(sk, "inside") == 0 ? &t->margin_inner :
					    strcmp(sk, "outside") == 0 ? &t->margin_outer : NULL;

					if (dst && (sv == NULL || parse_len(sv, dst) != 0))
						return err_set(file, sline, "theme: margins: %s: expected a length", sk);
					done = dst != NULL;
				} else {
					double *dst = strcmp(sk, "text") == 0 ? t->text_color :
					    strcmp(sk, "accent") == 0 ? t->accent_color : NULL;

					if (dst && (sv == NULL || parse_colour(sv, dst) != 0))
						return err_set(file, sline, "theme: colours: %s: expected #rrggbb", sk);
					done = dst != NULL;
				}
				if (!done)
					warn_at(file, sline, "theme: unknown key %s.%s", k, sk);
			}
		} else
			warn_at(file, line, "theme: unknown key %s", k);
	}
	return 0;
}

/* Read and apply FILE to T. Return 0, or -1 with the error set. */
static int
read_yaml(struct theme *t, const char *file)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	char *text = NULL;
	size_t len;
	int ret = -1, have_doc = 0;

	if (file_read(file, &text, &len) != 0)
		return -1;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	if (!yaml_parser_load(&parser, &doc)) {
		err_set(file, (int)parser.problem_mark.line + 1, "theme: %s",
		    parser.problem ? parser.problem : "YAML syntax error");
		goto out;
	}
	have_doc = 1;
	if (apply_yaml(t, &doc, file) != 0)
		goto out;
	ret = 0;
out:
	if (have_doc)
		yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	free(text);
	return ret;
}

/* Match FAMILY in STYLE (and LANG when not NULL) through fontconfig; return
 * the file (fresh string) and set *INDEX, or NULL when nothing matched. */
static char *
fc_match(const char *family, int style, const char *lang, int *index, char **got_family)
{
	FcPattern *pat, *m;
	FcResult res;
	FcChar8 *file = NULL, *fam = NULL;
	char *ret = NULL;
	int idx = 0;

	pat = FcPatternCreate();
	if (family)
		FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
	if (lang)
		FcPatternAddString(pat, FC_LANG, (const FcChar8 *)lang);
	FcPatternAddInteger(pat, FC_WEIGHT,
	    style == STYLE_BOLD || style == STYLE_BOLDITALIC ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
	FcPatternAddInteger(pat, FC_SLANT,
	    style == STYLE_ITALIC || style == STYLE_BOLDITALIC ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
	FcConfigSubstitute(NULL, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	m = FcFontMatch(NULL, pat, &res);
	if (m && FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch) {
		ret = xstrdup((const char *)file);
		if (FcPatternGetInteger(m, FC_INDEX, 0, &idx) != FcResultMatch)
			idx = 0;
		if (got_family && FcPatternGetString(m, FC_FAMILY, 0, &fam) == FcResultMatch)
			*got_family = xstrdup((const char *)fam);
	}
	if (index)
		*index = idx;
	if (m)
		FcPatternDestroy(m);
	FcPatternDestroy(pat);
	return ret;
}

/* Say once per run that FAMILY is not installed and GOT stands in. */
static void
warn_missing_family(const char *yaml, const char *family, const char *got)
{
	static struct buf warned;

	if (strstr(buf_str(&warned), family))
		return;
	buf_printf(&warned, "%s\n", family);
	warn_at(yaml, 0, "theme: font family '%s' is not installed; '%s' is used instead",
	    family, got);
}

/* Find the files of role R's family in T. A family that is not installed
 * gives way to the face fontconfig puts in its place for Latin text -- the
 * same kind (serif, sans, mono) by fontconfig's aliases, and never a CJK
 * face, which an unknown name without a language can draw -- and the role
 * takes that face's name, so both writers and the colophon use and name the
 * face really set. Return 0, or -1 with the error set. */
static int
match_role(struct theme *t, int r, const char *yaml)
{
	char *got = NULL;
	int s;

	free(fc_match(t->family[r], STYLE_REGULAR, "en", NULL, &got));
	if (got == NULL)
		return err_set(yaml, 0, "theme: no font is installed for '%s'", t->family[r]);
	if (t->family[r] == NULL || strcasecmp(got, t->family[r]) != 0) {
		if (t->family[r])
			warn_missing_family(yaml, t->family[r], got);
		free(t->family[r]);
		t->family[r] = got;
	} else {
		free(got);
	}
	for (s = 0; s < STYLE_N; s++)
		t->file[r][s] = fc_match(t->family[r], s, NULL, &t->index[r][s], NULL);
	return 0;
}

/* Move T's margins from a
 * W0 x H0 page to T's page: keep the measure where it fits in 80% of the
 * page's width (a book's 60-75 characters), split what is left between the
 * inside and outside margins in their proportion, and scale the top and
 * bottom margins with the page's height. */
static void
fit_margins(struct theme *t, double w0, double h0)
{
	double meas = w0 - t->margin_inner - t->margin_outer;
	double side = t->margin_inner + t->margin_outer;
	double mscale = t->page_h / h0;

	if (meas > t->page_w * 0.8)
		meas = t->page_w * 0.8;
	t->margin_inner = (t->page_w - meas) * t->margin_inner / side;
	t->margin_outer = t->page_w - meas - t->margin_inner;
	t->margin_top *= mscale;
	t->margin_bottom *= mscale;
}

struct theme *
theme_load(const struct options *opt, const char *book_theme)
{
	static const char *defaults[FONT_NROLES] = {"Charis SIL", "Charis SIL", "Noto Mono"};
	struct theme *t = xcalloc(1, sizeof(*t));
	char *yaml = NULL, *fonts = NULL, *dd = NULL;
	int r, ret = -1;

	if ((dd = datadir_get(opt ? opt->datadir : NULL)) == NULL)
		goto out;
	if (opt && opt->theme)
		t->dir = xstrdup(opt->theme);
	else if (book_theme)
		t->dir = xstrdup(book_theme);
	else
		t->dir = path_join(dd, "templates/default");
	if (!is_dir(t->dir)) {
		err_set(t->dir, 0, "theme directory not found");
		goto out;
	}
	t->css = path_join(t->dir, "book.css");
	t->size = 10.5;
	t->leading = 14;
	t->protrusion = 1;
	t->notes = t->references = THEME_SET_AUTO;
	t->page_w = A4_W;
	t->page_h = A4_H;
	t->margin_top = 24 / 25.4 * 72;
	t->margin_bottom = 30 / 25.4 * 72;
	t->margin_inner = 34 / 25.4 * 72;
	t->margin_outer = 56 / 25.4 * 72;
	t->text_color[0] = t->text_color[1] = t->text_color[2] = 0.1;
	t->accent_color[0] = 0.55;
	t->accent_color[1] = 0.14;
	t->accent_color[2] = 0.09;
	for (r = 0; r < FONT_NROLES; r++)
		t->family[r] = xstrdup(defaults[r]);

	yaml = path_join(t->dir, "theme.yaml");
	if (is_file(yaml) && read_yaml(t, yaml) != 0)
		goto out;
	if (t->leading < t->size)
		t->leading = t->size * 1.2;
	/* the margins are written for A4; the paper theme.yaml names, or
	 * --paper over it, fits them to its page in one and the same way */
	if (opt && opt->paper) {
		int rc = parse_paper(opt->paper, &t->page_w, &t->page_h);

		if (rc != 0) {
			paper_error(NULL, 0, "--paper", opt->paper, rc);
			goto out;
		}
	}
	if (opt && opt->bleed && theme_bleed_parse(opt->bleed, &t->bleed) != 0)
		goto out;
	if (opt && opt->links && theme_links_parse(opt->links, &t->links) != 0)
		goto out;
	if (t->page_w != A4_W || t->page_h != A4_H)
		fit_margins(t, A4_W, A4_H);
	if (t->margin_inner + t->margin_outer > t->page_w - 144 ||
	    t->margin_top + t->margin_bottom > t->page_h - 144) {
		err_set(yaml, 0, "theme: the margins leave less than 2 in of text on a %.0f x %.0f pt page",
		    t->page_w, t->page_h);
		goto out;
	}

	/* user fonts first: DATADIR/fonts, then the theme directory */
	fonts = path_join(dd, "fonts");
	if (is_dir(fonts))
		FcConfigAppFontAddDir(NULL, (const FcChar8 *)fonts);
	FcConfigAppFontAddDir(NULL, (const FcChar8 *)t->dir);
	for (r = 0; r < FONT_NROLES; r++)
		if (match_role(t, r, yaml) != 0)
			goto out;
	ret = 0;
out:
	free(yaml);
	free(fonts);
	free(dd);
	if (ret != 0) {
		theme_free(t);
		return NULL;
	}
	return t;
}

void
theme_free(struct theme *t)
{
	size_t i;
	int r, s;

	if (t == NULL)
		return;
	free(t->dir);
	free(t->css);
	for (r = 0; r < FONT_NROLES; r++) {
		free(t->family[r]);
		for (s = 0; s < STYLE_N; s++)
			free(t->file[r][s]);
	}
	for (i = 0; i < t->nfallback; i++)
		free(t->fallback[i]);
	free(t->fallback);
	free(t);
}

int
theme_family_regional(const char *family, const char *lang)
{
	static const struct { const char *lang, *mark; } reg[] = {
		{"ja", " JP"}, {"ko", " KR"}, {"zh-TW", " TC"}, {"zh-HK", " HK"}, {"zh-Hant", " TC"},
		{"zh", " SC"},
	};
	size_t i;

	if (family == NULL || lang == NULL)
		return 0;
	for (i = 0; i < sizeof(reg) / sizeof(reg[0]); i++)
		if (lang_has_prefix(lang, reg[i].lang))
			return strstr(family, reg[i].mark) != NULL;
	return 0;
}

char *
theme_font_for_lang(const struct theme *t, const char *lang, int bold, int *index)
{
	int style = bold ? STYLE_BOLD : STYLE_REGULAR;
	FcLangSet *ls;
	FcPattern *pat;
	FcFontSet *fs;
	FcObjectSet *os;
	char *file = NULL, *fam = NULL;
	size_t i;

	if (index)
		*index = 0;
	if (lang == NULL || *lang == '\0')
		return NULL;
	/* the theme's preferred families first, when they cover LANG: the
	 * one made for LANG's region before the others (JP for Japanese) */
	for (i = 0; t && i < 2 * t->nfallback && file == NULL; i++) {
		const char *fam_i = t->fallback[i % t->nfallback];

		if ((i < t->nfallback) != theme_family_regional(fam_i, lang))
			continue;
		pat = FcPatternCreate();
		FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)fam_i);
		ls = FcLangSetCreate();
		FcLangSetAdd(ls, (const FcChar8 *)lang);
		FcPatternAddLangSet(pat, FC_LANG, ls);
		os = FcObjectSetBuild(FC_FILE, FC_INDEX, NULL);
		fs = FcFontList(NULL, pat, os);
		if (fs && fs->nfont > 0) {
			free(file);
			file = fc_match(fam_i, style, lang, index, NULL);
		}
		if (fs)
			FcFontSetDestroy(fs);
		FcObjectSetDestroy(os);
		FcLangSetDestroy(ls);
		FcPatternDestroy(pat);
	}
	if (file == NULL)
		file = fc_match(t ? t->family[FONT_BODY] : NULL, style, lang, index, &fam);
	free(fam);
	return file;
}
