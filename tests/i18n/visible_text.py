"""Find English interface strings left in a rendered page: pure functions over HTML and msgids.

A visible text node or attribute is "English left untranslated" when it equals a gettext msgid
that has no entry in the catalog the app uses for the page's locale. Comparing against msgids
(and not against "any Latin text") keeps data out: a dataset title or a format name is not a
msgid, so it is never reported.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from babel.messages.pofile import read_po
from bs4 import BeautifulSoup, Comment, Doctype, NavigableString

# Attributes a person reads or hears (screen readers); data-* attributes are for scripts.
VISIBLE_ATTRIBUTES = ("placeholder", "title", "aria-label", "alt")
BUTTON_INPUT_TYPES = {"submit", "button", "reset"}
INVISIBLE_TAGS = {"script", "style", "template"}
PLACEHOLDER = re.compile(r"%\([^)]*\)[sdif]|%[sdif]|\{[a-z_]*\}")
TAG = re.compile(r"<[^>]+>")
WORD = re.compile(r"[A-Za-z]{2,}")


def normalise(text: str) -> str:
    return " ".join(text.split())


def read_msgids(po_or_pot_path: str) -> set[str]:
    """Every msgid of a catalog (singular and plural forms), whitespace-normalised."""
    with open(po_or_pot_path, "rb") as f:
        catalog = read_po(f)
    ids: set[str] = set()
    for message in catalog:
        if not message.id:
            continue
        forms = message.id if isinstance(message.id, (tuple, list)) else (message.id,)
        ids.update(normalise(form) for form in forms)
    return ids


@dataclass
class Matcher:
    """Recognises the visible form of a set of msgids: exact ones, and patterns for those
    with placeholders or markup (their rendered text has values in place of %(x)s)."""

    exact: dict[str, str]  # visible text -> the msgid it comes from
    patterns: tuple[tuple[str, re.Pattern], ...]

    @classmethod
    def for_msgids(cls, msgids: set[str]) -> "Matcher":
        exact, patterns = {}, []
        for msgid in msgids:
            if not WORD.search(PLACEHOLDER.sub("", TAG.sub("", msgid))):
                continue  # no English word in it ("%(a)s - %(b)s", "»"): nothing to see
            if PLACEHOLDER.search(msgid) or TAG.search(msgid):
                patterns.append((msgid, _pattern(msgid)))
            else:
                exact[msgid] = msgid
            if TAG.search(msgid):
                # Markup splits the rendered text into several nodes: each run of two or
                # more English words between tags is recognisable on its own.
                for segment in TAG.split(msgid):
                    segment = normalise(segment)
                    if len(WORD.findall(PLACEHOLDER.sub("", segment))) >= 2:
                        if PLACEHOLDER.search(segment):
                            patterns.append((msgid, _pattern(segment)))
                        else:
                            exact.setdefault(segment, msgid)
        return cls(exact, tuple(patterns))

    def match(self, text: str) -> str | None:
        """The msgid this visible text shows untranslated, or None."""
        text = normalise(text)
        if not text or not WORD.search(text):
            return None
        for candidate in (text, text.rstrip(":.…* ").strip()):
            if candidate in self.exact:
                return self.exact[candidate]
        for msgid, pattern in self.patterns:
            if pattern.fullmatch(text):
                return msgid
        return None


def _pattern(msgid: str) -> re.Pattern:
    """Placeholders become "some text"; markup and spacing become "any spacing"."""
    parts = []
    for piece in re.split(r"(%\([^)]*\)[sdif]|%[sdif]|\{[a-z_]*\}|<[^>]+>|\s+)", msgid):
        if not piece:
            continue
        if PLACEHOLDER.fullmatch(piece):
            parts.append(r".+?")
        elif TAG.fullmatch(piece) or piece.isspace():
            parts.append(r"\s*")
        else:
            parts.append(re.escape(piece))
    return re.compile("".join(parts) + r"[:.]?", re.S)


def visible_strings(html: str) -> list[tuple[str, str]]:
    """(where, text) for every text node, visible attribute and button label of a page.

    Text nodes are also taken line by line (two translated strings often share one node),
    and elements holding inline markup are taken whole, for msgids that contain markup.
    """
    soup = BeautifulSoup(html, "html.parser")
    found: list[tuple[str, str]] = []
    for node in soup.find_all(string=True):
        if isinstance(node, (Comment, Doctype)) or not isinstance(node, NavigableString):
            continue
        if any(parent.name in INVISIBLE_TAGS for parent in node.parents):
            continue
        where = f"<{node.parent.name}> text"
        found.append((where, str(node)))
        lines = [line for line in str(node).splitlines() if line.strip()]
        if len(lines) > 1:
            found.extend((where, line) for line in lines)
    for element in soup.find_all(True):
        if element.name in INVISIBLE_TAGS:
            continue
        for attribute in VISIBLE_ATTRIBUTES:
            value = element.get(attribute)
            if isinstance(value, str):
                found.append((f"<{element.name} {attribute}>", value))
        is_button = element.name == "button" or (
            element.name == "input" and element.get("type", "").lower() in BUTTON_INPUT_TYPES
        )
        if is_button and isinstance(element.get("value"), str) and element.name == "input":
            found.append(("<input value>", element["value"]))
        if _mixes_text_and_markup(element):
            found.append((f"<{element.name}> text with markup", element.get_text(" ")))
    return found


def _mixes_text_and_markup(element) -> bool:
    has_child = element.find(True, recursive=False) is not None
    has_text = any(s.strip() for s in element.find_all(string=True, recursive=False))
    return has_child and has_text and len(element.get_text()) < 400


def untranslated_on_page(html: str, matcher: Matcher) -> list[str]:
    """Sorted, de-duplicated "msgid (where)" lines for the page's English interface strings."""
    hits = {}
    for where, text in visible_strings(html):
        msgid = matcher.match(text)
        if msgid is not None:
            hits.setdefault(msgid, where)
    return [f"{msgid!r} ({where})" for msgid, where in sorted(hits.items())]
