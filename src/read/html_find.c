#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html_find.h"
#include "html_meta.h"
#include "util.h"
#include "html_conv.h"

/* What the finder knows of one element. */
enum {
	F_DROP = 1,	/* boilerplate: left out with everything in it */
	F_PARA = 2,	/* a block of text that is scored */
	F_CAND = 4,	/* received a score */
	F_ROOT = 8,	/* one of the article's top-level elements */
	F_SKIP = 16,	/* inside the article, but boilerplate */
	F_STRUCT = 32,	/* a page's header, footer, nav or aside: dropped unless it holds most text */
	F_UNLIKE = 64,	/* named like page furniture: dropped unless it holds most text */
};

struct fnode {
	const GumboNode	*g;
	int		 parent;	/* index, -1 for the body */
	int		 depth;
	unsigned	 flags;
	size_t		 text;		/* characters of text inside, not dropped */
	size_t		 link;		/* of which inside links */
	size_t		 commas;
	int		 weight;	/* from class and id */
	double		 score;
};

struct html_find {
	struct fnode	*v;
	size_t		 n, cap;
	int		*hash;		/* node pointer -> index + 1 */
	size_t		 hcap;
	const GumboNode	**roots;
	size_t		 nroots;
	size_t		 chars;
	const char	*headline;
	int		 head;		/* the element showing the headline, or -1 */
};

static size_t
hslot(const struct html_find *f, const GumboNode *g)
{
	uintptr_t h = (uintptr_t)g;

	h ^= h >> 17;
	h *= 0x9E3779B97F4A7C15u;
	return (size_t)(h >> 7) & (f->hcap - 1);
}

/* The index of element G, or -1. */
static int
find_index(const struct html_find *f, const GumboNode *g)
{
	size_t i;

	if (f->hcap == 0)
		return -1;
	for (i = hslot(f, g); f->hash[i]; i = (i + 1) & (f->hcap - 1))
		if (f->v[f->hash[i] - 1].g == g)
			return f->hash[i] - 1;
	return -1;
}

static void
hash_build(struct html_find *f)
{
	size_t i, k;

	for (f->hcap = 64; f->hcap < f->n * 2; f->hcap *= 2)
		;
	f->hash = xcalloc(f->hcap, sizeof(*f->hash));
	for (i = 0; i < f->n; i++) {
		for (k = hslot(f, f->v[i].g); f->hash[k]; k = (k + 1) & (f->hcap - 1))
			;
		f->hash[k] = (int)i + 1;
	}
}

/* Class and id together, lower case, into OUT (N bytes). */
static void
names_of(const GumboNode *g, char *out, size_t n)
{
	const char *c = html_attr(g, "class"), *id = html_attr(g, "id");
	size_t k = 0;

	out[0] = 0;
	for (int pass = 0; pass < 2; pass++) {
		const char *s = pass ? id : c;

		for (; s && *s && k + 2 < n; s++)
			out[k++] = (char)tolower((unsigned char)*s);
		if (k + 1 < n)
			out[k++] = ' ';
	}
	out[k] = 0;
}

static int
any_of(const char *s, const char *const *words)
{
	for (; *words; words++)
		if (strstr(s, *words))
			return 1;
	return 0;
}

/* Words in a class or id of page furniture, not of the article. */
static const char *const unlikely[] = {"comment", "share", "sharing", "social", "related",
	"newsletter", "subscri", "cookie", "consent", "gdpr", "banner", "sidebar", "footer",
	"masthead", "menu", "breadcrumb", "promo", "advert", "sponsor", "popup", "modal",
	"tagcloud", "pagination", "pager", "recommend", "mostread", "most-read", "popular",
	"trending", "signup", "sign-up", "login", "skip-link", "toolbar", "outbrain", "taboola",
	"disqus", "combx", "community", "remark", "replies", "shoutbox", "skyscraper",
	"agegate", "paywall", "navbar", "navigation", "nav-", "-nav", "topbar", "teaser-list",
	"further", "more-stories", "read-more", "readmore", "print", "rating", "author-box",
	"authorbox", "about-author", "widget", "klapp", "werbung", "anzeige", NULL};
/* Words in a class or id that may be the article's. */
static const char *const maybe[] = {"article", "body", "content", "main", "post", "entry",
	"story", "text", "artikel", "beitrag", "inhalt", "column", "shadow", NULL};
