"""upgrades.v1005_application_roles: on a 1004 site the call's owner reached every school's draft
application; after the step only the applicant does."""

from collective.twinning.upgrades.v1005_application_roles import upgrade
from plone import api
from tests.recognition.conftest import apply
from tests.recognition.conftest import make_call
from tests.recognition.conftest import school  # noqa: F401 - a fixture
from tests.recognition.conftest import VALIDATOR_ES
from tests.recognition.conftest import validators  # noqa: F401 - a fixture
from zope.annotation.interfaces import IAnnotations


def reaches(userid: str, obj) -> bool:
    """Whether ``userid`` may edit ``obj`` now (borg.localrole keeps its answers on the request)."""
    annotations = IAnnotations(obj.REQUEST)
    for key in [key for key in annotations if str(key).startswith("borg.localrole")]:
        del annotations[key]
    return bool(api.user.has_permission("Modify portal content", username=userid, obj=obj))


def test_upgrade_stops_the_calls_roles_at_applications(portal, school):  # noqa: F811
    call = make_call(portal, owner=VALIDATOR_ES)
    draft = apply(call, school, submit=False)
    del draft.__ac_local_roles_block__  # as 1004 made it
    draft.reindexObjectSecurity()
    assert reaches(VALIDATOR_ES, draft)  # the hole

    with api.env.adopt_roles(["Manager"]):
        upgrade()
        upgrade()  # twice: nothing more

    assert not reaches(VALIDATOR_ES, draft)
    assert reaches("teacher-ana", draft)
