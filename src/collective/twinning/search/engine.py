"""Run a search described by a SearchSpec on the request's parameters, through ``searchResults``."""

from collective.twinning import _
from collective.twinning.errors import FieldError
from collective.twinning.search.facets import facet_counts
from collective.twinning.search.facets import naive_counts
from collective.twinning.search.facets import value_bitmaps
from collective.twinning.search.filters import age_overlap
from collective.twinning.search.filters import Filter
from collective.twinning.search.filters import given_twice
from collective.twinning.search.filters import no_words
from collective.twinning.search.filters import parse_int
from collective.twinning.search.filters import Sorting
from collective.twinning.search.pages import sorted_page
from collective.twinning.search.summaries import item_of
from collective.twinning.search.summaries import PathURLs
from dataclasses import dataclass
from dataclasses import field
from plone import api
from plone.restapi.batching import HypermediaBatch
from Products.CMFCore.utils import getToolByName


MAX_BATCH = 100
DEFAULT_BATCH = 25
BATCH_PARAMS = ("b_start", "b_size")


@dataclass(frozen=True)
class SearchSpec:
    """What one search endpoint finds and how it may be filtered."""

    portal_type: str
    filters: tuple[Filter, ...]
    sorting: Sorting
    fixed: dict = field(default_factory=dict)  # always part of the query
    ages: bool = False  # age_from/age_to overlap filter
    options: dict = field(default_factory=dict)  # flag param -> (catalog option, value when true)
    default_options: dict = field(default_factory=dict)  # catalog options otherwise

    def params(self) -> set[str]:
        names = {f.param for f in self.filters} | set(BATCH_PARAMS) | set(self.options)
        if self.ages:
            names |= {"age_from", "age_to"}
        if len(self.sorting.choices) > 1:
            names.add("sort_on")
        return names

    def facets(self, context=None) -> dict:
        """Facet name -> (its index, the values it counts)."""
        return {
            f.param: (f.index, [True, False] if f.kind == "flag" else f.allowed(context))
            for f in self.filters
            if f.facet
        }


@dataclass
class ParsedQuery:
    """base: the fixed clauses and catalog options; narrowing: the filters on indexes without a
    facet; chosen: facet index -> the values asked for."""

    base: dict
    narrowing: dict
    chosen: dict
    sort: dict
    b_start: int
    b_size: int

    @property
    def core(self) -> dict:
        """Every clause but those on a facet's index."""
        return {**self.base, **self.narrowing}

    def query(self) -> dict:
        """The whole catalog query, without sorting and batching."""
        return {**self.core, **{index: {"query": values} for index, values in self.chosen.items()}}


def _values(clause) -> list:
    return list(clause["query"]) if isinstance(clause, dict) else [clause]


def parse(spec: SearchSpec, form: dict) -> ParsedQuery:
    """Check every parameter; a FieldError names the first wrong one."""
    for name in form:
        if name not in spec.params():
            raise FieldError(
                name,
                _(
                    "${param}: unknown parameter; use ${params}.",
                    mapping={"param": name, "params": ", ".join(sorted(spec.params()))},
                ),
            )
    facet_indexes = {f.index for f in spec.filters if f.facet}
    base = {"portal_type": spec.portal_type, **spec.default_options}
    narrowing, chosen = {}, {}
    for index, clause in spec.fixed.items():
        if index in facet_indexes:
            chosen[index] = _values(clause)
        else:
            base[index] = clause
    asked = {f.index: f.query(form[f.param]) for f in spec.filters if f.param in form}
    if spec.ages:
        asked.update(age_overlap(form, 3, 20))
    for index, clause in asked.items():
        if index in facet_indexes:
            chosen[index] = _values(clause)
        else:
            base.pop(index, None)
            narrowing[index] = clause
    for param, (option, value) in spec.options.items():
        if param in form and Filter(param, "", kind="flag").query(form[param]):
            base[option] = value
    b_start = parse_int("b_start", _single(form, "b_start", "0"), 0)
    b_size = parse_int("b_size", _single(form, "b_size", str(DEFAULT_BATCH)), 1, MAX_BATCH)
    sort = spec.sorting.query(form.get("sort_on"))
    return ParsedQuery(base, narrowing, chosen, sort, b_start, b_size)


def _single(form: dict, name: str, default: str) -> str:
    value = form.get(name, default)
    if not isinstance(value, str):
        raise given_twice(name)
    return value


def _facet_key(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def matches(catalog, spec: SearchSpec, parsed: ParsedQuery, context=None, kept=None) -> tuple:
    """The matching records as a bitmap (None when searchResults keeps its record ids to itself),
    and per facet, value -> how many items match with that value and every other choice."""
    kept = kept or value_bitmaps(catalog)
    facets = spec.facets(context)
    found = kept.search(catalog, parsed.base)
    if found is None:
        return None, naive_counts(catalog, parsed.query(), facets)
    text = {f.index: f.param for f in spec.filters if f.kind == "text"}
    for index_id, clause in parsed.narrowing.items():
        parts = text_terms(catalog, index_id, clause) if index_id in text else [clause]
        if not parts:
            raise no_words(text[index_id])
        for part in parts:
            found = found & kept.get(catalog, index_id, part)
    return facet_counts(catalog, kept, found, parsed.chosen, facets)


def text_terms(catalog, index_id: str, query: str) -> list[str]:
    """A text query's terms, each asked alone (the index ANDs them: a common word costs once per state),
    but those its lexicon leaves no word of (a stop word, a lone mark), as a whole query leaves them out."""
    lexicon = catalog._catalog.getIndex(index_id).getLexicon()
    return [term for term in query.split(" ") if all(w.strip("*?") for w in lexicon.parseTerms(term) or [""])]


def page_of(catalog, kept, matching, parsed: ParsedQuery):
    """The page, as searchResults sorts and batches it with sort_limit."""
    limit = parsed.b_start + parsed.b_size
    if matching is None:
        return catalog.searchResults(
            parsed.query(), **parsed.sort, sort_limit=limit, b_start=parsed.b_start, b_size=parsed.b_size
        )
    if not matching:
        return []
    return sorted_page(catalog, kept, matching, parsed.sort, limit, parsed.b_start, parsed.b_size)


def run(spec: SearchSpec, request) -> dict:
    """The batch of summaries, the total, batching links and the facets."""
    parsed = parse(spec, dict(request.form))
    portal = api.portal.get()
    catalog = getToolByName(portal, "portal_catalog")
    kept = value_bitmaps(catalog)
    matching, counts = matches(catalog, spec, parsed, portal, kept)
    batch = HypermediaBatch(request, page_of(catalog, kept, matching, parsed))
    urls = PathURLs(request)
    return {
        "@id": batch.canonical_url,
        "items": [item_of(brain, request, urls) for brain in batch],
        "items_total": batch.items_total,
        "batching": batch.links or {},
        "facets": {
            name: {_facet_key(value): count for value, count in values.items()}
            for name, values in counts.items()
        },
    }
