from collective.twinning.accounts.password_reset import mail_reset_quietly
from collective.twinning.directory.profiles import sync_profile
from collective.twinning.membership.roles import PUPIL_PROPERTY
from collective.twinning.services.base import allow_write
from collective.twinning.services.base import unknown_path
from collective.twinning.services.users.country import check_country
from collective.twinning.services.users.country import user_body
from collective.twinning.services.users.protected import pupil_of_refusal
from plone import api
from plone.restapi import _ as restapi_message  # its own msgids, as it answers them
from plone.restapi.deserializer import json_body
from plone.restapi.services.users.add import UsersPost as BaseUsersPost

import csv
import io


class UsersPost(BaseUsersPost):
    """plone.restapi's @users POST, which also checks ``country`` and refuses ``pupil_of``.

    A self-registering teacher (anonymous) must give a country: it decides which
    national service validates the account. Pupil accounts come only from @pupils.
    """

    def reply(self):
        match self.params:
            case []:  # a new account
                if self.request.form:  # a CSV upload
                    check_csv_columns(self.request.form.get("file"))
                else:
                    data = user_body(self.request)
                    if data.get(PUPIL_PROPERTY) not in (None, ""):
                        raise pupil_of_refusal()
                    check_country(data, required=api.user.is_anonymous())
            case [login, "reset-password"]:  # plone.restapi's, no account data
                answer = self.reset_password_without_telling(login)
                if answer is not None:
                    return answer
            case _:  # plone.restapi would raise a bare Exception (500)
                raise unknown_path(self.params)
        result = super().reply()
        if isinstance(result, dict) and result.get("id") and self.request.response.getStatus() < 400:
            # An administrator may create a teacher at once (``roles``).
            sync_profile(result["id"])
        return result

    def reset_password_without_telling(self, login: str):
        """Answer for a missing account as for an existing one (plone.restapi said 404), and
        mail a reset link without a 500 when the mail server fails; None: plone.restapi's way."""
        data = json_body(self.request) if self.request.get("BODY") else {}
        if not isinstance(data, dict):
            return None
        if not data:
            allow_write(self.request)
            mail_reset_quietly(login, self.request)
            return self.reply_no_content()
        if self._get_user_by_login_name(login) is not None:
            return None
        # What an existing account's request answers when its token or password is wrong.
        if data.get("reset_token") and data.get("new_password") and not data.get("old_password"):
            return self._error(403, "Unknown Token", restapi_message("The reset_token is unknown/not valid."))
        if data.get("old_password") and data.get("new_password") and not data.get("reset_token"):
            if not (self.can_manage_users or self.can_set_own_password):
                return self._error(
                    403,
                    "Not allowed",
                    restapi_message("You can't set a password without a password reset token."),
                )
            return self._error(
                403,
                "Wrong user",
                restapi_message(
                    "You need to be logged in as the user '${username}' to set the password.",
                    mapping={"username": login},
                ),
            )
        return None  # plone.restapi's 400 for a malformed request comes first anyway


def check_csv_columns(upload) -> None:
    """A users CSV has no ``pupil_of`` column (plone.restapi would store every column)."""
    if upload is None or not hasattr(upload, "seek"):
        return  # plone.restapi answers a missing file itself
    header = upload.readline()
    upload.seek(0)
    if isinstance(header, bytes):
        header = header.decode("utf-8", "replace")
    columns = next(csv.reader(io.StringIO(header)), [])
    if PUPIL_PROPERTY in (column.strip() for column in columns):
        raise pupil_of_refusal()