static const char *const positive[] = {"article", "body", "content", "entry", "hentry",
	"h-entry", "main", "page", "post", "text", "blog", "story", "artikel", "beitrag",
	"inhalt", "prose", NULL};
static const char *const negative[] = {"banner", "combx", "comment", "com-",
	"contact", "footer", "gdpr", "masthead", "meta", "outbrain", "promo",
	"related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor",
	"shopping", "tags", "widget", "teaser", "byline", "author", "dateline", "date", NULL};

/* An "ad" class: a whole word "ad", "ads", "ad-…". */
static int
ad_class(const char *s)
{
	for (const char *p = s; (p = strstr(p, "ad")) != NULL; p++) {
		int start = p == s || !isalnum((unsigned char)p[-1]);
		const char *e = p + 2;

		if (*e == 's')
			e++;
		if (start && (*e == 0 || *e == ' ' || *e == '-' || *e == '_'))
			return 1;
	}
	return 0;
}

static int
class_weight(const GumboNode *g)
{
	char s[512];
	int w = 0;

	names_of(g, s, sizeof(s));
	if (any_of(s, negative))
		w -= 25;
	if (any_of(s, positive))
		w += 25;
	return w;
}

/* 1 when element G is never article text; 2 for a page's header, footer,
 * navigation, aside or noscript, which are not either unless broken markup
 * put most of the page inside one (an unclosed <div> in a <noscript>, read
 * as a browser without scripts would); 3 for an element named like page
 * furniture, which is not either unless it holds most of the page's prose
 * (a blog's "widget Blog", a "with-sidebar" wrapper). */
static int
always_drop(const GumboNode *g, int loose)
{
	const char *role;
	char s[512];

	switch (g->v.element.tag) {
	case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE:
	case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
	case GUMBO_TAG_EMBED: case GUMBO_TAG_SVG: case GUMBO_TAG_CANVAS:
	case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
	case GUMBO_TAG_INPUT: case GUMBO_TAG_MENU: case GUMBO_TAG_LINK:
	case GUMBO_TAG_META: case GUMBO_TAG_FRAMESET: case GUMBO_TAG_AUDIO:
	case GUMBO_TAG_VIDEO: case GUMBO_TAG_MATH: case GUMBO_TAG_LABEL:
		return 1;
	default:
		break;
	}
	if (html_hidden(g))
		return 1;
	if (g->v.element.tag == GUMBO_TAG_HEADER) {
		/* the page's header, not an article's own */
		for (const GumboNode *p = g->parent; p && p->type == GUMBO_NODE_ELEMENT; p = p->parent)
			if (p->v.element.tag == GUMBO_TAG_ARTICLE || p->v.element.tag == GUMBO_TAG_MAIN)
				return 0;
		return 2;
	}
	if (g->v.element.tag == GUMBO_TAG_NAV || g->v.element.tag == GUMBO_TAG_ASIDE ||
	    g->v.element.tag == GUMBO_TAG_FOOTER || g->v.element.tag == GUMBO_TAG_NOSCRIPT)
		return 2;
	if ((role = html_attr(g, "role")) != NULL) {
		static const char *const roles[] = {"navigation", "banner", "contentinfo",
			"complementary", "search", "dialog", "alertdialog", "menu", "menubar",
			"toolbar", "form", NULL};

		for (int i = 0; roles[i]; i++)
			if (strcasecmp(role, roles[i]) == 0)
				return 1;
	}
	if (loose || g->v.element.tag == GUMBO_TAG_BODY || g->v.element.tag == GUMBO_TAG_A ||
	    g->v.element.tag == GUMBO_TAG_ARTICLE || g->v.element.tag == GUMBO_TAG_MAIN)
		return 0;
	names_of(g, s, sizeof(s));
	if ((any_of(s, unlikely) || ad_class(s)) && !any_of(s, maybe))
		return strstr(s, "comment") || strstr(s, "cookie") || strstr(s, "consent") ? 1 : 3;
	return 0;
}

