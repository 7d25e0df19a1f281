"""The European Prizes round page: nominate, score, rank and announce through its forms
(state x role x action), bad input named by its field with nothing written, the prize on the project."""

from collective.twinning.membership.roster import Roster
from collective.twinning.recognition.prizes import PRIZE_CRITERIA
from collective.twinning.recognition.prizes import scores_of
from collective.twinning.security import as_system
from plone import api
from tests.browser_views.conftest import FOUNDER
from tests.browser_views.conftest import PARTNER
from tests.browser_views.conftest import VALIDATOR_ES
from tests.browser_views.conftest import VALIDATOR_IT
from tests.browser_views.test_form_errors import shown
from tests.helpers import bring_label_to
from tests.helpers import create_account
from tests.helpers import decide_label
from tests.helpers import make_label
from tests.helpers import make_space
from tests.helpers import submit_label
from zExceptions import Unauthorized

import pytest


EUROPEAN, JUROR, JUROR_MEMBER, VALIDATOR_FR = "validator-eu", "juror-one", "juror-member", "validator-fr"
LATER_STEPS = {"nominating": (), "judging": ("start_judging",), "announced": ("start_judging", "announce")}


def labelled_project(portal, id_, ages=(8, 10), european=True):
    """A running ES-IT project holding awarded national labels and, unless told, a European one."""
    space = make_space(portal["projects"], FOUNDER, PARTNER, "running", id_=id_)
    space.age_from, space.age_to = ages
    bring_label_to(make_label(space, FOUNDER, id_=f"nql-es-{id_}"), "awarded", VALIDATOR_ES)
    bring_label_to(make_label(space, PARTNER, id_=f"nql-it-{id_}"), "awarded", VALIDATOR_IT)
    if european:
        label = submit_label(make_label(space, FOUNDER, level="european", id_=f"eql-{id_}"))
        decide_label(label, EUROPEAN, "award")
    space.reindexObject()
    return space


@pytest.fixture
def prizes_world(world):
    create_account(EUROPEAN, "BE", roles=["EuropeanValidator"])
    create_account(VALIDATOR_FR, "FR", roles=["NationalValidator"])
    create_account(JUROR, "FR")
    create_account(JUROR_MEMBER, "IT", roles=["Teacher"])
    return world


@pytest.fixture
def round_in(prizes_world):
    """A round in a state, with one entry (project ``entered``) once past draft; ``waiting`` is eligible."""

    def factory(state="nominating"):
        portal = prizes_world
        with api.env.adopt_user(username=EUROPEAN):
            prize_round = api.content.create(
                container=portal["recognition"],
                type="PrizeRound",
                id="prizes",
                title="European Prizes",
                school_year="2025-2026",
                jury=[JUROR, JUROR_MEMBER],
            )
        entered = labelled_project(portal, "entered", ages=(12, 14))
        Roster(entered).set(JUROR_MEMBER, "TwinSpaceTeacher")
        labelled_project(portal, "waiting")
        labelled_project(portal, "unlabelled", european=False)
        if state == "draft":
            return prize_round
        with as_system(EUROPEAN):
            api.content.transition(obj=prize_round, transition="open_nominations")
        with api.env.adopt_user(username=VALIDATOR_ES):
            api.content.create(
                container=prize_round, type="PrizeEntry", id="entry-entered", project=entered.UID()
            )
        for transition in LATER_STEPS[state]:
            with as_system(EUROPEAN):
                api.content.transition(obj=prize_round, transition=transition)
        return prize_round

    return factory


def marks(value=8, **changes) -> dict:
    return {
        "form.submitted": "1",
        "comment": "Well done.",
        **{f"scores.{name}": str(value) for name in PRIZE_CRITERIA},
        **changes,
    }


def entries(prize_round) -> set:
    return {obj.getId() for obj in prize_round.objectValues()}


