from collective.twinning.services.users.country import check_country
from collective.twinning.services.users.country import user_body
from collective.twinning.directory.profiles import sync_profile
from plone import api
from plone.restapi.services.users.add import UsersPost as BaseUsersPost
from zExceptions import BadRequest


class UsersPost(BaseUsersPost):
    """plone.restapi's @users POST, which also checks ``country``.

    A self-registering teacher (anonymous) must give it: it decides which
    national service validates the account.
    """

    def reply(self):
        match self.params:
            case []:  # a new account
                if not self.request.form:  # JSON, not a CSV upload
                    check_country(user_body(self.request), required=api.user.is_anonymous())
            case [_, "reset-password"]:  # plone.restapi's, no account data
                pass
            case _:  # plone.restapi would raise a bare Exception (500)
                raise BadRequest(
                    "Unknown path: post to @users or to @users/<username>/reset-password."
                )
        result = super().reply()
        if isinstance(result, dict) and result.get("id") and self.request.response.getStatus() < 400:
            # An administrator may create a teacher at once (``roles``).
            sync_profile(result["id"])
        return result