/* Characters of text node T: non-space bytes plus one per run of spaces. */
static size_t
text_chars(const char *t, size_t *commas)
{
	size_t n = 0;
	int sp = 1;

	for (; *t; t++) {
		unsigned char c = (unsigned char)*t;

		if (isspace(c)) {
			if (!sp)
				n++;
			sp = 1;
			continue;
		}
		sp = 0;
		if ((c & 0xC0) != 0x80)
			n++;
		if (c == ',')
			(*commas)++;
		/* "，" and "、" */
		else if (c == 0xEF && (unsigned char)t[1] == 0xBC && (unsigned char)t[2] == 0x8C)
			(*commas)++;
		else if (c == 0xE3 && (unsigned char)t[1] == 0x80 && (unsigned char)t[2] == 0x81)
			(*commas)++;
	}
	return n;
}

static int
push_node(struct html_find *f, const GumboNode *g, int parent, int depth)
{
	struct fnode *x;

	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 256;
		f->v = xrealloc(f->v, f->cap * sizeof(*f->v));
	}
	x = &f->v[f->n];
	memset(x, 0, sizeof(*x));
	x->g = g;
	x->parent = parent;
	x->depth = depth;
	return (int)f->n++;
}

/* Collect the elements of BODY in document order, marking what is always
 * dropped and adding up text (an explicit stack: no recursion). */
static void
collect(struct html_find *f, const GumboNode *body, int loose)
{
	struct item {
		const GumboNode *g;
		int idx;
	} *stack = NULL;
	size_t sp = 0, scap = 0, i;

	push_node(f, body, -1, 0);
	stack = xmalloc((scap = 64) * sizeof(*stack));
	stack[sp++] = (struct item){body, 0};
	while (sp) {
		struct item it = stack[--sp];
		const GumboVector *kids = &it.g->v.element.children;

		for (i = kids->length; i-- > 0;) {
			const GumboNode *k = kids->data[i];
			int idx;

			if (k->type != GUMBO_NODE_ELEMENT && k->type != GUMBO_NODE_TEMPLATE)
				continue;
			idx = push_node(f, k, it.idx, f->v[it.idx].depth + 1);
			switch (always_drop(k, loose)) {
			case 1:
				f->v[idx].flags |= F_DROP;
				continue;
			case 2:
				f->v[idx].flags |= F_STRUCT;
				break;
			case 3:
				f->v[idx].flags |= F_UNLIKE;
				break;
			default:
				break;
			}
			if (sp == scap)
				stack = xrealloc(stack, (scap *= 2) * sizeof(*stack));
			stack[sp++] = (struct item){k, idx};
		}
	}
	free(stack);
	/* siblings are numbered last to first; order is taken from gumbo's
	 * children wherever it matters */
	hash_build(f);
}

/* Add up each element's text and link text, leaves to root. */
static void
sum_text(struct html_find *f)
{
	size_t i, k;

	for (i = f->n; i-- > 0;) {
		struct fnode *x = &f->v[i];
		const GumboVector *kids = &x->g->v.element.children;

		if (x->flags & F_DROP) {
			x->text = x->link = 0;
			continue;
		}
		for (k = 0; k < kids->length; k++) {
			const GumboNode *t = kids->data[k];

			if (t->type == GUMBO_NODE_TEXT || t->type == GUMBO_NODE_CDATA)
				x->text += text_chars(t->v.text.text, &x->commas);
		}
		if (x->g->v.element.tag == GUMBO_TAG_A)
			x->link = x->text;
		/* the children were added to x before: push x to its parent */
		if (x->parent >= 0) {
			struct fnode *p = &f->v[x->parent];

			p->text += x->text;
			p->link += x->g->v.element.tag == GUMBO_TAG_A ? x->text : x->link;
			p->commas += x->commas;
		}
	}
}

/* Drop the page's headers, footers, navigation and asides, except one
 * that holds most of the page's text (an unclosed <header>), and the
 * elements named like furniture, except one that holds most of the text
 * with few links; add up the text again without them. */
static void
drop_struct(struct html_find *f)
{
	size_t i, body = f->v[0].text, dropped = 0;

	for (i = 1; i < f->n; i++) {
		const struct fnode *x = &f->v[i];
		int most = (double)x->text >= 0.5 * (double)body;

		if (((x->flags & F_STRUCT) && !most) || ((x->flags & F_UNLIKE) &&
		    (!most || (double)x->link > 0.3 * (double)x->text))) {
			f->v[i].flags |= F_DROP;
			dropped++;
		}
	}
	if (dropped == 0)
		return;
	for (i = 0; i < f->n; i++)
		f->v[i].text = f->v[i].link = f->v[i].commas = 0;
	sum_text(f);
}

