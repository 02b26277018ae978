"""Template slots: places on the catalogue's pages where other apps add their own HTML.

The catalogue's templates mark a few places with ``{% slot "name" %}`` (from
``catalogue_tags``); an app fills a place by registering a template for it from its
``AppConfig.ready()``, so the catalogue never names the app, its URLs or its models::

    from catalogue.slots import register

    register("entry-actions", "plans/slots/entry_actions.html")

A slot renders every template registered for it, in registration order, with the page's whole
context (``entry``, ``request``, ``noun`` ...). With nothing registered a slot renders nothing.

The places (see the templates for the context each one has):

- ``list-filters``: inside the filter form of the Indsatser/Metoder lists (hidden inputs that a
  filter submit should keep);
- ``list-entry``: inside each entry card of a list or search result (``entry``, ``kind``:
  ``"indsats"`` or ``"metode"``);
- ``list-actions``: after a list's or the search page's results;
- ``entry-actions``: near the top of an initiative's or a method's page (``entry``, ``kind``).

How this registry differs from the catalogue's others (``slots``, ``page_links``,
``pagecards``, ``links``): README, "Code layout".
"""

from django.template.loader import get_template

PLACES = {"list-filters", "list-entry", "list-actions", "entry-actions"}

_templates: dict[str, list[str]] = {}


def register(place: str, template_name: str) -> None:
    """Render ``template_name`` at ``place``; registering the same template twice adds it once."""
    if place not in PLACES:
        raise ValueError(f"unknown slot {place!r}; the catalogue offers {sorted(PLACES)}")
    names = _templates.setdefault(place, [])
    if template_name not in names:
        names.append(template_name)


def templates_for(place: str) -> list:
    return [get_template(name) for name in _templates.get(place, [])]
