"""The school year of a Quality Label application."""

from collective.twinning.content.quality_label import school_year_of
from datetime import date

import pytest


@pytest.mark.parametrize(
    "day,year",
    [
        (date(2026, 9, 1), "2026-2027"),
        (date(2026, 12, 31), "2026-2027"),
        (date(2027, 8, 31), "2026-2027"),
        (date(2027, 9, 1), "2027-2028"),
    ],
)
def test_school_year_of(day, year):
    assert school_year_of(day) == year
