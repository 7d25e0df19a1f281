"""A refusal reaches the form field it names, in the user's language, whatever its English words."""

from collective.twinning import _
from collective.twinning.browser.views import errors
from collective.twinning.errors import FieldError
from collective.twinning.membership import members
from collective.twinning.membership.roster import Roster
from tests.browser_views.conftest import FOUNDER
from tests.browser_views.conftest import MEMBER
from tests.browser_views.conftest import OUTSIDER
from tests.browser_views.conftest import VALIDATOR_ES
from tests.helpers import GOOD_SCORES
from tests.helpers import make_label
from tests.helpers import submit_label

import inspect
import pytest
import re


def shown(html: str, element_id: str) -> str | None:
    """The text of the element ``element_id`` (an error message), or None when it is not there."""
    match = re.search(rf'id="{re.escape(element_id)}"[^>]*>(.*?)</div>', html, re.DOTALL)
    return " ".join(match.group(1).split()) if match else None


def test_forms_translate_no_english_text():
    """No table of patterns over English messages: the errors carry their message id."""
    source = inspect.getsource(errors)
    assert not hasattr(errors, "KNOWN") and not hasattr(errors, "COMPILED")
    assert "import re" not in source and "re.compile" not in source


def test_a_field_error_reaches_its_field_whatever_its_words(space_in, render, monkeypatch):
    def refuse(place, userid, role):
        raise FieldError("role", _("Words no table knows: ${what}.", mapping={"what": role}))

    monkeypatch.setattr(members, "add_member", refuse)
    space = space_in("running")
    html = render(
        space, "twinning-add-member", FOUNDER, {"user": MEMBER, "role": "TwinSpaceTeacher"}, post=True
    )
    assert shown(html, "error-role") == "Words no table knows: TwinSpaceTeacher."
    assert shown(html, "error-user") is None


@pytest.fixture
def submitted_label(space_in):
    return submit_label(make_label(space_in("running"), FOUNDER))


def scores_form(**changes) -> dict:
    return {
        "form.submitted": "1",
        "comment": "Good work.",
        "decision": "award",
        **{f"scores.{name}": str(score) for name, score in GOOD_SCORES.items()},
        **changes,
    }


@pytest.mark.parametrize(
    "where,view,userid,form,element,text",
    [
        (
            "space",
            "twinning-add-member",
            FOUNDER,
            {"user": MEMBER, "role": "Owner"},
            "error-role",
            "Elige uno de los papeles.",
        ),
        (
            "space",
            "twinning-add-member",
            FOUNDER,
            {"user": "", "role": "TwinSpaceTeacher"},
            "error-user",
            "Este campo es obligatorio.",
        ),
        (
            "pending",
            "twinning-decide",
            VALIDATOR_ES,
            {"decision": "reject", "comment": ""},
            "error-comment",
            "Explica por qué lo rechazas: los docentes lo leerán.",
        ),
        (
            "label",
            "label-evaluation",
            VALIDATOR_ES,
            scores_form(**{"scores.collaboration": ""}),
            "error-scores.collaboration",
            "Puntúa todos los criterios.",
        ),
        (
            "label",
            "label-evaluation",
            VALIDATOR_ES,
            scores_form(**{"scores.use_of_technology": "4"}),
            "error-scores.use_of_technology",
            "Para conceder, cada criterio necesita 5 o más.",
        ),
        (
            "group",
            "group-join",
            OUTSIDER,
            {},
            "form-error",
            "El grupo es solo por invitación: pide a sus administradores que te inviten.",
        ),
    ],
)
def test_refusals_in_spanish_next_to_their_field(
    request, space_in, group_in, render, spanish, where, view, userid, form, element, text
):
    obj = {
        "space": lambda: space_in("running"),
        "pending": lambda: space_in("pending"),
        "label": lambda: request.getfixturevalue("submitted_label"),
        "group": lambda: group_in("invitation"),
    }[where]()
    html = render(obj, view, userid, form, post=True)
    assert text in (shown(html, element) or "")


def test_nothing_is_written_when_a_form_is_refused(space_in, render):
    space = space_in("running")
    render(space, "twinning-add-member", FOUNDER, {"user": OUTSIDER, "role": "Owner"}, post=True)
    assert OUTSIDER not in Roster(space)