static double
link_density(const struct fnode *x)
{
	return x->text ? (double)x->link / (double)x->text : 0.0;
}

/* 1 for the tags of block-level elements. */
static int
is_block_tag(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_TABLE: case GUMBO_TAG_UL:
	case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
	case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
	case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION:
	case GUMBO_TAG_ARTICLE: case GUMBO_TAG_FORM: case GUMBO_TAG_HEADER:
	case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FIGURE:
	case GUMBO_TAG_MAIN: case GUMBO_TAG_LI: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_CENTER:
	case GUMBO_TAG_FIELDSET: case GUMBO_TAG_TR: case GUMBO_TAG_TD:
		return 1;
	default:
		return 0;
	}
}

/* 1 for the elements whose own text is scored as a paragraph. */
static int
is_para(const struct html_find *f, const struct fnode *x)
{
	const GumboVector *kids = &x->g->v.element.children;
	size_t k;

	switch (x->g->v.element.tag) {
	case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_TD:
		return 1;
	case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_SPAN: case GUMBO_TAG_FONT:
	case GUMBO_TAG_CENTER: case GUMBO_TAG_ARTICLE:
		break;
	default:
		return 0;
	}
	/* a div that holds text of its own, not only blocks; or only
	 * running text (lines set apart by <br>) */
	int blocks = 0;

	for (k = 0; k < kids->length; k++) {
		const GumboNode *t = kids->data[k];

		if (t->type == GUMBO_NODE_TEXT) {
			size_t c = 0;

			if (text_chars(t->v.text.text, &c) >= 25)
				return 1;
		} else if (t->type == GUMBO_NODE_ELEMENT && is_block_tag(t->v.element.tag))
			blocks = 1;
	}
	(void)f;
	return !blocks && x->text >= 25 && x->g->v.element.tag != GUMBO_TAG_SPAN &&
	    x->g->v.element.tag != GUMBO_TAG_FONT;
}

static int
tag_bonus(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
		return 10;
	case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION:
		return 5;
	case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE:
		return 3;
	case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL: case GUMBO_TAG_DD:
	case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM: case GUMBO_TAG_ADDRESS:
		return -3;
	case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
	case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_TH:
		return -5;
	default:
		return 0;
	}
}

static void
give(struct html_find *f, int idx, double s)
{
	struct fnode *x = &f->v[idx];

	if (!(x->flags & F_CAND)) {
		x->flags |= F_CAND;
		x->weight = class_weight(x->g);
		x->score = tag_bonus(x->g->v.element.tag) + x->weight;
	}
	x->score += s;
}

/* Score every paragraph and pass the score up to its ancestors. */
static void
score(struct html_find *f)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		struct fnode *x = &f->v[i];
		double s;
		int p, level;

		if ((x->flags & F_DROP) || !is_para(f, x))
			continue;
		/* an ancestor dropped means this is dropped too */
		for (p = x->parent; p >= 0 && !(f->v[p].flags & F_DROP); p = f->v[p].parent)
			;
		if (p >= 0 || x->text < 25)
			continue;
		x->flags |= F_PARA;
		s = 1 + (double)x->commas + (x->text / 100 < 3 ? (double)(x->text / 100) : 3);
		s *= 1 - link_density(x);
		for (p = x->parent, level = 0; p >= 0 && level < 5; p = f->v[p].parent, level++)
			give(f, p, level == 0 ? s : level == 1 ? s / 2 : s / (level * 3));
	}
}

static int is_inside(const struct html_find *f, int i, int anc);

/* The element that shows the page's headline: the h1 or h2 whose text is
 * the headline, else the page's only h1; -1 when there is none. */
static int
find_head(const struct html_find *f)
{
	int only = -1, nh1 = 0;

	for (size_t i = 0; i < f->n; i++) {
		const struct fnode *x = &f->v[i];
		GumboTag t = x->g->v.element.tag;

		if ((t != GUMBO_TAG_H1 && t != GUMBO_TAG_H2) || (x->flags & F_DROP) || x->text > 400)
			continue;
		if (f->headline) {
			char *s = html_node_text(x->g);
			int same = html_same_text(s, f->headline);

			free(s);
			if (same)
				return (int)i;
		}
		if (t == GUMBO_TAG_H1 && nh1++ == 0)
			only = (int)i;
	}
	return nh1 == 1 ? only : -1;
}

