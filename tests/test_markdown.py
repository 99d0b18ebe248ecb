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


def test_an_opening_heading_is_the_title_unless_front_matter_names_one() -> None:
    assert plain_text("# Gunfire at the border\n\nSoldiers fired.\n").startswith(
        "title: Gunfire at the border\n\n")
    # front matter names the title: the heading stays as the body's first line
    assert "\nDam breach floods three villages\n" in plain_text(ARTICLE)
    assert plain_text("Intro.\n\n## Later heading ##\n") == "Intro.\n\nLater heading\n"
    assert plain_text("Title\n=====\n\nBody.").startswith("title: Title\n\n")


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
    # Each form, 800 KB on one line; a pattern that backtracks took minutes on such input.
    for bad in ("**a", "`", "_a", "[a](", "<!--", "~~a", "\\*", "*a "):
        t = time.perf_counter()
        plain_text(bad * (800_000 // len(bad)))
        assert time.perf_counter() - t < 20, bad
