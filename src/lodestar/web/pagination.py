"""The one path of every list page: filter, sort and cut a sequence or a query set into pages.

`filter_sort_paginate` takes the items (a list, or a query set that is counted and sliced in the
database), an optional filter and sort for a list, and the request's query; it returns a `Page`
with the items of the page asked for, the total, the number of pages and the links of the pager
(`web/_pager.html`), which keep the other parameters of the query (filters, `as_of`). A page
beyond the last shows the last one and says so; a `?page=` that is no whole number from 1 to
LAST_PAGE is refused with a clear message (Invalid: a 400 page), never passed on to the database.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar, overload

from django.db.models import Model, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext

from lodestar.lib.errors import Invalid
from lodestar.lib.limits import LAST_PAGE, PAGE_SIZE

T = TypeVar("T")
M = TypeVar("M", bound=Model)
# Page links shown around the current page, besides the first and the last.
AROUND = 2


@dataclass(frozen=True, slots=True)
class PageLink:
    """One link of the pager: a page number and its address, or a gap (`number` None)."""

    number: int | None
    href: str = ""
    current: bool = False


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a list: its items, where it lies, and the pager's links."""

    items: list[T]
    number: int
    size: int
    total: int
    param: str = "page"
    asked: int | None = None  # the page asked for when it was beyond the last (the last is shown)
    query: dict[str, list[str]] = field(default_factory=dict)
    anchor: str = ""

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))

    @property
    def first_index(self) -> int:
        """The position of the page's first item, from 1 (0 on an empty list)."""
        return 0 if not self.items else (self.number - 1) * self.size + 1

    @property
    def last_index(self) -> int:
        return 0 if not self.items else self.first_index + len(self.items) - 1

    @property
    def paginated(self) -> bool:
        """Whether the list needs a pager (more than one page, or a page that was not there was asked for)."""
        return self.pages > 1 or self.asked is not None

    def href(self, number: int) -> str:
        """The address of another page of the same list, with the query's other parameters."""
        query = QueryDict(mutable=True)
        for key, values in self.query.items():
            if key != self.param:
                query.setlist(key, values)
        if number > 1:
            query[self.param] = str(number)
        text = query.urlencode()
        return (f"?{text}" if text else "?") + (f"#{self.anchor}" if self.anchor else "")

    @property
    def previous(self) -> str:
        return self.href(self.number - 1) if self.number > 1 else ""

    @property
    def next(self) -> str:
        return self.href(self.number + 1) if self.number < self.pages else ""

    @property
    def links(self) -> list[PageLink]:
        """The first and last page, those around the current one, and gaps between."""
        shown = {1, self.pages, *range(max(1, self.number - AROUND), min(self.pages, self.number + AROUND) + 1)}
        links: list[PageLink] = []
        previous = 0
        for number in sorted(shown):
            if number > previous + 1:
                links.append(PageLink(None))
            links.append(PageLink(number, self.href(number), number == self.number))
            previous = number
        return links


def holding(query: QueryDict, index: int | None, *, size: int = PAGE_SIZE, param: str = "page") -> QueryDict:
    """`query` turned to the page that holds the item at `index` of the (filtered, sorted) list.

    Unchanged when it asks for a page itself or when the item is not in the list (`index` None).
    """
    if index is None or param in query:
        return query
    turned = query.copy()
    turned[param] = str(index // size + 1)
    return turned


def page_number(raw: str, *, param: str = "page") -> int:
    """`?page=`: a whole number from 1 to LAST_PAGE (1 when absent); raises Invalid."""
    text = raw.strip() or "1"
    if not (text.isascii() and text.isdigit() and len(text) <= len(str(LAST_PAGE))) or not (
        1 <= int(text) <= LAST_PAGE
    ):
        limit = gettext("page must be a whole number from 1 to %(last)s") % {"last": LAST_PAGE}
        raise Invalid(f"{limit}, not {raw[:40]!r}", [(param, limit)])
    return int(text)


@overload
def filter_sort_paginate(
    items: QuerySet[M],
    query: QueryDict,
    *,
    where: None = None,
    order: None = None,
    size: int = PAGE_SIZE,
    param: str = "page",
    anchor: str = "",
) -> Page[M]: ...


@overload
def filter_sort_paginate(
    items: Sequence[T],
    query: QueryDict,
    *,
    where: Callable[[T], bool] | None = None,
    order: Callable[[T], Any] | None = None,
    size: int = PAGE_SIZE,
    param: str = "page",
    anchor: str = "",
) -> Page[T]: ...


def filter_sort_paginate(
    items: Sequence[Any] | QuerySet[Any],
    query: QueryDict,
    *,
    where: Callable[[Any], bool] | None = None,
    order: Callable[[Any], Any] | None = None,
    size: int = PAGE_SIZE,
    param: str = "page",
    anchor: str = "",
) -> Page[Any]:
    """One page of `items` as `query[param]` asks for it; `where` and `order` filter and sort a list.

    A query set is filtered and ordered by the caller and read in two queries (its count and
    its page). Raises Invalid for a `?page=` that is no whole number from 1 to LAST_PAGE.
    """
    asked = page_number(query.get(param, ""), param=param)
    if isinstance(items, QuerySet):
        total = items.count()
    else:
        listed = [item for item in items if where is None or where(item)]
        if order is not None:
            listed.sort(key=order)
        total = len(listed)
    pages = max(1, -(-total // size))
    number = min(asked, pages)
    start = (number - 1) * size
    shown: list[Any] = (
        list(items[start : start + size]) if isinstance(items, QuerySet) else listed[start : start + size]
    )
    return Page(
        items=shown,
        number=number,
        size=size,
        total=total,
        param=param,
        asked=asked if asked != number else None,
        query={key: query.getlist(key) for key in query},
        anchor=anchor,
    )