/* How well container I sits by the headline: 2 when it or its parent
 * or grandparent holds the headline element (the article's text is set
 * under its headline), else 1. */
static double
head_factor(const struct html_find *f, int i)
{
	if (f->head < 0)
		return 1;
	for (int up = 0; i >= 0 && up <= 2; i = f->v[i].parent, up++)
		if (is_inside(f, f->head, i))
			return i == 0 ? 1 : 2.0;
	return 1;
}

/* The best-scoring container, or -1. */
static int
top_candidate(const struct html_find *f)
{
	double best = 0;
	int top = -1;
	size_t i;

	for (i = 0; i < f->n; i++) {
		const struct fnode *x = &f->v[i];
		double s;

		if (!(x->flags & F_CAND) || (x->flags & F_DROP))
			continue;
		s = x->score * (1 - link_density(x)) * head_factor(f, (int)i);
		if (top < 0 || s > best) {
			best = s;
			top = (int)i;
		}
	}
	return top;
}

static double
final_score(const struct fnode *x)
{
	return (x->flags & F_CAND) ? x->score * (1 - link_density(x)) : 0;
}

/* 1 when node I is ANC or inside it. */
static int
is_inside(const struct html_find *f, int i, int anc)
{
	for (; i >= 0; i = f->v[i].parent)
		if (i == anc)
			return 1;
	return 0;
}

/* A better top: the ancestor that holds most of the other strong
 * candidates (an article cut into several boxes), then the wrappers that
 * add little text of their own. */
static int
promote(const struct html_find *f, int top)
{
	double ts = final_score(&f->v[top]);
	int alts[5], nalt = 0, a, k, count;
	size_t i;

	for (i = 0; i < f->n; i++) {
		const struct fnode *x = &f->v[i];
		double s = final_score(x);

		if (!(x->flags & F_CAND) || (x->flags & F_DROP) || (int)i == top || s < ts * 0.75 ||
		    is_inside(f, (int)i, top) || is_inside(f, top, (int)i))
			continue;
		for (k = nalt < 5 ? nalt++ : 4; k > 0 && final_score(&f->v[alts[k - 1]]) < s; k--)
			alts[k] = alts[k - 1];
		if (k < 5)
			alts[k] = (int)i;
	}
	if (nalt >= 3)
		for (a = f->v[top].parent; a >= 0; a = f->v[a].parent) {
			for (k = count = 0; k < nalt; k++)
				count += is_inside(f, alts[k], a);
			if (count >= 3) {
				top = a;
				break;
			}
		}
	while ((a = f->v[top].parent) > 0 && (double)f->v[a].text <= (double)f->v[top].text * 1.15 &&
	    f->v[a].g->v.element.tag != GUMBO_TAG_NOSCRIPT)
		top = a;
	return top;
}

/* Sentence-like text: ends in a full stop, question or exclamation mark. */
static int
ends_sentence(const GumboNode *g)
{
	const GumboVector *kids = &g->v.element.children;

	for (size_t k = kids->length; k-- > 0;) {
		const GumboNode *t = kids->data[k];

		if (t->type == GUMBO_NODE_TEXT) {
			const char *s = t->v.text.text;
			size_t n = strlen(s);

			while (n && isspace((unsigned char)s[n - 1]))
				n--;
			return n && strchr(".!?\"", s[n - 1]) != NULL;
		}
	}
	return 0;
}

/* The roots: the top candidate and those of its siblings that belong to
 * the article (an article split by an ad or a widget). */
static void
pick_roots(struct html_find *f, int top)
{
	const struct fnode *t = &f->v[top];
	const GumboVector *kids;
	double ts = final_score(t), need = ts * 0.2 > 10 ? ts * 0.2 : 10;
	size_t k;

	if (t->parent < 0) {
		f->roots = xmalloc(sizeof(*f->roots));
		f->roots[f->nroots++] = t->g;
		f->v[top].flags |= F_ROOT;
		return;
	}
	kids = &f->v[t->parent].g->v.element.children;
	f->roots = xmalloc(kids->length * sizeof(*f->roots));
	for (k = 0; k < kids->length; k++) {
		const GumboNode *g = kids->data[k];
		int i = g->type == GUMBO_NODE_ELEMENT ? find_index(f, g) : -1;
		const struct fnode *x;
		int keep;

		if (i < 0 || (f->v[i].flags & F_DROP))
			continue;
		x = &f->v[i];
		keep = i == top;
		if (!keep && (x->flags & F_CAND)) {
			double bonus = x->weight > 0 && t->weight > 0 ? ts * 0.2 : 0;

			keep = final_score(x) + bonus >= need;
		}
		if (!keep && g->v.element.tag == GUMBO_TAG_P) {
			double ld = link_density(x);

			keep = (x->text > 80 && ld < 0.25) ||
			    (x->text > 0 && x->text <= 80 && ld == 0 && ends_sentence(g));
		}
		if (keep) {
			f->roots[f->nroots++] = g;
			f->v[i].flags |= F_ROOT;
		}
	}
}

