"""A realistic population for the benchmark: who, where, what, skewed like a real portal.

Everything is drawn from one seeded ``random.Random``, so a run at a given
scale builds the same portal every time. The weights are rough shapes of an
eTwinning-like portal (a handful of countries hold most teachers, English is
nearly everyone's working language, a few subjects dominate), not statistics.
Each generator returns small plain records of what it made; the query
generator (queries.py) draws filter values from them, so the filters are
weighted like the population.
"""

from collective.twinning.content.fields import MAX_PUPIL_AGE
from collective.twinning.content.fields import MIN_PUPIL_AGE
from collective.twinning.vocabularies.countries import COUNTRIES
from collective.twinning.vocabularies.directory import MEMBER_TYPES
from collective.twinning.vocabularies.directory import ORGANISATION_TYPES
from collective.twinning.vocabularies.education import SUBJECTS
from collective.twinning.vocabularies.education import TOPICS
from collective.twinning.vocabularies.education import VOCATIONAL_SUBJECTS
from collective.twinning.vocabularies.erasmus import LOOKING_FOR
from collective.twinning.vocabularies.erasmus import PARTNERSHIP_TYPES
from dataclasses import dataclass
from dataclasses import field

import random
import unicodedata


def codes(pairs) -> list[str]:
    return [code for code, _title in pairs]


# Share of the portal's teachers per country (the rest share 1 each).
COUNTRY_WEIGHTS = {
    "TR": 22,
    "IT": 13,
    "PL": 10,
    "ES": 9,
    "RO": 7,
    "GR": 6,
    "FR": 6,
    "UA": 4,
    "PT": 4,
    "HR": 3,
    "DE": 3,
    "AZ": 2.5,
    "RS": 2,
    "GE": 2,
    "SK": 2,
    "CZ": 2,
    "BG": 2,
    "MK": 1.5,
    "LT": 1.5,
    "JO": 1.5,
    "TN": 1.5,
    "BE": 1.5,
    "AL": 1.2,
}
ALL_COUNTRIES = codes(COUNTRIES)

# The language spoken in each country (used as the second working language).
NATIVE = {
    "AT": "de",
    "BE": "fr",
    "BG": "bg",
    "HR": "hr",
    "CY": "el",
    "CZ": "cs",
    "DK": "da",
    "EE": "et",
    "FI": "fi",
    "FR": "fr",
    "DE": "de",
    "GR": "el",
    "HU": "hu",
    "IE": "ga",
    "IT": "it",
    "LV": "lv",
    "LT": "lt",
    "LU": "lb",
    "MT": "mt",
    "NL": "nl",
    "PL": "pl",
    "PT": "pt",
    "RO": "ro",
    "SK": "sk",
    "SI": "sl",
    "ES": "es",
    "SE": "sv",
    "IS": "is",
    "LI": "de",
    "NO": "no",
    "MK": "mk",
    "RS": "sr",
    "TR": "tr",
    "AL": "sq",
    "AM": "hy",
    "AZ": "az",
    "BA": "bs",
    "EG": "ar",
    "GE": "ka",
    "JO": "ar",
    "LB": "ar",
    "MA": "ar",
    "MD": "ro",
    "ME": "sr",
    "TN": "ar",
    "UA": "uk",
}

