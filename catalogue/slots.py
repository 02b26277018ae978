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

The catalogue's registries for other apps' parts of its pages, each for one job (kept apart
because each takes a different input and is rendered differently):

- ``catalogue.slots``: HTML fragments at fixed places of the entry lists and entry pages,
  rendered with the page's whole context (the plans app's "Vælg" boxes and buttons);
- ``catalogue.page_links``: plain links (label, URL built from the object alone) under "Ved du
  mere?" on entry and organisation pages (the feedback app's forms);
- ``catalogue.pagecards``: whole sections of an organisation's page, each with its own context
  function and queries (contact points, municipality profile), and the front page's sections;
- ``catalogue.links``: the one directory that entries and plans link to, filtered.
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