static int contains_link(const GumboNode *g);

/* 1 when the first link inside G points into the page itself (a
 * heading's permalink "#section"), or G holds no link. */
static int
anchor_link(const GumboNode *g)
{
	const GumboVector *kids = &g->v.element.children;

	if (g->v.element.tag == GUMBO_TAG_A) {
		const char *h = html_attr(g, "href");

		return h == NULL || *h == '#' || *h == 0;
	}
	for (size_t k = 0; k < kids->length; k++) {
		const GumboNode *c = kids->data[k];

		if (c->type == GUMBO_NODE_ELEMENT && contains_link(c))
			return anchor_link(c);
	}
	return 1;
}

/* 1 when element G is or holds an <a>. */
static int
contains_link(const GumboNode *g)
{
	const GumboVector *kids = &g->v.element.children;

	if (g->v.element.tag == GUMBO_TAG_A)
		return 1;
	for (size_t k = 0; k < kids->length; k++) {
		const GumboNode *c = kids->data[k];

		if (c->type == GUMBO_NODE_ELEMENT && contains_link(c))
			return 1;
	}
	return 0;
}

/* 1 when element X inside the article is boilerplate after all: a list
 * of links, a negatively named box that holds less than half of the
 * article's TOTAL characters. */
static int
soft_drop(const struct html_find *f, const struct fnode *x, size_t total)
{
	GumboTag tag = x->g->v.element.tag;
	int w;
	double ld;

	if (tag == GUMBO_TAG_H1 && f->headline && x->text < 400) {
		char *t = html_node_text(x->g);
		int same = html_same_text(t, f->headline);

		free(t);
		return same;
	}
	if ((tag == GUMBO_TAG_BLOCKQUOTE || (tag >= GUMBO_TAG_H2 && tag <= GUMBO_TAG_H6)) &&
	    link_density(x) > 0.6 && !anchor_link(x->g))
		return 1;	/* "Related: <a>another story</a>" set as a heading or quote */
	if (tag != GUMBO_TAG_DIV && tag != GUMBO_TAG_SECTION && tag != GUMBO_TAG_UL &&
	    tag != GUMBO_TAG_OL && tag != GUMBO_TAG_TABLE && tag != GUMBO_TAG_DL &&
	    tag != GUMBO_TAG_FORM && tag != GUMBO_TAG_P)
		return 0;
	w = class_weight(x->g);
	ld = link_density(x);
	if (w < 0 && x->text < 1000 && (double)x->text < 0.5 * (double)total)
		return 1;
	if (x->commas < 10 && ((ld > 0.2 && w < 25) || ld > 0.5) && tag != GUMBO_TAG_P)
		return 1;
	if (tag == GUMBO_TAG_P && ld > 0.6)
		return 1;
	return 0;
}

/* Mark the boilerplate inside the roots and count the article's text. */
static void
mark_inside(struct html_find *f)
{
	unsigned char *state = xcalloc(f->n ? f->n : 1, 1);	/* 1 inside, 2 skipped */
	size_t i, total = 0;

	for (i = 0; i < f->n; i++)
		if (f->v[i].flags & F_ROOT)
			total += f->v[i].text;
	f->chars = 0;
	for (i = 0; i < f->n; i++) {
		struct fnode *x = &f->v[i];

		if (x->flags & F_ROOT) {
			state[i] = 1;
			f->chars += x->text;
			continue;
		}
		if (x->parent < 0 || state[x->parent] == 0)
			continue;
		if (state[x->parent] == 2 || (x->flags & F_DROP)) {
			state[i] = 2;
			continue;
		}
		state[i] = 1;
		if (soft_drop(f, x, total)) {
			x->flags |= F_SKIP;
			state[i] = 2;
			f->chars -= x->text < f->chars ? x->text : f->chars;
		}
	}
	free(state);
}

