"""What the hostile-request test fires, and where: every public route, from the URL resolver.

Routes are enumerated from the resolver, so a new page is covered without touching this file.
Slug parameters are filled with a real slug (found through the models' ``get_absolute_url``, or
by trying each model's slugs) and with invalid ones.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import django_filters
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

# Namespaces that are not public pages (the admin needs a login and has its own protections).
PRIVATE_NAMESPACES = {"admin"}
DATA_APPS = ("catalogue", "contacts", "glossary")
PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


@dataclass(frozen=True)
class Route:
    name: str  # "catalogue:initiative", or the route itself when unnamed
    route: str  # "indsatser/<slug:slug>/"

    @property
    def has_parameters(self) -> bool:
        return bool(PARAMETER.search(self.route))

    def path(self, value: str) -> str:
        return "/" + PARAMETER.sub(value, self.route)


def public_routes() -> list[Route]:
    routes: list[Route] = []

    def walk(patterns, prefix: str, namespace: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = pattern.namespace or namespace
                if ns in PRIVATE_NAMESPACES:
                    continue
                walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
            elif isinstance(pattern, URLPattern):
                if not isinstance(pattern.pattern, RoutePattern):
                    raise AssertionError(f"regex route {pattern.pattern}: teach hostile.py")
                route = prefix + str(pattern.pattern)
                name = f"{namespace}:{pattern.name}" if namespace else (pattern.name or route)
                routes.append(Route(name, route))

    walk(get_resolver().url_patterns, "", "")
    return routes


def filter_parameters() -> list[str]:
    """Every query parameter a page reads: the FilterSets' fields plus the hand-read ones."""
    names = {"q", "side", "limit", "niveau", "tema", "vis", "format", "sort", "region"}
    names |= {"valgt", "titel", "visning"}  # plans: compare, handleplan, spørgekort
    # contacts: the search fields of the directory's long choice lists (contacts/choices.py)
    names |= {"soeg_organisation", "soeg_tema", "soeg_indsats", "soeg_metode"}
    pending = list(django_filters.FilterSet.__subclasses__())
    while pending:
        filterset = pending.pop()
        pending += filterset.__subclasses__()
        names |= set(filterset.base_filters)
    return sorted(names)


# -- the payloads (already percent-encoded where they must be)

HUGE = "x" * 10_000
GARBAGE = [
    HUGE,
    "%F0%9F%92%A5%F0%9F%A7%A8",  # emoji
    "%E2%80%AE%D7%A9%D7%9C%D7%95%D7%9D",  # right-to-left override + Hebrew
    "%D9%85%D8%B1%D8%AD%D8%A8%D8%A7",  # Arabic
    "a%00b",  # NUL byte
    "%ED%A0%80",  # a lone surrogate, UTF-8-encoded (invalid UTF-8)
    "%FF%FE",  # not UTF-8 at all
    "%27%20OR%201%3D1%20--",  # ' OR 1=1 --
    "1%3B%20DROP%20TABLE%20catalogue_initiative%3B%20--",  # 1; DROP TABLE ...
    "%22%20OR%20%22%22%3D%22",  # " OR ""="
    "%25%27%20--%20%5C",  # %' -- \
    "%7B%7B%207%7Cadd%3A7%20%7D%7D",  # {{ 7|add:7 }}
    "%7B%25%20debug%20%25%7D",  # {% debug %}
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",  # <script>alert(1)</script>
    "-1",
    "0",
    "99999999999999999999",
    "1e9",
    "1.5",
    "",
]
# Raw strings that must never come back unescaped in a page.
REFLECTION_PROBES = ["<script>alert(1)</script>"]

PAGE_NUMBERS = ["-1", "0", "1.5", "abc", "99999999999999999999", "9" * 5000, "1&side=2", ""]

INVALID_SLUGS = [
    "findes-ikke",
    "a" * 2000,
    "-",
    "0",
    "%27%20OR%201%3D1%20--",
    "%F0%9F%92%A5",
    "a%00b",
    "%ED%A0%80",
    "..%2F..%2Fetc%2Fpasswd",
    "%7B%7B7%7D%7D",
]


def query_strings(parameters: list[str], sample: int) -> list[str]:
    """Generic attacks, every garbage value in every parameter at once, and each parameter
    alone with a rotating sample of the garbage (``sample`` values each), to stay fast."""
    queries = [
        f"q={HUGE}",
        "&".join(f"{p}={HUGE[:500]}" for p in parameters),
        "&".join(["q=a"] * 200),
        "&".join(f"niveau=x{n}" for n in range(100)),
        "q=a&q=b&side=1&side=2",
        "=&&=&%%&%G0=%ZZ&a[]=1&a[b]=2",
        "q",  # a parameter without a value
        "%00=%00",
    ]
    queries += [f"side={n}" for n in PAGE_NUMBERS]
    queries += ["&".join(f"{p}={value}" for p in parameters) for value in GARBAGE]
    for index, parameter in enumerate(parameters):
        for step in range(sample):
            value = GARBAGE[(index * sample + step) % len(GARBAGE)]
            queries.append(f"{parameter}={value}")
    return queries


def data_fingerprint() -> dict[str, tuple[int, str]]:
    """Row count and a hash of every row of every catalogue/contacts model (history included)."""
    prints = {}
    for app in DATA_APPS:
        for model in apps.get_app_config(app).get_models():
            fields = [f.attname for f in model._meta.concrete_fields]
            rows = list(model._default_manager.order_by("pk").values_list(*fields))
            digest = hashlib.sha256(repr(rows).encode()).hexdigest()
            prints[model._meta.label] = (len(rows), digest)
    return prints
