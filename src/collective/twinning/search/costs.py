"""Measured costs of the catalog operations a search chooses between.

In nanoseconds, on 20 000 profiles (2026-11-28): reading one record's values
from an index (a keyword index records several, a field index one); one step of
a C set intersection, over a value's entry and over the matching set (BTrees
merge both, whatever their sizes); looking one record of an entry up in the
matching set (better for rare values); counting one value with bit masks
(bitmaps.py: a call, and a step per 64 positioned records).
"""

READ_KEYWORD_RECORD = 500
READ_FIELD_RECORD = 200
STEP_PER_INDEXED = 25
STEP_PER_MATCH_AND_VALUE = 3
PROBE = 90
MASK_PER_VALUE = 300
MASK_PER_WORD = 5


def is_keyword(index) -> bool:
    return getattr(index, "meta_type", "") == "KeywordIndex"


def read_cost(index) -> int:
    """Reading one record's values from the index."""
    return READ_KEYWORD_RECORD if is_keyword(index) else READ_FIELD_RECORD


def reading_is_cheaper(index, records: int) -> bool:
    """Reading the values of so many records beats going through the index's
    entries, which costs at least a step per indexed record."""
    return read_cost(index) * records < STEP_PER_INDEXED * index.numObjects()


def entry_costs(length: int, size: int) -> tuple[int, int]:
    """(merging, probing) an entry of ``length`` records with a set of ``size``."""
    return STEP_PER_MATCH_AND_VALUE * size + STEP_PER_INDEXED * length, PROBE * length


def mask_cost(values: int, positions: int) -> int:
    """Counting so many values over a base with bit masks of so many positions."""
    return values * (MASK_PER_VALUE + MASK_PER_WORD * (positions // 64 + 1))
