"""Plone's personal-information and user-information forms, guarding ``country``.

The account's owner sees its country but does not edit it (only administrators change it,
services.users.protected); an administrator's change is recorded in the portal's audit log.
``pupil_of`` is no field of these forms (profiles/default/userschema.xml).
"""

from collective.twinning.services.users.protected import COUNTRY
from collective.twinning.services.users.protected import country_change_refusal
from collective.twinning.services.users.protected import country_of
from collective.twinning.services.users.protected import is_administrator
from collective.twinning.services.users.protected import record_country_change
from plone.app.users.browser.userdatapanel import UserDataConfiglet
from plone.app.users.browser.userdatapanel import UserDataPanel
from plone.app.users.browser.userdatapanel import UserDataPanelAdapter
from z3c.form.interfaces import DISPLAY_MODE
from z3c.form.interfaces import WidgetActionExecutionError
from zope.interface import Invalid


class CountryGuard:
    """Mixed into the forms: country read-only for non-administrators, changes checked and audited."""

    def updateFields(self):
        super().updateFields()
        if COUNTRY in self.fields and not is_administrator():
            self.fields[COUNTRY].mode = DISPLAY_MODE

    def edited_member(self):
        """The account the form writes to (as Plone's adapter picks it: ``userid`` for administrators)."""
        return UserDataPanelAdapter(self.context).context

    def applyChanges(self, data):
        member = self.edited_member()
        previous = country_of(member)
        if COUNTRY in data and (data[COUNTRY] or None) != previous:
            refusal = country_change_refusal(member.getId())
            if refusal is not None:  # a country posted past the read-only widget
                raise WidgetActionExecutionError(COUNTRY, Invalid(getattr(refusal, "message", str(refusal))))
        changes = super().applyChanges(data)
        country = country_of(self.edited_member())
        if country != previous:
            record_country_change(member.getId(), previous, country)
        return changes


class PersonalInformation(CountryGuard, UserDataPanel):
    """``@@personal-information``: the account's own data."""


class UserInformation(CountryGuard, UserDataConfiglet):
    """``@@user-information?userid=``: an administrator edits an account."""
