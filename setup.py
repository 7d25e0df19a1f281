"""Installer for the collective.twinning package."""

from pathlib import Path
from setuptools import find_namespace_packages
from setuptools import setup


long_description = Path("README.md").read_text(encoding="utf-8")

setup(
    name="collective.twinning",
    version="1.0.0.dev0",
    description=(
        "An eTwinning-style portal for Plone: school projects with TwinSpaces, "
        "partner finding, Erasmus+ mobilities and Quality Labels."
    ),
    long_description=long_description,
    long_description_content_type="text/markdown",
    classifiers=[
        "Environment :: Web Environment",
        "Framework :: Plone",
        "Framework :: Plone :: 6.2",
        "Framework :: Plone :: Addon",
        "Programming Language :: Python :: 3.11",
        "License :: OSI Approved :: GNU General Public License v2 (GPLv2)",
    ],
    keywords="Plone eTwinning Erasmus+ schools collaboration",
    author="collective.twinning developers",
    license="GPL version 2",
    packages=find_namespace_packages("src", include=["collective.*"]),
    package_dir={"": "src"},
    include_package_data=True,
    zip_safe=False,
    python_requires=">=3.11",
    install_requires=[
        "setuptools",
        "Products.CMFPlone>=6.2",
        "plone.api",
        "plone.app.contenttypes",
        "plone.app.dexterity",
        "plone.app.relationfield",
        "plone.app.textfield",
        "plone.namedfile",
        "plone.restapi>=10",
        "plone.schema",
        "z3c.relationfield",
        "Zope[wsgi]",
    ],
    extras_require={
        # Several Zope instances on one database: ZEO, or RelStorage on
        # PostgreSQL (psycopg2-binary: a wheel, no compiler or libpq headers).
        "scale": [
            "RelStorage",
            "psycopg2-binary",
            "ZEO",
        ],
        # Log in with the agency's identity provider (OpenID Connect): profile
        # collective.twinning:sso, configured by OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET.
        "sso": [
            "pas.plugins.oidc",
        ],
        # playwright: the browser tests (tests/browser) drive Debian's Chromium
        # (scripts/chromium.sh); no browser is downloaded.
        "test": [
            "plone.app.testing",
            "plone.testing",
            "playwright",
            "pytest",
            "pytest-plone",
            "requests",
            # make openapi writes docs/openapi.yaml; make fuzz tests the portal against it.
            "PyYAML",
            "schemathesis",
            # tests/sso: a real OpenID Connect provider on loopback.
            "oidc-provider-mock",
        ],
    },
    entry_points="""
    [z3c.autoinclude.plugin]
    target = plone
    [plone.autoinclude.plugin]
    target = plone
    [console_scripts]
    twinning-export = collective.twinning.exportimport.command:main
    """,
)