SUBJECT_WEIGHTS = {
    "foreign_languages": 24,
    "cross_curricular": 14,
    "informatics": 10,
    "primary_school": 9,
    "mathematics": 7,
    "language_literature": 7,
    "environmental_education": 6,
    "pre_school": 5,
    "art": 5,
    "history": 4,
    "geography": 4,
    "citizenship": 4,
    "natural_sciences": 4,
    "biology": 3,
    "music": 3,
    "physics": 2,
    "chemistry": 2,
    "european_studies": 2,
    "media_education": 2,
    "special_needs": 2,
}
TOPIC_WEIGHTS = {
    "climate_sustainability": 5,
    "cultural_heritage": 4,
    "language_learning": 4,
    "stem": 4,
    "digital_citizenship": 3,
    "inclusion": 3,
    "health_wellbeing": 2,
}
MEMBER_TYPE_WEIGHTS = {"teacher": 86, "head_teacher": 6, "trainee_teacher": 3, "librarian": 2, "other": 3}
ORGANISATION_TYPE_WEIGHTS = {
    "secondary": 40,
    "primary": 34,
    "vocational": 10,
    "pre_primary": 9,
    "other": 5,
    "teacher_training": 2,
}
PARTNERSHIP_WEIGHTS = {
    "etwinning_project": 60,
    "ka2_partnership": 15,
    "ka1_job_shadowing": 12,
    "ka1_hosting_pupils": 8,
    "ka1_teaching_assignment": 5,
}
LOOKING_FOR_WEIGHTS = {"partner_school": 70, "host_school": 15, "participants": 10, "expert": 5}
# Projects of a large portal: most ran and ended long ago.
PROJECT_STATE_WEIGHTS = {
    "draft": 12,
    "pending": 4,
    "validated": 8,
    "running": 22,
    "concluded": 38,
    "labelled": 10,
    "archived": 6,
}
POSTING_STATE_WEIGHTS = {"published": 80, "draft": 10, "closed": 10}
EXPIRED_SHARE = 0.3  # of the published postings


