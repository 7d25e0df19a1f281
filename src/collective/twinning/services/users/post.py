from collective.twinning.directory.profiles import sync_profile
from collective.twinning.membership.roles import PUPIL_PROPERTY
from collective.twinning.services.users.country import check_country
from collective.twinning.services.users.country import user_body
from collective.twinning.services.users.protected import pupil_of_refusal
from plone import api
from plone.restapi.services.users.add import UsersPost as BaseUsersPost
from zExceptions import BadRequest

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