#ifdef FIND_DEBUG
#include <stdio.h>
static void
path_of(const struct html_find *f, int i, char *out, size_t n)
{
	char buf[4096] = "", s[512];

	for (; i >= 0; i = f->v[i].parent) {
		char one[600];
		names_of(f->v[i].g, s, sizeof(s));
		snprintf(one, sizeof(one), "%s[%.40s]>", gumbo_normalized_tagname(f->v[i].g->v.element.tag), s);
		if (strlen(one) + strlen(buf) < sizeof(buf) - 1) {
			memmove(buf + strlen(one), buf, strlen(buf) + 1);
			memcpy(buf, one, strlen(one));
		}
	}
	snprintf(out, n, "%s", buf);
}
static void
find_debug(const struct html_find *f, int top)
{
	char p[4096];
	path_of(f, top, p, sizeof(p));
	fprintf(stderr, "TOP %.1f text %zu chars %zu: %s\n", final_score(&f->v[top]), f->v[top].text, f->chars, p);
	for (size_t i = 0; i < f->n; i++) {
		const struct fnode *x = &f->v[i];
		int q;
		if ((x->flags & F_DROP) && getenv("FIND_DROPS")) {
			for (q = x->parent; q >= 0 && !(f->v[q].flags & F_DROP); q = f->v[q].parent);
			if (q < 0) { path_of(f, (int)i, p, sizeof(p)); fprintf(stderr, "DROP %s\n", p); }
		}
		if (x->flags & F_ROOT) { path_of(f, (int)i, p, sizeof(p)); fprintf(stderr, "ROOT %.1f %zu %s\n", final_score(x), x->text, p); }
		if ((x->flags & F_SKIP) && getenv("FIND_SKIPS")) { path_of(f, (int)i, p, sizeof(p)); fprintf(stderr, "SKIP %zu %s\n", x->text, p); }
		if ((x->flags & F_CAND) && getenv("FIND_CANDS") && final_score(x) > 10) { path_of(f, (int)i, p, sizeof(p)); fprintf(stderr, "CAND %.1f %zu %s\n", final_score(x), x->text, p); }
	}
}
#endif

/* The last character of G's text that is not a space, or 0. */
static unsigned char
last_char(const GumboNode *g)
{
	const GumboVector *kids = &g->v.element.children;

	for (size_t k = kids->length; k-- > 0;) {
		const GumboNode *t = kids->data[k];
		unsigned char c = 0;

		if (t->type == GUMBO_NODE_TEXT) {
			const char *s = t->v.text.text;
			size_t n = strlen(s);

			while (n && isspace((unsigned char)s[n - 1]))
				n--;
			if (n)
				return (unsigned char)s[n - 1];
		} else if (t->type == GUMBO_NODE_ELEMENT && (c = last_char(t)) != 0)
			return c;
	}
	return 0;
}

/* 1 when X is body matter no heading could be furniture above: prose
 * (100 characters or more, or 40 with two commas, as Chinese runs; few
 * links; ending a sentence), a table, code, a list that is not of links. */
static int
substantive(const struct fnode *x)
{
	unsigned char c;

	switch (x->g->v.element.tag) {
	case GUMBO_TAG_TABLE: case GUMBO_TAG_PRE:
		return x->text > 0;
	case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL:
		return x->text >= 100 && link_density(x) < 0.5;
	case GUMBO_TAG_P: case GUMBO_TAG_BLOCKQUOTE:
		break;
	default:
		if (!(x->flags & F_PARA))
			return 0;
	}
	if ((x->text < 100 && (x->text < 40 || x->commas < 2)) || link_density(x) >= 0.3)
		return 0;
	/* . ! ? : quotes; the last byte of "。", "…", "»", "”" */
	c = last_char(x->g);
	return c && (strchr(".!?:;\"')", c) || c >= 0x80);
}

/* The elements inside the roots, not skipped, in document order: *NP
 * indices, a fresh array. */
