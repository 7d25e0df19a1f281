"""Measured costs of the catalog operations a search chooses between.

In nanoseconds, on 20 000 profiles (2026-11-28): reading one record's values
from an index (a keyword index records several, a field index one); one step of
a C set intersection, over a value's entry and over the matching set (BTrees
merge both, whatever their sizes); looking one record of an entry up in the
matching set (better for rare values).
"""

READ_KEYWORD_RECORD = 500
READ_FIELD_RECORD = 200
STEP_PER_INDEXED = 25
STEP_PER_MATCH_AND_VALUE = 3
PROBE = 90


def is_keyword(index) -> bool:
    return getattr(index, "meta_type", "") == "KeywordIndex"


def read_cost(index) -> int:
    """Reading one record's values from the index."""
    return READ_KEYWORD_RECORD if is_keyword(index) else READ_FIELD_RECORD


def reading_is_cheaper(index, records: int) -> bool:
    """Reading the values of so many records beats going through the index's
    entries, which costs at least a step per indexed record."""
    return read_cost(index) * records < STEP_PER_INDEXED * index.numObjects()
