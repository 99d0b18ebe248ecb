"""Markdown articles as the plain text divergence reads: the words a reader sees, no syntax.

Read as plain text, a ``.md`` article's claims kept its markup ("**KYIV** — ...", "[the
ministry](https://...)", "- Two bridges ...") and its front matter was read as body text.
Converted here: YAML front matter becomes header lines (``outlet: ...``), a heading that opens
the body becomes the title, emphasis, links, code spans, list and quote markers go; struck-out
text, images, tables, code blocks, rules, HTML comments and link definitions are dropped.
Offsets of claims index this text, which the report keeps as the article's text (as it keeps
the text extracted from an HTML page).

Every pattern is bounded to one line and a fixed span length, so the conversion is linear in the
input's size whatever it holds.
"""

from __future__ import annotations

import re

from .headers import header_key

MARKDOWN_EXT = {".md", ".markdown", ".mdown", ".mkd"}

# YAML front matter (key: value between --- lines) or TOML (key = "value" between +++ lines)
# (its first line a key: a rule opening an article, "---" then prose, is no front matter)
_FRONT = re.compile(r"\A\ufeff?(?:---[ \t]*\n(?P<yaml>[A-Za-z_][\w -]{0,40}:.{0,8000}?)\n"
                    r"(?:---|\.\.\.)|\+\+\+[ \t]*\n(?P<toml>[A-Za-z_][\w -]{0,40}=.{0,8000}?)\n"
                    r"\+\+\+)[ \t]*(?:\n|\Z)", re.S)
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"[ \t]{0,3}#{1,6}(?=[ \t]|$)")
_SETEXT = re.compile(r"^[ \t]{0,3}(?:=+|-+)[ \t]*$")
_RULE = re.compile(r"^[ \t]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_LINK_DEF = re.compile(r"^[ \t]{0,3}\[[^\]\n]{1,200}\]:")  # a link's address, a footnote
_QUOTE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+")
_ITEM = re.compile(r"^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?")
# Inline forms, each span at most 300 characters of one line.
_URL = r"\((?:[^()\n]|\([^()\n]{0,100}\)){0,500}\)"  # one level of brackets inside
_LINK = re.compile(rf"\[([^\]\n]{{1,300}})\](?:{_URL}|\[[^\]\n]{{0,100}}\])")
_IMAGE = re.compile(rf"!\[[^\]\n]{{0,300}}\]{_URL}")
_EMPTY_LINK = re.compile(rf"\[\s*\]{_URL}")  # what a linked image leaves: [](href)
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]{1,500})>")
_FOOTNOTE = re.compile(r"\[\^[^\]\s]{1,50}\]")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>\n]{0,300})?/?>")  # inline HTML
# tags that end a line of text ("said.<br>Twelve" is two sentences)
_BREAK_TAG = re.compile(r"</?(?:br|p|div|li|h[1-6]|tr|td|blockquote|section|article)\b"
                        r"[^<>\n]{0,300}>", re.I)
_CODE = re.compile(r"(`{1,3})([^`\n]{1,300}?)\1")
_STRUCK = re.compile(r"~~(?=\S)[^\n]{0,300}?(?<=\S)~~")
_STRONG = re.compile(r"(\*\*|__)(?=\S)([^\n]{1,300}?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])([^\n*]{1,300}?)(?<=[^\s*])\*(?![\w*])")
_EM_UNDER = re.compile(r"(?<![\w_])_(?=[^\s_])([^\n_]{1,300}?)(?<=[^\s_])_(?![\w_])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!~|>])")
_BLOCK_SCALAR = {"|", "|-", "|+", ">", ">-", ">+"}
_HIDDEN = 0xE000  # an escaped character waits in the private-use area while markup is read


