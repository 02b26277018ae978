"""The shared pager: a long list links the ends and the pages around the current one."""

import re

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory


def render_pager(page_number: int, items: int = 1000) -> str:
    page = Paginator(range(items), 20).get_page(page_number)
    request = RequestFactory().get("/indsatser/", {"tema": "familie", "side": page_number})
    return render_to_string("includes/pager.html", {"page_obj": page}, request=request)


def test_a_long_list_links_the_ends_and_the_neighbours_not_every_page():
    html = render_pager(25)

    linked = {int(number) for number in re.findall(r"[?&;]side=(\d+)", html)}
    assert linked == {1, 23, 24, 26, 27, 50}
    assert html.count("…") == 2
    assert 'aria-current="page"' in html


def test_page_links_keep_the_filters():
    assert "tema=familie&amp;side=2" in render_pager(1)


def test_a_single_page_has_no_pager():
    assert render_pager(1, items=5).strip() == ""
