"""Answering a query: expand each word to index terms (expand.py), score documents in Python,
load the hits.

Every score is computed here in Python from rows the ORM returns, in a fixed order, and rounded,
so SQLite and PostgreSQL give the same ranking. Documents that cover more of the query's words
outrank documents that repeat one word (coverage squared, term counts saturate); a query that
names an organisation ("Ishøj SSP") ranks it, then what it owns (its contact points), first.
"""

import math
import re
from collections import defaultdict

from django.db.models import Case, Count, ExpressionWrapper, F, FloatField, Max, Sum, Value, When
from django.db.models.functions import Cast, Greatest

from ..models import SearchDocument, SearchTerm
from . import analysis, snippets
from .expand import LOOSE, Expansion, expand
from .hits import SearchHit, SearchResult
from .registry import kind_by_model, kinds

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
COVERAGE_POWER = 2  # a document matching k of n query words scores (k/n) ** this
CANDIDATE_PAD = 20  # extra rows (plus ``limit``) fetched to see whether near-ties run on
SLACK = 1e-5  # how far below the limit-th SQL score a document may still be exactly better


def _scores(
    expansions: list[Expansion], limit: int, extra: frozenset[int] = frozenset()
) -> tuple[dict[int, float], dict[int, set[str]], dict[str, float]]:
    """Exact scores of the documents that can reach the top ``limit``, and the terms each matched.

    The database ranks every matching document by an approximate score (the same formula in
    SQL floats) and returns only the best; Python then scores those exactly from their term rows,
    so the ranking stays bit-for-bit the same on SQLite and PostgreSQL and never loads all hits.
    """
    wanted = {t for e in expansions for t in (*e.terms, *(t for g in e.groups for t in g.terms))}
    if not wanted:
        return {}, {}, {}
    matching = SearchTerm.objects.filter(term__in=wanted)
    frequency = sorted(
        matching.values("term")
        .annotate(n=Count("document_id", distinct=True))
        .values_list("term", "n")
    )
    if not frequency:
        return {}, {}, {}
    total = SearchDocument.objects.count() or 1
    idf = {t: math.log(1 + total / n) for t, n in frequency}

    # Coverage counts the words that reach the index exactly (or by ASCII spelling or compound
    # parts); a word known only by prefix or typo ("ringe" → "ringeduer") still scores, but
    # matching it does not make a document "cover the query".
    solid = [e for e in expansions if e.solid]
    counted = [e for e in (solid or expansions)]
    candidates = _candidates(matching, expansions, counted, idf, limit)
    rows = sorted(
        matching.filter(document_id__in={*candidates, *extra}).values_list(
            "document_id", "term", "field", "count"
        )
    )
    return (*_exact_scores(rows, expansions, counted, idf), idf)


def _group_idf(e: Expansion, g, idf: dict[str, float]) -> dict[str, float]:
    """The idf a group's terms score with. A synonym never weighs more than the word typed: a
    rare synonym ("mulighedssamtale") must not outrank the word itself ("bekymringssamtale")."""
    weights = {t: idf[t] for t in g.terms if t in idf}
    if g.synonym:
        own = [idf[t] for t, q in e.terms.items() if q >= LOOSE and t in idf]
        if own:
            cap = max(own)
            weights = {t: min(w, cap) for t, w in weights.items()}
    return weights


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
        for g in e.groups:
            gidf = _group_idf(e, g, idf)
            parts = sum((Value(gidf[p]) * weight[p] for p in g.terms if p in gidf), Value(0.0))
            best.append(Value(g.quality / len(g.terms)) * parts)
        score = score + _best_of(best)
    covered = Value(0.0)
    for e in counted:
        reached = sorted({*e.terms, *(t for g in e.groups for t in g.terms)} & set(idf))
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
            for g in e.groups:
                gidf = _group_idf(e, g, idf)
                part_scores = [
                    gidf[p] * weight[doc, p] if (doc, p) in weight else 0.0 for p in g.terms
                ]
                best = max(best, g.quality * sum(part_scores) / len(part_scores))
                matched[doc].update(p for p in g.terms if (doc, p) in weight)
            score += best
            covered += best > 0 and id(e) in counted_ids
        if score > 0:
            coverage = covered / len(counted)
            scores[doc] = round(score * coverage**COVERAGE_POWER, 6)
    return scores, matched


def _loose_tokens(text: str) -> tuple[str, ...]:
    return tuple(analysis.loose(analysis.fold(tok)) for tok in analysis.tokens(text))


