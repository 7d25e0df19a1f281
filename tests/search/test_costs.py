"""When reading records' values beats going through an index's entries (costs.py)."""

from collective.twinning.search.costs import reading_is_cheaper
from dataclasses import dataclass

import pytest


@dataclass
class FakeIndex:
    meta_type: str
    indexed: int

    def numObjects(self):
        return self.indexed


@pytest.mark.parametrize("meta_type,indexed,records,cheaper", [
    # a field index: 200 ns a record against at least 25 ns per indexed record
    ("FieldIndex", 20_000, 2_499, True),
    ("FieldIndex", 20_000, 2_500, False),
    ("FieldIndex", 20_000, 20_000, False),
    # a keyword index records several values per record: 500 ns each
    ("KeywordIndex", 20_000, 999, True),
    ("KeywordIndex", 20_000, 1_000, False),
    ("KeywordIndex", 0, 1, False),  # an empty index: its entries cost nothing
])
def test_reading_is_cheaper_for_few_records(meta_type, indexed, records, cheaper):
    assert reading_is_cheaper(FakeIndex(meta_type, indexed), records) is cheaper
