"""On a phone (360 px) a long e-mail address wraps after "@" or before a dot, never mid-word."""

import pytest

from tests.factories import make_contact, make_organisation

LINE_BREAKS = """(link) => {
  const text = link.textContent;
  const node = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
  const tops = [];
  while (node.nextNode()) {
    const current = node.currentNode;
    for (let i = 0; i < current.length; i++) {
      const range = document.createRange();
      range.setStart(current, i);
      range.setEnd(current, i + 1);
      tops.push(Math.round(range.getBoundingClientRect().top));
    }
  }
  const breaks = [];
  for (let i = 1; i < tops.length; i++) if (tops[i] > tops[i - 1]) breaks.push(i);
  return {text, breaks};
}"""


@pytest.fixture
def long_address(transactional_db):
    make_contact(
        slug="albertslund-den-kriminalpraeventive-enhed",
        organisation=make_organisation(slug="albertslund", short_name="Albertslund"),
        unit="Den Kriminalpræventive Enhed",
        emails=["kriminalpraeventive.enhed@albertslund.dk"],
    )


def test_a_long_email_address_wraps_only_at_sensible_points(phone_page, long_address):
    phone_page.goto("/kontakter/")
    link = phone_page.locator('a[href="mailto:kriminalpraeventive.enhed@albertslund.dk"]')

    found = link.evaluate(LINE_BREAKS)

    text, breaks = found["text"], found["breaks"]
    assert text == "kriminalpraeventive.enhed@albertslund.dk"
    assert breaks, "the address fits on one line: the test no longer tests the wrapping"
    for i in breaks:
        assert text[i - 1] == "@" or text[i] == ".", f"broken mid-word: {text[:i]} | {text[i:]}"
