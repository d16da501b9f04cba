"""Markdown clean-up that keeps line numbers: comments, front matter, links, definition lists.

>>> t = "---\\ntitle: Ada Roe\\n---\\n<!-- hidden\\nstill hidden -->\\nSee [my site](https://x.org) <b>now</b>"
>>> body, meta = clean_markdown(t)
>>> meta["title"], body.splitlines()
('Ada Roe', ['', '', '', '', '', 'See my site <b>now</b>'])
"""
from __future__ import annotations

import re

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_LINK = re.compile(r"!?\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>")
_REFDEF = re.compile(r"(?m)^\s*\[[^\]]+\]:\s*\S+.*$")


def _blank_keep_lines(m: re.Match) -> str:
    return "\n" * m.group(0).count("\n")


def clean_markdown(text: str) -> tuple[str, dict]:
    """(text with the same number of lines, front-matter dict)."""
    meta: dict = {}
    lines = text.split("\n")
    if lines and lines[0].strip() in ("---", "+++"):
        fence = lines[0].strip()
        for i in range(1, min(len(lines), 400)):
            if lines[i].strip() in (fence, "..."):
                block = "\n".join(lines[1:i])
                try:
                    import yaml

                    data = yaml.safe_load(block) if fence == "---" else None
                    if isinstance(data, dict):
                        meta = data
                except Exception:  # front matter that is not YAML: ignore it, keep the lines blank
                    meta = {}
                lines[: i + 1] = [""] * (i + 1)
                break
    text = "\n".join(lines)
    text = _COMMENT.sub(_blank_keep_lines, text)
    text = _REFDEF.sub("", text)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _AUTOLINK.sub(lambda m: m.group(1).replace("mailto:", ""), text)
    text = re.sub(r"(?m)^(\s*)>\s?", r"\1", text)  # block quotes
    text = re.sub(r"\{[.#][^}]*\}", "", text)  # pandoc attributes {.smallcaps}
    return text, meta


def owner_from_meta(meta: dict):
    for k in ("name", "author", "title"):
        v = meta.get(k)
        if isinstance(v, dict):
            v = v.get("name")
        if isinstance(v, list) and v:
            v = v[0] if isinstance(v[0], str) else (v[0] or {}).get("name")
        if isinstance(v, str) and v.strip():
            from ..names import looks_like_name

            if looks_like_name(v):
                return v.strip()
    return None
