"""Answering a query: expand each word to index terms, score documents in Python, load the hits.

Every score is computed here in Python from rows the ORM returns, in a fixed order, and rounded,
so SQLite and PostgreSQL give the same ranking. How a query word reaches the index:

- *exact*: its term (stem, then fold), or the term of the same word in the vocabulary (ASCII
  spellings: "foraeldre" is the folded form of "forældre"); words of 3 letters or fewer
  (ART, RGP, SSP, MI) match only exactly;
- *loose*: terms equal once ASCII spellings of æ/ø/å are merged ("boligomrade", "lofte");
- *compound parts*: a compound query word split into curated parts ("forældrenetværk");
- *prefix*: terms that start with its stem, for words of 4+ letters, capped, weighted lower;
- *typo*: vocabulary words within edit distance 1 (2 for words of 8+ letters), only when the
  word has no exact term.
"""

import math
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Case, Count, ExpressionWrapper, F, FloatField, Max, Q, Sum, Value, When
from django.db.models.functions import Cast, Greatest

from . import analysis, snippets
from .hits import SearchHit
from .models import SearchDocument, SearchTerm, SearchWord
from .registry import kind_by_model

TermField = SearchTerm.Field
FIELD_WEIGHT = {
    TermField.TITLE: 4.0,
    TermField.ROW: 2.0,
    TermField.LONG: 1.0,
    # a part of a compound word weighs half the whole word
    TermField.TITLE_PART: 2.0,
    TermField.ROW_PART: 1.0,
    TermField.LONG_PART: 0.5,
}
EXACT, LOOSE, PARTS, PREFIX = 1.0, 0.9, 0.8, 0.5
TYPO = {1: 0.6, 2: 0.4}
PREFIX_CAP = 12  # prefix expansions per query word
TYPO_CAP = 8  # typo candidates per query word
COVERAGE_POWER = 2  # a document matching k of n query words scores (k/n) ** this
CANDIDATE_PAD = 20  # extra rows (plus ``limit``) fetched to see whether near-ties run on
SLACK = 1e-5  # how far below the limit-th SQL score a document may still be exactly better


@dataclass
class Expansion:
    """The index terms one query word reaches, each with a quality in (0, 1]."""

    word: analysis.QueryWord
    terms: dict[str, float]
    parts: tuple[str, ...] = ()  # exact part terms, scored together


def _expand(words: list[analysis.QueryWord]) -> list[Expansion]:
    lookup = Q(term__in={w.term for w in words} | {p for w in words for p in w.parts})
    lookup |= Q(word__in={w.word for w in words})
    lookup |= Q(loose__in={analysis.loose(w.term) for w in words if not w.short})
    for w in words:
        if w.prefix:
            lookup |= Q(term__startswith=w.prefix)
    vocabulary = sorted(SearchWord.objects.filter(lookup).values_list("word", "term", "loose"))
    known_terms = {t for _, t, _ in vocabulary}
    term_of_word = {w: t for w, t, _ in vocabulary}

    expansions = []
    for w in words:
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
        parts = tuple(p for p in w.parts if p in known_terms)
        if len(parts) < len(w.parts):
            parts = ()  # a part the index has never seen: the split says nothing
        expansions.append(Expansion(w, terms, parts))

    _add_typos([e for e in expansions if not any(q >= LOOSE for q in e.terms.values())])
    return expansions


def _add_typos(expansions: list[Expansion]) -> None:
    wanted = [e for e in expansions if e.word.max_typos]
    if not wanted:
        return
    lookup = Q()
    for e in wanted:
        n, d = len(e.word.word), e.word.max_typos
        lookup |= Q(length__gte=n - d, length__lte=n + d)
    candidates = sorted(SearchWord.objects.filter(lookup).values_list("word", "term"))
    for e in wanted:
        limit = e.word.max_typos
        found: dict[int, set[str]] = defaultdict(set)
        for word, term in candidates:
            d = analysis.edit_distance(e.word.word, word, limit)
            if d <= limit:
                found[d].add(term)
        if found:
            d = min(found)
            for t in sorted(found[d])[:TYPO_CAP]:
                e.terms.setdefault(t, TYPO[d])


def _scores(
    expansions: list[Expansion], limit: int
) -> tuple[dict[int, float], dict[int, set[str]]]:
    """Exact scores of the documents that can reach the top ``limit``, and the terms each matched.

    The database ranks every matching document by an approximate score (the same formula in
    SQL floats) and returns only the best; Python then scores those exactly from their term rows,
    so the ranking stays bit-for-bit the same on SQLite and PostgreSQL and never loads all hits.
    """
    wanted = {t for e in expansions for t in (*e.terms, *e.parts)}
    if not wanted:
        return {}, {}
    matching = SearchTerm.objects.filter(term__in=wanted)
    frequency = sorted(
        matching.values("term")
        .annotate(n=Count("document_id", distinct=True))
        .values_list("term", "n")
    )
    if not frequency:
        return {}, {}
    total = SearchDocument.objects.count() or 1
    idf = {t: math.log(1 + total / n) for t, n in frequency}

    # Coverage counts the words that reach the index exactly (or by ASCII spelling or compound
    # parts); a word known only by prefix or typo ("ringe" → "ringeduer") still scores, but
    # matching it does not make a document "cover the query".
    solid = [e for e in expansions if e.parts or any(q >= LOOSE for q in e.terms.values())]
    counted = [e for e in (solid or expansions)]
    candidates = _candidates(matching, expansions, counted, idf, limit)
    rows = sorted(
        matching.filter(document_id__in=candidates).values_list(
            "document_id", "term", "field", "count"
        )
    )
    return _exact_scores(rows, expansions, counted, idf)


