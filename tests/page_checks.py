"""What the browser crawl (tests/e2e/test_every_page.py) checks on a page, read from its HTML
without a browser: every form field has a label, and no word Django prints in English."""

import re
from html.parser import HTMLParser

UNLABELLED_TYPES = {"hidden", "submit", "button", "reset", "image"}


class _Fields(HTMLParser):
    def __init__(self):
        super().__init__()
        self.fields, self.labels_for, self.open_labels = [], set(), 0
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "style", "title"):
            self._skip += 1
        if tag == "label":
            self.open_labels += 1
            if a.get("for"):
                self.labels_for.add(a["for"])
        if tag in ("input", "select", "textarea") and a.get("type") not in UNLABELLED_TYPES:
            inside = self.open_labels > 0
            named = inside or a.get("aria-label") or a.get("aria-labelledby") or a.get("title")
            self.fields.append((a.get("name") or a.get("id") or tag, a.get("id"), bool(named)))

    def handle_endtag(self, tag):
        if tag == "label":
            self.open_labels -= 1
        if tag in ("script", "style", "title"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def unlabelled_fields(html: str) -> list[str]:
    parser = _Fields()
    parser.feed(html)
    return [
        name
        for name, field_id, named in parser.fields
        if not named and not (field_id and field_id in parser.labels_for)
    ]


def english_words(html: str) -> list[str]:
    from tests.e2e.test_every_page import ENGLISH

    parser = _Fields()
    parser.feed(html)
    text = " ".join(parser.text)
    return [w for w in ENGLISH if re.search(rf"(^|[^\w]){re.escape(w)}($|[^\w])", text)]
