"""Demo projects, a group, partner postings and a mobility, with realistic titles."""

from collective.twinning.behaviors.expiry import IExpiry
from collective.twinning.demo.users import DEMO_PASSWORD
from collective.twinning.directory.organisations import set_organisation
from collective.twinning.directory.profiles import sync_profile
from collective.twinning.lifecycle.checklist import decide
from collective.twinning.lifecycle.countries import national_validators
from collective.twinning.membership.groups import join
from collective.twinning.membership.pupils import create_pupil
from datetime import date
from plone import api
from plone.app.textfield.value import RichTextValue
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds


def html(text: str) -> RichTextValue:
    return RichTextValue(text, "text/html", "text/x-html-safe")


PROJECTS = (
    {
        "id": "nuestro-patrimonio-our-heritage",
        "owner": "ana",
        "cofounder": "luca",
        "state": "running",
        "fields": {
            "title": "Nuestro patrimonio, nuestro futuro / Our heritage, our future",
            "description": "Pupils from Madrid and Genova map the heritage of their "
            "neighbourhoods and build a shared digital museum.",
            # Rich text as HTML strings: a RichTextValue made at import would be one persistent
            # object shared by every site (and test) that applies the profile.
            "aims": "<p>Discover local heritage and present it in English.</p>",
            "languages": ["en", "es", "it"],
            "subjects": ["history", "art", "foreign_languages"],
            "age_from": 12,
            "age_to": 15,
            "pupils_count": 48,
            "erasmus_key_action": "KA122",
            "erasmus_project_reference": "2025-1-ES01-KA122-SCH-000123456",
            "start": date(2026, 9, 15),
            "end": date(2027, 6, 15),
        },
    },
    {
        "id": "il-mare-che-ci-unisce",
        "owner": "luca",
        "cofounder": "ana",
        "state": "pending",
        "fields": {
            "title": "Il mare che ci unisce – The sea that unites us",
            "description": "A Mediterranean science project on plastic in the sea.",
            "aims": "<p>Measure the plastic on our beaches and find where it comes from.</p>",
            "work_process": "<p>Each month both classes sample a beach, share the data in the "
            "TwinSpace and compare them in a video call.</p>",
            "languages": ["en", "it"],
            "subjects": ["biology", "environmental_education"],
            "age_from": 14,
            "age_to": 17,
            "pupils_count": 30,
            "start": date(2026, 10, 1),
            "end": date(2027, 5, 31),
        },
    },
    {
        "id": "matematicas-en-la-cocina",
        "owner": "ana",
        "cofounder": "luca",
        "state": "draft",
        "fields": {
            "title": "Matemáticas en la cocina / Maths in the kitchen",
            "description": "Recipes as word problems, swapped between two classes.",
            "languages": ["en", "es"],
            "subjects": ["mathematics"],
            "age_from": 9,
            "age_to": 11,
        },
    },
)


RICH_TEXT = ("aims", "work_process", "expected_results")


def _create_as(owner: str, **kwargs):
    with api.env.adopt_user(username=owner):
        return api.content.create(safe_id=False, **kwargs)


def _published(obj):
    if api.content.get_state(obj=obj) != "published":
        api.content.transition(obj=obj, transition="publish")
    return obj


def _bring_to(project, owner: str, state: str) -> None:
    """Walk a new project through its lifecycle as its people would."""
    if state == "draft":
        return
    with api.env.adopt_user(username=owner):
        api.content.transition(obj=project, transition="submit")
    if state == "pending":
        return
    deciders = [project.cofounder] + [national_validators(country)[0] for country in project.countries]
    for userid in deciders:
        with api.env.adopt_user(username=userid):
            decide(project, userid, "approve", "Welcome to eTwinning!")
    with api.env.adopt_user(username=owner):
        api.content.transition(obj=project, transition="start")


def create_projects(portal) -> dict:
    projects = {}
    for spec in PROJECTS:
        project = portal["projects"].get(spec["id"])
        if project is None:
            project = _create_as(
                spec["owner"],
                container=portal["projects"],
                type="TwinSpace",
                id=spec["id"],
                cofounder=spec["cofounder"],
                **{
                    name: html(value) if name in RICH_TEXT else value
                    for name, value in spec["fields"].items()
                },
            )
            _bring_to(project, spec["owner"], spec["state"])
        projects[spec["id"]] = project
    return projects


def create_project_content(project) -> None:
    """Pages, a video, a mobility and a pupil in the running project."""
    if "bienvenidos-welcome" in project:
        return
    welcome = _create_as(
        "ana",
        container=project,
        type="Page",
        id="bienvenidos-welcome",
        title="Bienvenidos / Welcome",
        description="How we work together in this TwinSpace.",
        text=html("<p>Each school presents itself, then we choose our monuments.</p>"),
    )
    _create_as(
        "ana",
        container=welcome,
        type="Page",
        id="our-schools",
        title="Nuestros institutos / Our schools",
        text=html("<p>IES Miguel de Cervantes (Madrid) and Liceo Galilei (Genova).</p>"),
    )
    _create_as(
        "ana",
        container=welcome,
        type="Material",
        id="video-presentation",
        title="Video: el Madrid de los Austrias",
        embed_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        copyright_confirmed=True,
        license="cc-by-4.0",
    )
    _create_as(
        "ana",
        container=project,
        type="Mobility",
        id="job-shadowing-genova",
        title="Job shadowing in Genova",
        key_action="KA122",
        activity_type="job_shadowing",
        direction="outgoing",
        sending_organisation="IES Miguel de Cervantes",
        receiving_organisation="Liceo Galileo Galilei",
        host_country="IT",
        start=date(2027, 2, 8),
        end=date(2027, 2, 12),
        participants_staff=2,
        # Pupils and teachers prepare the visit on the welcome page.
        preparation_pages=[RelationValue(getUtility(IIntIds).getId(welcome))],
    )
    with api.env.adopt_user(username="ana"):
        api.content.transition(obj=welcome, transition="publish")
        create_pupil(
            project,
            {"username": "lucia", "fullname": "Lucía Fernández", "password": DEMO_PASSWORD},
        )


