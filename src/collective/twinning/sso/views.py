"""The provider's login and logout in the Classic UI.

On the plugin (``acl_users/oidc``): ``login`` sends the browser to the provider (state,
nonce, PKCE), ``callback`` checks its answer (``flow``) and logs the user in to its
account (``accounts``). On the site: the login form gains "Log in with <provider>" and
says why a staff password was refused; logout also ends the provider's session.
"""

from collective.twinning import _
from collective.twinning.sso import flow
from collective.twinning.sso.accounts import LoginRefused
from collective.twinning.sso.plugin import ITwinningOIDCPlugin
from collective.twinning.sso.plugin import PLUGIN_ID
from collective.twinning.sso.settings import sso_settings
from collective.twinning.teachers.requests import is_pending
from oic.oic.message import EndSessionRequest
from pas.plugins.oidc import utils
from plone import api
from plone.base import PloneMessageFactory as PMF
from plone.protect.interfaces import IDisableCSRFProtection
from Products.CMFPlone.browser.login.login import LoginForm as PloneLoginForm
from Products.CMFPlone.browser.login.logout import LogoutView as PloneLogoutView
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from urllib.parse import urlencode
from zope.i18n import translate
from zope.interface import alsoProvides

import logging
import transaction


logger = logging.getLogger(__name__)
# Set when the provider logged the browser in: logout then also ends the provider's session.
SSO_COOKIE = "twinning_sso"
SESSION_COOKIE = "__ac_session"  # pas.plugins.oidc's state, nonce and PKCE verifier


def provider_label(settings) -> str:
    return settings.provider_name or settings.issuer


def sso_plugin():
    """The add-on's OIDC plugin, when installed and configured."""
    plugin = api.portal.get_tool("acl_users")._getOb(PLUGIN_ID, None)
    if plugin is None or not ITwinningOIDCPlugin.providedBy(plugin) or not sso_settings().configured:
        return None
    return plugin


def safe_came_from(came_from) -> str:
    portal_url = api.portal.get_tool("portal_url")
    if isinstance(came_from, str) and came_from and portal_url.isURLInPortal(came_from):
        return came_from
    return api.portal.get().absolute_url()


class StartLogin(BrowserView):
    """``acl_users/oidc/login``: to the provider's authorization endpoint."""

    def __call__(self):
        settings = sso_settings()
        response = self.request.response
        response.setHeader("Cache-Control", "no-store")
        try:
            if not settings.configured:
                raise ValueError("not configured")
            session = utils.initialize_session(self.context, self.request)
            args = utils.authorization_flow_args(self.context, session)
            client = self.context.get_oauth2_client()
            url = client.construct_AuthorizationRequest(request_args=args).request(
                client.authorization_endpoint
            )
        except Exception as error:  # the provider unreachable or not configured
            logger.warning("OpenID Connect login could not start: %r", error)
            IStatusMessage(self.request).add(
                _(
                    "${provider} cannot be reached now. Please try again later.",
                    mapping={"provider": provider_label(settings) or "SSO"},
                ),
                "error",
            )
            response.redirect(f"{api.portal.get().absolute_url()}/login")
            return ""
        response.redirect(url)
        return ""


class Callback(BrowserView):
    """``acl_users/oidc/callback``: the provider's answer, checked, then the session."""

    def __call__(self):
        settings = sso_settings()
        provider = provider_label(settings)
        request, response = self.request, self.request.response
        response.setHeader("Cache-Control", "no-store")
        session = utils.load_existing_session(self.context, request)
        response.expireCookie(SESSION_COOKIE)  # a state and a nonce serve once
        messages = IStatusMessage(request)
        try:
            if not settings.configured:
                raise flow.refused(provider, "SSO is not configured")
            try:
                client = self.context.get_oauth2_client()
            except Exception as error:
                raise flow.refused(provider, f"provider unreachable: {error!r}") from None
            claims, issuer = flow.claims_of(
                client,
                request.environ.get("QUERY_STRING", ""),
                session,
                settings.client_id,
                self.context.get_redirect_uris()[0],
                provider,
            )
            # The state checked above protects this GET, which makes or links an account.
            alsoProvides(request, IDisableCSRFProtection)
            userid = self.context.sign_in(claims, issuer)
        except LoginRefused as refusal:
            transaction.doom()  # nothing of a refused login is kept
            messages.add(refusal.message, "error")
            response.redirect(f"{api.portal.get().absolute_url()}/login")
            return ""
        response.setCookie(
            SSO_COOKIE,
            "1",
            path="/",
            http_only=True,
            same_site="Lax",
            secure=request.get("SERVER_URL", "").startswith("https:"),
        )
        messages.add(PMF("you_are_now_logged_in", default="Welcome! You are now logged in."), "info")
        if is_pending(userid):
            messages.add(
                _("Your national support service will now validate your account as a teacher."), "info"
            )
        response.redirect(safe_came_from(session.get("came_from")))
        return ""


class LoginForm(PloneLoginForm):
    """Plone's login form with the provider's button beside it."""

    def sso(self) -> dict | None:
        if sso_plugin() is None:
            return None
        settings = sso_settings()
        portal_url = api.portal.get().absolute_url()
        came_from = self.get_came_from()
        query = f"?{urlencode({'came_from': came_from})}" if came_from else ""
        label = (
            _("Log in with ${provider}", mapping={"provider": settings.provider_name})
            if settings.provider_name
            else _("Log in with single sign-on")
        )
        return {
            "url": f"{portal_url}/acl_users/{PLUGIN_ID}/login{query}",
            "label": translate(label, context=self.request),
            "hide_local": settings.hide_local_login,
            # Said before anyone tries: a refused staff password gets Plone's answer to a
            # wrong one, so the form never tells a guesser that a password was right.
            "staff_rule": translate(
                _(
                    "Validators and administrators log in with ${provider}, not with a password.",
                    mapping={"provider": provider_label(settings)},
                ),
                context=self.request,
            )
            if settings.sso_only_for_staff
            else "",
        }


class LogoutView(PloneLogoutView):
    """Plone's logout, then the provider's end-session endpoint when it logged the browser in."""

    def __call__(self):
        end_session = self.end_session_url() if self.request.cookies.get(SSO_COOKIE) else None
        result = super().__call__()
        if end_session:
            self.request.response.expireCookie(SSO_COOKIE, path="/")
            self.request.response.redirect(end_session)
        return result

    def end_session_url(self) -> str | None:
        plugin = sso_plugin()
        if plugin is None:
            return None
        try:
            client = plugin.get_oauth2_client()
            endpoint = client.provider_info.get("end_session_endpoint")
        except Exception as error:  # the provider unreachable: the local logout still happens
            logger.warning("OpenID Connect end-session endpoint unknown: %r", error)
            return None
        if not endpoint:
            return None
        portal_url = api.portal.get().absolute_url()
        request = EndSessionRequest(
            post_logout_redirect_uri=f"{portal_url}/logged-out", client_id=sso_settings().client_id
        )
        return request.request(endpoint)
