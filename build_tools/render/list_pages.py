"""Long lists split over numbered pages, and the page links each of those pages carries.

A list that grows with the corpus (every committing sentence on a topic, every
paragraph on a topic or mentioning a glossary entry) is cut into pages of at
most a fixed number of rows, so no page grows with the whole site; a row may
count for more than one (a section counts its paragraphs). Its rows come in
groups (a document's rows), and a page holds whole groups, filled in order: a
change inside one group changes its own page only, unless the group no longer
fits there. A group longer than a page has pages of its own. Page 1 keeps the
list's own URL; page k is at ``<list URL><k>/``. The links between the pages
are a fixed window (first, last, and the pages around the current one), so
they do not grow with the list either.
"""

from __future__ import annotations

from typing import Callable, NamedTuple, Sequence, TypeVar

T = TypeVar("T")

AROUND = 2
"""Pages linked on each side of the current one, besides the first and the last."""


class ListPage(NamedTuple):
    """One page of a split list."""

    number: int
    """From 1."""
    count: int
    """How many pages the list has."""
    url: str
    rows: tuple
    links: tuple["PageLink", ...]
    """The links to the list's other pages (empty when the list fits on one page)."""

    def titled(self, name: str) -> str:
        """Return the title of this page of the list called ``name``: '(page k of m)'
        is added when the list has more than one page."""
        return name if self.count == 1 else f"{name} (page {self.number} of {self.count})"


class PageLink(NamedTuple):
    """A link of the page links: a page number, previous, next, or a gap ('…')."""

    label: str
    url: str
    """Site-root-relative; '' for the current page and for a gap."""
    rel: str = ""
    """'prev' or 'next' for those two links."""
    current: bool = False


def page_url(list_url: str, number: int) -> str:
    """Return the URL of page ``number`` of the list at ``list_url``."""
    return list_url if number == 1 else f"{list_url}{number}/"


def shown_numbers(current: int, count: int, around: int = AROUND) -> list[int | None]:
    """Return the page numbers to link from page ``current`` of ``count``, in order,
    with None where numbers are left out."""
    wanted = sorted({1, count, *range(max(1, current - around), min(count, current + around) + 1)})
    shown: list[int | None] = []
    for number in wanted:
        if shown and shown[-1] is not None and number > shown[-1] + 1:
            shown.append(None)
        shown.append(number)
    return shown


def page_links(list_url: str, current: int, count: int) -> tuple[PageLink, ...]:
    """Return the links page ``current`` of a ``count``-page list carries (none for one page)."""
    if count <= 1:
        return ()
    links: list[PageLink] = []
    if current > 1:
        links.append(PageLink("Previous", page_url(list_url, current - 1), rel="prev"))
    for number in shown_numbers(current, count):
        if number is None:
            links.append(PageLink("…", ""))
        else:
            links.append(PageLink(str(number), "" if number == current else page_url(list_url, number),
                                  current=number == current))
    if current < count:
        links.append(PageLink("Next", page_url(list_url, current + 1), rel="next"))
    return tuple(links)


def _one(row: object) -> int:
    return 1


def pack_groups(groups: Sequence[Sequence[T]], per_page: int,
                size: Callable[[T], int] = _one) -> list[tuple[T, ...]]:
    """Return the rows of ``groups`` as pages of at most ``per_page``: whole groups in
    order, a page closed when the next group does not fit, a group longer than a
    page cut into pages of its own. A row counts ``size(row)`` (1 unless given); a
    row larger than a page has a page to itself. Always at least one page."""
    if per_page < 1:
        raise ValueError(f"a list page holds at least one row, not {per_page}")
    pages: list[tuple[T, ...]] = []
    current: list[T] = []
    filled = 0
    for group in groups:
        weight = sum(map(size, group))
        if current and filled + weight > per_page:
            pages.append(tuple(current))
            current, filled = [], 0
        if weight > per_page:
            pages += _cut(group, per_page, size)
            continue
        current += group
        filled += weight
    if current or not pages:
        pages.append(tuple(current))
    return pages


def _cut(rows: Sequence[T], per_page: int, size: Callable[[T], int]) -> list[tuple[T, ...]]:
    """Return the rows of one group longer than a page as pages of its own, in order."""
    pages: list[tuple[T, ...]] = []
    current: list[T] = []
    filled = 0
    for row in rows:
        weight = size(row)
        if current and filled + weight > per_page:
            pages.append(tuple(current))
            current, filled = [], 0
        current.append(row)
        filled += weight
    if current:
        pages.append(tuple(current))
    return pages


def split_list(list_url: str, groups: Sequence[Sequence[T]], per_page: int,
               size: Callable[[T], int] = _one) -> tuple[ListPage, ...]:
    """Return the pages of the list at ``list_url`` whose rows come in ``groups``
    (see ``pack_groups``), each with its page links."""
    packed = pack_groups(groups, per_page, size)
    count = len(packed)
    return tuple(ListPage(number, count, page_url(list_url, number), rows,
                          page_links(list_url, number, count))
                 for number, rows in enumerate(packed, start=1))
