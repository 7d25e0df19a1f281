"""The profile collective.twinning:sso: the plugin, the guard, the settings and the environment."""

from collective.twinning.sso.passwords import GUARD_ID
from collective.twinning.sso.plugin import ITwinningOIDCPlugin
from collective.twinning.sso.settings import sso_settings
from plone import api
from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin
from Products.PluggableAuthService.interfaces.plugins import IChallengePlugin


def test_the_plugin_is_added_as_oidc_with_no_challenge(sso_portal):
    plugin = sso_portal.acl_users.oidc
    assert ITwinningOIDCPlugin.providedBy(plugin)
    # Plone's login form stays the challenge: pupils log in there.
    assert "oidc" not in sso_portal.acl_users.plugins.listPluginIds(IChallengePlugin)
    assert plugin.getProperty("use_pkce") is True
    assert plugin.getProperty("create_restapi_ticket") is False
    assert plugin.get_redirect_uris() == [f"{sso_portal.absolute_url()}/acl_users/oidc/callback"]


def test_the_guard_checks_passwords_in_place_of_source_users(sso_portal):
    authenticators = sso_portal.acl_users.plugins.listPluginIds(IAuthenticationPlugin)
    assert GUARD_ID in authenticators
    assert "source_users" not in authenticators


def test_installing_twice_changes_nothing(sso_portal):
    from plone.app.testing import applyProfile

    before = list(sso_portal.acl_users.plugins.listPluginIds(IAuthenticationPlugin))
    applyProfile(sso_portal, "collective.twinning:sso")
    assert list(sso_portal.acl_users.plugins.listPluginIds(IAuthenticationPlugin)) == before


def test_defaults_leave_linking_and_sso_only_off(sso_portal):
    settings = sso_settings()
    assert (settings.allow_linking, settings.sso_only_for_staff, settings.hide_local_login) == (
        False,
        False,
        False,
    )
    assert settings.scopes == ("openid", "profile", "email")
    assert (settings.claim_fullname, settings.claim_email, settings.claim_country) == (
        "name",
        "email",
        "country",
    )


def test_the_registry_configures_the_plugin(sso_portal):
    api.portal.set_registry_record("collective.twinning.sso.client_secret", "from-the-registry")
    api.portal.set_registry_record("collective.twinning.sso.scopes", ["openid", "email", "country"])
    plugin = sso_portal.acl_users.oidc
    assert plugin.getProperty("issuer") == "https://login.example.org"
    assert plugin.getProperty("client_secret") == "from-the-registry"
    assert plugin.get_scopes() == ["openid", "email", "country"]


def test_the_environment_wins_and_is_not_stored(sso_portal, monkeypatch):
    monkeypatch.setenv("OIDC_ISSUER", "https://idp.agency.example")
    monkeypatch.setenv("OIDC_CLIENT_ID", "agency-portal")
    monkeypatch.setenv("OIDC_CLIENT_SECRET", "env-secret")
    plugin = sso_portal.acl_users.oidc
    assert (
        plugin.getProperty("issuer"),
        plugin.getProperty("client_id"),
        plugin.getProperty("client_secret"),
    ) == (
        "https://idp.agency.example",
        "agency-portal",
        "env-secret",
    )
    assert api.portal.get_registry_record("collective.twinning.sso.client_secret") == ""
    assert "env-secret" not in repr(plugin.__dict__)


def test_not_configured_without_the_profile(portal, monkeypatch):
    monkeypatch.setenv("OIDC_ISSUER", "https://idp.agency.example")
    monkeypatch.setenv("OIDC_CLIENT_ID", "agency-portal")
    assert sso_settings().configured is False


def test_the_settings_panel_is_in_site_setup(sso_portal):
    configlets = [action.getId() for action in sso_portal.portal_controlpanel.listActions()]
    assert "twinning-sso" in configlets


def test_the_settings_panel_is_for_managers(sso_site, session_for):
    from tests.helpers import create_validator

    import transaction

    create_validator("validator-es", "ES")
    transaction.commit()
    for name in ("@@sso-settings", "@@oidc-controlpanel"):
        page = session_for("manager").get(name)
        assert page.status_code == 200 and "form.widgets.allow_linking" in page.text
        assert session_for("validator-es").get(name).status_code in (401, 403)


def test_uninstalling_gives_source_users_its_place_back(sso_portal):
    from collective.twinning.sso.setup import uninstall_sso

    uninstall_sso(sso_portal)
    authenticators = sso_portal.acl_users.plugins.listPluginIds(IAuthenticationPlugin)
    assert "source_users" in authenticators and GUARD_ID not in authenticators
    assert "oidc" not in sso_portal.acl_users.objectIds()
    api.user.create(email="t@example.org", username="teacher-after", password="secret-pass-2026")
    assert (
        sso_portal.acl_users.authenticate("teacher-after", "secret-pass-2026", sso_portal.REQUEST) is not None
    )
