"""Business-rule refusals as messages next to a form field, in the user's language.

The rules raise BadRequest (or Forbidden, NotFound) with an English message
that starts with the field it is about (``user: no account 'x'.``,
``comment is required…``, ``scores.collaboration must be…``). ``field_error``
finds that field and a translatable message for the known refusals; anything
else is shown as it came, under a translated heading.
"""

from collective.twinning import _
from collective.twinning.errors import FieldError
from zope.i18nmessageid import Message

import re


GENERAL = "form"  # errors about the whole form (#form-error)

# (pattern, msgid); named groups become the message's mapping.
KNOWN = (
    (r"no account '(?P<user>[^']+)'", _("There is no account '${user}'.")),
    (r"(?P<user>\S+) is already a member", _("${user} is already a member.")),
    (r"(?P<user>\S+) is already invited", _("${user} is already invited.")),
    (r"(?P<user>\S+) is not a validated teacher and cannot be",
     _("${user} is not a validated teacher and cannot have this role.")),
    (r"(?P<user>\S+) is not a pupil account", _("${user} is not a pupil account.")),
    (r"(?P<user>\S+) is a pupil account and can only be",
     _("${user} is a pupil account and can only be a pupil.")),
    (r"(?P<user>\S+) is a pupil account; pupils do not join",
     _("${user} is a pupil account; pupils do not join groups.")),
    (r"(?P<user>\S+) is not a validated teacher; only open groups",
     _("${user} is not a validated teacher; only open groups take other members.")),
    (r"(?P<user>\S+) founded the \w+ and stays its admin",
     _("${user} founded it and stays its admin.")),
    (r"(?P<user>\S+) is the last admin", _("${user} is the last admin.")),
    (r"(?P<user>\S+) is not a member of this", _("${user} is not a member.")),
    (r"^role must be one of", _("Choose one of the roles.")),
    (r"^username: '(?P<username>[^']*)' is taken or not a valid user name",
     _("The user name '${username}' is taken or not valid.")),
    (r"^password: ", _("This password is not accepted (too short or too simple).")),
    (r"^comment is required to reject", _("Say why you reject it: the teachers read this.")),
    (r"^comment is required: say why", _("Write a comment for the applicant.")),
    (r"^scores\.\w+ must be a whole number from (?P<low>\d+) to (?P<high>\d+)",
     _("A whole number from ${low} to ${high}.")),
    (r"^scores: missing", _("Give a score for every criterion.")),
    (r"^scores: award needs (?P<pass>\d+) or more",
     _("To award, every criterion needs ${pass} or more.")),
    (r"^(?P<field>\w+): at most (?P<max>\d+) characters", _("At most ${max} characters.")),
    (r"^subject: a single line", _("One line only.")),
    (r"no e-mail address to receive the answer",
     _("Your account has no e-mail address to receive the answer.")),
    (r"^There is nobody to contact here", _("There is nobody to contact here.")),
    (r"^At most (?P<limit>\d+) contacts per hour",
     _("At most ${limit} contacts per hour; please try again later.")),
    (r"decisions are taken while it is pending",
     _("Decisions are taken while the project is pending.")),
    (r"^Only the partner founder or a national validator",
     _("Only the partner founder or a national validator of the project's countries decides.")),
    (r"by invitation only", _("The group is by invitation only: ask its admins to invite you.")),
    (r"^Log in to join", _("Log in to join a group.")),
    (r"only active groups can be joined", _("Only active groups can be joined.")),
    (r"^Only a national validator of the applicant's country decides",
     _("Only a national validator of the applicant's country decides a national label, "
       "and a European validator a European one.")),
    (r"it is evaluated while submitted", _("The application is evaluated while it is submitted.")),
    (r"^No pending teacher request", _("This account is not waiting for validation.")),
    (r"^Teachers are validated by the national service",
     _("Teachers are validated by the national service of their country.")),
    (r"^(?P<param>\w+): unknown value '(?P<value>[^']*)'", _("${param}: unknown value '${value}'.")),
    (r"^(?P<param>\w+): '(?P<value>[^']*)' is not a (?:date|whole number)",
     _("${param}: '${value}' is not valid.")),
    (r"^(?P<param>\w+): must be between (?P<low>\d+) and (?P<high>\d+)",
     _("${param}: from ${low} to ${high}.")),
    (r"^transition: ", _("This step is not possible now.")),
    (r"^decision must be", _("Choose a decision.")),
    # Last: the specific messages above win.
    (r"^(?P<field>[\w.]+)(?::)? (?:is )?required", _("This field is required.")),
)
COMPILED = tuple((re.compile(pattern), msgid) for pattern, msgid in KNOWN)
FIELD = re.compile(r"^(?P<field>[\w.]+)(?::| is | must )")


def error_text(error) -> str:
    return str(error.args[0]) if getattr(error, "args", None) else str(error)


def field_of(text: str, fields) -> str:
    match = FIELD.match(text)
    if match and match.group("field") in fields:
        return match.group("field")
    return GENERAL


def message_of(text: str) -> Message:
    for pattern, msgid in COMPILED:
        match = pattern.search(text)
        if match:
            mapping = {k: v for k, v in match.groupdict().items() if k != "field"}
            return Message(msgid, mapping=mapping)
    return Message(_("This could not be done: ${reason}"), mapping={"reason": text})


def field_error(error, fields) -> tuple[str, Message]:
    """(the field the error is about, or "form"; its translatable message)."""
    if isinstance(error, FieldError):
        return (error.field if error.field in fields else GENERAL), Message(error.message)
    text = error_text(error)
    return field_of(text, fields), message_of(text)
