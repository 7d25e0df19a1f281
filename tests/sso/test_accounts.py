"""Which account a provider's user gets: made like a self-registration, linked only when allowed
and verified, refused with a reason otherwise; ids never reserved, countries never changed."""

from collective.twinning.membership.principals import is_reserved
from collective.twinning.sso.accounts import account_for
from collective.twinning.sso.accounts import LoginRefused
from collective.twinning.sso.settings import sso_settings
from collective.twinning.teachers.requests import is_pending
from collective.twinning.teachers.requests import pending_for
from plone import api
from tests.helpers import create_account
from tests.helpers import create_pupil_account
from tests.helpers import create_teacher
from tests.sso.conftest import set_sso
from zope.i18n import translate

import pytest


ISSUER = "https://login.example.org"


def sign_in(portal, issuer=ISSUER, **claims):
    return account_for(portal.acl_users.oidc, issuer, claims, sso_settings())


def ana(**extra):
    return {
        "sub": "ana-garcia",
        "name": "Ana García",
        "email": "ana@school.es",
        "email_verified": True,
        "country": "ES",
        **extra,
    }


def test_first_login_makes_a_plain_member_in_its_countrys_queue(sso_portal):
    userid, made = sign_in(sso_portal, **ana())
    assert (userid, made) == ("sso-ana-garcia", True)
    user = api.user.get(userid=userid)
    assert (user.getProperty("fullname"), user.getProperty("email"), user.getProperty("country")) == (
        "Ana García",
        "ana@school.es",
        "ES",
    )
    roles = set(api.user.get_roles(user=user))
    assert "Member" in roles
    assert not roles & {"Teacher", "NationalValidator", "EuropeanValidator", "Manager", "Site Administrator"}
    assert is_pending(userid)
    assert [item["id"] for item in pending_for({"ES"})] == [userid]
    assert pending_for({"IT"}) == []


def test_given_and_family_name_when_there_is_no_name(sso_portal):
    userid, _ = sign_in(sso_portal, sub="luis", given_name="Luis", family_name="Pérez", country="ES")
    assert api.user.get(userid=userid).getProperty("fullname") == "Luis Pérez"


def test_the_claims_are_the_registrys(sso_portal):
    set_sso(claim_fullname="display_name", claim_email="mail", claim_country="c")
    userid, _ = sign_in(
        sso_portal,
        sub="marta",
        display_name="Marta Ruiz",
        mail="marta@school.pt",
        c="PT",
        name="ignored",
        email="ignored@example.org",
        country="ES",
    )
    user = api.user.get(userid=userid)
    assert (user.getProperty("fullname"), user.getProperty("email"), user.getProperty("country")) == (
        "Marta Ruiz",
        "marta@school.pt",
        "PT",
    )


@pytest.mark.parametrize("given,stored", [("ES", "ES"), ("es", "ES"), ("XX", ""), ("Spain", ""), (None, "")])
def test_country_is_the_providers_when_it_is_a_portal_country(sso_portal, given, stored):
    claims = {"sub": "pilar", "name": "Pilar"}
    if given is not None:
        claims["country"] = given
    userid, _ = sign_in(sso_portal, **claims)
    assert api.user.get(userid=userid).getProperty("country", "") == stored
    assert is_pending(userid)  # administrators see it (pending_for(None)) when no country is known
    assert [item["id"] for item in pending_for(None)] == [userid]


@pytest.mark.parametrize(
    "sub",
    [
        "validators:ES",
        "validators-ES",
        "twinspace:0123:TwinSpaceAdmin",
        "group:abc:GroupAdmin",
        "Validators:IT",
    ],
)
def test_no_reserved_id_whatever_the_sub(sso_portal, sub):
    userid, made = sign_in(sso_portal, sub=sub, name="Mallory", country="MT")
    assert made and userid.startswith("sso-") and not is_reserved(userid)
    assert api.user.get(userid=userid) is not None


