"""European Prizes: who nominates, who scores (state x role x action), ranking with ties,
the announcement on the project and in @project-search."""

from collective.twinning.errors import FieldError
from collective.twinning.membership.roster import Roster
from collective.twinning.recognition.prizes import ranking
from collective.twinning.recognition.prizes import score
from collective.twinning.recognition.prizes import scores_of
from collective.twinning.security import as_system
from plone import api
from tests.helpers import bring_label_to
from tests.helpers import create_account
from tests.helpers import decide_label
from tests.helpers import make_label
from tests.helpers import make_space
from tests.helpers import submit_label
from tests.recognition.conftest import EUROPEAN
from tests.recognition.conftest import PARTNER_IT
from tests.recognition.conftest import VALIDATOR_ES
from tests.recognition.conftest import VALIDATOR_IT
from zExceptions import Forbidden

import pytest


JURORS = ("juror-one", "juror-two")


def labelled_project(portal, id_, ages=(12, 14)):
    """A running ES-IT project holding an awarded European Quality Label."""
    space = make_space(portal["projects"], "teacher-ana", PARTNER_IT, "running", id_=id_)
    space.age_from, space.age_to = ages
    bring_label_to(make_label(space, "teacher-ana", id_=f"nql-es-{id_}"), "awarded", VALIDATOR_ES)
    bring_label_to(make_label(space, PARTNER_IT, id_=f"nql-it-{id_}"), "awarded", VALIDATOR_IT)
    decide_label(
        submit_label(make_label(space, "teacher-ana", level="european", id_=f"eql-{id_}")), EUROPEAN, "award"
    )
    return space


@pytest.fixture
def prize_round(portal, validators):
    from tests.helpers import create_teacher

    create_teacher("teacher-ana", "ES")
    for juror in JURORS:
        create_account(juror, "FR")
    create_account("juror-member", "IT", roles=["Teacher"])
    with api.env.adopt_user(username=EUROPEAN):
        found = api.content.create(
            container=portal["recognition"],
            type="PrizeRound",
            title="European Prizes 2026",
            school_year="2025-2026",
            jury=[*JURORS, "juror-member"],
        )
    with as_system(EUROPEAN):
        api.content.transition(obj=found, transition="open_nominations")
    return found


def nominate(prize_round, project, by=VALIDATOR_ES, **fields):
    with api.env.adopt_user(username=by):
        return api.content.create(
            container=prize_round,
            type="PrizeEntry",
            id=f"entry-{project.getId()}",
            project=project.UID(),
            **fields,
        )


def judge(prize_round):
    with as_system(EUROPEAN):
        api.content.transition(obj=prize_round, transition="start_judging")


def marks(value):
    from collective.twinning.recognition.prizes import PRIZE_CRITERIA

    return dict.fromkeys(PRIZE_CRITERIA, value)


# role x action on an entry while judging: scoring.
SCORERS = {
    "juror-one": True,  # on the round's jury
    VALIDATOR_ES: False,  # the nominating national service
    EUROPEAN: False,  # the organiser, not a juror
    "teacher-ana": False,  # a teacher of the nominated project, not on the jury
    "juror-member": False,  # on the jury, but a teacher of the nominated project
}


@pytest.mark.parametrize("who,allowed", SCORERS.items())
def test_who_scores(portal, prize_round, who, allowed):
    project = labelled_project(portal, "p1")
    Roster(project).set("juror-member", "TwinSpaceTeacher")
    entry = nominate(prize_round, project)
    judge(prize_round)
    with api.env.adopt_user(username=who):
        if allowed:
            assert score(entry, who, {"scores": marks(8)})["jurors_scored"] == 1
        else:
            with pytest.raises(Forbidden):
                score(entry, who, {"scores": marks(10)})
            assert scores_of(entry, who)["jurors_scored"] == 0


def test_no_scores_while_nominating(portal, prize_round):
    entry = nominate(prize_round, labelled_project(portal, "p1"))
    with api.env.adopt_user(username="juror-one"), pytest.raises(FieldError) as error:
        score(entry, "juror-one", {"scores": marks(8)})
    assert error.value.field == "scores"


def problem(prize_round, project, by):
    from collective.twinning.recognition.prizes import nomination_problem
    from zope.i18n import translate

    with api.env.adopt_user(username=by):
        found = nomination_problem(project.UID(), prize_round)
    return translate(found) if found is not None else None


def test_nominations_are_checked(portal, prize_round):
    project = labelled_project(portal, "p1")
    create_account("validator-fr", "FR", roles=["NationalValidator"])
    assert "own country" in problem(prize_round, project, "validator-fr")
    assert problem(prize_round, project, VALIDATOR_ES) is None
    assert problem(prize_round, project, VALIDATOR_IT) is None  # the partner's country too
    nominate(prize_round, project)
    assert "already nominated" in problem(prize_round, project, VALIDATOR_IT)
    unlabelled = make_space(portal["projects"], "teacher-ana", PARTNER_IT, "running", id_="plain")
    assert "European Quality Label" in problem(prize_round, unlabelled, VALIDATOR_ES)
    judge(prize_round)
    assert "only while nominating" in problem(prize_round, labelled_project(portal, "p2"), VALIDATOR_ES)


def test_ranking_with_ties_and_the_announcement(portal, prize_round):
    entries = {name: nominate(prize_round, labelled_project(portal, name)) for name in ("p1", "p2", "p3")}
    little = nominate(prize_round, labelled_project(portal, "p4", ages=(4, 6)))
    judge(prize_round)
    given = {"p1": (9, 7), "p2": (8, 8), "p3": (6, 6)}  # p1 and p2 tie on a mean of 8
    for name, (one, two) in given.items():
        for juror, value in zip(JURORS, (one, two), strict=True):
            with api.env.adopt_user(username=juror):
                score(entries[name], juror, {"scores": marks(value)})
    found = {row["category"]: row["entries"] for row in ranking(prize_round)}
    assert [(row["entry_id"], row["rank"], row["score"]) for row in found["age_12_15"]] == [
        ("entry-p1", 1, 8.0),
        ("entry-p2", 1, 8.0),
        ("entry-p3", 3, 6.0),
    ]
    assert [(row["entry_id"], row["rank"]) for row in found["age_0_6"]] == [("entry-p4", None)]  # unscored

    with as_system(EUROPEAN):
        api.content.transition(obj=prize_round, transition="announce")
    assert {entry.getId() for entry in entries.values() if entry.winner} == {"entry-p1", "entry-p2"}
    assert not little.winner
    catalog = api.portal.get_tool("portal_catalog")
    won = {brain.getId for brain in catalog(portal_type="TwinSpace", prize="age_12_15")}
    assert won == {"p1", "p2"}