FIRST_NAMES = {
    "TR": [
        "Ayşe",
        "Fatma",
        "Emine",
        "Zeynep",
        "Elif",
        "Mehmet",
        "Mustafa",
        "Ahmet",
        "Ali",
        "Hüseyin",
        "Hasan",
        "Murat",
        "Gül",
        "Derya",
    ],
    "IT": [
        "Giulia",
        "Francesca",
        "Chiara",
        "Sara",
        "Anna",
        "Marco",
        "Luca",
        "Giuseppe",
        "Andrea",
        "Paolo",
        "Elena",
        "Laura",
    ],
    "PL": [
        "Anna",
        "Katarzyna",
        "Małgorzata",
        "Agnieszka",
        "Joanna",
        "Piotr",
        "Krzysztof",
        "Tomasz",
        "Marek",
        "Ewa",
        "Beata",
    ],
    "ES": [
        "María",
        "Lucía",
        "Carmen",
        "Ana",
        "Laura",
        "Marta",
        "José",
        "Antonio",
        "Javier",
        "David",
        "Pilar",
        "Elena",
        "Isabel",
    ],
    "RO": [
        "Maria",
        "Elena",
        "Ioana",
        "Andreea",
        "Mihaela",
        "Ion",
        "Andrei",
        "Alexandru",
        "Gabriela",
        "Daniela",
        "Cristina",
    ],
    "GR": [
        "Maria",
        "Eleni",
        "Aikaterini",
        "Vasiliki",
        "Sofia",
        "Georgios",
        "Ioannis",
        "Konstantinos",
        "Dimitra",
        "Anna",
    ],
    "FR": [
        "Marie",
        "Nathalie",
        "Isabelle",
        "Sylvie",
        "Camille",
        "Jean",
        "Pierre",
        "Nicolas",
        "Julien",
        "Sophie",
        "Claire",
    ],
    "UA": [
        "Olena",
        "Tetiana",
        "Nataliia",
        "Iryna",
        "Oksana",
        "Andrii",
        "Oleksandr",
        "Serhii",
        "Yuliia",
        "Svitlana",
    ],
    "PT": [
        "Maria",
        "Ana",
        "Sofia",
        "Inês",
        "Rita",
        "João",
        "José",
        "Pedro",
        "Miguel",
        "Teresa",
        "Paula",
        "Helena",
    ],
    "DE": [
        "Sabine",
        "Petra",
        "Julia",
        "Katrin",
        "Anja",
        "Thomas",
        "Michael",
        "Stefan",
        "Andreas",
        "Claudia",
        "Susanne",
    ],
    "HR": ["Ivana", "Ana", "Marija", "Petra", "Maja", "Ivan", "Marko", "Tomislav", "Josip", "Sanja", "Vesna"],
}
LAST_NAMES = {
    "TR": [
        "Yılmaz",
        "Kaya",
        "Demir",
        "Şahin",
        "Çelik",
        "Yıldız",
        "Yıldırım",
        "Öztürk",
        "Aydın",
        "Özdemir",
        "Arslan",
        "Doğan",
        "Kılıç",
    ],
    "IT": [
        "Rossi",
        "Russo",
        "Ferrari",
        "Esposito",
        "Bianchi",
        "Romano",
        "Colombo",
        "Ricci",
        "Marino",
        "Greco",
        "Bruno",
        "Gallo",
    ],
    "PL": [
        "Nowak",
        "Kowalska",
        "Wiśniewska",
        "Wójcik",
        "Kowalczyk",
        "Kamińska",
        "Lewandowska",
        "Zielińska",
        "Szymańska",
    ],
    "ES": [
        "García",
        "Fernández",
        "González",
        "Rodríguez",
        "López",
        "Martínez",
        "Sánchez",
        "Pérez",
        "Gómez",
        "Martín",
        "Ruiz",
    ],
    "RO": [
        "Popescu",
        "Popa",
        "Pop",
        "Radu",
        "Dumitru",
        "Stan",
        "Stoica",
        "Gheorghe",
        "Matei",
        "Ciobanu",
        "Ionescu",
        "Rusu",
    ],
    "GR": [
        "Papadopoulou",
        "Papadaki",
        "Georgiou",
        "Dimitriou",
        "Nikolaou",
        "Konstantinou",
        "Ioannou",
        "Pappa",
    ],
    "FR": [
        "Martin",
        "Bernard",
        "Dubois",
        "Thomas",
        "Robert",
        "Richard",
        "Petit",
        "Durand",
        "Leroy",
        "Moreau",
        "Simon",
        "Laurent",
    ],
    "UA": [
        "Melnyk",
        "Shevchenko",
        "Kovalenko",
        "Bondarenko",
        "Boiko",
        "Tkachenko",
        "Kravchenko",
        "Koval",
        "Oliinyk",
    ],
    "PT": [
        "Silva",
        "Santos",
        "Ferreira",
        "Pereira",
        "Oliveira",
        "Costa",
        "Rodrigues",
        "Martins",
        "Jesus",
        "Sousa",
        "Fernandes",
    ],
    "DE": [
        "Müller",
        "Schmidt",
        "Schneider",
        "Fischer",
        "Weber",
        "Meyer",
        "Wagner",
        "Becker",
        "Schulz",
        "Hoffmann",
        "Koch",
    ],
    "HR": [
        "Horvat",
        "Kovačević",
        "Babić",
        "Marić",
        "Jurić",
        "Novak",
        "Kovačić",
        "Knežević",
        "Vuković",
        "Marković",
    ],
}
OTHER_FIRST = [
    "Anna",
    "Maria",
    "Elena",
    "Eva",
    "Nina",
    "Sara",
    "Lea",
    "Mila",
    "Jana",
    "Ivan",
    "Peter",
    "Daniel",
    "Adam",
    "Martin",
    "Lina",
]
OTHER_LAST = [
    "Novak",
    "Horvath",
    "Petrov",
    "Ivanova",
    "Hansen",
    "Jensen",
    "Nielsen",
    "Virtanen",
    "Berzina",
    "Kazlauskas",
    "Murphy",
    "Borg",
    "Camilleri",
    "Janssen",
    "Peeters",
    "Hoxha",
    "Mammadova",
    "Beridze",
    "Haddad",
    "Benali",
]

