"""Countries (ISO 3166-1 alpha-2) taking part in eTwinning and Erasmus+.

The 27 EU member states and the third countries associated to Erasmus+ come
first, then the eTwinning partner countries. Titles are English msgids; the
Spanish names live in the ``es`` catalogue.
"""

from collective.twinning import _


ERASMUS_PROGRAMME_COUNTRIES = (
    ("AT", _("Austria")),
    ("BE", _("Belgium")),
    ("BG", _("Bulgaria")),
    ("HR", _("Croatia")),
    ("CY", _("Cyprus")),
    ("CZ", _("Czechia")),
    ("DK", _("Denmark")),
    ("EE", _("Estonia")),
    ("FI", _("Finland")),
    ("FR", _("France")),
    ("DE", _("Germany")),
    ("GR", _("Greece")),
    ("HU", _("Hungary")),
    ("IE", _("Ireland")),
    ("IT", _("Italy")),
    ("LV", _("Latvia")),
    ("LT", _("Lithuania")),
    ("LU", _("Luxembourg")),
    ("MT", _("Malta")),
    ("NL", _("Netherlands")),
    ("PL", _("Poland")),
    ("PT", _("Portugal")),
    ("RO", _("Romania")),
    ("SK", _("Slovakia")),
    ("SI", _("Slovenia")),
    ("ES", _("Spain")),
    ("SE", _("Sweden")),
    ("IS", _("Iceland")),
    ("LI", _("Liechtenstein")),
    ("NO", _("Norway")),
    ("MK", _("North Macedonia")),
    ("RS", _("Serbia")),
    ("TR", _("Türkiye")),
)

ETWINNING_PARTNER_COUNTRIES = (
    ("AL", _("Albania")),
    ("AM", _("Armenia")),
    ("AZ", _("Azerbaijan")),
    ("BA", _("Bosnia and Herzegovina")),
    ("EG", _("Egypt")),
    ("GE", _("Georgia")),
    ("JO", _("Jordan")),
    ("LB", _("Lebanon")),
    ("MA", _("Morocco")),
    ("MD", _("Moldova")),
    ("ME", _("Montenegro")),
    ("TN", _("Tunisia")),
    ("UA", _("Ukraine")),
)

COUNTRIES = ERASMUS_PROGRAMME_COUNTRIES + ETWINNING_PARTNER_COUNTRIES
