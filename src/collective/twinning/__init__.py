"""collective.twinning: an eTwinning-style school collaboration portal for Plone."""

from zope.i18nmessageid import MessageFactory

import logging


PACKAGE_NAME = "collective.twinning"

_ = MessageFactory(PACKAGE_NAME)

logger = logging.getLogger(PACKAGE_NAME)
