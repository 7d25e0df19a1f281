"""upgrades.v1003_portal_ui.py: a site made before issue 22 gets its registry records and menu."""

from collective.twinning.upgrades.v1003_portal_ui import demo_front_page
from collective.twinning.upgrades.v1003_portal_ui import RECORDS
from collective.twinning.upgrades.v1003_portal_ui import upgrade
from plone import api


def test_upgrade_sets_the_records_and_the_menu(portal):
    with api.env.adopt_roles(["Manager"]):
        api.portal.set_registry_record("plone.available_languages", ["en", "fr"])
        api.portal.set_registry_record("plone.generate_tabs", True)
        api.portal.set_registry_record(
            "plone.app.theming.interfaces.IThemeSettings.hostnameBlacklist", ["127.0.0.1"]
        )
        api.portal.set_registry_record("collective.twinning.max_file_size_mb", 7)
        actions = api.portal.get_tool("portal_actions")
        actions.portal_tabs.manage_delObjects(["twinning-projects"])
        upgrade()
    assert api.portal.get_registry_record("plone.available_languages") == ["en", "es", "fr"]
    for name, value in RECORDS.items():
        if name != "plone.available_languages":
            assert api.portal.get_registry_record(name) == value, name
    assert api.portal.get_registry_record("collective.twinning.max_file_size_mb") == 7  # untouched
    assert "twinning-projects" in actions.portal_tabs.objectIds()
    assert not actions.user.dashboard.visible
    assert "school" in api.portal.get_tool("portal_memberdata").propertyIds()


def test_demo_front_page(portal):
    demo_front_page()
    assert portal.getLayout() == "twinning-home"