def test_an_id_taken_by_a_local_account_is_not_reused(sso_portal):
    squatter = create_account("sso-bob", "ES")
    userid, made = sign_in(sso_portal, sub="bob", name="Bob", country="IT")
    assert (userid, made) == ("sso-bob-2", True)
    assert squatter.getProperty("country") == "ES"


def test_an_unusual_sub_gets_a_hashed_id(sso_portal):
    userid, _ = sign_in(sso_portal, sub="ana@idp/äöü", name="Ana")
    assert userid.startswith("sso-") and len(userid) == len("sso-") + 24


def test_next_login_same_account_name_followed_country_kept(sso_portal):
    first, _ = sign_in(sso_portal, **ana())
    api.user.grant_roles(username=first, roles=["Teacher"])  # validated meanwhile
    again, made = sign_in(sso_portal, **ana(name="Ana García López", country="FR"))
    assert (again, made) == (first, False)
    user = api.user.get(userid=first)
    assert user.getProperty("fullname") == "Ana García López"
    assert user.getProperty("country") == "ES"
    assert len(api.user.get_users()) == len({u.getId() for u in api.user.get_users()})


def test_the_same_sub_from_another_issuer_is_another_person(sso_portal):
    first, _ = sign_in(sso_portal, **ana(email=""))
    other, made = sign_in(sso_portal, issuer="https://other-idp.example", **ana(email=""))
    assert made and other != first


# Linking to a local account with the same address: (allowed, email_verified) -> linked?
LINKING = [
    (False, True, False),
    (False, None, False),
    (True, None, False),
    (True, False, False),
    (True, "false", False),
    (True, "true", True),
    (True, True, True),
]


@pytest.mark.parametrize("allowed,verified,linked", LINKING)
def test_linking_needs_the_switch_and_a_verified_address(sso_portal, allowed, verified, linked):
    teacher = create_teacher("teacher-ana", "ES")
    teacher.setMemberProperties({"email": "Ana@School.es"})
    set_sso(allow_linking=allowed)
    claims = ana(country="FR")
    claims.pop("email_verified")
    if verified is not None:
        claims["email_verified"] = verified
    users_before = {u.getId() for u in api.user.get_users()}
    if linked:
        assert sign_in(sso_portal, **claims) == ("teacher-ana", False)
        # A linked account keeps its own properties; the country never changes.
        assert (teacher.getProperty("country"), teacher.getProperty("fullname")) == ("ES", "Teacher Ana")
        assert sign_in(sso_portal, **claims) == ("teacher-ana", False)
    else:
        with pytest.raises(LoginRefused) as refusal:
            sign_in(sso_portal, **claims)
        message = translate(refusal.value.message)
        assert "ana@school.es" in message and "EU Login" in message
        assert "not linked" in message or "not allowed linking" in message
        assert not sso_portal.acl_users.oidc._identities
    assert {u.getId() for u in api.user.get_users()} == users_before
    assert "Teacher" in api.user.get_roles(username="teacher-ana")


def test_a_pupil_account_is_never_linked(sso_portal):
    pupil = create_pupil_account("pupil-lucas")
    pupil.setMemberProperties({"email": "lucas@school.es"})
    set_sso(allow_linking=True)
    with pytest.raises(LoginRefused):
        sign_in(sso_portal, sub="lucas", email="lucas@school.es", email_verified=True, country="ES")


def test_two_accounts_with_the_address_are_not_linked(sso_portal):
    for userid in ("teacher-one", "teacher-two"):
        create_teacher(userid, "ES").setMemberProperties({"email": "shared@school.es"})
    set_sso(allow_linking=True)
    with pytest.raises(LoginRefused):
        sign_in(sso_portal, sub="shared", email="shared@school.es", email_verified=True)


def test_a_deleted_account_leaves_no_link(sso_portal):
    userid, _ = sign_in(sso_portal, **ana())
    with api.env.adopt_roles(["Manager"]):
        api.user.delete(username=userid)
    assert not sso_portal.acl_users.oidc._identities
    again, made = sign_in(sso_portal, **ana())
    assert made and api.user.get(userid=again) is not None
