"""Add and edit forms of a TwinSpace: languages and subjects as checkboxes, not Plone's
two-list widget; the partner founder is a name search (twinning.js, user picker).

Rich text has no format selector anywhere (registry ``plone.allowed_types``: HTML only).
"""

from plone.dexterity.browser.add import DefaultAddForm
from plone.dexterity.browser.add import DefaultAddView
from plone.dexterity.browser.edit import DefaultEditForm
from z3c.form.browser.checkbox import CheckBoxFieldWidget


CHECKBOX_FIELDS = ("languages", "subjects")


class CheckboxLists:
    """Multi-valued choices of a few dozen terms as labelled checkboxes in columns."""

    def updateWidgets(self, prefix=None):
        for name in CHECKBOX_FIELDS:
            if name in self.fields:
                self.fields[name].widgetFactory = CheckBoxFieldWidget
        super().updateWidgets(prefix)
        for name in CHECKBOX_FIELDS:
            if name in self.widgets:
                self.widgets[name].addClass("twinning-checkboxes")


class TwinSpaceAddForm(CheckboxLists, DefaultAddForm):
    pass


class TwinSpaceAddView(DefaultAddView):
    form = TwinSpaceAddForm


class TwinSpaceEditForm(CheckboxLists, DefaultEditForm):
    pass