# (state, who, action, expected): "done" (the thing happened), "refused" (a message on the page,
# nothing written), "unauthorized" (no permission: Zope refuses the form before it runs).
TABLE = [
    ("nominating", VALIDATOR_ES, "nominate", "done"),
    ("nominating", VALIDATOR_IT, "nominate", "done"),  # the partner's country
    ("nominating", EUROPEAN, "nominate", "done"),
    ("nominating", VALIDATOR_FR, "nominate", "refused"),  # not a project of their country
    ("nominating", JUROR, "nominate", "unauthorized"),
    ("nominating", FOUNDER, "nominate", "unauthorized"),
    (None, VALIDATOR_ES, "nominate", "unauthorized"),  # draft: not even visible to them
    ("judging", VALIDATOR_ES, "nominate", "unauthorized"),
    ("judging", JUROR, "score", "done"),
    ("judging", JUROR_MEMBER, "score", "refused"),  # a teacher of the entered project
    ("judging", VALIDATOR_ES, "score", "unauthorized"),
    ("judging", EUROPEAN, "score", "unauthorized"),
    ("judging", FOUNDER, "score", "unauthorized"),
    ("nominating", JUROR, "score", "unauthorized"),
    ("judging", EUROPEAN, "announce", "done"),
    ("judging", VALIDATOR_ES, "announce", "refused"),
    ("judging", JUROR, "announce", "refused"),
    ("nominating", EUROPEAN, "start_judging", "done"),
    ("nominating", VALIDATOR_ES, "start_judging", "refused"),
    ("judging", JUROR, "rank", "done"),
    ("judging", VALIDATOR_ES, "rank", "done"),
    ("judging", EUROPEAN, "rank", "done"),
    ("judging", FOUNDER, "rank", "unauthorized"),
    ("announced", FOUNDER, "rank", "refused"),  # the winners are public, the ranking is not
    ("announced", None, "rank", "refused"),
]


def act(render, prize_round, who, action):
    """Run ``action`` through the page's forms as ``who``: (the page or redirect, whether it happened)."""
    portal = api.portal.get()
    match action:
        case "nominate":
            waiting = portal["projects"]["waiting"]
            page = render(
                prize_round, "prize-nominate", who, {"project": waiting.UID(), "category": ""}, post=True
            )
            return page, "entry-waiting" in entries(prize_round)
        case "score":
            entry = prize_round["entry-entered"]
            page = render(entry, "prize-score", who, marks(), post=True)
            return page, scores_of(entry, who)["jurors_scored"] == 1
        case "rank":
            page = render(prize_round, "view", who)
            return page, 'id="prize-ranking"' in page
        case transition:
            target = {"announce": "announced", "start_judging": "judging"}[transition]
            page = render(prize_round, "twinning-transition", who, {"transition": transition}, post=True)
            return page, api.content.get_state(obj=prize_round) == target


@pytest.mark.parametrize("state,who,action,expected", TABLE)
def test_round_forms_by_state_and_role(round_in, render, state, who, action, expected):
    prize_round = round_in(state or "draft")
    before = entries(prize_round), api.content.get_state(obj=prize_round)
    if expected == "unauthorized":
        with pytest.raises(Unauthorized):
            act(render, prize_round, who, action)
        assert (entries(prize_round), api.content.get_state(obj=prize_round)) == before
        return
    page, happened = act(render, prize_round, who, action)
    assert happened is (expected == "done")
    if expected == "refused" and action != "rank":
        assert shown(page, "form-error") or shown(page, "error-project"), page
        assert (entries(prize_round), api.content.get_state(obj=prize_round)) == before


def test_the_page_shows_entries_by_category_and_the_nomination_form(round_in, render):
    prize_round = round_in("nominating")
    page = render(prize_round, "view", VALIDATOR_ES)
    assert 'data-state="nominating"' in page
    assert 'data-category="age_12_15"' in page and 'data-entry="entry-entered"' in page
    waiting = api.portal.get()["projects"]["waiting"]
    assert f'data-project="{waiting.UID()}"' in page  # eligible, with its derived category
    assert "Pupils aged 7 to 11" in page.split(f'data-project="{waiting.UID()}"')[1].split("</label>")[0]
    unlabelled = api.portal.get()["projects"]["unlabelled"]
    entered = api.portal.get()["projects"]["entered"]
    assert f'data-project="{unlabelled.UID()}"' not in page  # no European label
    assert f'data-project="{entered.UID()}"' not in page  # already entered
    assert 'data-test="transition-start_judging"' not in page  # the European service's step
    assert 'data-test="transition-start_judging"' in render(prize_round, "view", EUROPEAN)


