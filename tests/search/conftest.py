"""A small hand-made directory for the search tests, and a way to run a search as someone.

The population (``build_population``) is what every count of the search tests is
worked out from by hand:

People (TeacherProfile in /people; name and country from the account):
  teacher-ana-es     Ana García     ES teacher       history, art      es en  available, ambassador
                     school: IES Miguel de Cervantes
  teacher-luca-it    Luca Rossi     IT teacher       physics, biology  it en  available
                     school: Liceo Galileo Galilei
  teacher-marta-es   Marta López    ES head_teacher  mathematics       es     -
                     school: Colegio Sol
  teacher-pierre-fr  Pierre Martin  FR librarian     history; vocational tourism  fr en  available, ambassador
  teacher-jonas-de   Jonas Becker   DE teacher       art               de     available
                     HIDDEN (no longer a Teacher): never listed, not even for its owner or admins

Organisations (/organisations, public):
  ies-cervantes   IES Miguel de Cervantes       ES  Comunidad de Madrid / Madrid  secondary
  colegio-sol     Colegio Sol                   ES  Andalucía / Sevilla           primary
  liceo-galilei   Liceo Galileo Galilei         IT  Liguria / Genova              secondary
  ecole-lumiere   École Lumière                 FR  Bretagne / Rennes             primary
  escola-porto    Escola Profissional do Porto  PT  Norte / Porto                 vocational

Partner postings (/partner-finding), each: author, country, partnership type, looking for,
languages, subjects, topics, ages, created (days ago), expires (in days), state:
  history-partner-wanted  ana ES etwinning_project partner_school; en es; history;
                          cultural_heritage; 12-15; -20; +30; published (IES Miguel de Cervantes)
  job-shadowing-genova    luca IT ka1_job_shadowing participants; en it; physics biology;
                          stem; no ages; -10; +60; published (Liceo Galileo Galilei)
  maths-partner-sevilla   marta ES etwinning_project partner_school; es; mathematics;
                          stem; 8-10; -5; never; published (Colegio Sol)
  tourism-hosts-wanted    pierre FR ka1_hosting_pupils host_school; fr en; vocational tourism;
                          language_learning; 15-18; -40; EXPIRED 3 days ago; published (no school)
  music-partner-draft     ana ES etwinning_project partner_school; en; music; 10-12; -1; draft
  art-exchange-closed     luca IT ka2_partnership partner_school; it; art; 6-9; -50; closed

Projects (/projects; countries from the founders), each: founders, countries, kind, state,
languages, subjects, ages, Erasmus+, created (days ago):
  our-heritage          ana+luca     ES IT  european  running    en es it  history art  12-15  KA122  -100
  the-sea-unites-us     luca+pierre  IT FR  european  validated  en it fr  biology      14-17  -      -30
  maths-in-the-kitchen  marta+ana    ES     national  concluded  es        mathematics  9-11   -      -400
  reach-for-the-stars   ana+marta    ES     national  labelled   es en     physics      10-12  ref.   -200
  music-without-borders ana+luca     draft     (never found)
  poetry-pending        pierre+luca  pending   (never found)
  archived-garden       marta+ana    archived  (public, but never found)

Other accounts: member-nora-pt (a plain member), pupil-pablo (a pupil of our-heritage),
validator-es (national validator of ES), validator-eu (EuropeanValidator), admin-olga (Manager).
"""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from AccessControl.SpecialUsers import nobody
from collective.twinning.behaviors.expiry import IExpiry
from collective.twinning.directory.organisations import set_organisation
from collective.twinning.directory.profiles import sync_profile
from collective.twinning.membership.pupils import create_pupil
from collective.twinning.search.engine import run
from collective.twinning.security import as_system
from collective.twinning.teachers.requests import forget_request
from contextlib import contextmanager
from DateTime import DateTime
from datetime import date
from datetime import timedelta
from plone import api
from tests.helpers import create_account
from tests.helpers import create_validator
from tests.helpers import PASSWORD
from tests.helpers import PATHS

import pytest
import transaction