def _row_weight() -> ExpressionWrapper:
    """``FIELD_WEIGHT[field] * 2 * count / (count + 1)`` for one term row, in SQL.

    ``count`` is cast to a float so PostgreSQL computes in double precision, not numeric.
    """
    count = Cast("count", FloatField())
    by_field = Case(
        *(When(field=f, then=Value(2 * w)) for f, w in FIELD_WEIGHT.items()),
        output_field=FloatField(),
    )
    return ExpressionWrapper(by_field * count / (count + Value(1.0)), output_field=FloatField())


def _best_of(scores: list) -> object:
    if not scores:
        return Value(0.0)
    return scores[0] if len(scores) == 1 else Greatest(*scores, output_field=FloatField())


def _candidates(matching, expansions, counted, idf, limit: int) -> list[int]:
    """Ids of the documents whose exact score can reach the top ``limit``, found in SQL."""
    weight = {
        t: Sum(Case(When(term=t, then=F("row")), default=Value(0.0)), output_field=FloatField())
        for t in sorted(idf)
    }
    score = Value(0.0)
    for e in expansions:
        best = [Value(q * idf[t]) * weight[t] for t, q in sorted(e.terms.items()) if t in idf]
        if e.parts:
            parts = sum((Value(idf[p]) * weight[p] for p in e.parts if p in idf), Value(0.0))
            best.append(Value(PARTS / len(e.parts)) * parts)
        score = score + _best_of(best)
    covered = Value(0.0)
    for e in counted:
        reached = sorted({*e.terms, *e.parts} & set(idf))
        if reached:
            covered = covered + Max(
                Case(When(term__in=reached, then=Value(1.0)), default=Value(0.0)),
                output_field=FloatField(),
            )
    approx = ExpressionWrapper(
        score * covered * covered / Value(float(len(counted) ** 2)), output_field=FloatField()
    )
    # the row weight as an alias, so each term's sum refers to it instead of copying it
    ranked = matching.alias(row=_row_weight()).values("document_id").annotate(approx=approx)
    best = list(
        ranked.order_by("-approx", "document_id").values_list("document_id", "approx")[
            : 2 * limit + CANDIDATE_PAD
        ]
    )
    if len(best) < limit:
        return [doc for doc, _ in best]  # every matching document
    floor = best[limit - 1][1]
    floor -= SLACK + SLACK * abs(floor)
    if len(best) == 2 * limit + CANDIDATE_PAD and best[-1][1] >= floor:  # near-ties run on
        return list(ranked.filter(approx__gte=floor).values_list("document_id", flat=True))
    return [doc for doc, approx in best if approx >= floor]


def _exact_scores(rows, expansions, counted, idf) -> tuple[dict[int, float], dict[int, set[str]]]:
    weight: dict[tuple[int, str], float] = defaultdict(float)  # (doc, term) → field-weighted tf
    for doc, term, field, count in rows:
        weight[doc, term] += FIELD_WEIGHT[field] * 2 * count / (count + 1)
    documents = sorted({doc for doc, *_ in rows})
    counted_ids = {id(e) for e in counted}
    scores: dict[int, float] = {}
    matched: dict[int, set[str]] = defaultdict(set)
    for doc in documents:
        score, covered = 0.0, 0
        for e in expansions:
            best = 0.0
            for t, quality in sorted(e.terms.items()):
                if (doc, t) in weight:
                    best = max(best, quality * idf[t] * weight[doc, t])
                    matched[doc].add(t)
            if e.parts:
                part_scores = [
                    idf[p] * weight[doc, p] if (doc, p) in weight else 0.0 for p in e.parts
                ]
                best = max(best, PARTS * sum(part_scores) / len(part_scores))
                matched[doc].update(p for p in e.parts if (doc, p) in weight)
            score += best
            covered += best > 0 and id(e) in counted_ids
        if score > 0:
            coverage = covered / len(counted)
            scores[doc] = round(score * coverage**COVERAGE_POWER, 6)
    return scores, matched


def search(query: str, *, limit: int = 20) -> list[SearchHit]:
    """The best ``limit`` hits for ``query``, best first."""
    words = analysis.query_words(query or "")
    if not words or limit < 1:
        return []
    scores, matched = _scores(_expand(words), limit)
    if not scores:
        return []
    key = analysis.title_key(query)
    meta = SearchDocument.objects.filter(pk__in=scores).values_list(
        "pk", "kind_position", "order", "object_id", "title_keys"
    )
    ranked = sorted(
        meta,
        key=lambda m: (-scores[m[0]], key not in m[4].split("|"), m[1], m[2], m[3]),
    )[:limit]
    top = [pk for pk, *_ in ranked]
    rows = SearchDocument.objects.in_bulk(top)
    return _hits([rows[pk] for pk in top], scores, matched)


def _hits(rows: list[SearchDocument], scores, matched) -> list[SearchHit]:
    objects: dict[tuple[str, int], object] = {}
    by_model: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        by_model[row.model].append(row.object_id)
    for model, ids in sorted(by_model.items()):
        kind = kind_by_model(model)
        if kind is None:
            continue
        for obj in kind.queryset().prefetch_related(None).filter(pk__in=ids):
            objects[model, obj.pk] = obj
    hits = []
    for row in rows:
        obj = objects.get((row.model, row.object_id))
        if obj is None:  # unpublished or deleted since the index was built
            continue
        terms = frozenset(matched[row.pk])
        hits.append(
            SearchHit(
                type=row.kind,
                title=row.title,
                url=kind_by_model(row.model).url_of(obj),
                snippet=snippets.snippet(row.body, terms),
                score=scores[row.pk],
                object=obj,
                title_html=snippets.highlight(row.title, terms),
            )
        )
    return hits
