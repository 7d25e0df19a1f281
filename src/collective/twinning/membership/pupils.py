"""Pupil accounts (``@pupils``): made by the space's teachers, no e-mail, only the Pupil role."""

from collective.twinning import _
from collective.twinning import audit
from collective.twinning.errors import FieldError
from collective.twinning.membership.members import PUPIL_PROPERTY
from collective.twinning.membership.principals import is_reserved
from collective.twinning.membership.roles import PUPIL_ROLE
from collective.twinning.membership.roles import TWINSPACE_PUPIL
from collective.twinning.membership.roster import Roster
from collective.twinning.security import as_system
from collective.twinning.teachers.requests import forget_request
from plone import api
from zExceptions import NotFound

import csv
import io
import secrets


MAX_PUPILS_AT_ONCE = 40


def _text(data: dict, name: str, field: str) -> str:
    value = data.get(name)
    if not isinstance(value, str) or not value.strip():
        raise FieldError(field, _("This field is required."))
    return value.strip()


def _checked(data: dict, prefix: str = "", generate_password: bool = False) -> tuple[str, str, str, bool]:
    """(username, fullname, password, whether the password was generated) of a valid new pupil."""
    username = _text(data, "username", f"{prefix}username")
    fullname = _text(data, "fullname", f"{prefix}fullname")
    password = data.get("password")
    generated = generate_password and password in (None, "")
    if generated:
        password = secrets.token_urlsafe(9)
    if not isinstance(password, str) or not password:
        raise FieldError(f"{prefix}password", _("This field is required."))
    registration = api.portal.get_tool("portal_registration")
    if is_reserved(username) or not registration.isMemberIdAllowed(username):
        raise FieldError(
            f"{prefix}username",
            _("The user name '${username}' is taken or not valid.", mapping={"username": username}),
        )
    problem = registration.testPasswordValidity(password)
    if problem:
        raise FieldError(f"{prefix}password", _("This password is not accepted (too short or too simple)."))
    return username, fullname, password, generated


def _make(space, username: str, fullname: str, password: str) -> None:
    registration = api.portal.get_tool("portal_registration")
    # No properties at creation: the registration checks insist on an e-mail.
    with as_system():
        registration.addMember(username, password, [PUPIL_ROLE])
        user = api.user.get(userid=username)
        user.setMemberProperties({"fullname": fullname, PUPIL_PROPERTY: space.UID()})
    forget_request(username)  # a pupil is no teacher request
    Roster(space).set(username, TWINSPACE_PUPIL, what="pupil_created")


def create_pupil(space, data: dict) -> dict:
    """Create the account and add it to the space as TwinSpacePupil."""
    username, fullname, password, _generated = _checked(data)
    _make(space, username, fullname, password)
    return {"id": username, "fullname": fullname}


def create_pupils(space, entries) -> dict:
    """Up to 40 pupils at once, all or none; a password left out is generated and returned once."""
    if not isinstance(entries, list) or not 0 < len(entries) <= MAX_PUPILS_AT_ONCE:
        raise FieldError(
            "pupils", _("Give a list of 1 to ${max} pupils.", mapping={"max": MAX_PUPILS_AT_ONCE})
        )
    checked, seen = [], set()
    for number, entry in enumerate(entries):
        prefix = f"pupils[{number}]."
        if not isinstance(entry, dict):
            raise FieldError(f"pupils[{number}]", _("Each pupil is an object with username and fullname."))
        pupil = _checked(entry, prefix, generate_password=True)
        if pupil[0].lower() in seen:
            raise FieldError(
                f"{prefix}username",
                _("The user name '${username}' is taken or not valid.", mapping={"username": pupil[0]}),
            )
        seen.add(pupil[0].lower())
        checked.append(pupil)
    items = []
    for username, fullname, password, generated in checked:
        _make(space, username, fullname, password)
        items.append({"id": username, "fullname": fullname, **({"password": password} if generated else {})})
    return {"items": items, "items_total": len(items)}


CSV_COLUMNS = ("username", "fullname", "password")
MAX_CSV_BYTES = 64 * 1024  # 40 pupils take a few kB


def pupils_from_csv(data: bytes, field: str = "pupils_csv") -> list[dict]:
    """The rows of a class list (UTF-8 CSV with the columns username, fullname, password?)."""
    if isinstance(data, bytes) and len(data) > MAX_CSV_BYTES:
        raise FieldError(
            field, _("A class list is at most ${size} kB.", mapping={"size": MAX_CSV_BYTES // 1024})
        )
    try:
        text = data.decode("utf-8-sig")
    except (AttributeError, UnicodeDecodeError):
        raise FieldError(field, _("Send a CSV file in UTF-8.")) from None
    try:
        dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [name.strip().lower() for name in rows.fieldnames or ()]
    if not {"username", "fullname"} <= set(header):
        raise FieldError(
            field, _("The first line must name the columns username and fullname (and password).")
        )
    rows.fieldnames = header
    entries = []
    for row in rows:
        entry = {name: (row.get(name) or "").strip() for name in CSV_COLUMNS if row.get(name) is not None}
        if any(entry.values()):
            entries.append(entry)
    return entries


def list_pupils(space) -> dict:
    items = []
    for userid, role in Roster(space).items():
        if role != TWINSPACE_PUPIL:
            continue
        user = api.user.get(userid=userid)
        if user is not None:
            items.append({"id": userid, "fullname": user.getProperty("fullname", "")})
    return {"items": items, "items_total": len(items)}


def delete_pupil(space, username: str) -> None:
    """Delete the account of a pupil made by this space (and its place in every roster)."""
    user = api.user.get(userid=username)
    if (
        user is None
        or user.getProperty(PUPIL_PROPERTY, "") != space.UID()
        or Roster(space).role_of(username) != TWINSPACE_PUPIL
    ):
        raise NotFound(f"{username} is not a pupil of this space.")
    audit.record(space, "pupil_deleted", username)
    with as_system():
        # Deleting the account takes it out of every roster (subscribers.members).
        api.user.delete(username=username)
