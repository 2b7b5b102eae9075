"""Questions about a DOM that a browser dumped (`headless_chromium.load`), answered with the
standard library's HTML parser: attributes of an element by id, and counts of elements by class
under a given element — enough to check what a page drew without a browser driver."""
from __future__ import annotations

from html.parser import HTMLParser

#: HTML elements that have no end tag.
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Element:
    """One element: tag, attributes, children."""

    def __init__(self, tag: str, attrs: dict[str, str], parent: Element | None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Element] = []
        self.parts: list[str] = []

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        """The text inside the element, then its descendants' (enough for labels and notes)."""
        return "".join(self.parts) + "".join(child.text() for child in self.children)

    def descendants(self):
        for child in self.children:
            yield child
            yield from child.descendants()

    def find_all(self, *, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Element]:
        """Descendants with tag ``tag`` and class ``cls`` (each if given) and the given attribute
        values (``data_figure`` stands for ``data-figure``)."""
        wanted = {name.replace("_", "-"): value for name, value in attrs.items()}
        return [e for e in self.descendants()
                if (tag is None or e.tag == tag) and (cls is None or cls in e.classes)
                and all(e.attrs.get(k) == v for k, v in wanted.items())]


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Element(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_data(self, data: str) -> None:
        self.current.parts.append(data)

    def handle_endtag(self, tag: str) -> None:
        node: Element | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent


def parse(dom: str) -> Element:
    """The document tree of ``dom``."""
    builder = _Builder()
    builder.feed(dom)
    builder.close()
    return builder.root


def by_id(root: Element, identifier: str) -> Element:
    """The element with ``id`` ``identifier``; ``KeyError`` when there is none."""
    for element in root.descendants():
        if element.attrs.get("id") == identifier:
            return element
    raise KeyError(f"no element with id {identifier!r}")