CITIES = {
    "TR": ["İstanbul", "Ankara", "İzmir", "Bursa", "Konya", "Antalya", "Trabzon", "Kayseri"],
    "IT": ["Roma", "Milano", "Napoli", "Torino", "Palermo", "Genova", "Bologna", "Bari"],
    "PL": ["Warszawa", "Kraków", "Łódź", "Wrocław", "Poznań", "Gdańsk", "Lublin"],
    "ES": ["Madrid", "Barcelona", "Valencia", "Sevilla", "Zaragoza", "Málaga", "Murcia", "Bilbao"],
    "RO": ["București", "Cluj-Napoca", "Iași", "Timișoara", "Constanța", "Craiova", "Brașov"],
    "GR": ["Athina", "Thessaloniki", "Patra", "Irakleio", "Larisa", "Volos"],
    "FR": ["Paris", "Marseille", "Lyon", "Toulouse", "Nice", "Nantes", "Strasbourg", "Lille"],
    "UA": ["Kyiv", "Kharkiv", "Odesa", "Dnipro", "Lviv", "Zaporizhzhia"],
    "PT": ["Lisboa", "Porto", "Braga", "Coimbra", "Aveiro", "Faro"],
    "DE": ["Berlin", "Hamburg", "München", "Köln", "Frankfurt", "Stuttgart", "Leipzig"],
}
REGIONS = {
    "TR": ["Marmara", "İç Anadolu", "Ege", "Akdeniz", "Karadeniz", "Doğu Anadolu"],
    "IT": ["Lazio", "Lombardia", "Campania", "Piemonte", "Sicilia", "Liguria", "Puglia"],
    "PL": ["Mazowieckie", "Małopolskie", "Łódzkie", "Dolnośląskie", "Wielkopolskie", "Pomorskie"],
    "ES": ["Madrid", "Cataluña", "Comunitat Valenciana", "Andalucía", "Aragón", "País Vasco"],
    "RO": ["București-Ilfov", "Nord-Vest", "Nord-Est", "Vest", "Sud-Est", "Centru"],
    "GR": ["Attiki", "Kentriki Makedonia", "Dytiki Ellada", "Kriti", "Thessalia"],
    "FR": ["Île-de-France", "Provence-Alpes-Côte d'Azur", "Auvergne-Rhône-Alpes", "Occitanie"],
    "UA": ["Kyivska", "Kharkivska", "Odeska", "Dnipropetrovska", "Lvivska"],
    "PT": ["Lisboa", "Norte", "Centro", "Algarve", "Alentejo"],
    "DE": ["Berlin", "Hamburg", "Bayern", "Nordrhein-Westfalen", "Hessen", "Sachsen"],
}
SCHOOL_WORDS = {
    "secondary": "Secondary School",
    "primary": "Primary School",
    "vocational": "Vocational School",
    "pre_primary": "Kindergarten",
    "other": "Education Centre",
    "teacher_training": "Teacher Training Institute",
}
SCHOOL_PATRONS = [
    "Galileo",
    "Cervantes",
    "Curie",
    "Comenius",
    "Erasmus",
    "Atatürk",
    "Copernicus",
    "Eminescu",
    "Pessoa",
    "Goethe",
    "Montessori",
    "Da",
    "Vinci",
    "Shevchenko",
    "Kazantzakis",
    "Hugo",
    "Europa",
    "Marconi",
]
PROJECT_THEMES = [
    "Our heritage, our future",
    "Climate detectives",
    "Maths in the kitchen",
    "Stories without borders",
    "Green schools for Europe",
    "Coding together",
    "The sea that unites us",
    "Healthy minds, healthy bodies",
    "Fairy tales of Europe",
    "Water, a common good",
    "Women in science",
    "Digital citizens",
    "Music connects us",
    "Traditional games",
    "Recycling heroes",
    "Biodiversity around our schools",
    "Our towns, our stories",
    "Let's read together",
    "Kindness matters",
    "Robots and us",
]


def weighted(rng: random.Random, weights: dict, k: int = 1) -> list:
    """k distinct values drawn by weight."""
    population, chosen = dict(weights), []
    for _ in range(min(k, len(population))):
        value = rng.choices(list(population), weights=list(population.values()))[0]
        chosen.append(value)
        del population[value]
    return chosen


def country_weights() -> dict:
    return {code: COUNTRY_WEIGHTS.get(code, 0.6) for code in ALL_COUNTRIES}


def ascii_slug(text: str) -> str:
    normal = unicodedata.normalize("NFKD", text.replace("ı", "i").replace("ł", "l"))
    return "".join(c for c in normal if c.isascii() and c.isalnum()).lower()


