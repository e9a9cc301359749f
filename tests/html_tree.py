"""A minimal HTML tree for tests that compare text character for character.

BeautifulSoup folds a string made only of white space into one space; this tree
keeps every character the HTML holds, character references decoded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "base"})


@dataclass
class Element:
    name: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list["Element | str"] = field(default_factory=list)

    def __getitem__(self, key: str) -> str:
        return self.attrs[key]

    def get_text(self) -> str:
        return "".join(c if isinstance(c, str) else c.get_text() for c in self.children)

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find(self, name: str | None = None, id: str | None = None, class_: str | None = None):
        for element in self.iter():
            if element is self:
                continue
            if name and element.name != name:
                continue
            if id is not None and element.attrs.get("id") != id:
                continue
            if class_ is not None and class_ not in element.attrs.get("class", "").split():
                continue
            return element
        return None

    def find_all(self, name: str) -> list["Element"]:
        return [e for e in self.iter() if e is not self and e.name == name]

    def remove(self, target: "Element") -> None:
        """Take ``target`` out of the tree below this element."""
        for element in self.iter():
            if target in element.children:
                element.children.remove(target)
                return


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.root = Element("#root")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Element(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].name == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)

    def handle_entityref(self, name):
        self.handle_data(unescape(f"&{name};"))

    def handle_charref(self, name):
        # As a browser reads it: a control character's reference gives that character
        # (Python's unescape drops those), the C1 range goes through HTML's table.
        number = int(name[1:], 16) if name[:1] in "xX" else int(name)
        self.handle_data(chr(number) if 0 < number < 0x80 else unescape(f"&#{name};"))


def parse_html(html: str) -> Element:
    """Return the tree of ``html``."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root
