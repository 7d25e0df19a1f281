"""twinning-export: every space out to a folder and back in, bad archives skipped."""

from collective.twinning.exportimport.command import export_all
from collective.twinning.exportimport.command import import_all
from collective.twinning.exportimport.command import main
from collective.twinning.security import as_system
from plone import api
from tests.helpers import create_teacher
from tests.helpers import make_space

import pytest


@pytest.fixture
def spaces(functional_portal):
    create_teacher("teacher-ana-es", "ES")
    create_teacher("teacher-luca-it", "IT")
    return [
        make_space(
            functional_portal["projects"], "teacher-ana-es", "teacher-luca-it", state, id_=f"space-{state}"
        )
        for state in ("draft", "pending", "running")
    ]


def test_export_then_import_every_space(functional_portal, spaces, tmp_path):
    with as_system("admin"):
        assert export_all(functional_portal, tmp_path) == 3
        states = {s.UID(): api.content.get_state(obj=s) for s in spaces}
        for space in spaces:
            api.content.delete(obj=space, check_linkintegrity=False)
        (tmp_path / "broken.zip").write_bytes(b"not a zip at all")
        imported, refused = import_all(functional_portal, tmp_path)
    assert imported == 3
    assert [line.split(":")[0] for line in refused] == ["broken.zip"]
    with as_system("admin"):
        for uid, state in states.items():
            assert api.content.get_state(obj=api.content.get(UID=uid)) == state


def test_importing_twice_skips_what_is_there(functional_portal, spaces, tmp_path):
    with as_system("admin"):
        export_all(functional_portal, tmp_path)
        imported, refused = import_all(functional_portal, tmp_path)
    assert imported == 0
    assert len(refused) == 3
    assert all("already on this site" in line for line in refused)


def test_command_line_is_checked():
    with pytest.raises(SystemExit):
        main(["zope.conf", "sideways", "Plone", "folder"])
