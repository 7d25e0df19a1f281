"""Licences a teacher can choose for uploaded material."""

from collective.twinning import _


LICENCES = (
    ("cc-by-4.0", _("Creative Commons Attribution 4.0 (CC BY)")),
    ("cc-by-sa-4.0", _("Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA)")),
    ("cc-by-nd-4.0", _("Creative Commons Attribution-NoDerivatives 4.0 (CC BY-ND)")),
    ("cc-by-nc-4.0", _("Creative Commons Attribution-NonCommercial 4.0 (CC BY-NC)")),
    (
        "cc-by-nc-sa-4.0",
        _("Creative Commons Attribution-NonCommercial-ShareAlike 4.0 (CC BY-NC-SA)"),
    ),
    (
        "cc-by-nc-nd-4.0",
        _("Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 (CC BY-NC-ND)"),
    ),
    ("cc0-1.0", _("Creative Commons Zero - public domain dedication (CC0)")),
    ("public-domain", _("Public domain")),
    ("all-rights-reserved", _("All rights reserved")),
)
