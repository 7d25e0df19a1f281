"""The checks of the provider's answer, stricter than pas.plugins.oidc's own callback.

pas.plugins.oidc 2.0.0 only logs a ``state`` that does not match and never compares the
ID token's ``nonce``; here either refuses the login, and so do an ID token for another
client, from another issuer, or a userinfo answer about another subject.
"""

from collective.twinning import _
from collective.twinning.sso.accounts import LoginRefused
from hmac import compare_digest
from oic.oic.message import AccessTokenResponse
from oic.oic.message import AuthorizationResponse
from urllib.parse import parse_qs

import logging


logger = logging.getLogger(__name__)


def refused(provider: str, reason: str) -> LoginRefused:
    logger.warning("OpenID Connect login refused: %s", reason)
    return LoginRefused(
        _("The login with ${provider} did not succeed. Please try again.", mapping={"provider": provider})
    )


def same(a, b) -> bool:
    return isinstance(a, str) and isinstance(b, str) and bool(a) and compare_digest(a, b)


def check_state(query_string: str, expected_state: str | None, provider: str) -> dict:
    """The answer's parameters, when it carries a code and the state this browser was given."""
    params = {key: values[0] for key, values in parse_qs(query_string).items()}
    if "error" in params:
        raise refused(provider, f"the provider answered {params['error']!r}")
    if not same(params.get("state"), expected_state):
        raise refused(provider, "state does not match this browser's login")
    if not params.get("code"):
        raise refused(provider, "no authorization code")
    return params


def check_id_token(id_token: dict, client_id: str, nonce: str | None, provider: str) -> dict:
    """The ID token's claims, when it is meant for this client and this login."""
    audience = id_token.get("aud")
    audience = [audience] if isinstance(audience, str) else list(audience or ())
    if client_id not in audience:
        raise refused(provider, f"ID token for {audience}, not for this client")
    if "azp" in id_token and id_token["azp"] != client_id:
        raise refused(provider, "ID token authorized for another party")
    if not same(id_token.get("nonce"), nonce):
        raise refused(provider, "nonce does not match this browser's login")
    if not id_token.get("sub"):
        raise refused(provider, "ID token without a subject")
    return dict(id_token)


def claims_of(
    client, query_string: str, session, client_id: str, redirect_uri: str, provider: str
) -> tuple[dict, str]:
    """Exchange the code and return (claims, issuer); LoginRefused when anything is wrong."""
    params = check_state(query_string, session.get("state"), provider)
    try:
        client.parse_response(AuthorizationResponse, info=query_string, sformat="urlencoded")
        args = {"code": params["code"], "redirect_uri": redirect_uri}
        if session.get("verifier"):
            args["code_verifier"] = session.get("verifier")
        # oic checks the ID token's signature, issuer, audience and expiry.
        response = client.do_access_token_request(
            state=params["state"], request_args=args, authn_method="client_secret_basic"
        )
    except Exception as error:  # any failure of the exchange is a refused login
        raise refused(provider, f"token request failed: {error!r}") from None
    if not isinstance(response, AccessTokenResponse) or "id_token" not in response:
        raise refused(provider, f"no ID token: {response!r}")
    id_token = check_id_token(response["id_token"].to_dict(), client_id, session.get("nonce"), provider)
    claims = dict(id_token)
    if client.userinfo_endpoint:
        try:
            userinfo = client.do_user_info_request(method="GET", state=params["state"]).to_dict()
        except Exception as error:
            raise refused(provider, f"userinfo request failed: {error!r}") from None
        if userinfo.get("sub") != id_token["sub"]:
            raise refused(provider, "userinfo is about another subject")
        claims.update(userinfo)
    return claims, id_token["iss"]
