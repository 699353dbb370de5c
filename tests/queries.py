"""One query-count check for every page that lists things: the page runs as many queries with
three items as with one. Not a ceiling: one query more per item (an N+1) fails, however small
the page."""

import re
from collections.abc import Callable

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(call: Callable[[], object]) -> int:
    """How many queries `call()` runs (for selectors that build a part of a page)."""
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured)


def page_queries(client, url: str) -> tuple[int, str, list[str]]:
    """(number of queries, page text, the queries) of one GET of `url`, which must answer 200."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    return len(captured), response.content.decode(), [q["sql"] for q in captured]


def assert_queries_constant(
    client, url: str | Callable[[], str], add_item: Callable[[int], str]
) -> None:
    """`add_item(i)` makes the i-th item (0, then 1 and 2) and returns a text the page shows for
    it. Counts the queries of `url` (a string, or a callable when the address depends on the
    items) with one item and with three, and asserts they are equal; the page with three must
    show all three texts, so a page that stopped listing its items fails too. The client must
    be logged in; a first GET warms what is cached per process (content types, the session)."""
    url_of = url if callable(url) else lambda: url
    shown = [add_item(0)]
    client.get(url_of())
    one, _html, one_sql = page_queries(client, url_of())
    shown += [add_item(1), add_item(2)]
    three, html, three_sql = page_queries(client, url_of())
    missing = [text for text in shown if text not in html]
    assert not missing, f"{url_of()}: the page does not show {missing}"
    assert three == one, (
        f"{url_of()}: {one} queries with 1 item, {three} with 3 (a query per item?)\n"
        + "\n".join(_extra(one_sql, three_sql))
    )


def _extra(one: list[str], three: list[str]) -> list[str]:
    """The kinds of query the 3-item page ran more often than the 1-item page (values such as
    ids and timestamps aside), for the failure message."""
    left = [_shape(sql) for sql in one]
    extra = []
    for sql in three:
        if _shape(sql) in left:
            left.remove(_shape(sql))
        else:
            extra.append(sql[:300])
    return extra[:6]


def _shape(sql: str) -> str:
    return re.sub(r"'[^']*'|\b\d+\b", "?", sql)
