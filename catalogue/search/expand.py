"""From query words to index terms: exact, ASCII spellings, compound parts, prefixes, typos and
the thesaurus. Every step reads the vocabulary through the ORM and sorts what it gets, so SQLite
and PostgreSQL expand a query alike.

- *exact*: its term (stem, then fold), or the term of the same word in the vocabulary (ASCII
  spellings: "foraeldre" is the folded form of "forældre"); words of 3 letters or fewer
  (ART, RGP, SSP, MI) match only exactly;
- *loose*: terms equal once ASCII spellings of æ/ø/å are merged ("boligomrade", "lofte");
- *compound parts*: a compound query word split into curated parts ("forældrenetværk");
- *prefix*: terms that start with its stem, for words of 4+ letters, capped, weighted lower;
- *thesaurus*: the phrases an editor's synonym rule leads to ("streetworker" →
  "gadeplansmedarbejder"), each scored as a group of terms, a little below the word itself;
- *typo*: vocabulary words within edit distance 1 (2 for words of 8+ letters), only when the
  word has no exact term and no synonym.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from django.db.models import Q

from ..models import SearchWord
from . import analysis
from .registry import Synonym, thesaurus

EXACT, LOOSE, PARTS, SYNONYM, PREFIX = 1.0, 0.9, 0.8, 0.85, 0.5
TYPO = {1: 0.6, 2: 0.4}
PREFIX_CAP = 12  # prefix expansions per query word
TYPO_CAP = 8  # typo candidates per query word
ALSO_CAP = 6  # thesaurus phrases shown as "Viser også resultater for …"


@dataclass(frozen=True)
class Group:
    """Terms scored together (their mean), e.g. a compound's parts or a synonym phrase."""

    terms: tuple[str, ...]
    quality: float
    synonym: bool = False


@dataclass
class Expansion:
    """The index terms one query word reaches, each with a quality in (0, 1]."""

    word: analysis.QueryWord
    terms: dict[str, float]
    groups: list[Group] = field(default_factory=list)
    spellings: list[tuple[str, str]] = field(default_factory=list)  # typo: (term, spelling)

    @property
    def solid(self) -> bool:
        """Reached exactly, by ASCII spelling, compound parts or a synonym (not by typo)."""
        return bool(self.groups) or any(q >= LOOSE for q in self.terms.values())


@dataclass(frozen=True)
class Expanded:
    expansions: list[Expansion]
    also: tuple[str, ...]  # the thesaurus phrases searched as well


@lru_cache(maxsize=4096)
def _phrase_keys(phrase: str) -> tuple[str, ...]:
    """A phrase's meaningful words as loose terms, for matching rules against a query."""
    return tuple(analysis.loose(w.term) for w in analysis.query_words(phrase))


@lru_cache(maxsize=4096)
def _phrase_words(phrase: str) -> tuple[analysis.QueryWord, ...]:
    return tuple(analysis.query_words(phrase))


def _rule_matches(words: list[analysis.QueryWord], rules: list[Synonym]) -> dict[int, list[str]]:
    """Query word index → the phrases the thesaurus adds for it, in rule order.

    A rule fires when one of its ``words`` occurs in the query as consecutive meaningful words
    (compared by stem, with ASCII spellings merged: "pjækker" and "pjaekke" both fire "pjække").
    A rule without ``leads_to`` is a group of synonyms: each of its words leads to the others.
    """
    keys = [analysis.loose(w.term) for w in words]
    added: dict[int, list[str]] = defaultdict(list)
    for rule in rules:
        targets = rule.leads_to or rule.words
        for trigger in rule.words:
            tkeys = _phrase_keys(trigger)
            if not tkeys:
                continue
            for i in range(len(keys) - len(tkeys) + 1):
                if tuple(keys[i : i + len(tkeys)]) != tkeys:
                    continue
                for target in targets:
                    if _phrase_keys(target) == tkeys or not _phrase_keys(target):
                        continue
                    for j in range(i, i + len(tkeys)):
                        if target not in added[j]:
                            added[j].append(target)
    return added


