"""POST handlers of the pages' forms: each calls the function its REST service calls."""

from collective.twinning import _
from collective.twinning.browser.views.base import FormHandler
from collective.twinning.browser.views.content import available_transitions
from collective.twinning.errors import FieldError
from collective.twinning.lifecycle import checklist
from collective.twinning.membership import groups
from collective.twinning.membership import members
from collective.twinning.membership import pupils
from collective.twinning.teachers import requests as teacher_requests
from plone import api
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile

import re
import transaction


def text(form, name: str) -> str | None:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else None


class TransitionHandler(FormHandler):
    """``@@twinning-transition``: fire a transition the user may fire (workflow guards decide)."""

    fields = ()  # errors show above the page: the button has no field

    def act(self):
        transition = text(self.request.form, "transition")
        titles = {item["id"]: item["title"] for item in available_transitions(self.context)}
        if transition not in titles:
            raise FieldError("transition", _("This step is not possible now."))
        api.content.transition(obj=self.context, transition=transition)
        return _("Done: ${step}.", mapping={"step": self.translate(titles[transition])})


class DecideHandler(FormHandler):
    """``@@twinning-decide``: the partner founder or a validator approves or rejects (``@validation``)."""

    fields = ("decision", "comment")

    def act(self):
        form = self.request.form
        decision = text(form, "decision")
        checklist.decide(self.context, self.userid, decision, text(form, "comment"))
        if decision == "reject":
            return _("The project went back to its founders with your comment.")
        return _("Your approval is recorded.")


class AddMemberHandler(FormHandler):
    """``@@twinning-add-member`` (``POST @members``)."""

    fields = ("user", "role")

    def default_url(self):
        return f"{self.context.absolute_url()}?tab=members"

    def act(self):
        form = self.request.form
        userid = text(form, "user")
        members.add_member(self.context, userid, text(form, "role"))
        return _("${user} was added.", mapping={"user": userid})


class RemoveMemberHandler(FormHandler):
    """``@@twinning-remove-member`` (``DELETE @members/<user>``)."""

    fields = ()

    def default_url(self):
        return f"{self.context.absolute_url()}?tab=members"

    def act(self):
        userid = text(self.request.form, "user") or ""
        members.remove_member(self.context, userid)
        return _("${user} was removed.", mapping={"user": userid})


class AddPupilHandler(FormHandler):
    """``@@twinning-add-pupil`` (``POST @pupils``): an account without e-mail, pupil of this space."""

    fields = ("username", "fullname", "password")

    def default_url(self):
        return f"{self.context.absolute_url()}?tab=members"

    def act(self):
        form = self.request.form
        data = {name: form.get(name) for name in self.fields}
        pupil = pupils.create_pupil(self.context, data)
        return _("The pupil account ${user} was created.", mapping={"user": pupil["id"]})


class AddPupilsHandler(FormHandler):
    """``@@twinning-add-pupils`` (``POST @pupils {"pupils": [...]}``): a class from a CSV file,
    all or none; the passwords made for it are shown on this page once, never stored."""

    fields = ("pupils_csv",)
    template = ViewPageTemplateFile("templates/pupils_created.pt")

    def default_url(self):
        return f"{self.context.absolute_url()}?tab=members"

    def act(self):
        upload = self.request.form.get("pupils_csv")
        data = upload.read(pupils.MAX_CSV_BYTES + 1) if hasattr(upload, "read") else None
        entries = pupils.pupils_from_csv(data)
        before = transaction.savepoint()
        try:
            self.accounts = pupils.create_pupils(self.context, entries)["items"]
        except Exception as error:
            before.rollback()  # all or none: the page is shown again and its transaction commits
            if not isinstance(error, FieldError):
                raise
            line = re.match(r"pupils\[(\d+)\]", error.field or "")
            if line is None:
                raise FieldError("pupils_csv", error.message) from None
            raise FieldError(
                "pupils_csv",
                _(
                    "Line ${line}: ${problem}",
                    mapping={"line": int(line.group(1)) + 2, "problem": self.translate(error.message)},
                ),
            ) from None
        return _("${count} pupil accounts were created.", mapping={"count": len(self.accounts)})

    def done(self, message):
        self.message = self.translate(message)
        self.request.response.setHeader("Cache-Control", "no-store")  # passwords: never kept by a cache
        return self.template()


class JoinHandler(FormHandler):
    """``@@group-join`` (``POST @join``)."""

    def act(self):
        groups.join(self.context, self.userid)
        return _("Welcome to the group!")


class LeaveHandler(FormHandler):
    """``@@group-leave`` (``POST @leave``)."""

    def act(self):
        groups.leave(self.context, self.userid)
        return _("You left the group.")


class InviteHandler(FormHandler):
    """``@@group-invite`` (``POST @invitations``)."""

    fields = ("invite_user",)  # not "user": the add-member form on the same page has that

    def field_of_error(self, field):
        return "invite_user" if field == "user" else field

    def act(self):
        userid = text(self.request.form, "invite_user")
        groups.invite(self.context, userid, self.userid)
        return _("${user} was invited.", mapping={"user": userid})


class TeacherRequestHandler(FormHandler):
    """``@@teacher-request-decide`` on the site (``POST @teacher-requests/<user>``)."""

    page = "twinning-dashboard"
    fields = ("decision", "comment")

    def default_url(self):
        return f"{api.portal.get().absolute_url()}/@@twinning-dashboard"

    def act(self):
        form = self.request.form
        userid = text(form, "user") or ""
        decision = text(form, "decision")
        teacher_requests.decide(userid, self.userid, decision, text(form, "comment"))
        if decision == "approve":
            return _("${user} is now a validated teacher.", mapping={"user": userid})
        return _("The request of ${user} was rejected.", mapping={"user": userid})