TEACHERS = {
    # userid: (fullname, country, profile answers, organisation id)
    "teacher-ana-es": (
        "Ana García",
        "ES",
        {
            "member_type": "teacher",
            "subjects": ["history", "art"],
            "languages": ["es", "en"],
            "available_for_projects": True,
            "ambassador": True,
        },
        "ies-cervantes",
    ),
    "teacher-luca-it": (
        "Luca Rossi",
        "IT",
        {
            "member_type": "teacher",
            "subjects": ["physics", "biology"],
            "languages": ["it", "en"],
            "available_for_projects": True,
            "ambassador": False,
        },
        "liceo-galilei",
    ),
    "teacher-marta-es": (
        "Marta López",
        "ES",
        {
            "member_type": "head_teacher",
            "subjects": ["mathematics"],
            "languages": ["es"],
            "available_for_projects": False,
            "ambassador": False,
        },
        "colegio-sol",
    ),
    "teacher-pierre-fr": (
        "Pierre Martin",
        "FR",
        {
            "member_type": "librarian",
            "subjects": ["history"],
            "vocational_subjects": ["tourism"],
            "languages": ["fr", "en"],
            "available_for_projects": True,
            "ambassador": True,
        },
        None,
    ),
    "teacher-jonas-de": (
        "Jonas Becker",
        "DE",
        {
            "member_type": "teacher",
            "subjects": ["art"],
            "languages": ["de"],
            "available_for_projects": True,
            "ambassador": False,
        },
        None,
    ),
}
FORMER_TEACHER = "teacher-jonas-de"
MEMBER = "member-nora-pt"
PUPIL = "pupil-pablo"
VALIDATOR = "validator-es"
EUROPEAN_VALIDATOR = "validator-eu"
MANAGER = "admin-olga"

ORGANISATIONS = {
    "ies-cervantes": ("IES Miguel de Cervantes", "ES", "Comunidad de Madrid", "Madrid", "secondary"),
    "colegio-sol": ("Colegio Sol", "ES", "Andalucía", "Sevilla", "primary"),
    "liceo-galilei": ("Liceo Galileo Galilei", "IT", "Liguria", "Genova", "secondary"),
    "ecole-lumiere": ("École Lumière", "FR", "Bretagne", "Rennes", "primary"),
    "escola-porto": ("Escola Profissional do Porto", "PT", "Norte", "Porto", "vocational"),
}

POSTINGS = {
    # id: (owner, state, created days ago, expires in days (None: never), fields)
    "history-partner-wanted": (
        "teacher-ana-es",
        "published",
        20,
        30,
        {
            "title": "History partner wanted for a heritage project",
            "description": "Secondary school in Madrid, pupils 12 to 15, English as common language.",
            "partnership_type": "etwinning_project",
            "looking_for": "partner_school",
            "country": "ES",
            "languages": ["en", "es"],
            "subjects": ["history"],
            "topics": ["cultural_heritage"],
            "age_from": 12,
            "age_to": 15,
            "organisation": "ies-cervantes",
        },
    ),
    "job-shadowing-genova": (
        "teacher-luca-it",
        "published",
        10,
        60,
        {
            "title": "We host job shadowing in Genova",
            "description": "Our liceo welcomes science teachers for a week.",
            "partnership_type": "ka1_job_shadowing",
            "looking_for": "participants",
            "country": "IT",
            "languages": ["en", "it"],
            "subjects": ["physics", "biology"],
            "topics": ["stem"],
            "organisation": "liceo-galilei",
        },
    ),
    "maths-partner-sevilla": (
        "teacher-marta-es",
        "published",
        5,
        None,
        {
            "title": "Primary maths partner wanted",
            "description": "Word problems swapped between two classes.",
            "partnership_type": "etwinning_project",
            "looking_for": "partner_school",
            "country": "ES",
            "languages": ["es"],
            "subjects": ["mathematics"],
            "topics": ["stem"],
            "age_from": 8,
            "age_to": 10,
            "organisation": "colegio-sol",
        },
    ),
    "tourism-hosts-wanted": (
        "teacher-pierre-fr",
        "published",
        40,
        -3,
        {
            "title": "Host schools wanted for tourism pupils",
            "description": "Vocational pupils in Brittany look for hosts.",
            "partnership_type": "ka1_hosting_pupils",
            "looking_for": "host_school",
            "country": "FR",
            "languages": ["fr", "en"],
            "vocational_subjects": ["tourism"],
            "topics": ["language_learning"],
            "age_from": 15,
            "age_to": 18,
        },
    ),
    "music-partner-draft": (
        "teacher-ana-es",
        "draft",
        1,
        30,
        {
            "title": "Music partner wanted",
            "description": "Not finished yet.",
            "partnership_type": "etwinning_project",
            "looking_for": "partner_school",
            "country": "ES",
            "languages": ["en"],
            "subjects": ["music"],
            "age_from": 10,
            "age_to": 12,
            "organisation": "ies-cervantes",
        },
    ),
    "art-exchange-closed": (
        "teacher-luca-it",
        "closed",
        50,
        None,
        {
            "title": "Art exchange",
            "description": "We found our partners.",
            "partnership_type": "ka2_partnership",
            "looking_for": "partner_school",
            "country": "IT",
            "languages": ["it"],
            "subjects": ["art"],
            "age_from": 6,
            "age_to": 9,
        },
    ),
}

