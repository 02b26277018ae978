"""Text analysis for Danish search: tokens, terms, compound parts and edit distance.

A *word* is a token lowercased and folded to ASCII (æ→ae, ø→oe, å→aa, other accents dropped).
A *term* is what the index stores: the Snowball Danish stem of the lowercased token, folded
*after* stemming (folding first changes the stems). Tokens of three characters or fewer
(acronyms such as ART, RGP, SSP, MI, numbers such as 115) are kept unstemmed in a namespace of
their own ("=art"), so they only ever match exactly and never collide with ordinary words
("arten" stems to "art").
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer

SHORT = 3  # tokens this short are matched exactly only
MAX_TOKEN = 40  # longer "words" are noise (URLs, garbage) and are not indexed

_TOKEN = re.compile(r"[^\W_]+")
_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "ue"})
_stemmer = snowballstemmer.stemmer("danish")

# The common Danish function words (after NLTK's Danish list): they carry no meaning in a query.
STOPWORDS = frozenset(
    """
    og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi
    min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her
    alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end dette mit
    også under have dig anden hende mine alt meget sit sine vor mod disse hvis din nogle hos blive
    mange ad bliver hendes været thi jer sådan hvem hvilke hvordan kan jeres
    """.split()
)

# Words of everyday Danish questions ("hvordan får vi ...", "hvad gør jeg, når ...") that are not
# function words in NLTK's list: dropped from queries only (the index keeps them), so they never
# decide a ranking.
QUESTION_WORDS = frozenset(
    """
    hvorfor hvornår hvilken hvilket hvordan hvad hvem hvor få får fik fået gør gøre gjorde
    vores nogen må bør kunne ift fx via lige bare helt godt rigtig nok mere
    """.split()
)

# Curated parts of the domain's compound words, for splitting compound *query* words
# ("forældrenetværk" → forældre + netværk). Splitting against the corpus's own vocabulary is
# noisy ("voldelige" → "vold" + "lige"), so only these are used.
COMPOUND_PARTS = (
    "aggression adfærd afdeling aktivitet analyse arbejde bande barn beskæftigelse besøg "
    "bekymring bolig borger brobygning børn by center dreng enhed familie fag fodbold "
    "forebyggelse forløb forældre fritid fællesskab gade gruppe gruppering håndtering hjælp "
    "indsats initiativ job klub kommune konflikt kontakt kortlægning kriminalitet leder ledelse "
    "lokal medarbejder medlem mentor metode miljø misbrug model mulighed møde netværk ordning "
    "pige plan planlægning politi politik praksis psykiatri rocker råd rådgiver rådslagning "
    "relation risiko indikator samarbejde samtale skole social socialrådgiver søskende sted "
    "sundhed tilbud træning tryghed trivsel uddannelse ung unge ungdom vold vrede område"
).split()

_LINKS = ("", "s", "e")  # the linking letters of Danish compounds: bekymring-s-samtale
_MAX_INFLECTION = 4  # "samtale" + "r", "miljø" + "erne"


def fold(text: str) -> str:
    """Lowercase and fold to ASCII: æ→ae, ø→oe, å→aa (and ä, ö, ü as ae, oe, ue), other
    accents dropped. Search's own folding, not a slug (see ``catalogue.slugs``)."""
    text = text.lower().translate(_FOLD)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def loose(folded: str) -> str:
    """A folded word with the Danish letters' ASCII spellings merged: "loeft", "loft" → "loft".

    People type ø as "o" or "oe", å as "a" or "aa", æ as "a" or "ae"; comparing loose forms
    finds "boligområde" from "boligomrade" and "LØFT" from "lofte" (stem "loft").
    """
    return folded.replace("aa", "a").replace("oe", "o").replace("ae", "a")


def tokens(text: str) -> list[str]:
    """The lowercased word tokens of ``text`` (letters and digits; hyphens split words)."""
    return _TOKEN.findall(text.lower())


def token_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _TOKEN.finditer(text)]


@lru_cache(maxsize=65536)
def term(token: str) -> str:
    """The index term for one lowercased token: stem first, then fold; short tokens exact."""
    if len(token) <= SHORT:
        return "=" + fold(token)
    return fold(_stemmer.stemWord(token))


