"""An evaluation set for search, as SSP staff type queries, and recall@5 against a baseline.

Each case names the entries (``"Type/slug"``) a member of staff expects among the first five
results. Used by tests/catalogue/test_search_quality.py and ``manage.py search_eval``; both run
it against the real catalogue (``load_catalogue``).
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from operator import and_

from django.db.models import Q

from .models import SearchDocument

TOP = 5

IND, MET, UDV, ORG, KON = "Indsats", "Metode", "Udviklingsinitiativ", "Organisation", "Kontakt"


@dataclass(frozen=True)
class Case:
    query: str
    expected: tuple[str, ...]  # "Type/slug"
    what: str  # what the case tests


def _c(query: str, what: str, *expected: str) -> Case:
    return Case(query, expected, what)


CASES: tuple[Case, ...] = (
    # Inflected forms
    _c("samtale", "inflection", f"{MET}/motiverende-samtaler", f"{MET}/bekymringssamtaler"),
    _c("mentor", "inflection", f"{MET}/mentorordninger"),
    _c("banderåd", "inflection", f"{IND}/nedsaette-et-banderaad"),
    _c("væresteder", "inflection", f"{IND}/rammer-for-beskaeftigelse-herunder-vaeresteder"),
    _c(
        "psykiatri",
        "inflection",
        f"{IND}/tvaerfagligt-samarbejde-mellem-psykiatrien-og-kriminalpraeventive-indsatser",
    ),
    _c("risikoindikator", "inflection", f"{MET}/risikoindikatorer"),
    _c(
        "helhedsorienteret model",
        "inflection",
        f"{IND}/oprettelse-af-en-helhedsorienteret-model",
        f"{IND}/pro-modellen",
    ),
    _c("antruffen ung", "inflection", f"{IND}/tvaerfagligt-samarbejde-om-antrufne-unge"),
    # Parts of compound words
    _c("søskende", "compound", f"{UDV}/soeskendenetvaerk"),
    _c("vrede", "compound", f"{IND}/forloeb-til-vredeshaandtering"),
    _c("fodbold", "compound", f"{IND}/samarbejde-med-fodboldmiljoeet"),
    _c(
        "misbrug",
        "compound",
        f"{IND}/tvaerfagligt-samarbejde-mellem-misbrugscentre-og-kriminalpraeventive-indsatser",
    ),
    _c("kortlægning", "compound", f"{MET}/netvaerkskortlaegning", f"{MET}/360-kortlaegning"),
    _c(
        "bekymringssamtale",
        "compound",
        f"{MET}/bekymringssamtaler",
        f"{IND}/paragraf-115-og-115a-besoeg-moeder-og-bekymringssamtaler",
        f"{UDV}/bekymringssamtaler-mulighedssamtaler",
    ),
    _c("forældrenetværk", "compound", f"{IND}/foraeldrenetvaerk-og-styrket-foraeldreevne"),
    _c("gadeplansmedarbejder", "compound", f"{IND}/gadeplansarbejde"),
    _c("ungegrupper på gaden", "compound", f"{IND}/gadeplansarbejde"),
    # Acronyms
    _c("ART", "acronym", f"{MET}/aggression-replacement-training-art"),
    _c("LØFT", "acronym", f"{MET}/loesningsfokuseret-tilgang-loeft"),
    _c("RGP", "acronym", f"{MET}/relationsdannende-og-genoprettende-praksis-rgp"),
    _c("SSP", "acronym", f"{IND}/ssp-samarbejde-paa-tvaers"),
    _c("MI", "acronym", f"{MET}/motiverende-samtaler"),
    _c("MST", "acronym", f"{MET}/foraeldreraadslagning"),
    _c("SSP 18+", "acronym", f"{IND}/ssp-samarbejde-paa-tvaers", f"{KON}/aalborg-ssp-indsatsen"),
    _c("§115", "acronym", f"{IND}/paragraf-115-og-115a-besoeg-moeder-og-bekymringssamtaler"),
    # Words only in the long descriptions
    _c(
        "PSPK",
        "long text",
        f"{IND}/tvaerfagligt-samarbejde-mellem-psykiatrien-og-kriminalpraeventive-indsatser",
    ),
    _c("trivselsarrangement", "long text", f"{IND}/gadeplansarbejde"),
    _c("småbrødre", "long text", f"{IND}/paragraf-115-og-115a-besoeg-moeder-og-bekymringssamtaler"),
    _c("belysning", "long text", f"{IND}/kriminalpraeventiv-byplanlaegning"),
    _c("konferencemøde", "long text", f"{MET}/relationsdannende-og-genoprettende-praksis-rgp"),
    _c("motivational interviewing", "long text", f"{MET}/motiverende-samtaler"),
    _c("multisystemisk terapi", "long text", f"{MET}/foraeldreraadslagning"),
    _c("familieplan", "long text", f"{IND}/familierettet-indsats"),
    _c("forældrefiduser", "long text", f"{UDV}/fokus-paa-uddannelse"),
    # ASCII spellings
    _c(
        "foraeldre",
        "ascii",
        f"{MET}/foraeldreraadslagning",
        f"{IND}/foraeldrenetvaerk-og-styrket-foraeldreevne",
    ),
    _c(
        "boligomrade",
        "ascii",
        f"{IND}/forebyggelse-i-faellesskab",
        f"{IND}/kriminalpraeventiv-byplanlaegning",
    ),
    _c("lofte", "ascii", f"{MET}/loesningsfokuseret-tilgang-loeft"),
    _c("soeskende", "ascii", f"{UDV}/soeskendenetvaerk"),
    _c("vaerested", "ascii", f"{IND}/rammer-for-beskaeftigelse-herunder-vaeresteder"),
    _c("hoje taastrup", "ascii", f"{ORG}/hoeje-taastrup"),
    _c("tryghed i lokalsamfundet", "ascii", f"{IND}/kriminalpraeventiv-byplanlaegning"),
    # Typos
    _c("mentorordnig", "typo", f"{MET}/mentorordninger"),
    _c("bekymringsamtaler", "typo", f"{MET}/bekymringssamtaler"),
    _c("vredeshåntering", "typo", f"{IND}/forloeb-til-vredeshaandtering"),
    _c("forældreradslagning", "typo", f"{MET}/foraeldreraadslagning"),
    _c("netværkskortlæggning", "typo", f"{MET}/netvaerkskortlaegning"),
    _c("agression replacement", "typo", f"{MET}/aggression-replacement-training-art"),
    # Questions in staff's own words
    _c("unge der hænger ud på gaden", "question", f"{IND}/gadeplansarbejde"),
    _c("hvem har erfaring med bekymringssamtaler", "question", f"{MET}/bekymringssamtaler"),
    _c("skolefravær", "question", f"{MET}/relationsdannende-og-genoprettende-praksis-rgp"),
    _c("konflikthåndtering", "question", f"{MET}/relationsdannende-og-genoprettende-praksis-rgp"),
    _c(
        "stoffer og hash",
        "question",
        f"{IND}/tvaerfagligt-samarbejde-mellem-misbrugscentre-og-kriminalpraeventive-indsatser",
    ),
    _c(
        "traumer",
        "question",
        f"{IND}/tvaerfagligt-samarbejde-mellem-psykiatrien-og-kriminalpraeventive-indsatser",
    ),
    _c("fritidsjob til unge", "question", f"{IND}/rammer-for-beskaeftigelse-herunder-vaeresteder"),
    _c("unge over 18 år", "question", f"{IND}/ssp-samarbejde-paa-tvaers"),
    _c("spørgsmål til forældre", "question", f"{MET}/foraeldreraadslagning"),
    _c("økonomiske sanktioner", "question", f"{IND}/al-capone-metoden"),
    _c("hvem kan jeg ringe til om bekymringssamtaler", "question", f"{MET}/bekymringssamtaler"),
    # Names and who to call
    _c(
        "kontakt bekymringssamtaler",
        "name",
        f"{KON}/gladsaxe-ung-i-gladsaxe",
        f"{KON}/glostrup-ungeindsatsen",
        f"{KON}/herlev-center-for-boern-unge-og-familier",
        f"{KON}/ishoej-boern-unge-og-familie",
    ),
    _c("Al Capone", "name", f"{IND}/al-capone-metoden"),
    _c("Albertslund", "name", f"{ORG}/albertslund"),
    _c(
        "forælderrådslagning kontakt",
        "name",
        f"{KON}/vejen-familie-handicap-og-socialpsykiatri",
        f"{KON}/assens-boern-unge-og-familieindsatser",
    ),
    _c("tryghedspolitik", "name", f"{UDV}/tryghedspolitik-og-enkeltsagskoncept"),
)


SearchFn = Callable[[str], list[str]]  # query → "Type/slug" best first


def our_search(query: str) -> list[str]:
    from . import search

    return [f"{hit.type}/{hit.object.slug}" for hit in search(query, limit=TOP)]


def substring_search(query: str) -> list[str]:
    """The baseline: every word a case-insensitive substring (``icontains``) of the same text.

    Titles that contain every word come first, then catalogue order, as a plain filter would.
    """
    words = query.split()
    if not words:
        return []
    match = reduce(and_, (Q(title__icontains=w) | Q(body__icontains=w) for w in words))
    rows = SearchDocument.objects.filter(match).values_list(
        "kind", "model", "object_id", "title", "kind_position", "order"
    )
    ranked = sorted(
        rows,
        key=lambda r: (not all(w.lower() in r[3].lower() for w in words), r[4], r[5], r[2]),
    )[:TOP]
    return [f"{kind}/{_slug(model, pk)}" for kind, model, pk, *_ in ranked]


def _slug(model: str, pk: int) -> str:
    from django.apps import apps

    return apps.get_model(model).objects.only("slug").get(pk=pk).slug


@dataclass(frozen=True)
class Outcome:
    case: Case
    found: tuple[str, ...]  # the top results
    recall: float  # share of the expected entries among them


def evaluate(search_fn: SearchFn, cases: tuple[Case, ...] = CASES) -> list[Outcome]:
    outcomes = []
    for case in cases:
        found = tuple(search_fn(case.query)[:TOP])
        recall = sum(e in found for e in case.expected) / len(case.expected)
        outcomes.append(Outcome(case, found, recall))
    return outcomes


def recall_at_5(outcomes: list[Outcome]) -> float:
    """Mean over queries of the share of expected entries found in the top five."""
    return sum(o.recall for o in outcomes) / len(outcomes) if outcomes else 0.0