def test_the_category_is_derived_unless_chosen(round_in, render):
    prize_round = round_in("nominating")
    waiting = api.portal.get()["projects"]["waiting"]
    render(
        prize_round, "prize-nominate", VALIDATOR_ES, {"project": waiting.UID(), "category": "ivet"}, post=True
    )
    assert prize_round["entry-waiting"].category == "ivet"


@pytest.mark.parametrize(
    "project,category,field,text",
    [
        ("unlabelled", "", "error-project", "only projects holding an awarded European Quality Label"),
        ("entered", "", "error-project", "already nominated"),
        ("nothing", "", "error-project", "give the UID of a project"),
        ("waiting", "age_99", "error-category", "choose one of the categories"),
    ],
)
def test_bad_nominations_name_their_field_and_write_nothing(round_in, render, project, category, field, text):
    prize_round = round_in("nominating")
    projects = api.portal.get()["projects"]
    uid = projects[project].UID() if project in projects else project
    before = entries(prize_round)
    page = render(
        prize_round, "prize-nominate", VALIDATOR_ES, {"project": uid, "category": category}, post=True
    )
    assert text in shown(page, field)
    assert entries(prize_round) == before


@pytest.mark.parametrize(
    "changes,field,text",
    [
        (
            {"scores.pedagogical_approaches": "11"},
            "error-scores.pedagogical_approaches",
            "scores.pedagogical_approaches must be a whole number",
        ),
        ({"scores.collaboration": "-1"}, "error-scores.collaboration", "from 0 to 10"),
        ({"scores.use_of_technology": "seven"}, "error-scores.use_of_technology", "from 0 to 10"),
        ({"scores.pedagogical_approaches": ""}, "form-error", "missing pedagogical_approaches"),
        ({"comment": "x" * 5001}, "error-comment", "at most 5000 characters"),
    ],
)
def test_bad_scores_name_their_field_and_write_nothing(round_in, render, changes, field, text):
    prize_round = round_in("judging")
    entry = prize_round["entry-entered"]
    page = render(entry, "prize-score", JUROR, marks(**changes), post=True)
    assert 'id="round-header"' in page  # the round's page again, not a 500
    assert text in shown(page, field), page
    assert scores_of(entry, JUROR)["jurors_scored"] == 0


def test_a_juror_sees_no_score_form_on_their_own_project(round_in, render):
    prize_round = round_in("judging")
    page = render(prize_round, "view", JUROR_MEMBER)
    assert 'data-test="score-form-entry-entered"' not in page
    assert "you do not score it" in page
    assert 'data-test="score-form-entry-entered"' in render(prize_round, "view", JUROR)
    refused = render(prize_round["entry-entered"], "prize-score", JUROR_MEMBER, marks(), post=True)
    assert "member of" in shown(refused, "form-error")


def test_ranking_and_the_prize_on_the_project_page(round_in, render):
    prize_round = round_in("judging")
    render(prize_round["entry-entered"], "prize-score", JUROR, marks(9), post=True)
    ranking = render(prize_round, "view", JUROR)
    row = ranking.split('data-entry="entry-entered" data-rank="1"')
    assert len(row) == 2 and "9.0" in row[1].split("</tr>")[0]
    entered = api.portal.get()["projects"]["entered"]
    assert "prize-badge" not in render(entered, "view", None)
    render(prize_round, "twinning-transition", EUROPEAN, {"transition": "announce"}, post=True)
    page = render(entered, "view", None)  # anyone, once announced
    badge = page.split('class="badge text-bg-warning prize-badge"')[1].split("</span>\n")[0]
    assert 'data-category="age_12_15"' in badge
    assert prize_round.absolute_url() in page
    assert "2025-2026: Pupils aged 12 to 15" in page
    assert "prize-badge" not in render(api.portal.get()["projects"]["waiting"], "view", None)
