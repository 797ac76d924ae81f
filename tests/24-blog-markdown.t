#!/bin/sh
# Markdown as blogs and newsletter tools write it: Jekyll, Hugo and Ghost
# front matter, drafts, task lists, YAML mistakes explained, a folder of
# posts without book.yaml, and nesting deeper than a page can show.
. tests/lib.sh
need python3

# Deep nesting is legal CommonMark: 20,000 '>' and a 3,000-level list make
# both books, the levels past a page's depth set at that depth, one warning.
python3 -c 'print("# Deep\n\n" + ">" * 20000 + " the innermost words")' >"$TMP/deep.md"
python3 -c '
import sys
s = "# Deep list\n\n"
for i in range(3000):
    s += "  " * i + "- item %d\n" % i
open(sys.argv[1], "w").write(s)' "$TMP/deeplist.md"
for d in deep deeplist; do
	$MKBOOK --dump-model "$TMP/$d.md" >"$TMP/$d.json" 2>"$TMP/err"
	is "$?" 0 "$d: nesting past a page's depth is not an error"
	is "$(grep -c 'nested deeper than 16 levels are set at that depth' "$TMP/err")" 1 "$d: one warning"
	ok "$d: every word kept, no deeper than the limit" python3 -c '
import json, sys
sys.setrecursionlimit(100000)
a = json.load(open(sys.argv[1]))["articles"][0]
def depth(bs, d=0):
    return max([d] + [depth(b.get("blocks", []), d + 1) for b in bs])
def words(bs):
    out = []
    for b in bs:
        out += words(b["blocks"]) if b.get("blocks") else b.get("text", "").split()
    return out
assert depth(a["blocks"]) <= 18, depth(a["blocks"])
w = words(a["blocks"])
if sys.argv[2] == "deep":
    assert w[-3:] == ["the", "innermost", "words"], w[-3:]
else:
    assert w.count("item") == 3000 and "2999" in w, len(w)' "$TMP/$d.json" "$d"
	$MKBOOK -q --epub -o "$TMP/$d.epub" "$TMP/$d.md"
	is "$?" 0 "$d: an EPUB"
	$MKBOOK -q --pdf -o "$TMP/$d.pdf" "$TMP/$d.md"
	is "$?" 0 "$d: a PDF"
done

# GFM task lists: ballot boxes in both books
printf '# Tasks\n\n- [ ] open task\n- [x] done task\n- plain item\n' >"$TMP/tasks.md"
$MKBOOK --dump-model "$TMP/tasks.md" >"$TMP/tasks.json" 2>"$TMP/err"
ok "task list items open with a ballot box" python3 -c '
import json, sys
a = json.load(open(sys.argv[1]))["articles"][0]
items = [i["text"] for i in a["blocks"][0]["blocks"]]
assert items == ["\u2610 open task", "\u2611 done task", "plain item"], items' "$TMP/tasks.json"
$MKBOOK -q --epub -o "$TMP/tasks.epub" "$TMP/tasks.md" &&
	unzip -p "$TMP/tasks.epub" '*.xhtml' >"$TMP/tasks.xhtml"
like "$(cat "$TMP/tasks.xhtml")" "☐ open task" "the EPUB shows the open box"
like "$(cat "$TMP/tasks.xhtml")" "☑ done task" "and the checked one"
$MKBOOK -q --pdf -o "$TMP/tasks.pdf" "$TMP/tasks.md" && pdftotext "$TMP/tasks.pdf" "$TMP/tasks.txt"
like "$(cat "$TMP/tasks.txt")" "☐ open task" "the PDF shows the open box"
like "$(cat "$TMP/tasks.txt")" "☑ done task" "and the checked one"

# A Jekyll post as `jekyll new` writes it (the welcome post of its docs)
# and the Hugo documentation's front matter example
# (gohugo.io/content-management/front-matter), in one folder of posts.
mkdir -p "$TMP/blog"
cat >"$TMP/blog/2015-11-11-welcome-to-jekyll.markdown" <<'EOF'
---
layout: post
title:  "Welcome to Jekyll!"
date:   2015-11-11 16:45:00 +0100
categories: jekyll update
---
You’ll find this post in your `_posts` directory. Go ahead and edit it and re-build the site to see your changes.

{% highlight ruby %}
def print_hi(name)
  puts "Hi, #{name}"
end
print_hi('Tom')
#=> prints 'Hi, Tom' to STDOUT.
{% endhighlight %}
EOF
cat >"$TMP/blog/example.md" <<'EOF'
---
date: 2024-02-02T04:14:54-08:00
draft: false
params:
  author: John Smith
title: Example
weight: 10
---
The body of the example.
EOF
cat >"$TMP/blog/draft.md" <<'EOF'
---
title: Not yet
draft: true
---
Unfinished.
EOF
cat >"$TMP/blog/ghost.md" <<'EOF'
---
Title: Capital Keys
Author: Ann Smith
Description: The standfirst comes from the description.
feature_image: pic.png
tags: [one, two]
categories:
  - news
