"""Demo accounts. Their passwords are demo passwords, printed by `make run`."""

from collective.twinning.teachers.requests import forget_request
from dataclasses import dataclass
from plone import api


DEMO_PASSWORD = "twinning-demo"


@dataclass(frozen=True)
class DemoAccount:
    userid: str
    fullname: str
    country: str
    roles: tuple[str, ...] = ("Member",)
    email: str | None = None  # pupils have none
    note: str = ""
    pupil: bool = False  # pupils are created by their teacher in a space (demo/content.py)


DEMO_ACCOUNTS = (
    DemoAccount(
        "ana",
        "Ana García López",
        "ES",
        ("Member", "Teacher"),
        "ana@example.org",
        "teacher, IES Miguel de Cervantes, Madrid",
    ),
    DemoAccount(
        "luca",
        "Luca Bianchi",
        "IT",
        ("Member", "Teacher"),
        "luca@example.org",
        "teacher, Liceo Galileo Galilei, Genova",
    ),
    DemoAccount(
        "val-es",
        "Servicio Nacional de Apoyo",
        "ES",
        ("Member", "NationalValidator"),
        "val-es@example.org",
        "national validator for Spain (role NationalValidator, country ES)",
    ),
    DemoAccount(
        "val-it",
        "Unità nazionale eTwinning",
        "IT",
        ("Member", "NationalValidator"),
        "val-it@example.org",
        "national validator for Italy (role NationalValidator, country IT)",
    ),
    DemoAccount(
        "val-eu",
        "Central Support Service",
        "BE",
        ("Member", "EuropeanValidator"),
        "val-eu@example.org",
        "European validator",
    ),
    DemoAccount(
        "pablo",
        "Pablo Ruiz Moreno",
        "ES",
        ("Member", "Teacher"),
        "pablo@example.org",
        "teacher, IES Miguel de Cervantes (the School label needs three active teachers)",
    ),
    DemoAccount(
        "rosa",
        "Rosa Martín Díaz",
        "ES",
        ("Member", "Teacher"),
        "rosa@example.org",
        "teacher, IES Miguel de Cervantes",
    ),
    DemoAccount(
        "marie",
        "Marie Dubois",
        "FR",
        ("Member",),
        "marie@example.org",
        "juror of the European Prizes round (local role PrizeJury on it)",
    ),
    DemoAccount(
        "lucia",
        "Lucía Fernández",
        "",
        ("Pupil",),
        None,
        "pupil in Ana's running project",
        pupil=True,
    ),
)


def ensure_account(account: DemoAccount):
    """Create the account once; a later run leaves it as it is."""
    user = api.user.get(userid=account.userid)
    if user is not None:
        return user
    properties = {"fullname": account.fullname, "country": account.country}
    if account.email:
        properties["email"] = account.email
    # portal_registration without properties (not api.user.create), then the
    # properties: its checks insist on an e-mail, and pupils have none.
    registration = api.portal.get_tool("portal_registration")
    registration.addMember(account.userid, DEMO_PASSWORD, ["Member"])
    user = api.user.get(userid=account.userid)
    user.setMemberProperties(properties)
    extra_roles = [role for role in account.roles if role != "Member"]
    if extra_roles:
        api.user.grant_roles(user=user, roles=extra_roles)
    # Demo accounts are set up by hand, not waiting for validation.
    forget_request(account.userid)
    return user