def create_group(portal) -> None:
    """Ana's open group, approved by her national service; Luca joined it."""
    if "stem-teachers-europe" in portal["groups"]:
        return
    group = _create_as(
        "ana",
        container=portal["groups"],
        type="Group",
        id="stem-teachers-europe",
        title="STEM teachers in Europe / Docentes STEM en Europa",
        description="Share experiments that work in class, in any language.",
        access="open",
        languages=["en", "es", "it"],
        subjects=["physics", "chemistry", "mathematics"],
    )
    with api.env.adopt_user(username=national_validators("ES")[0]):
        api.content.transition(obj=group, transition="approve")
    for teacher in ("luca", "pablo", "rosa"):
        with api.env.adopt_user(username=teacher):
            join(group, teacher)


POSTINGS = (
    {
        "id": "buscamos-socio-historia",
        "owner": "ana",
        "title": "Buscamos socio para un proyecto de historia / History partner wanted",
        "description": "Secondary school in Madrid, pupils 12–15, English as common language.",
        "partnership_type": "etwinning_project",
        "looking_for": "partner_school",
        "country": "ES",
        "organisation": "ies-miguel-de-cervantes",
        "languages": ["en", "es"],
        "subjects": ["history"],
        "age_from": 12,
        "age_to": 15,
        "topics": ["cultural_heritage"],
        "expires": date(2027, 6, 30),
    },
    {
        "id": "ospitiamo-docenti-job-shadowing",
        "owner": "luca",
        "title": "Ospitiamo docenti in job shadowing / We host job shadowing",
        "description": "Our liceo in Genova welcomes teachers of science for a week.",
        "partnership_type": "ka1_job_shadowing",
        "looking_for": "participants",
        "country": "IT",
        "organisation": "liceo-galileo-galilei",
        "languages": ["en", "it"],
        "subjects": ["biology", "physics"],
        "vocational_subjects": [],
        "topics": ["stem"],
        "expires": date(2027, 3, 31),
    },
)


def create_postings(portal) -> None:
    for spec in POSTINGS:
        values = dict(spec)
        posting_id = values.pop("id")
        owner = values.pop("owner")
        expires = values.pop("expires")
        organisation = portal["organisations"][values.pop("organisation")]
        if posting_id in portal["partner-finding"]:
            continue
        posting = _create_as(
            owner,
            container=portal["partner-finding"],
            type="PartnerPosting",
            id=posting_id,
            **values,
        )
        # Through the behavior: it keeps the day as the Dublin Core expiration.
        IExpiry(posting).expires = expires
        set_organisation(posting, organisation)
        with api.env.adopt_user(username=owner):  # the author publishes it
            _published(posting)


ORGANISATIONS = (
    {
        "id": "ies-miguel-de-cervantes",
        "name": "IES Miguel de Cervantes",
        "country": "ES",
        "region": "Comunidad de Madrid",
        "city": "Madrid",
        "organisation_type": "secondary",
        "website": "https://ies-cervantes.example.org",
    },
    {
        "id": "liceo-galileo-galilei",
        "name": "Liceo Galileo Galilei",
        "country": "IT",
        "region": "Liguria",
        "city": "Genova",
        "organisation_type": "secondary",
        "website": "https://liceo-galilei.example.org",
    },
)

PROFILES = {
    # teacher: (organisation id, what they tell partners)
    "ana": (
        "ies-miguel-de-cervantes",
        {
            "subjects": ["history", "art"],
            "languages": ["es", "en"],
            "available_for_projects": True,
            "ambassador": True,
            "bio": "History teacher in Madrid; eTwinning ambassador since 2019.",
        },
    ),
    "pablo": (
        "ies-miguel-de-cervantes",
        {"subjects": ["mathematics"], "languages": ["es", "en"], "available_for_projects": False},
    ),
    "rosa": (
        "ies-miguel-de-cervantes",
        {"subjects": ["biology"], "languages": ["es", "fr"], "available_for_projects": True},
    ),
    "luca": (
        "liceo-galileo-galilei",
        {
            "subjects": ["physics", "biology"],
            "languages": ["it", "en"],
            "available_for_projects": True,
            "ambassador": False,
            "bio": "Physics teacher in Genova, hosting job shadowing every spring.",
        },
    ),
}


def create_directory(portal) -> None:
    """Two schools and the demo teachers' profiles (made by the sync, filled in here)."""
    for spec in ORGANISATIONS:
        values = dict(spec)
        if values["id"] not in portal["organisations"]:
            api.content.create(
                container=portal["organisations"], type="Organisation", safe_id=False, **values
            )
    for userid, (organisation_id, answers) in PROFILES.items():
        profile = sync_profile(userid)
        if profile is None or profile.organisation is not None:
            continue  # not a teacher, or filled in by an earlier run
        for name, value in answers.items():
            setattr(profile, name, value)
        set_organisation(profile, portal["organisations"][organisation_id])
