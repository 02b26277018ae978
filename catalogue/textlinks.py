"""Post-processing of rendered Markdown: a tiny registry other apps plug into.

The ``markdown`` template filter (``templatetags/catalogue_tags.py``) renders an editor's text
and cleans it with nh3. Each registered processor then receives that clean HTML and returns
HTML (the glossary adds links to its terms); the result is cleaned by nh3 again, so a processor
can never let anything unsafe through. Register from ``AppConfig.ready()``::

    from catalogue.textlinks import register
    register(add_term_links)

A processor must be cheap on repeated calls within one request (cache what it reads).
"""

from collections.abc import Callable

HtmlProcessor = Callable[[str], str]

_processors: list[HtmlProcessor] = []


def register(processor: HtmlProcessor) -> None:
    if processor not in _processors:
        _processors.append(processor)


def process(html: str) -> str:
    """``html`` after every registered processor, in registration order."""
    for processor in _processors:
        html = processor(html)
    return html


def has_processors() -> bool:
    return bool(_processors)
