"""Create the benchmark's Plone site and fill it with the population, in batches.

Every object goes through the add-on's own code paths, so it ends up indexed
and permission-correct exactly as on a live portal: accounts are created with
plone.api and approved with ``teachers.requests.decide`` (which grants Teacher
and makes the profile through ``directory.profiles.sync_profile``); projects
and postings are created by their owners and walked through their workflows
with ``security.as_system`` like the system does. Reindexing is left to Plone's
indexing queue, which merges the several reindexes of one object into one
catalog write at the end of the batch. There is one ``transaction.commit()``
per batch, never one per object.

With ``accounts`` (``--accounts N``) only the first N teachers get an account;
the others get the profile an approval would make, straight in /people
(profile_without_account): people search reads only the catalog, and a profile
alone is made faster than an account with its approval.
"""

from AccessControl.SecurityManagement import newSecurityManager
from collective.twinning.behaviors.expiry import IExpiry
from collective.twinning.directory.organisations import set_organisation
from collective.twinning.directory.profiles import get_profile
from collective.twinning.directory.profiles import PROFILE_TYPE
from collective.twinning.directory.profiles import VISIBLE
from collective.twinning.progress import Progress
from collective.twinning.security import as_system
from collective.twinning.teachers.requests import decide
from DateTime import DateTime
from datetime import date
from datetime import timedelta
from plone import api
from population import PopulationMaker
from population import Scale
from Products.CMFPlone.factory import addPloneSite
from Products.CMFPlone.tests.utils import MockMailHost
from statistics import median
from time import perf_counter
from zope.component.hooks import setSite

import logging
import time
import transaction


PROFILES = (
    "plone.app.contenttypes:default",
    "plone.restapi:default",
    "collective.twinning:default",
)
SITE_ID = "Plone"
ADMIN = "bench-admin"
PASSWORD = "bench-pass-2026"  # every account of the throwaway site; loopback only
# Transitions from draft to each state of twinspace_workflow, fired as the system.
PROJECT_PATHS = {
    "draft": [],
    "pending": ["submit"],
    "validated": ["submit", "validate"],
    "running": ["submit", "validate", "start"],
    "concluded": ["submit", "validate", "start", "conclude"],
    "labelled": ["submit", "validate", "start", "label"],
    "archived": ["submit", "validate", "start", "conclude", "archive"],
}
POSTING_PATHS = {"draft": [], "published": ["publish"], "closed": ["publish", "close"]}
DOCUMENTS = "bench-documents"


def create_site(app):
    """A fresh site with the add-on, a Manager account and a mail host that keeps mails."""
    print("Creating the Plone site ...", flush=True)
    for noisy in ("GenericSetup", "Products.MimetypesRegistry"):
        logging.getLogger(noisy).setLevel(logging.ERROR)  # known harmless warnings
    started = time.perf_counter()
    site = addPloneSite(
        app,
        SITE_ID,
        title="eTwinning benchmark",
        extension_ids=PROFILES,
        setup_content=False,
        default_language="en",
    )
    setSite(site)
    # Mails are queued in memory and dropped each batch: no SMTP server here.
    site._delObject("MailHost")
    site._setObject("MailHost", MockMailHost("MailHost"))
    api.portal.set_registry_record("plone.email_from_address", "bench@example.org")
    api.portal.set_registry_record("plone.email_from_name", "Benchmark")
    api.user.create(
        email="bench-admin@example.org",
        username=ADMIN,
        password=PASSWORD,
        properties={"fullname": "Benchmark administrator"},
    )
    api.user.grant_roles(username=ADMIN, roles=["Manager"])
    transaction.commit()
    act_as(site, ADMIN)
    return site, time.perf_counter() - started


def act_as(site, userid: str):
    user = site.acl_users.getUserById(userid)
    newSecurityManager(None, user.__of__(site.acl_users))
    return user


def _end_batch(site, done: int, batch: int, force: bool = False) -> None:
    if force or done % batch == 0:
        site.MailHost.reset()
        transaction.commit()
        site._p_jar.cacheGC()


