"""Markdown articles are read as the text a reader sees: no syntax in claims, front matter read."""

from __future__ import annotations

import time

from divergence.ingest.io import load
from divergence.ingest.markdown import plain_text
from divergence.ingest.split import split

ARTICLE = """---
title: "Dam breach"
outlet: Daily Post
date: 2024-06-01
tags: [flood, dam]
---
# Dam breach floods three villages

**KYIV** — The dam was breached at *3 am* on Tuesday, officials said, and \
[the ministry](https://example.org/min_(x)) put the toll at 12.

- Rescue teams evacuated 1,200 people.
2. ~~Three~~ Two bridges were destroyed.

> "We have never seen water like this," the mayor said.

| Village | Homes lost |
|---|---|
| Bila | 40 |

```
print("not prose")
```

![a photo](https://example.org/p.jpg)
[1]: https://example.org/ref
"""


def test_front_matter_becomes_the_header() -> None:
    text = plain_text(ARTICLE)
    assert text.startswith("title: Dam breach\nsource: Daily Post\ndate: 2024-06-01\n\n")
    assert "tags" not in text  # a key the header does not read is left out


def test_markup_goes_and_the_words_stay() -> None:
    text = plain_text(ARTICLE)
    assert "KYIV — The dam was breached at 3 am on Tuesday, officials said, and the ministry put " \
           "the toll at 12." in text
    assert "\nRescue teams evacuated 1,200 people.\n" in text
    assert "\n Two bridges were destroyed." in text  # struck-out words are not the article's
    assert '\n"We have never seen water like this," the mayor said.' in text
    for gone in ("**", "](", "|", "```", "print(", "photo", "example.org/ref", "# ", "> ", "~~"):
        assert gone not in text, gone


def test_an_opening_heading_is_the_title_and_never_a_claim() -> None:
    assert plain_text("# Gunfire at the border\n\nSoldiers fired.\n").startswith(
        "title: Gunfire at the border\n\n")
    # front matter names the title: it stands, and the headline is still no claim
    assert "Dam breach floods" not in plain_text(ARTICLE)
    assert plain_text("Intro.\n\n## Later heading ##\n") == "Intro.\n\nLater heading\n"
    assert plain_text("Title\n=====\n\nBody.").startswith("title: Title\n\n")


def test_toml_front_matter_footnotes_and_inline_html() -> None:
    got = plain_text('+++\ntitle = "Ferry sinks"\noutlet = "MD Post"\n+++\n\nThe ferry sank[^1] '
                     'on <b>Sunday</b>, <span class="x">officials</span> said.\n\n[^1]: A note.\n')
    assert got.startswith("title: Ferry sinks\nsource: MD Post\n\n")
    assert "The ferry sank on Sunday, officials said." in got and "note" not in got
    assert plain_text("a < b and c > d, x<y") == "a < b and c > d, x<y"  # no tags there


def test_escapes_code_and_words_with_underscores() -> None:
    got = plain_text(r"See `code`, <https://x.org/a>, \*not emphasis\*, snake_case_name, __bold__.")
    assert got == "See code, https://x.org/a, *not emphasis*, snake_case_name, bold."
    assert plain_text("a <!-- hidden --> b") == "a  b"
    assert plain_text("Intro.\n\nSection\n-------\nText.") == "Intro.\n\nSection\nText."


def test_a_markdown_file_gives_claims_without_syntax(tmp_path) -> None:
    p = tmp_path / "dam.md"
    p.write_text(ARTICLE, encoding="utf-8")
    [article], skipped = load([str(p)])
    assert not skipped
    assert (article.source, article.date, article.title) == ("Daily Post", "2024-06-01",
                                                             "Dam breach")
    texts = [c.text for c in split(article)]
    assert "Rescue teams evacuated 1,200 people." in texts
    assert not any(mark in t for t in texts for mark in ("**", "[", "](", "- ", "> ", "~~"))
    for c in split(article):  # offsets index the text the report keeps
        assert article.text[c.start:c.end] == c.text


def test_a_txt_file_is_read_as_written(tmp_path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("Officials said **12** died on Tuesday in the flood.\n", encoding="utf-8")
    [article], _ = load([str(p)])
    assert "**12**" in article.text


def test_hostile_markup_is_read_in_linear_time() -> None:
    # Each form, 800 KB on one line (about 1 s at most here); a pattern that backtracks took
    # minutes on such input.
    for bad in ("**a", "`", "_a", "[a](", "<!--", "~~a", "\\*", "*a ", "[", "![", "[^a", "<a ",
                "<br>"):
        t = time.perf_counter()
        plain_text(bad * (800_000 // len(bad)))
        assert time.perf_counter() - t < 20, bad


def test_markdown_on_stdin_is_read_as_markdown() -> None:
    """Old code read stdin as plain text: front matter and markup became claims."""
    import io

    md = b"---\ntitle: T\nsource: MD Post\n---\n\n# Ferry sinks\n\n- Rescuers pulled 45 people out."
    [article], _ = load(["-"], stdin=io.BytesIO(md))
    assert article.source == "MD Post"
    assert [c.text for c in split(article)] == ["Rescuers pulled 45 people out."]
    [plain], _ = load(["-"], stdin=io.BytesIO(b"Officials said 12 people died, **again**.\n"))
    assert "**again**" in plain.text  # no sign of Markdown: read as written


def test_review_cases_of_the_markdown_reader() -> None:
    """Cases a review found read wrong (each failed before its fix)."""
    # a rule opening the article is no front matter: the text up to the next rule stays
    got = plain_text("---\n\nA ferry sank on Monday. Twelve died.\n\n---\n\nRescuers came.\n")
    assert "Twelve died." in got and "Rescuers came." in got
    # a break tag ends a sentence; a linked image leaves no empty link
    got = plain_text("The coast guard said so.<br>Twelve died.\n\n[![p](https://x/p.jpg)](https://x/s)"
                     " The port closed.\n")
    assert "said so. Twelve died." in got and "[]" not in got and "The port closed." in got
    # "```code``` was run" opens no code block; a four-backtick block ends at four backticks
    assert plain_text("```rm -rf /``` was run, officials said.\n\nTwelve servers were wiped.\n") \
        == "rm -rf / was run, officials said.\n\nTwelve servers were wiped.\n"
    assert plain_text("````\ncode\n```\nstill code\n````\nProse after.\n") == "Prose after.\n"
    # a comment above the opening heading; a folded YAML title
    assert plain_text("<!-- CMS -->\n# Ferry sinks\n\nA ferry sank.").startswith(
        "title: Ferry sinks\n")
    assert plain_text("---\ntitle: >-\n  Ferry sinks off Crete,\n  twelve dead\nsource: Post\n---\n"
                      "\nA ferry sank.").startswith("title: Ferry sinks off Crete, twelve dead\n")


def test_a_markdown_file_keeps_the_id_it_had_as_text(tmp_path) -> None:
    """A corpus that stored a .md article before it was converted knows it again: the id
    hashes the file as written."""
    from divergence.ingest.io import article_id

    p = tmp_path / "dam.md"
    p.write_text(ARTICLE, encoding="utf-8")
    [article], _ = load([str(p)])
    assert article.id == article_id(ARTICLE)
