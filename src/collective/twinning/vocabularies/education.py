"""School subjects, vocational subjects and project topics."""

from collective.twinning import _


SUBJECTS = (
    ("art", _("Art")),
    ("biology", _("Biology")),
    ("chemistry", _("Chemistry")),
    ("citizenship", _("Citizenship")),
    ("cross_curricular", _("Cross curricular")),
    ("design_technology", _("Design and technology")),
    ("drama", _("Drama")),
    ("economics", _("Economics")),
    ("environmental_education", _("Environmental education")),
    ("ethics", _("Ethics")),
    ("european_studies", _("European studies")),
    ("foreign_languages", _("Foreign languages")),
    ("geography", _("Geography")),
    ("health_studies", _("Health studies")),
    ("history", _("History")),
    ("informatics", _("Informatics / ICT")),
    ("language_literature", _("Language and literature")),
    ("mathematics", _("Mathematics / Geometry")),
    ("media_education", _("Media education")),
    ("music", _("Music")),
    ("natural_sciences", _("Natural sciences")),
    ("physical_education", _("Physical education")),
    ("physics", _("Physics")),
    ("pre_school", _("Pre-school education")),
    ("primary_school", _("Primary school subjects")),
    ("psychology", _("Psychology")),
    ("religion", _("Religion")),
    ("social_studies", _("Social studies")),
    ("special_needs", _("Special needs education")),
)

VOCATIONAL_SUBJECTS = (
    ("agriculture", _("Agriculture, forestry and fishery")),
    ("arts_crafts", _("Arts and crafts")),
    ("business_administration", _("Business and administration")),
    ("construction", _("Architecture and construction")),
    ("electronics", _("Electricity and electronics")),
    ("engineering", _("Engineering and engineering trades")),
    ("health_care", _("Health care and social services")),
    ("hospitality", _("Hotel, restaurant and catering")),
    ("ict_vocational", _("Information and communication technologies")),
    ("manufacturing", _("Manufacturing and processing")),
    ("personal_services", _("Personal services")),
    ("tourism", _("Travel and tourism")),
    ("transport", _("Transport services")),
)

TOPICS = (
    ("citizenship_democracy", _("Citizenship and democracy")),
    ("climate_sustainability", _("Climate and sustainability")),
    ("cultural_heritage", _("Cultural heritage")),
    ("digital_citizenship", _("Digital citizenship")),
    ("entrepreneurship", _("Entrepreneurship")),
    ("health_wellbeing", _("Health and well-being")),
    ("inclusion", _("Inclusion and diversity")),
    ("language_learning", _("Language learning")),
    ("media_literacy", _("Media literacy")),
    ("stem", _("Science, technology, engineering and mathematics")),
)
