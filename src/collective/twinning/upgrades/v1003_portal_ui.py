"""Issue 22 (a portal people can live in): theming at any host, en/es, the main menu, HTML-only rich text.

Sets the registry records of profiles/default/registry.xml that this step added (and no
other: an administrator's upload limits stay as they are) and imports the actions
(portal_tabs to the search pages, My space in the user menu) and the member field
``school`` (memberdata property and registration form). For the lead: register it
as the step to the next profile version.
"""

from plone import api


PROFILE = "profile-collective.twinning:default"
RECORDS = {
    "plone.app.theming.interfaces.IThemeSettings.hostnameBlacklist": [],
    "plone.available_languages": ["en", "es"],
    "plone.use_combined_language_codes": False,
    "plone.use_request_negotiation": True,
    "plone.use_cookie_negotiation": True,
    "plone.generate_tabs": False,
    "plone.allowed_types": ("text/html",),
}


def upgrade(setup_tool=None) -> None:
    setup = setup_tool or api.portal.get_tool("portal_setup")
    for name, value in RECORDS.items():
        if name == "plone.available_languages":
            # Keep languages an administrator added (fr, it, …): the add-on has their catalogues.
            current = api.portal.get_registry_record(name, default=None) or []
            value = value + [code for code in current if code not in value]
        api.portal.set_registry_record(name, value)
    setup.runImportStepFromProfile(PROFILE, "actions", run_dependencies=False)
    # The member field "school" (asked at registration, shown to the validators).
    setup.runImportStepFromProfile(PROFILE, "memberdata-properties", run_dependencies=False)
    setup.runImportStepFromProfile(PROFILE, "usersschema", run_dependencies=False)


def demo_front_page(setup_tool=None) -> None:
    """A demo site made before issue 22 gets the front page as its default view
    (a step of the demo profile: run only where collective.twinning:demo was applied)."""
    from collective.twinning.demo.setup import set_front_page

    set_front_page(api.portal.get())