PROJECTS = {
    # id: (owner, cofounder, state, created days ago, fields)
    "our-heritage": (
        "teacher-ana-es",
        "teacher-luca-it",
        "running",
        100,
        {
            "title": "Our heritage, our future",
            "description": "Pupils from Madrid and Genova build a shared digital museum.",
            "languages": ["en", "es", "it"],
            "subjects": ["history", "art"],
            "age_from": 12,
            "age_to": 15,
            "erasmus_key_action": "KA122",
        },
    ),
    "the-sea-unites-us": (
        "teacher-luca-it",
        "teacher-pierre-fr",
        "validated",
        30,
        {
            "title": "The sea that unites us",
            "description": "Plastic in the Mediterranean.",
            "languages": ["en", "it", "fr"],
            "subjects": ["biology"],
            "age_from": 14,
            "age_to": 17,
        },
    ),
    "maths-in-the-kitchen": (
        "teacher-marta-es",
        "teacher-ana-es",
        "concluded",
        400,
        {
            "title": "Maths in the kitchen",
            "description": "Recipes as word problems.",
            "languages": ["es"],
            "subjects": ["mathematics"],
            "age_from": 9,
            "age_to": 11,
        },
    ),
    "reach-for-the-stars": (
        "teacher-ana-es",
        "teacher-marta-es",
        "labelled",
        200,
        {
            "title": "Reach for the stars",
            "description": "Astronomy nights in two towns.",
            "languages": ["es", "en"],
            "subjects": ["physics"],
            "age_from": 10,
            "age_to": 12,
            "erasmus_project_reference": "2025-1-ES01-KA122-SCH-000123456",
        },
    ),
    "music-without-borders": (
        "teacher-ana-es",
        "teacher-luca-it",
        "draft",
        2,
        {
            "title": "Music without borders",
            "description": "A draft.",
            "languages": ["en"],
            "subjects": ["music"],
            "age_from": 10,
            "age_to": 12,
        },
    ),
    "poetry-pending": (
        "teacher-pierre-fr",
        "teacher-luca-it",
        "pending",
        3,
        {
            "title": "Poetry in motion",
            "description": "Waiting for validation.",
            "languages": ["fr", "it"],
            "subjects": ["language_literature"],
            "age_from": 14,
            "age_to": 16,
        },
    ),
    "archived-garden": (
        "teacher-marta-es",
        "teacher-ana-es",
        "archived",
        900,
        {
            "title": "The school garden",
            "description": "An old project.",
            "languages": ["es"],
            "subjects": ["biology"],
            "age_from": 6,
            "age_to": 8,
        },
    ),
}

# Who finds what (hand-worked from the tables above).
VISIBLE_PROFILES = ["teacher-ana-es", "teacher-luca-it", "teacher-marta-es", "teacher-pierre-fr"]
FOUND_POSTINGS = ["maths-partner-sevilla", "job-shadowing-genova", "history-partner-wanted"]  # recent first
EXPIRED_POSTING = "tourism-hosts-wanted"
FOUND_PROJECTS = ["the-sea-unites-us", "our-heritage", "reach-for-the-stars", "maths-in-the-kitchen"]

# The actors of the permission tests: the table's name -> account id (None: anonymous).
ACTORS = {
    "anonymous": None,
    "pupil": PUPIL,
    "member": MEMBER,
    "teacher": "teacher-ana-es",
    "former_teacher": FORMER_TEACHER,
    "national_validator": VALIDATOR,
    "european_validator": EUROPEAN_VALIDATOR,
    "manager": MANAGER,
}


def days_ago(days: int) -> DateTime:
    return DateTime() - days


def _account(userid: str, fullname: str, country: str, roles=()):
    api.user.create(
        email=f"{userid}@example.org",
        username=userid,
        password=PASSWORD,
        properties={"fullname": fullname, "country": country},
    )
    forget_request(userid)
    if roles:
        api.user.grant_roles(username=userid, roles=list(roles))