class Builder:
    """Makes the population of ``scale`` in ``site``; records what it made."""

    def __init__(
        self, site, scale: Scale, seed: int, batch: int, accounts: int | None = None, reuse: bool = False
    ):
        self.site, self.scale, self.batch, self.accounts = site, scale, batch, accounts
        # reuse: the site was built by an earlier run with the same options; the records are
        # drawn again (the same seed gives the same ones) and read from it, nothing is written.
        self.reuse = reuse
        self.maker = PopulationMaker(seed)
        self.organisations, self.teachers, self.projects, self.postings = [], [], [], []
        self.members = []  # the teachers with an account (all of them without ``accounts``)
        self.timings = {}

    def _phase(self, name: str, total: int, make) -> None:
        """Run ``make(i)`` total times with a progress bar and one commit per batch."""
        with Progress(name, total) as bar:
            for i in range(1, total + 1):
                make(i)
                if not self.reuse:
                    _end_batch(self.site, i, self.batch)
                bar.step()
            if not self.reuse:
                _end_batch(self.site, total, self.batch, force=True)
        self.timings[name] = {
            "count": total,
            "seconds": round(bar.elapsed, 2),
            "per_second": round(total / bar.elapsed, 1) if bar.elapsed else None,
        }

    def build(self) -> dict:
        scale = self.scale
        self._phase("organisations", scale.organisations, self._organisation)
        self.by_country = {}
        for organisation in self.organisations:
            self.by_country.setdefault(organisation.country, []).append(organisation)
        self.org_by_id = {o.id: o for o in self.organisations}
        self._phase("teachers+profiles", scale.teachers, self._teacher)
        self._phase("pending accounts", scale.pending, self._pending)
        self.teachers_by_country = {}  # who may found projects and post: account holders
        for teacher in self.members:
            self.teachers_by_country.setdefault(teacher.country, []).append(teacher)
        self.teacher_by_id = {t.userid: t for t in self.teachers}
        self._phase("projects", scale.projects, self._project)
        self._phase("postings", scale.postings, self._posting)
        return self.timings

    # -- organisations -------------------------------------------------------
    def _organisation(self, i: int) -> None:
        record = self.maker.organisation()
        if self.reuse:
            record.uid = self.site["organisations"][record.id].UID()
            self.organisations.append(record)
            return
        obj = api.content.create(
            container=self.site["organisations"],
            type="Organisation",
            id=record.id,
            safe_id=False,
            name=record.name,
            country=record.country,
            region=record.region,
            city=record.city,
            organisation_type=record.organisation_type,
            website=f"https://school-{record.id}.example.org",
        )
        record.uid = obj.UID()
        self.organisations.append(record)

    # -- accounts and profiles ----------------------------------------------
    def _account(self, record) -> None:
        api.user.create(
            email=f"{record.userid}@school.example.org",
            username=record.userid,
            password=PASSWORD,
            properties={"fullname": record.fullname, "country": record.country},
        )

    def _teacher(self, i: int) -> None:
        record = self.maker.teacher(self.by_country)
        if self.reuse:
            if self.accounts is None or i <= self.accounts:
                self.members.append(record)
            organisation = self.org_by_id.get(record.organisation)
            if organisation is not None:
                organisation.teachers.append(record.userid)
            self.teachers.append(record)
            return
        if self.accounts is None or i <= self.accounts:
            self._account(record)
            # The national service approves: Teacher is granted and the profile made.
            decide(record.userid, ADMIN, "approve", "")
            profile = get_profile(record.userid)
            self.members.append(record)
        else:
            profile = profile_without_account(self.site, record)
        profile.member_type = record.member_type
        profile.languages = record.languages
        profile.subjects = record.subjects
        profile.vocational_subjects = record.vocational_subjects
        profile.available_for_projects = record.available
        profile.ambassador = record.ambassador
        organisation = self.org_by_id.get(record.organisation)
        if organisation is not None:
            # Notifies IObjectModifiedEvent: relation catalog and reindex.
            set_organisation(profile, self.site["organisations"][organisation.id])
            organisation.teachers.append(record.userid)
        else:
            profile.reindexObject()
        self.teachers.append(record)

    def _pending(self, i: int) -> None:
        record = self.maker.teacher(self.by_country)
        if not self.reuse:
            self._account(record)

    # -- projects ------------------------------------------------------------
    def _project(self, i: int) -> None:
        owner = self.maker.rng.choice(self.members)
        record = self.maker.project(owner, self.members, self.teachers_by_country)
        fields = {k: v for k, v in record["fields"].items() if v is not None}
        if self.reuse:
            space = self.site["projects"][record["id"]]
            record["created"] = space.created()
            record["countries"] = list(space.countries)
            self.projects.append(record)
            return
        with api.env.adopt_user(username=record["owner"]):
            space = api.content.create(
                container=self.site["projects"],
                type="TwinSpace",
                id=record["id"],
                safe_id=False,
                cofounder=record["cofounder"],
                **fields,
            )
        created = DateTime() - record["days_ago"]
        space.creation_date = created
        record["created"] = created
        with as_system(record["owner"]):
            for transition in PROJECT_PATHS[record["state"]]:
                api.content.transition(obj=space, transition=transition)
        space.reindexObject(idxs=["created"])
        record["countries"] = list(space.countries)
        self.projects.append(record)

    # -- postings ------------------------------------------------------------
    def _posting(self, i: int) -> None:
        owner = self.maker.rng.choice(self.members)
        record = self.maker.posting(owner)
        if self.reuse:
            organisation = self.org_by_id.get(record["organisation"])
            if organisation is not None:
                record["organisation_uid"] = organisation.uid
            self.postings.append(record)
            return
        with api.env.adopt_user(username=record["owner"]):
            posting = api.content.create(
                container=self.site["partner-finding"],
                type="PartnerPosting",
                id=record["id"],
                safe_id=False,
                **record["fields"],
            )
            IExpiry(posting).expires = date.today() + timedelta(days=record["expires_in_days"])
            organisation = self.org_by_id.get(record["organisation"])
            if organisation is not None:
                set_organisation(posting, self.site["organisations"][organisation.id])
                record["organisation_uid"] = organisation.uid
        with as_system(record["owner"]):
            for transition in POSTING_PATHS[record["state"]]:
                api.content.transition(obj=posting, transition=transition)
        posting.reindexObject()
        self.postings.append(record)