slug: capital-keys
permalink: /capital-keys/
summary_large_image: true
layout: post
titel: a typo
---
Body.
EOF
cp content/images/chart.png "$TMP/blog/pic.png"
printf '# About this folder\n\nNotes.\n' >"$TMP/blog/README.md"
printf 'Where the posts came from.\n' >"$TMP/blog/SOURCES.md"
printf '# Changes\n' >"$TMP/blog/CHANGELOG.md"
printf 'MIT\n' >"$TMP/blog/LICENSE.txt"
printf 'A note without any title.\n' >"$TMP/blog/notes.md"
$MKBOOK --dump-model "$TMP/blog" >"$TMP/blog.json" 2>"$TMP/err"
is "$?" 0 "a folder of blog posts without book.yaml makes a book"
ok "Jekyll, Hugo and Ghost front matter mapped" python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))
arts = {a["headline"]: a for a in m["articles"]}
assert sorted(arts) == ["Capital Keys", "Example", "Welcome to Jekyll!"], sorted(arts)
j = arts["Welcome to Jekyll!"]
assert j["date"] == "2015-11-11" and j["tags"] == ["jekyll", "update"], (j["date"], j["tags"])
assert any("print_hi" in b.get("text", "") for b in j["blocks"]), "Liquid tags kept as text"
h = arts["Example"]
assert h["date"] == "2024-02-02" and h["authors"] == ["John Smith"], (h["date"], h["authors"])
g = arts["Capital Keys"]
assert g["authors"] == ["Ann Smith"], g["authors"]
assert g["standfirst"] == "The standfirst comes from the description.", g["standfirst"]
assert g["image"]["src"] == "pic.png", g["image"]
assert g["tags"] == ["one", "two", "news"], g["tags"]
assert m["book"]["title"] == "blog", m["book"]["title"]' "$TMP/blog.json"
like "$(cat "$TMP/err")" "draft.md:3: warning: a draft" "a draft is left out with a warning naming it"
like "$(cat "$TMP/err")" "ghost.md:13: warning: unknown front matter key 'titel': did you mean 'title'" \
	"a misspelt key names the key it looks like"
like "$(cat "$TMP/err")" "unknown front matter key 'summary_large_image'" "a key mkbook does not know still warns"
is "$(grep -c -e "'slug'" -e "'permalink'" -e "'layout'" -e "'weight'" "$TMP/err")" 0 \
	"generator keys (layout, slug, permalink, weight) are ignored quietly"
like "$(cat "$TMP/err")" "not articles, left out: CHANGELOG.md, LICENSE.txt, README.md, SOURCES.md" \
	"README, LICENSE, CHANGELOG and SOURCES are named and left out"
like "$(cat "$TMP/err")" "notes.md: warning: not an article: it has no title" "an untitled file is named and left out"
like "$(cat "$TMP/err")" "titled 'blog' after its folder" "the title comes from the folder, said in a notice"
$MKBOOK --title 'My Reading' --dump-model "$TMP/blog" >"$TMP/blog2.json" 2>"$TMP/err"
ok "--title names the book" python3 -c '
import json, sys
assert json.load(open(sys.argv[1]))["book"]["title"] == "My Reading"' "$TMP/blog2.json"
is "$(grep -c 'after its folder' "$TMP/err")" 0 "and no notice then"

# A front matter datetime is shown in words, as a plain date is
$MKBOOK -q --epub -o "$TMP/blog.epub" "$TMP/blog/2015-11-11-welcome-to-jekyll.markdown" &&
	unzip -p "$TMP/blog.epub" '*.xhtml' >"$TMP/blog.xhtml"
like "$(cat "$TMP/blog.xhtml")" "11 November 2015" "a front matter datetime is shown in words"

# YAML errors say the usual fix after the parser's words
yamlerr() {	# yamlerr NAME FRONT-MATTER HINT
	printf -- '---\n%s\n---\nBody.\n' "$2" >"$TMP/$1.md"
	$MKBOOK --dump-model "$TMP/$1.md" >/dev/null 2>"$TMP/err"
	is "$?" 1 "$1: bad YAML exits 1"
	like "$(head -1 "$TMP/err")" "$1.md:[0-9]+: YAML: " "$1: the parser's words with FILE:LINE"
	like "$(sed -n 2p "$TMP/err")" "hint: .*$3" "$1: and the usual fix on the next line"
}
yamlerr colon 'title: Brexit: the deal' "must be quoted"
yamlerr tab "$(printf 'title: T\ntags:\n\t- a')" "tabs"
yamlerr quote 'title: "Unclosed' "quote is not closed"
printf '+++\ntitle = "T"\n+++\nBody.\n' >"$TMP/toml.md"
$MKBOOK --dump-model "$TMP/toml.md" >/dev/null 2>"$TMP/err"
is "$?" 1 "TOML front matter is refused"
like "$(cat "$TMP/err")" "toml.md:1: TOML front matter .* write it as YAML" "saying how to write it"

done_testing