def _contains(query: tuple[str, ...], name: tuple[str, ...]) -> bool:
    n = len(name)
    return n > 0 and any(query[i : i + n] == name for i in range(len(query) - n + 1))


def _named(query: str) -> tuple[frozenset[int], frozenset[str]]:
    """Documents of name kinds (organisations) the query names, and the names they go by."""
    models = [k.model for k in kinds() if k.names]
    if not models:
        return frozenset(), frozenset()
    words = _loose_tokens(query)
    ids, keys = set(), set()
    for pk, title_keys in SearchDocument.objects.filter(model__in=models).values_list(
        "pk", "title_keys"
    ):
        names = [k for k in title_keys.split("|") if k]
        if any(_contains(words, _loose_tokens(k)) for k in names):
            ids.add(pk)
            keys.update(names)
    return frozenset(ids), frozenset(keys)


def lookup(query: str, *, limit: int = 20) -> SearchResult:
    """The best ``limit`` hits for ``query``, best first, with what the thesaurus added and a
    "Mente du …?" suggestion when a word has no match but a close spelling."""
    words = analysis.query_words(query or "")
    if not words or limit < 1:
        return SearchResult(hits=[])
    expanded = expand(words)
    named, names = _named(query)
    owned = frozenset()
    if names:
        owned = frozenset(
            SearchDocument.objects.filter(owner__in=names).values_list("pk", flat=True)
        )
    scores, matched, idf = _scores(expanded.expansions, limit, named | owned)
    suggestion = _suggestion(query, expanded.expansions, idf)
    if not scores:
        return SearchResult(hits=[], also=expanded.also, suggestion=suggestion)
    key = analysis.title_key(query)
    meta = SearchDocument.objects.filter(pk__in=scores).values_list(
        "pk", "kind_position", "order", "object_id", "title_keys"
    )

    def tier(pk: int) -> int:
        return 0 if pk in named else 1 if pk in owned else 2

    ranked = sorted(
        meta,
        key=lambda m: (tier(m[0]), -scores[m[0]], key not in m[4].split("|"), m[1], m[2], m[3]),
    )[:limit]
    top = [pk for pk, *_ in ranked]
    rows = SearchDocument.objects.in_bulk(top)
    hits = _hits([rows[pk] for pk in top], scores, matched)
    return SearchResult(hits=hits, also=expanded.also, suggestion=suggestion)


def search(query: str, *, limit: int = 20) -> list[SearchHit]:
    """The best ``limit`` hits for ``query``, best first."""
    return lookup(query, limit=limit).hits


def _suggestion(query: str, expansions: list[Expansion], idf: dict[str, float]) -> str:
    """The query with each word that matched only by typo spelled as the catalogue spells its
    most common close word; "" when every word matched (or nothing is close)."""
    replace: dict[str, str] = {}
    for e in expansions:
        if e.solid or not e.spellings:
            continue
        _term, spelling = min(e.spellings, key=lambda ts: (idf.get(ts[0], math.inf), ts[1]))
        replace[e.word.word] = spelling
    if not replace:
        return ""

    def swap(match: re.Match) -> str:
        return replace.get(analysis.fold(match.group()), match.group())

    suggestion = re.sub(r"[^\W_]+", swap, query.strip())
    return suggestion if suggestion.lower() != query.strip().lower() else ""


def _hits(rows: list[SearchDocument], scores, matched) -> list[SearchHit]:
    objects: dict[tuple[str, int], object] = {}
    by_model: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        by_model[row.model].append(row.object_id)
    for model, ids in sorted(by_model.items()):
        kind = kind_by_model(model)
        if kind is None:
            continue
        queryset = kind.queryset().prefetch_related(None)
        if kind.links_prefetch:
            queryset = queryset.prefetch_related(*kind.links_prefetch)
        for obj in queryset.filter(pk__in=ids):
            objects[model, obj.pk] = obj
    hits = []
    for row in rows:
        obj = objects.get((row.model, row.object_id))
        if obj is None:  # unpublished or deleted since the index was built
            continue
        terms = frozenset(matched[row.pk])
        kind = kind_by_model(row.model)
        hits.append(
            SearchHit(
                type=row.kind,
                title=row.title,
                url=kind.url_of(obj),
                snippet=snippets.snippet(row.body, terms),
                score=scores[row.pk],
                object=obj,
                title_html=snippets.highlight(row.title, terms),
                links=tuple(kind.links(obj)) if kind.links else (),
            )
        )
    return hits
