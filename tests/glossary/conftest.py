import pytest
from django.core.management import call_command

from glossary import linking


@pytest.fixture(autouse=True)
def _fresh_term_links():
    """Term links remember the page's terms per request; a test starts with none."""
    linking.reset()
    yield
    linking.reset()


@pytest.fixture
def loaded(db):
    call_command("load_catalogue", verbosity=0)
