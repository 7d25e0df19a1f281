from AccessControl import getSecurityManager
from collective.twinning.directory.profiles import sync_profile
from collective.twinning.security import as_system
from collective.twinning.services.base import unknown_path
from collective.twinning.services.users.country import check_country
from collective.twinning.services.users.country import user_body
from collective.twinning.services.users.protected import COUNTRY
from collective.twinning.services.users.protected import country_change_refusal
from collective.twinning.services.users.protected import country_of
from collective.twinning.services.users.protected import drop_unchanged
from collective.twinning.services.users.protected import record_country_change
from plone import api
from plone.restapi.services.users.update import UsersPatch as BaseUsersPatch
from zExceptions import NotFound

import json


class UsersPatch(BaseUsersPatch):
    """plone.restapi's @users PATCH, which also guards ``country`` and ``pupil_of``.

    ``country`` must be a valid code, and changes only by an administrator or, for a
    pending account, a national validator of its country (audited); ``pupil_of`` never
    changes here (services.users.protected). Repeating a stored value is no change.
    """

    def reply(self):
        data = user_body(self.request)
        if len(self.params) != 1:  # plone.restapi would raise a bare Exception (500)
            raise unknown_path(self.params)
        userid = self.params[0]
        user = api.user.get(userid=userid)
        if user is None:
            if self.can_manage_users:
                raise NotFound(f"No account '{userid}'.")
            return super().reply()  # 401/403, as for an account one may not change
        if not self.can_manage_users and getSecurityManager().getUser().getId() != userid:
            return self._move_pending(user, data)
        check_country(data, required=COUNTRY in data)
        previous = country_of(user)
        changes = drop_unchanged(data, user)
        moving = COUNTRY in changes
        if moving:
            refusal = country_change_refusal(userid)
            if refusal is not None:
                raise refusal
        if changes != data:
            self.request.set("BODY", json.dumps(changes).encode())
        result = super().reply()
        if self.request.response.getStatus() < 400:
            if moving:
                record_country_change(userid, previous, changes[COUNTRY])
            # Roles may have changed, which PAS announces with no event.
            sync_profile(userid)
        return result

    def _move_pending(self, user, data: dict):
        """Someone else's account: a national validator moves a pending one of its country,
        and changes nothing else; anyone else gets plone.restapi's 401/403."""
        userid = user.getId()
        if set(data) != {COUNTRY} or country_change_refusal(userid) is not None:
            return super().reply()
        check_country(data, required=True)
        previous = country_of(user)
        if data[COUNTRY] != previous:
            with as_system():  # validators may not edit accounts themselves
                user.setMemberProperties({COUNTRY: data[COUNTRY]})
            record_country_change(userid, previous, data[COUNTRY])
            sync_profile(userid)
        return self.reply_no_content()
