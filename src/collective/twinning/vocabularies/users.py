"""Who is listed to whom: pupil accounts only to administrators.

Pupils are minors; their teachers list them through ``@pupils``. Plone lists
accounts through the vocabularies ``plone.app.vocabularies.Users`` and
``...Principals`` (``@vocabularies``, the Classic UI's pickers) and the Users
search form (``@@member-search``); on sites with the add-on these leave pupil
accounts out for anyone who may not manage users. Who may list accounts at all
is the permission "List portal members" (rolemap.xml: validated teachers,
validators and administrators, not a member waiting for validation).
"""

from collective.twinning.interfaces import IBrowserLayer
from collective.twinning.membership.roles import is_pupil_account
from collective.twinning.membership.roles import PUPIL_ROLE
from plone import api
from plone.app.users.browser.membersearch import MemberSearchForm
from plone.app.vocabularies.principals import PrincipalsFactory
from plone.app.vocabularies.principals import UsersFactory
from zope.globalrequest import getRequest
from zope.interface import implementer
from zope.schema.interfaces import IVocabularyFactory


def may_see_pupils() -> bool:
    """Administrators (who manage accounts anyway) see pupil accounts."""
    return bool(api.user.has_permission("Manage users", obj=api.portal.get()))


def is_pupil(userid: str) -> bool:
    user = api.portal.get_tool("acl_users").getUserById(userid)
    return user is not None and (is_pupil_account(user) or PUPIL_ROLE in user.getRoles())


def hides_pupils() -> bool:
    """On the add-on's sites (its browser layer), for anyone but administrators."""
    return IBrowserLayer.providedBy(getRequest()) and not may_see_pupils()


class WithoutPupils:
    """A principals vocabulary factory whose terms leave pupil accounts out."""

    def __call__(self, context, query=""):
        self._hide = hides_pupils()
        return super().__call__(context, query)

    def use_principal_triple(self, principal_triple) -> bool:
        if not self._hide:
            return True
        value = principal_triple[0]
        if self.source == "principal":
            kind, _, value = value.partition(":")
            if kind != "user":
                return True
        return not is_pupil(value)


@implementer(IVocabularyFactory)
class UsersWithoutPupils(WithoutPupils, UsersFactory):
    """``plone.app.vocabularies.Users`` (overrides.zcml)."""


@implementer(IVocabularyFactory)
class PrincipalsWithoutPupils(WithoutPupils, PrincipalsFactory):
    """``plone.app.vocabularies.Principals`` (overrides.zcml)."""


class MemberSearchWithoutPupils(MemberSearchForm):
    """Plone's ``@@member-search``, on the add-on's layer."""

    @property
    def results(self):
        found = super().results
        if not found or may_see_pupils():
            return found
        return [info for info in found if not is_pupil(info.get("userid") or info.get("id"))]
