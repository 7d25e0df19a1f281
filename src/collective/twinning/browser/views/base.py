"""Shared pieces of the Classic UI views: labels, CSRF, status messages, inline errors.

The views never hold a business rule: they call the functions the REST
services call and turn their answers (and their FieldErrors, which name the
field) into pages.
"""

from collective.twinning import _
from collective.twinning.browser.views.errors import GENERAL
from collective.twinning.browser.views.errors import message_of
from collective.twinning.errors import FieldError
from collective.twinning.errors import TooManyRequests
from plone import api
from plone.protect import CheckAuthenticator
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from zExceptions import BadRequest
from zExceptions import Forbidden
from zExceptions import NotFound
from zExceptions import Unauthorized
from zope.component import getUtility
from zope.i18n import translate
from zope.interface import alsoProvides
from zope.schema.interfaces import IVocabularyFactory


ERRORS_KEY = "collective.twinning.form_errors"
# The refusals a form turns into a message next to its fields (never a 500).
USER_ERRORS = (BadRequest, Forbidden, NotFound, Unauthorized, TooManyRequests)


def flag(country: str) -> str:
    """The flag emoji of an ISO 3166-1 alpha-2 code (regional indicator letters)."""
    if not country or len(country) != 2 or not country.isalpha():
        return ""
    return "".join(chr(0x1F1E6 + ord(letter) - ord("A")) for letter in country.upper())


def human_size(size) -> str:
    if not size:
        return "0 B"
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return ""


MACROS = ViewPageTemplateFile("templates/macros.pt")


class TwinningView(BrowserView):
    """A page of the add-on: translation, vocabularies, errors of a failed form."""

    @property
    def macros(self):
        """The shared macros (templates/macros.pt): page numbers, the place layout."""
        return MACROS.macros

    def translate(self, msgid, mapping=None) -> str:
        return translate(msgid, domain="collective.twinning", mapping=mapping, context=self.request)

    def term_title(self, vocabulary: str, value) -> str:
        """The translated title of ``value`` in a named vocabulary (the value when unknown)."""
        if value is None or value == "":
            return ""
        terms = getUtility(IVocabularyFactory, vocabulary)(self.context)
        try:
            title = terms.getTerm(value).title
        except LookupError:
            return str(value)
        return self.translate(title) if title else str(value)

    def country_title(self, code) -> str:
        return self.term_title("collective.twinning.vocabularies.Countries", code)

    def flag(self, code) -> str:
        return flag(code)

    def state_title(self, obj, state: str | None = None) -> str:
        """The translated title of ``obj``'s workflow state."""
        state = state or api.content.get_state(obj=obj, default="")
        workflow_tool = api.portal.get_tool("portal_workflow")
        for workflow in workflow_tool.getWorkflowsFor(obj):
            definition = workflow.states.get(state)
            if definition is not None:
                return self.translate(definition.title or state)
        return state

    def may(self, permission: str, obj=None) -> bool:
        return bool(api.user.has_permission(permission, obj=obj if obj is not None else self.context))

    @property
    def userid(self) -> str | None:
        if api.user.is_anonymous():
            return None
        return api.user.get_current().getId()

    # Failed forms: errors by field, the typed values stay in request.form.

    @property
    def errors(self) -> dict:
        return self.request.get(ERRORS_KEY) or {}

    def error(self, field: str) -> str:
        return self.errors.get(field, "")

    def invalid(self, field: str, classes: str = "form-control") -> str:
        return f"{classes} is-invalid" if field in self.errors else classes

    def value(self, field: str, default="") -> str:
        value = self.request.form.get(field, default)
        return value if isinstance(value, str) else default

    def static_url(self) -> str:
        return f"{api.portal.get().absolute_url()}/++resource++collective.twinning.views"

    def authenticator(self) -> str:
        return api.portal.get().restrictedTraverse("@@authenticator").token()


class FormHandler(TwinningView):
    """A POST-only action: check the CSRF token, call the rule, redirect or re-render.

    ``act`` does the work and returns the success message; a FieldError is
    shown next to its field, a refusal above the form, on the page the form came
    from (``page``), rendered again with what the user typed.
    """

    page = "view"  # the view that holds the form, re-rendered on errors
    fields: tuple[str, ...] = ()  # fields an error message may name

    def act(self) -> str:
        raise NotImplementedError

    def default_url(self) -> str:
        return self.context.absolute_url()

    def back_url(self) -> str:
        """``came_from`` when it is a page of this site, else the form's own page."""
        came_from = self.request.form.get("came_from", "")
        portal_url = api.portal.get().absolute_url()
        if isinstance(came_from, str) and came_from.startswith(portal_url + "/"):
            return came_from
        return self.default_url()

    def __call__(self):
        if self.request.method != "POST":
            raise FieldError("method", _("Send this form with POST."))
        CheckAuthenticator(self.request)
        alsoProvides(self.request, IDisableCSRFProtection)  # checked just above
        try:
            message = self.act()
        except USER_ERRORS as error:
            return self.failed(error)
        return self.done(message)

    def done(self, message):
        """After success: the message on the page the user goes back to."""
        IStatusMessage(self.request).add(self.translate(message), type="info")
        return self.request.response.redirect(self.back_url())

    def failed(self, error):
        # Nothing was written: the rules check everything before they change anything.
        field = self.field_of_error(getattr(error, "field", None) or GENERAL)
        if field not in self.fields:
            field = GENERAL
        self.request.set(ERRORS_KEY, {field: self.translate(message_of(error))})
        return self.render_page()

    def field_of_error(self, field: str) -> str:
        """The form field an error about ``field`` goes next to."""
        return field

    def render_page(self):
        return self.context.restrictedTraverse(f"@@{self.page}")()