def _set_created(obj, days: int) -> None:
    obj.creation_date = days_ago(days)
    obj.reindexObject()


def build_population(portal) -> dict:
    """Build the directory of the module docstring; returns {id: object} of everything made."""
    made = {}
    with api.env.adopt_roles(["Manager"]):
        for org_id, (name, country, region, city, kind) in ORGANISATIONS.items():
            made[org_id] = api.content.create(
                container=portal["organisations"],
                type="Organisation",
                id=org_id,
                safe_id=False,
                title=name,
                country=country,
                region=region,
                city=city,
                organisation_type=kind,
                website=f"https://{org_id}.example.org",
            )
    for userid, (fullname, country, answers, org_id) in TEACHERS.items():
        # The ambassador flag is the role Ambassador (recognition.ambassadors), copied by the sync.
        roles = ["Teacher", "Ambassador"] if answers.get("ambassador") else ["Teacher"]
        _account(userid, fullname, country, roles=roles)
        profile = sync_profile(userid)  # grant_roles sends no event: the sync is asked for
        for name, value in answers.items():
            if name != "ambassador":
                setattr(profile, name, value)
        if org_id:
            set_organisation(profile, made[org_id])
        else:
            profile.reindexObject()
        made[userid] = profile
    api.user.revoke_roles(username=FORMER_TEACHER, roles=["Teacher"])
    sync_profile(FORMER_TEACHER)
    create_account(MEMBER, "PT")
    create_validator(VALIDATOR, "ES")
    create_account(EUROPEAN_VALIDATOR, "BE", roles=["EuropeanValidator"])
    create_account(MANAGER, "ES", roles=["Manager"])

    for posting_id, (owner, state, created, expires, fields) in POSTINGS.items():
        values = dict(fields)
        org_id = values.pop("organisation", None)
        with api.env.adopt_user(username=owner):
            posting = api.content.create(
                container=portal["partner-finding"],
                type="PartnerPosting",
                id=posting_id,
                safe_id=False,
                **values,
            )
            if expires is not None:
                IExpiry(posting).expires = date.today() + timedelta(days=expires)
            if org_id:
                set_organisation(posting, made[org_id])
            if state in ("published", "closed"):
                api.content.transition(obj=posting, transition="publish")
            if state == "closed":
                api.content.transition(obj=posting, transition="close")
        _set_created(posting, created)
        made[posting_id] = posting

    for space_id, (owner, cofounder, state, created, fields) in PROJECTS.items():
        with api.env.adopt_user(username=owner):
            space = api.content.create(
                container=portal["projects"],
                type="TwinSpace",
                id=space_id,
                safe_id=False,
                cofounder=cofounder,
                **fields,
            )
        with as_system():
            for transition in PATHS[state]:
                api.content.transition(obj=space, transition=transition)
        _set_created(space, created)
        made[space_id] = space
    with as_system():
        create_pupil(
            made["our-heritage"], {"username": PUPIL, "fullname": "Pablo Ruiz", "password": PASSWORD}
        )
    return made


@pytest.fixture
def population(portal):
    return build_population(portal)


@pytest.fixture
def committed(functional_portal):
    """The population, committed (functional layer)."""
    made = build_population(functional_portal)
    transaction.commit()
    yield made
    transaction.abort()


@contextmanager
def acting_as(userid: str | None):
    """Run as ``userid`` (None: anonymous)."""
    if userid is None:
        previous = getSecurityManager()
        newSecurityManager(None, nobody)
        try:
            yield
        finally:
            setSecurityManager(previous)
    else:
        with api.env.adopt_user(username=userid):
            yield


def search(spec, params: dict | None = None, userid: str | None = MEMBER) -> dict:
    """Run ``spec`` on ``params`` (a dict like request.form) as ``userid`` (None: anonymous)."""
    request = api.portal.get().REQUEST
    request.form.clear()
    request.form.update(params or {})
    try:
        with acting_as(userid):
            return run(spec, request)
    finally:
        request.form.clear()


def ids(result: dict) -> list[str]:
    """The ids of the found items, in their order."""
    return [item["@id"].rsplit("/", 1)[-1] for item in result["items"]]


@pytest.fixture
def find():
    """find(spec, params, userid) -> the ids found, in order (every item: b_size=100)."""

    def finder(spec, params=None, userid=MEMBER):
        result = search(spec, {"b_size": "100", **(params or {})}, userid)
        assert result["items_total"] == len(result["items"])
        return ids(result)

    return finder
