"""Every page's footer links to the pages a Danish public site must have."""

import pytest

from tests.catalogue.pagetext import links

pytestmark = pytest.mark.django_db

FOOTER = {
    "Åbne data": "/aabne-data/",
    "Tilgængelighedserklæring": "/tilgaengelighedserklaering/",
    "Privatlivspolitik": "/privatlivspolitik/",
}


def footer_links(response) -> dict[str, str]:
    html = response.content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    found = links(type("R", (), {"content": footer.encode()})())
    return {label: found.get(label) for label in FOOTER}


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/indsatser/",
        "/soeg/?q=mentor",
        "/om/",
        "/kontakter/",
        "/tilgaengelighedserklaering/",
        "/privatlivspolitik/",
        "/aabne-data/",
        "/side-der-ikke-findes/",
    ],
)
def test_the_footer_links_the_statement_the_policy_and_open_data(client, url):
    response = client.get(url)
    assert footer_links(response) == FOOTER, url