def profile_without_account(site, record):
    """The profile ``directory.profiles`` makes when an account is approved, made without
    the account: the same type, id, full name, country, local Owner role, creator and
    state, so the same catalog entries (the account's owner tuple is all it lacks)."""
    with as_system():
        profile = api.content.create(
            container=site["people"], type=PROFILE_TYPE, id=record.userid, safe_id=False
        )
        profile.fullname, profile.country = record.fullname, record.country
        profile.manage_setLocalRoles(record.userid, ["Owner"])
        profile.setCreators([record.userid])
        if api.content.get_state(obj=profile) != VISIBLE:
            raise RuntimeError("teacher_profile_workflow no longer starts visible")
    return profile


def creation_costs(site, teachers: list, count: int) -> dict:
    """Median ms to create a TwinSpace vs a plain Document, each in its own transaction
    (what one request pays), interleaved, by the same teacher, in top-level Folders."""
    folder = site.get(DOCUMENTS)
    if folder is None:
        folder = api.content.create(container=site, type="Folder", id=DOCUMENTS, title="Benchmark documents")
    owner, partner = teachers[0], teachers[1]
    folder.manage_setLocalRoles(owner.userid, ["Contributor"])
    folder.reindexObjectSecurity()
    transaction.commit()
    times = {"TwinSpace": [], "Document": []}
    with Progress("creation cost", 2 * count) as bar:
        for i in range(count):
            order = ("TwinSpace", "Document") if i % 2 == 0 else ("Document", "TwinSpace")
            for kind in order:
                started = perf_counter()
                with api.env.adopt_user(username=owner.userid):
                    if kind == "TwinSpace":
                        api.content.create(
                            container=site["projects"],
                            type="TwinSpace",
                            id=f"creation-cost-{i:05d}",
                            safe_id=False,
                            title=f"Creation cost {i}",
                            description="A new project.",
                            languages=["en"],
                            subjects=["art"],
                            age_from=8,
                            age_to=10,
                            cofounder=partner.userid,
                        )
                    else:
                        api.content.create(
                            container=folder,
                            type="Document",
                            id=f"creation-cost-{i:05d}",
                            safe_id=False,
                            title=f"Creation cost {i}",
                            description="A new page.",
                        )
                transaction.commit()
                times[kind].append((perf_counter() - started) * 1000)
                bar.step()
    site.MailHost.reset()
    transaction.commit()
    result = {
        kind: {"n": len(values), "median_ms": round(median(values), 2)} for kind, values in times.items()
    }
    result["ratio_twinspace_vs_document"] = round(
        result["TwinSpace"]["median_ms"] / result["Document"]["median_ms"], 2
    )
    return result


def catalog_counts(site) -> dict:
    """What the catalog holds per type and state (proof the population is indexed)."""
    catalog = api.portal.get_tool("portal_catalog")
    counts = {}
    for portal_type in ("TeacherProfile", "Organisation", "TwinSpace", "PartnerPosting"):
        states = {}
        for brain in catalog.unrestrictedSearchResults(portal_type=portal_type):
            states[brain.review_state] = states.get(brain.review_state, 0) + 1
        counts[portal_type] = {"total": sum(states.values()), "by_state": states}
    now = DateTime()
    counts["PartnerPosting"]["published_expired"] = len(
        catalog.unrestrictedSearchResults(
            portal_type="PartnerPosting",
            review_state="published",
            expires={"query": now, "range": "max"},
        )
    )
    counts["users"] = len(site.acl_users.source_users.getUserIds())
    return counts
