"""Field constraints and invariants, called directly (no HTTP)."""

from collective.twinning.collaboration.embeds import EmbedNotAllowed
from collective.twinning.collaboration.embeds import is_embed_url
from collective.twinning.content import validation
from datetime import date
from types import SimpleNamespace
from zope.interface import Invalid
from zope.schema import ValidationError

import pytest


@pytest.mark.parametrize(
    "reference,valid",
    [
        ("2025-1-ES01-KA122-SCH-000123456", True),
        ("2026-2-IT02-KA220-SCH-000987654", True),
        ("2025-1-ES01-KA122-SCH-00012345", False),  # 8 digits
        ("2025-1-es01-KA122-SCH-000123456", False),  # lower case country
        ("25-1-ES01-KA122-SCH-000123456", False),
        ("2025-4-ES01-KA122-SCH-000123456", False),  # round 1-3 only
        ("ES-123", False),
        ("", False),
    ],
)
def test_erasmus_reference(reference, valid):
    if valid:
        assert validation.is_erasmus_reference(reference)
    else:
        with pytest.raises(validation.InvalidErasmusReference):
            validation.is_erasmus_reference(reference)


@pytest.mark.parametrize(
    "year,valid",
    [
        ("2026-2027", True),
        ("1999-2000", True),
        ("2026-2028", False),
        ("2026/2027", False),
        ("2027-2026", False),
        ("26-27", False),
    ],
)
def test_school_year(year, valid):
    if valid:
        assert validation.is_school_year(year)
    else:
        with pytest.raises(validation.InvalidSchoolYear):
            validation.is_school_year(year)


@pytest.mark.parametrize(
    "url,valid",
    [
        ("https://www.youtube.com/watch?v=abc", True),
        ("https://youtu.be/abc", True),
        ("https://vimeo.com/12345", True),
        ("https://player.vimeo.com/video/12345", True),
        ("https://www.dailymotion.com/video/x7", True),
        ("https://padlet.com/class/wall", True),
        ("https://view.genial.ly/abc", True),
        ("https://docs.google.com/document/d/abc/edit", True),
        ("https://school.h5p.com/content/123", True),
        ("https://learningapps.org/watch?v=1", True),
        ("https://forms.office.com/r/abc", True),
        ("http://www.youtube.com/watch?v=abc", False),  # not https
        ("https://youtube.com.evil.example/watch", False),
        ("https://evil.example/?u=https://www.youtube.com/", False),
        ("https://evil.example/a.h5p.com/content/1", False),  # the host pattern stays in the host
        ("https://www.youtube.com@evil.example/watch", False),
        ("https://docs.google.com/spreadsheets/d/abc", False),  # only the listed paths
        ("javascript:alert(1)", False),
        (None, False),
    ],
)
def test_embed_url(url, valid):
    if valid:
        assert is_embed_url(url)
    else:
        with pytest.raises(EmbedNotAllowed):
            is_embed_url(url)


@pytest.mark.parametrize("value,valid", [(True, True), (False, False), (None, False)])
def test_copyright_confirmed(value, valid):
    if valid:
        assert validation.is_true(value)
    else:
        with pytest.raises(ValidationError):
            validation.is_true(value)


@pytest.mark.parametrize(
    "low,high,valid",
    [
        (3, 20, True),
        (10, 10, True),
        (12, 10, False),
        (None, 10, True),
        (12, None, True),
        (date(2027, 1, 2), date(2027, 1, 1), False),
        (date(2027, 1, 1), date(2027, 1, 2), True),
    ],
)
def test_check_order(low, high, valid):
    data = SimpleNamespace(age_from=low, age_to=high)
    if valid:
        validation.check_order(data, "age_from", "age_to")
    else:
        with pytest.raises(Invalid):
            validation.check_order(data, "age_from", "age_to")


@pytest.mark.parametrize(
    "given,valid",
    [
        ({"file": b"x"}, True),
        ({"embed_url": "https://vimeo.com/1"}, True),
        ({}, False),
        ({"file": b"x", "embed_url": "https://vimeo.com/1"}, False),
        ({"file": b"x", "image": b"y"}, False),
    ],
)
def test_check_exactly_one(given, valid):
    data = SimpleNamespace(**{"file": None, "image": None, "embed_url": None, **given})
    names = ("file", "image", "embed_url")
    if valid:
        validation.check_exactly_one(data, names)
    else:
        with pytest.raises(Invalid) as error:
            validation.check_exactly_one(data, names)
        assert "file, image, embed_url" in error.value.args[0].mapping["fields"]