def expand(words: list[analysis.QueryWord]) -> Expanded:
    added = _rule_matches(words, thesaurus())
    phrase_words = [pw for phrases in added.values() for p in phrases for pw in _phrase_words(p)]
    every = [*words, *phrase_words]
    lookup = Q(term__in={w.term for w in every} | {p for w in every for p in w.parts})
    lookup |= Q(word__in={w.word for w in every})
    lookup |= Q(loose__in={analysis.loose(w.term) for w in words if not w.short})
    for w in words:
        if w.prefix:
            lookup |= Q(term__startswith=w.prefix)
    vocabulary = sorted(SearchWord.objects.filter(lookup).values_list("word", "term", "loose"))
    known_terms = {t for _, t, _ in vocabulary}
    term_of_word = {w: t for w, t, _ in vocabulary}

    def reach(w: analysis.QueryWord) -> tuple[str, ...]:
        """The terms a thesaurus phrase's word stands for: its own, or all its parts."""
        if w.term in known_terms:
            return (w.term,)
        if w.word in term_of_word:
            return (term_of_word[w.word],)
        if w.parts and all(p in known_terms for p in w.parts):
            return w.parts
        return ()

    expansions = []
    also: list[str] = []
    for i, w in enumerate(words):
        terms: dict[str, float] = {}
        exact = {w.term} & known_terms
        if w.word in term_of_word:
            exact.add(term_of_word[w.word])
        for t in exact:
            terms[t] = EXACT
        if not w.short:
            key = analysis.loose(w.term)
            for t in sorted({t for _, t, lo in vocabulary if lo == key} - exact):
                terms[t] = LOOSE
        if w.prefix:
            longer = sorted(
                {t for t in known_terms if t.startswith(w.prefix)} - set(terms),
                key=lambda t: (len(t), t),
            )
            for t in longer[:PREFIX_CAP]:
                terms[t] = PREFIX
        groups = []
        parts = tuple(p for p in w.parts if p in known_terms)
        if parts and len(parts) == len(w.parts):  # a part the index has never seen says nothing
            groups.append(Group(parts, PARTS))
        for phrase in added.get(i, []):
            reached = [reach(pw) for pw in _phrase_words(phrase)]
            if not reached or not all(reached):
                continue  # the catalogue doesn't use (all of) the phrase: nothing to add
            flat = tuple(dict.fromkeys(t for r in reached for t in r))
            groups.append(Group(flat, SYNONYM, synonym=True))
            if phrase not in also:
                also.append(phrase)
        expansions.append(Expansion(w, terms, groups))

    # Compound parts don't rule out a typo ("bekymringsamtaler"); a synonym does.
    _add_typos(
        [
            e
            for e in expansions
            if not any(q >= LOOSE for q in e.terms.values())
            and not any(g.synonym for g in e.groups)
        ]
    )
    return Expanded(expansions, tuple(also[:ALSO_CAP]))


def _add_typos(expansions: list[Expansion]) -> None:
    wanted = [e for e in expansions if e.word.max_typos]
    if not wanted:
        return
    lookup = Q()
    for e in wanted:
        n, d = len(e.word.word), e.word.max_typos
        lookup |= Q(length__gte=n - d, length__lte=n + d)
    candidates = sorted(SearchWord.objects.filter(lookup).values_list("word", "term", "spelling"))
    for e in wanted:
        limit = e.word.max_typos
        found: dict[int, set[str]] = defaultdict(set)
        spelled: dict[int, set[tuple[str, str]]] = defaultdict(set)
        for word, term, spelling in candidates:
            d = analysis.edit_distance(e.word.word, word, limit)
            if d <= limit:
                found[d].add(term)
                spelled[d].add((term, spelling or word))
        if found:
            d = min(found)
            for t in sorted(found[d])[:TYPO_CAP]:
                e.terms.setdefault(t, TYPO[d])
            e.spellings = sorted(spelled[d])