static int *
doc_order(const struct html_find *f, size_t *np)
{
	const GumboNode **stack = NULL;
	size_t sp = 0, scap = 0, n = 0, cap = 0;
	int *out = NULL;

	for (size_t r = f->nroots; r-- > 0;) {
		ARRAY_GROW(stack, sp, scap);
		stack[sp++] = f->roots[r];
	}
	while (sp) {
		const GumboNode *g = stack[--sp];
		const GumboVector *kids = &g->v.element.children;
		int i = find_index(f, g);

		if (i < 0 || (f->v[i].flags & (F_DROP | F_SKIP)))
			continue;
		ARRAY_GROW(out, n, cap);
		out[n++] = i;
		for (size_t k = kids->length; k-- > 0;)
			if (((const GumboNode *)kids->data[k])->type == GUMBO_NODE_ELEMENT) {
				ARRAY_GROW(stack, sp, scap);
				stack[sp++] = kids->data[k];
			}
	}
	free(stack);
	*np = n;
	return out;
}

/* 1 when X, after the article's last body matter, is a fragment of page
 * furniture: a short paragraph that is no sentence ("Follow us on ...",
 * "Newsletter", "© 2020 ...", "Kontakt"). */
static int
tail_fragment(const struct fnode *x)
{
	unsigned char c;

	if (x->g->v.element.tag != GUMBO_TAG_P && !(x->flags & F_PARA))
		return 0;
	if (x->text >= 100 || x->g->v.element.tag == GUMBO_TAG_TD)
		return 0;
	/* . ! ? : and the last byte of "。", "…", "”" */
	c = last_char(x->g);
	return !(c && (strchr(".!?:", c) || c >= 0x80));
}

/* A heading after the article's last body matter heads page furniture
 * ("Related", "More from", "Comments", a newsletter box): skip it and
 * everything after it; and the fragments of furniture before it. */
static void
cut_tail(struct html_find *f)
{
	size_t n, k, last = 0, cut;
	int *ord = doc_order(f, &n), seen = 0;

	for (k = 0; k < n; k++)
		if (substantive(&f->v[ord[k]])) {
			last = k;
			seen = 1;
		}
	for (cut = last + 1; seen && cut < n; cut++) {
		GumboTag t = f->v[ord[cut]].g->v.element.tag;

		if (t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6)
			break;
	}
	for (k = last + 1; seen && k < n; k++) {
		struct fnode *x = &f->v[ord[k]];

		if (k < cut && !tail_fragment(x))
			continue;
		if (x->parent < 0 || !(f->v[x->parent].flags & F_SKIP))
			f->chars -= x->text < f->chars ? x->text : f->chars;
		x->flags |= F_SKIP;
	}
	free(ord);
}

static void
find_reset(struct html_find *f)
{
	free(f->v);
	free(f->hash);
	free(f->roots);
	f->v = NULL;
	f->hash = NULL;
	f->roots = NULL;
	f->n = f->cap = f->hcap = f->nroots = f->chars = 0;
}

struct html_find *
html_find(const GumboNode *body, const char *headline)
{
	struct html_find *f = xcalloc(1, sizeof(*f));

	f->headline = headline;
	for (int loose = 0; loose < 2; loose++) {
		int top;

		find_reset(f);
		collect(f, body, loose);
		sum_text(f);
		drop_struct(f);
		score(f);
		f->head = find_head(f);
		top = top_candidate(f);
#ifdef FIND_DEBUG
		if (top < 0) find_debug(f, 0);
#endif
		if (top < 0)
			continue;
		top = promote(f, top);
		pick_roots(f, top);
		mark_inside(f);
		cut_tail(f);
#ifdef FIND_DEBUG
		find_debug(f, top);
#endif
		if (f->chars >= 250)
			break;
	}
	return f;
}

void
html_find_free(struct html_find *f)
{
	if (f == NULL)
		return;
	find_reset(f);
	free(f);
}

size_t
html_find_nroots(const struct html_find *f)
{
	return f->nroots;
}

const GumboNode *
html_find_root(const struct html_find *f, size_t i)
{
	return f->roots[i];
}

size_t
html_find_chars(const struct html_find *f)
{
	return f->chars;
}

int
html_find_skip(const GumboNode *n, void *user)
{
	const struct html_find *f = user;
	int i;

	if (n->type != GUMBO_NODE_ELEMENT)
		return 0;
	if ((i = find_index(f, n)) < 0)
		return 0;
	return (f->v[i].flags & (F_DROP | F_SKIP)) != 0;
}
