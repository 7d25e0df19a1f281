"""Log in with the agency's identity provider (OpenID Connect), through pas.plugins.oidc.

The extra ``collective.twinning[sso]`` installs the plugin; the profile
``collective.twinning:sso`` adds it to the site. ``passwords`` and ``settings`` do not
import pas.plugins.oidc: the password guard keeps working if the extra goes away.
"""