def is_indexable(token: str) -> bool:
    return len(token) <= MAX_TOKEN and token not in STOPWORDS


def document_spellings(text: str) -> list[tuple[str, str, str]]:
    """``(word, term, spelling)`` for every indexable token: the lowercased token is how the
    catalogue spells the word ("forældre"), for "Mente du …?" suggestions."""
    return [(fold(tok), term(tok), tok) for tok in tokens(text) if is_indexable(tok)]


def title_key(text: str) -> str:
    """A title's normal form for "is this exactly the title" comparisons."""
    return " ".join(fold(tok) for tok in tokens(text))


@lru_cache(maxsize=1)
def _folded_parts() -> dict[str, str]:
    """Folded part → the part as Danish spells it, longest first."""
    parts = sorted(COMPOUND_PARTS, key=lambda p: (-len(fold(p)), fold(p)))
    return {fold(p): p for p in parts}


@lru_cache(maxsize=4096)
def split_compound(word: str) -> tuple[str, ...]:
    """Split a folded word into two or more curated parts, or return ``()``.

    Parts may be joined by a linking "s" or "e"; the last part may carry a short inflection
    ("bekymringssamtaler" → bekymring, samtale). The split with the fewest parts wins.
    """
    best: tuple[str, ...] = ()

    def walk(rest: str, found: tuple[str, ...]) -> None:
        nonlocal best
        if best and len(found) >= len(best):
            return
        for part in _folded_parts():
            if not rest.startswith(part):
                continue
            after = rest[len(part) :]
            parts = (*found, part)
            if (
                len(parts) >= 2
                and len(after) <= _MAX_INFLECTION
                and (not best or len(parts) < len(best))
            ):
                best = parts
            for link in _LINKS:
                if after.startswith(link) and len(after) > len(link):
                    walk(after[len(link) :], parts)

    if len(word) >= 6:
        walk(word, ())
    return best


@lru_cache(maxsize=65536)
def part_terms(word: str) -> tuple[str, ...]:
    """The index terms of a folded word's curated compound parts, or ``()``."""
    return tuple(term(_folded_parts()[p]) for p in split_compound(word))


@dataclass(frozen=True)
class QueryWord:
    """One meaningful word of a query, analysed."""

    word: str  # folded, unstemmed
    term: str  # index term
    parts: tuple[str, ...] = field(default=())  # index terms of its compound parts, if any

    @property
    def short(self) -> bool:
        return self.term.startswith("=")

    @property
    def prefix(self) -> str:
        """The stem to expand as a prefix, or "" when prefix matching is not allowed."""
        return "" if len(self.word) < 4 or self.short else self.term

    @property
    def max_typos(self) -> int:
        if self.short or len(self.word) < 4:
            return 0
        return 2 if len(self.word) >= 8 else 1


def query_words(query: str, *, max_words: int = 12) -> list[QueryWord]:
    """The analysed words of a query, stopwords dropped, duplicates removed, in order."""
    seen: set[str] = set()
    result: list[QueryWord] = []
    for tok in tokens(query):
        if not is_indexable(tok) or tok in QUESTION_WORDS:
            continue
        t = term(tok)
        if t in seen:
            continue
        seen.add(t)
        word = fold(tok)
        result.append(QueryWord(word=word, term=t, parts=part_terms(word)))
        if len(result) >= max_words:
            break
    return result


def edit_distance(a: str, b: str, limit: int) -> int:
    """Edits (insert, delete, substitute, swap two neighbours) from ``a`` to ``b``.

    Returns ``limit + 1`` as soon as the distance is known to exceed ``limit``.
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return min(previous[-1], limit + 1)


def plain_text(markdown: str) -> str:
    """Markdown as readable plain text (for snippets): headings, emphasis and bullets dropped."""
    text = re.sub(r"^[ \t]*#+[ \t]*", "", markdown, flags=re.M)
    text = re.sub(r"^[ \t]*[-•][ \t]+", "", text, flags=re.M)
    text = text.replace("**", "").replace("__", "")
    text = re.sub(r"(?<!\w)\*(\S[^*]*?)\*(?!\w)", r"\1", text)
    return re.sub(r"[ \t]+", " ", text).strip()
