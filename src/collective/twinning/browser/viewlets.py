"""Viewlets of the add-on on every page: its stylesheet and script, the language switch."""

from plone import api
from plone.app.i18n.locales.browser.selector import LanguageSelector
from plone.app.layout.viewlets.common import ViewletBase


class HeadResources(ViewletBase):
    """twinning.css and twinning.js in <head> (the static resource directory of views/)."""

    def index(self):
        base = f"{api.portal.get().absolute_url()}/++resource++collective.twinning.views"
        return (
            f'<link rel="stylesheet" href="{base}/twinning.css" />\n'
            f'<script src="{base}/twinning.js" defer="defer"></script>'
        )


class LanguageSwitch(LanguageSelector):
    """Plone's language selector (``?set_language=`` sets the I18N_LANGUAGE cookie), as a
    labelled navigation whose links say their language (``lang``) and mark the current one."""
