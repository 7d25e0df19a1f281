"""The filters of a search: each request parameter checked and turned into a catalog clause."""

from collections.abc import Callable
from collective.twinning import _
from collective.twinning.errors import FieldError
from collective.twinning.errors import unknown_value
from dataclasses import dataclass
from DateTime import DateTime
from datetime import date
from plone import api
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory

import re
import unicodedata


MAX_TEXT = 200
WORD = re.compile(r"\w+", re.UNICODE)
# ZCTextIndex reads these words as operators; searched for as words, they are quoted.
OPERATORS = {"and", "or", "not"}


def given_twice(param: str) -> FieldError:
    """400: a parameter that takes one value came more than once."""
    return FieldError(param, _("${param}: give it once.", mapping={"param": param}))


def as_list(value) -> list[str]:
    """A request value as a list of strings (``country=ES&country=IT`` → two values)."""
    values = value if isinstance(value, (list, tuple)) else [value]
    if not all(isinstance(item, str) for item in values):
        raise TypeError
    return list(values)


def no_words(param: str) -> FieldError:
    """400: a text parameter with no word to search for."""
    return FieldError(param, _("${param}: give at least one word.", mapping={"param": param}))


def vocabulary_values(name: str, context=None) -> list[str]:
    """The values of a named vocabulary, made for ``context`` (default: the portal)."""
    if context is None:
        context = api.portal.get()
    return [term.value for term in getUtility(IVocabularyFactory, name)(context)]


def text_query(param: str, value: str) -> str:
    """A ZCTextIndex query matching every word of ``value`` (the last one as a prefix)."""
    if len(value) > MAX_TEXT:
        raise FieldError(
            param, _("${param}: at most ${max} characters.", mapping={"param": param, "max": MAX_TEXT})
        )
    words = WORD.findall(unicodedata.normalize("NFC", value))  # an accent typed apart joins its letter
    if not words:
        raise no_words(param)
    terms = [f'"{word}"' if word.lower() in OPERATORS else word for word in words]
    if words[-1].lower() not in OPERATORS and len(words[-1]) > 1:
        terms[-1] = f"{words[-1]}*"  # as the user types
    return " ".join(terms)


def parse_flag(param: str, value: str) -> bool:
    match value.lower():
        case "true" | "1" | "yes":
            return True
        case "false" | "0" | "no":
            return False
    raise FieldError(
        param, _("${param}: must be true or false, not '${value}'.", mapping={"param": param, "value": value})
    )


def parse_date(param: str, value: str) -> DateTime:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise FieldError(
            param,
            _("${param}: '${value}' is not a date (YYYY-MM-DD).", mapping={"param": param, "value": value}),
        ) from None
    return DateTime(day.isoformat())


def parse_int(param: str, value: str, low: int, high: int | None = None) -> int:
    try:
        number = int(value)
    except ValueError:
        raise FieldError(
            param, _("${param}: '${value}' is not a whole number.", mapping={"param": param, "value": value})
        ) from None
    if number < low or (high is not None and number > high):
        mapping = {"param": param, "low": low, "high": high}
        if high is None:
            raise FieldError(param, _("${param}: must be at least ${low}.", mapping=mapping))
        raise FieldError(param, _("${param}: must be between ${low} and ${high}.", mapping=mapping))
    return number


@dataclass(frozen=True)
class Filter:
    """A request parameter of a search; kind: "choice" (values of ``vocabulary`` or ``values``,
    OR-ed), "text", "flag", "since" (a date), "uid" (of a ``portal_type`` object), "free"."""

    param: str
    index: str
    kind: str = "choice"
    vocabulary: str | None = None
    values: tuple[str, ...] = ()
    portal_type: str | None = None
    facet: bool = False

    def allowed(self, context=None) -> list[str]:
        if self.values:
            return list(self.values)
        return vocabulary_values(self.vocabulary, context)

    def query(self, raw) -> dict | str | bool:
        """The catalog query for the request value ``raw``, checked."""
        try:
            values = as_list(raw)
        except TypeError:
            raise FieldError(
                self.param, _("${param}: give plain values.", mapping={"param": self.param})
            ) from None
        if not values or any(not value.strip() for value in values):
            raise FieldError(self.param, _("${param}: empty value.", mapping={"param": self.param}))
        if self.kind in ("text", "flag", "since") and len(values) > 1:
            raise given_twice(self.param)
        match self.kind:
            case "text":
                return text_query(self.param, values[0])
            case "flag":
                return parse_flag(self.param, values[0])
            case "since":
                return {"query": parse_date(self.param, values[0]), "range": "min"}
            case "choice":
                allowed = set(self.allowed())
                for value in values:
                    if value not in allowed:
                        raise unknown_value(self.param, value)
            case "uid":
                for value in values:
                    mapping = {"param": self.param, "type": self.portal_type, "value": value}
                    if not api.content.find(UID=value, portal_type=self.portal_type):
                        raise FieldError(self.param, _("${param}: no ${type} '${value}'.", mapping=mapping))
            case "free":
                for value in values:
                    if len(value) > MAX_TEXT:
                        raise FieldError(
                            self.param,
                            _(
                                "${param}: at most ${max} characters.",
                                mapping={"param": self.param, "max": MAX_TEXT},
                            ),
                        )
        return {"query": values}  # several values: any of them (the indexes OR them)


AGE_PARAMS = ("age_from", "age_to")


def age_overlap(form, low: int, high: int) -> dict:
    """``age_from``/``age_to``: items whose own age range overlaps the asked one."""
    asked = {}
    for param in AGE_PARAMS:
        if param in form:
            raw = form[param]
            if not isinstance(raw, str):
                raise given_twice(param)
            asked[param] = parse_int(param, raw, low, high)
    if len(asked) == 2 and asked["age_from"] > asked["age_to"]:
        raise FieldError("age_from", _("age_from: must not be above age_to."))
    query = {}
    if "age_to" in asked:  # the item starts at or below the asked upper age
        query["age_from"] = {"query": asked["age_to"], "range": "max"}
    if "age_from" in asked:  # and ends at or above the asked lower age
        query["age_to"] = {"query": asked["age_from"], "range": "min"}
    return query


@dataclass(frozen=True)
class Sorting:
    """``sort_on`` choices: name → (index, order)."""

    choices: dict
    default: str

    def query(self, raw) -> dict:
        name = self.default if raw is None else raw
        if not isinstance(name, str) or name not in self.choices:
            raise FieldError(
                "sort_on", _("sort_on: one of ${choices}.", mapping={"choices": ", ".join(self.choices)})
            )
        index, order = self.choices[name]
        return {"sort_on": index, "sort_order": order}


def noop(form) -> dict:
    return {}


ExtraQuery = Callable[[dict], dict]
