"""The SSO settings in the registry (records ``collective.twinning.sso.*``)."""

from collective.twinning import _
from zope import schema
from zope.interface import Interface


class ISSOSettings(Interface):
    """What an administrator sets; OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET win."""

    provider_name = schema.TextLine(
        title=_("Name of the identity provider"),
        description=_("Shown on the login form: Log in with <name>."),
        required=False,
        default="",
    )
    issuer = schema.TextLine(
        title=_("Issuer"),
        description=_("The provider's issuer URL (OIDC_ISSUER wins)."),
        required=False,
        default="",
    )
    client_id = schema.TextLine(
        title=_("Client ID"),
        description=_("The portal's client at the provider (OIDC_CLIENT_ID wins)."),
        required=False,
        default="",
    )
    client_secret = schema.TextLine(
        title=_("Client secret"),
        description=_("Better given as OIDC_CLIENT_SECRET: then it is never stored in the database."),
        required=False,
        default="",
    )
    scopes = schema.List(
        title=_("Scopes"),
        description=_("Scopes asked of the provider."),
        value_type=schema.TextLine(),
        required=False,
        default=["openid", "profile", "email"],
    )
    claim_fullname = schema.TextLine(
        title=_("Claim of the full name"),
        required=False,
        default="name",
    )
    claim_email = schema.TextLine(
        title=_("Claim of the e-mail address"),
        required=False,
        default="email",
    )
    claim_country = schema.TextLine(
        title=_("Claim of the country"),
        description=_(
            "An ISO 3166-1 alpha-2 code; it decides which national service validates a new account."
        ),
        required=False,
        default="country",
    )
    allow_linking = schema.Bool(
        title=_("Link to existing accounts"),
        description=_(
            "Log a provider's user in to the local account with the same e-mail address, "
            "when the provider asserts that the address is verified."
        ),
        required=False,
        default=False,
    )
    sso_only_for_staff = schema.Bool(
        title=_("Validators and administrators log in only through the provider"),
        description=_("Their passwords are refused (login form, Basic authentication, @login)."),
        required=False,
        default=False,
    )
    hide_local_login = schema.Bool(
        title=_("Hide the password form for teachers"),
        description=_("The login form shows the provider's button; the password form is folded for pupils."),
        required=False,
        default=False,
    )