@dataclass
class Scale:
    """How many of each. SCALE=1 finishes in a few minutes on two shared cores."""

    factor: float
    organisations: int = 0
    teachers: int = 0
    pending: int = 0  # accounts waiting for validation: users without a profile
    projects: int = 0
    postings: int = 0
    creations: int = 0  # TwinSpaces and Documents each, for the creation cost

    @classmethod
    def of(cls, factor: float) -> "Scale":
        def n(base: int, low: int = 1) -> int:
            return max(low, round(base * factor))

        return cls(
            factor=factor,
            organisations=n(500),
            teachers=n(2000, 20),
            pending=n(100),
            projects=n(1000),
            postings=n(1000),
            creations=min(200, n(100, 20)),
        )


@dataclass
class Teacher:
    userid: str
    fullname: str
    first: str
    last: str
    country: str
    organisation: str | None  # the organisation's id
    member_type: str
    languages: list
    subjects: list
    vocational_subjects: list
    available: bool
    ambassador: bool


@dataclass
class Organisation:
    id: str
    name: str
    country: str
    region: str
    city: str
    organisation_type: str
    uid: str = ""
    teachers: list = field(default_factory=list)


class PopulationMaker:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.countries = country_weights()
        self.serial = 0

    def next_serial(self) -> int:
        self.serial += 1
        return self.serial

    def languages(self, country: str) -> list[str]:
        rng = self.rng
        chosen = []
        if rng.random() < 0.88:
            chosen.append("en")
        if rng.random() < 0.65 and NATIVE.get(country) and NATIVE[country] not in chosen:
            chosen.append(NATIVE[country])
        for extra, share in (("fr", 0.10), ("de", 0.08), ("es", 0.08), ("it", 0.05)):
            if extra not in chosen and rng.random() < share:
                chosen.append(extra)
        return chosen or ["en"]

    def subjects(self, most: int = 3) -> list[str]:
        weights = {code: SUBJECT_WEIGHTS.get(code, 1) for code in codes(SUBJECTS)}
        return weighted(self.rng, weights, self.rng.randint(1, most))

    def ages(self) -> tuple[int, int]:
        low = self.rng.choice([3, 5, 6, 8, 10, 11, 12, 13, 14, 15, 16])
        high = min(MAX_PUPIL_AGE, low + self.rng.choice([1, 2, 3, 3, 4, 5]))
        return max(MIN_PUPIL_AGE, low), high

    def organisation(self) -> Organisation:
        rng = self.rng
        country = weighted(rng, self.countries)[0]
        kind = weighted(rng, ORGANISATION_TYPE_WEIGHTS)[0]
        city = rng.choice(CITIES.get(country, [f"{country} city {i}" for i in range(1, 6)]))
        region = rng.choice(REGIONS.get(country, [f"{country} region {i}" for i in range(1, 4)]))
        serial = self.next_serial()
        name = f"{rng.choice(SCHOOL_PATRONS)} {SCHOOL_WORDS[kind]} {city} {serial}"
        return Organisation(f"org-{country.lower()}-{serial:06d}", name, country, region, city, kind)

    def teacher(self, organisations_by_country: dict) -> Teacher:
        rng = self.rng
        country = weighted(rng, self.countries)[0]
        first = rng.choice(FIRST_NAMES.get(country, OTHER_FIRST))
        last = rng.choice(LAST_NAMES.get(country, OTHER_LAST))
        serial = self.next_serial()
        userid = f"{ascii_slug(first)}-{ascii_slug(last)}-{serial:06d}"
        local = organisations_by_country.get(country) or []
        organisation = rng.choice(local).id if local and rng.random() < 0.85 else None
        vocational = (
            weighted(rng, dict.fromkeys(codes(VOCATIONAL_SUBJECTS), 1)) if rng.random() < 0.08 else []
        )
        return Teacher(
            userid=userid,
            fullname=f"{first} {last}",
            first=first,
            last=last,
            country=country,
            organisation=organisation,
            member_type=weighted(rng, MEMBER_TYPE_WEIGHTS)[0],
            languages=self.languages(country),
            subjects=self.subjects(),
            vocational_subjects=vocational,
            available=rng.random() < 0.7,
            ambassador=rng.random() < 0.02,
        )

    def project(self, owner: Teacher, teachers: list, teachers_by_country: dict) -> dict:
        rng = self.rng
        same = teachers_by_country[owner.country]
        pool = same if rng.random() < 0.45 and len(same) > 1 else teachers
        cofounder = rng.choice(pool)
        while cofounder.userid == owner.userid:
            cofounder = rng.choice(teachers)
        languages = ["en"] if rng.random() < 0.85 else []
        for person in (owner, cofounder):
            if NATIVE.get(person.country) and rng.random() < 0.4:
                languages.append(NATIVE[person.country])
        age_from, age_to = self.ages()
        serial = self.next_serial()
        theme = rng.choice(PROJECT_THEMES)
        erasmus = rng.random() < 0.12
        return {
            "id": f"project-{serial:06d}",
            "owner": owner.userid,
            "cofounder": cofounder.userid,
            "state": weighted(rng, PROJECT_STATE_WEIGHTS)[0],
            "countries": sorted({owner.country, cofounder.country}),
            "fields": {
                "title": f"{theme} {serial}",
                "description": f"{owner.fullname} and {cofounder.fullname}: {theme.lower()}, "
                f"pupils aged {age_from} to {age_to}.",
                "languages": sorted(set(languages or ["en"])),
                "subjects": self.subjects(),
                "age_from": age_from,
                "age_to": age_to,
                "erasmus_key_action": rng.choice(["KA122", "KA210", "KA220"]) if erasmus else None,
            },
            "days_ago": rng.randint(0, 12 * 365),
        }

    def posting(self, owner: Teacher) -> dict:
        rng = self.rng
        age_from, age_to = self.ages()
        subjects = self.subjects(2)
        kind = weighted(rng, PARTNERSHIP_WEIGHTS)[0]
        state = weighted(rng, POSTING_STATE_WEIGHTS)[0]
        expired = state == "published" and rng.random() < EXPIRED_SHARE
        serial = self.next_serial()
        language = "English" if "en" in owner.languages else "our language"
        return {
            "id": f"posting-{serial:06d}",
            "owner": owner.userid,
            "state": state,
            "expired": expired,
            "expires_in_days": -rng.randint(1, 400) if expired else rng.randint(5, 300),
            "fields": {
                "title": f"Looking for partners: {subjects[0].replace('_', ' ')} {serial}",
                "description": f"{owner.fullname} ({owner.country}), pupils {age_from}-{age_to}, "
                f"{language} as common language.",
                "partnership_type": kind,
                "looking_for": weighted(rng, LOOKING_FOR_WEIGHTS)[0],
                "country": owner.country,
                "languages": owner.languages,
                "subjects": subjects,
                "vocational_subjects": owner.vocational_subjects,
                "topics": weighted(
                    rng, {c: TOPIC_WEIGHTS.get(c, 1) for c in codes(TOPICS)}, rng.randint(0, 2)
                ),
                "age_from": age_from,
                "age_to": age_to,
            },
            "organisation": owner.organisation,
        }


# Every vocabulary used above must exist (a renamed code would silently vanish).
for _weights, _vocabulary in (
    (SUBJECT_WEIGHTS, SUBJECTS),
    (TOPIC_WEIGHTS, TOPICS),
    (MEMBER_TYPE_WEIGHTS, MEMBER_TYPES),
    (ORGANISATION_TYPE_WEIGHTS, ORGANISATION_TYPES),
    (PARTNERSHIP_WEIGHTS, PARTNERSHIP_TYPES),
    (LOOKING_FOR_WEIGHTS, LOOKING_FOR),
    (COUNTRY_WEIGHTS, COUNTRIES),
):
    assert set(_weights) <= set(codes(_vocabulary)), set(_weights) - set(codes(_vocabulary))