def plain_text(md: str) -> str:
    """``md`` as plain text: header lines from its front matter, then its body, line for line."""
    meta, body = _front_matter(md.replace("\r\n", "\n").replace("\r", "\n"))
    lines = _without_comments(body).split("\n")
    out: list[str] = []
    fence: str | None = None
    underline = False
    for n, line in enumerate(lines):
        if fence is not None:  # inside a code block: nothing of it is prose
            closing = line.strip()
            if closing.startswith(fence) and not closing.strip(fence[0]):
                fence = None
            continue
        if underline:  # a setext heading's underline
            underline = False
            continue
        m = _FENCE.match(line)
        if m and not (m.group(1)[0] == "`" and "`" in line[m.end():]):  # not "```code``` ..."
            fence = m.group(1)
            continue
        table = line.strip().startswith("|") and line.strip().endswith("|")
        if _RULE.match(line) or table or _LINK_DEF.match(line):
            out.append("")  # a rule, a table row, a link's address: no words of the article
            continue
        h = _HEADING.match(line)
        heading = _closed(line[h.end():].strip()) if h else None
        nxt = lines[n + 1] if n + 1 < len(lines) else ""
        if heading is None and line.strip() and _SETEXT.match(nxt) and not _ITEM.match(line):
            heading, underline = line.strip(), True
        if heading is not None:
            if not any(o.strip() for o in out):  # the heading that opens the body: the title
                meta.setdefault("title", _inline(heading))  # (front matter may name it)
            else:
                out.append(_inline(heading))
            continue
        line = _QUOTE.sub("", line)
        line = _ITEM.sub(r"\1", line)
        out.append(_inline(line))
    head = "".join(f"{k}: {v}\n" for k, v in meta.items())
    return (head and head + "\n") + "\n".join(out)


def _front_matter(md: str) -> tuple[dict[str, str], str]:
    """The header fields of a leading front matter block (YAML ``title: ...`` or TOML
    ``title = "..."``) and the rest."""
    m = _FRONT.match(md)
    if not m:
        return {}, md
    meta: dict[str, str] = {}
    toml = m.group("toml") is not None
    lines = (m.group("toml") if toml else m.group("yaml")).split("\n")
    for n, line in enumerate(lines):
        key, sep, value = line.partition("=" if toml else ":")
        field = header_key(key) if sep and not key[:1].isspace() else None
        value = value.strip()
        if not toml and value in _BLOCK_SCALAR:  # "title: >-" then indented lines
            more = [x.strip() for x in lines[n + 1:n + 20]]
            value = " ".join(more[:next((k for k, x in enumerate(lines[n + 1:n + 20])
                                          if x[:1] not in (" ", "\t")), len(more))])
        value = value.strip("'\"").strip()
        if field and value and field not in meta and len(value) <= 300:
            meta[field] = value
    return meta, md[m.end():]


def _inline(line: str) -> str:
    """One line without inline Markdown: the words of links, emphasis and code kept."""
    line = line.rstrip()
    if line.endswith("\\") and not line.endswith("\\\\"):  # a hard line break
        line = line[:-1].rstrip()
    line = _ESCAPE.sub(lambda m: chr(_HIDDEN + ord(m.group(1))), line)
    if "![" in line:
        line = _EMPTY_LINK.sub("", _IMAGE.sub("", line))
    if "[^" in line:
        line = _FOOTNOTE.sub("", line)
    if "<" in line:
        line = _TAG.sub("", _BREAK_TAG.sub(" ", line))
    line = _STRUCK.sub("", line)
    if "](" in line or "][" in line:  # the scan for a link's text runs only where one may be
        line = _LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _CODE.sub(r"\2", line)
    line = _STRONG.sub(r"\2", line)
    line = _EM_STAR.sub(r"\1", line)
    line = _EM_UNDER.sub(r"\1", line)
    return line.translate(_SHOWN)


def _without_comments(text: str) -> str:
    """``text`` without its HTML comments (``<!-- ... -->``); an unclosed one stays."""
    parts, at = [], 0
    while (i := text.find("<!--", at)) >= 0 and (j := text.find("-->", i + 4)) >= 0:
        parts.append(text[at:i])
        at = j + 3
    return "".join(parts) + text[at:]


_SHOWN = {_HIDDEN + c: chr(c) for c in range(0x21, 0x7F)}


def _closed(heading: str) -> str:
    """An ATX heading without its closing hashes (``## Title ##``)."""
    bare = heading.rstrip("#")
    return bare.rstrip() if bare != heading and (not bare or bare[-1] in " \t") else heading


__all__ = ["MARKDOWN_EXT", "plain_text"]
