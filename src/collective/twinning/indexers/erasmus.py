"""What the catalog knows of mobilities and Quality Labels (reports, stats, profiles).

``twinning_summary`` is a metadata column: the numbers a report or the stats
need, read from the brains without waking the objects up.
``twinning_countries`` is the countries an item concerns, so a national
validator's numbers are its country's.
"""

from collective.twinning.content.mobility import IMobility
from collective.twinning.content.quality_label import IQualityLabel
from collective.twinning.content.twinspace import ITwinSpace
from collective.twinning.labels.awarded import awarded_date
from collective.twinning.mobilities.rules import days_of
from plone.indexer import indexer


def _iso(day):
    return day.isoformat() if day is not None else None


def mobility_summary_of(mobility) -> dict:
    return {
        "key_action": mobility.key_action,
        "activity_type": mobility.activity_type,
        "direction": mobility.direction,
        "sending_country": getattr(mobility, "sending_country", None),
        "host_country": mobility.host_country,
        "start": _iso(mobility.start),
        "end": _iso(mobility.end),
        "days": days_of(mobility.start, mobility.end),
        "participants_staff": mobility.participants_staff or 0,
        "participants_pupils": mobility.participants_pupils or 0,
        "accompanying_persons": mobility.accompanying_persons or 0,
    }


def label_summary_of(label) -> dict:
    return {
        "level": label.level,
        "applicant": label.applicant,
        "country": getattr(label, "applicant_country", None),
        "school_year": label.school_year,
        "awarded": awarded_date(label),
    }


@indexer(IMobility)
def mobility_summary(mobility):
    return mobility_summary_of(mobility)


@indexer(IQualityLabel)
def label_summary(label):
    return label_summary_of(label)


@indexer(ITwinSpace)
def space_countries(space):
    return list(getattr(space, "countries", ()) or ())


@indexer(IMobility)
def mobility_countries(mobility):
    return sorted({c for c in (getattr(mobility, "sending_country", None), mobility.host_country) if c})


@indexer(IQualityLabel)
def label_countries(label):
    country = getattr(label, "applicant_country", None)
    return [country] if country else []
