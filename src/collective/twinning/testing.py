"""Test layers of collective.twinning."""

from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import MOCK_MAILHOST_FIXTURE
from plone.app.testing import PloneSandboxLayer
from plone.testing.zope import WSGI_SERVER_FIXTURE

import collective.twinning
import plone.restapi


class TwinningLayer(PloneSandboxLayer):
    defaultBases = (MOCK_MAILHOST_FIXTURE,)  # on PLONE_FIXTURE; mails kept in messages

    def setUpZope(self, app, configurationContext):
        self.loadZCML(package=plone.restapi)
        self.loadZCML(package=collective.twinning)
        # Plone loads the add-ons' overrides.zcml itself; the test fixture does not autoinclude.
        self.loadZCML(name="overrides.zcml", package=collective.twinning)

    def setUpPloneSite(self, portal):
        applyProfile(portal, "collective.twinning:default")
        portal.portal_registry["plone.email_from_address"] = "portal@example.org"
        portal.portal_registry["plone.email_from_name"] = "eTwinning Portal"


FIXTURE = TwinningLayer()

INTEGRATION_TESTING = IntegrationTesting(bases=(FIXTURE,), name="CollectiveTwinningLayer:IntegrationTesting")

FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(FIXTURE, WSGI_SERVER_FIXTURE),
    name="CollectiveTwinningLayer:FunctionalTesting",
)
