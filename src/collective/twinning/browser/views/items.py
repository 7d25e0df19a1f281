"""Views of what lives in a TwinSpace or a Group (Page, Material, Mobility, QualityLabel),
inside the place's layout, and of the directory's TeacherProfile and Organisation.

Each view reads the item with the current user's rights (restricted catalog searches,
fields guarded by their read permissions) and never shows an e-mail address.
"""

from Acquisition import aq_chain
from Acquisition import aq_inner
from collective.twinning import _
from collective.twinning.browser.views import content
from collective.twinning.browser.views import school_label
from collective.twinning.browser.views.base import human_size
from collective.twinning.browser.views.base import TwinningView
from collective.twinning.browser.views.spaces import TABS
from collective.twinning.content.group import IGroup
from collective.twinning.content.quality_label import CRITERIA
from collective.twinning.content.quality_label import IQualityLabel
from collective.twinning.content.twinspace import ITwinSpace
from collective.twinning.labels.awarded import awarded_labels_of
from collective.twinning.labels.evaluation import evaluation_of
from collective.twinning.membership.index import place_uids
from collective.twinning.recognition.school_label import awarded_until
from collective.twinning.search.specs import PROJECT_STATES
from plone import api


def place_of(obj):
    """The TwinSpace or Group that holds ``obj`` (or None)."""
    for item in aq_chain(aq_inner(obj)):
        if ITwinSpace.providedBy(item) or IGroup.providedBy(item):
            return item
    return None


def rich_text(obj, name: str) -> str:
    value = getattr(obj, name, None)
    return value.output_relative_to(obj) if value is not None and value.raw else ""


class PlaceItemView(TwinningView):
    """The layout of the place around an item: its header, its pages, its tabs."""

    def place(self):
        return place_of(self.context)

    def place_info(self) -> dict | None:
        place = self.place()
        if place is None:
            return None
        state = api.content.get_state(obj=place, default="")
        url = place.absolute_url()
        tabs = []
        if ITwinSpace.providedBy(place):
            tabs = [
                {"id": tab, "url": f"{url}?tab={tab}", "title": self.translate(title)} for tab, title in TABS
            ]
        return {
            "title": place.Title(),
            "url": url,
            "state": state,
            "state_title": self.state_title(place, state),
            "countries": [
                {"code": code, "title": self.country_title(code), "flag": self.flag(code)}
                for code in (getattr(place, "countries", None) or ())
            ],
            "tabs": tabs,
        }

    def place_pages(self) -> list[dict]:
        place = self.place()
        return content.page_tree(place) if place is not None else []

    def transitions(self) -> list[dict]:
        return [
            {"id": item["id"], "title": self.translate(item["title"])}
            for item in content.available_transitions(self.context)
        ]

    def may_edit(self) -> bool:
        return self.may("Modify portal content")

    def created(self) -> str:
        return api.portal.get_localized_time(self.context.created(), long_format=False)

    def author(self) -> str:
        creator = self.context.Creator()
        user = api.user.get(userid=creator) if creator else None
        return (user.getProperty("fullname", "") if user else "") or creator or ""


class PageView(PlaceItemView):
    """A page: its text, its subpages and the material on it."""

    def text(self) -> str:
        return rich_text(self.context, "text")

    def subpages(self) -> list[dict]:
        return [
            {"title": brain.Title, "url": brain.getURL()}
            for brain in api.content.find(
                context=self.context, portal_type="Page", depth=1, sort_on="getObjPositionInParent"
            )
        ]

    def materials(self) -> dict:
        return content.materials(self.context)

    def add_links(self) -> list[dict]:
        url = self.context.absolute_url()
        links = (
            ("add-subpage", "Page", "collective.twinning: Add Page", _("Add a subpage")),
            ("add-material", "Material", "collective.twinning: Add Material", _("Add material")),
        )
        return [
            {"id": link_id, "url": f"{url}/++add++{portal_type}", "title": self.translate(title)}
            for link_id, portal_type, permission, title in links
            if self.may(permission)
        ]


class MaterialView(PlaceItemView):
    """A material: the picture, the video player or the file with its type, size and link."""

    def source(self) -> dict:
        material = self.context
        url = material.absolute_url()
        if getattr(material, "image", None):
            return {"kind": "image", "src": f"{url}/@@images/image/large", "full": f"{url}/@@images/image"}
        if getattr(material, "embed_url", None):
            return {
                "kind": "video",
                "player": content.player_url(material.embed_url),
                "link": material.embed_url,
            }
        if getattr(material, "file", None):
            blob = material.file
            return {
                "kind": "file",
                "download": f"{url}/@@download/file/{blob.filename or 'file'}",
                "filename": blob.filename or "file",
                "content_type": blob.contentType,
                "size": human_size(blob.getSize()),
            }
        return {"kind": "none"}

    def licence(self) -> str:
        return self.term_title("collective.twinning.vocabularies.Licences", self.context.license)


class MobilityView(PlaceItemView):
    """A mobility: its Erasmus+ data, the pages that prepare it, its report."""

    def facts(self) -> list[dict]:
        mobility = self.context
        rows = (
            (_("Erasmus+ key action"), mobility.key_action),
            (
                _("Activity"),
                self.term_title("collective.twinning.vocabularies.ActivityTypes", mobility.activity_type),
            ),
            (
                _("Direction"),
                self.term_title("collective.twinning.vocabularies.MobilityDirections", mobility.direction),
            ),
            (_("Sending organisation"), mobility.sending_organisation),
            (_("Receiving organisation"), mobility.receiving_organisation),
            (_("Sending country"), self.country_title(mobility.sending_country)),
            (_("Host country"), self.country_title(mobility.host_country)),
            (_("Dates"), f"{self.date(mobility.start)} – {self.date(mobility.end)}"),
            (_("Staff participants"), mobility.participants_staff or 0),
            (_("Pupil participants"), mobility.participants_pupils or 0),
            (_("Accompanying persons"), mobility.accompanying_persons or 0),
        )
        return [
            {"title": self.translate(title), "value": value}
            for title, value in rows
            if value not in (None, "")
        ]

    def date(self, day) -> str:
        return api.portal.get_localized_time(day.isoformat()) if day else ""

    def preparation(self) -> list[dict]:
        pages = []
        for relation in getattr(self.context, "preparation_pages", None) or []:
            page = relation.to_object if not relation.isBroken() else None
            if page is not None and api.user.has_permission("View", obj=page):
                pages.append({"title": page.Title(), "url": page.absolute_url()})
        return pages

    def agreement(self) -> dict | None:
        blob = getattr(self.context, "learning_agreement", None)
        if not blob:
            return None
        return {
            "url": f"{self.context.absolute_url()}/@@download/learning_agreement/{blob.filename or 'file'}",
            "filename": blob.filename or "file",
            "size": human_size(blob.getSize()),
        }

    def report(self) -> str:
        return rich_text(self.context, "report")


class QualityLabelView(PlaceItemView):
    """An application: who applies (name and school), the criteria, the scores once decided."""

    def applicant(self) -> dict:
        userid = self.context.applicant
        user = api.user.get(userid=userid) if userid else None
        name = (user.getProperty("fullname", "") if user else "") or userid or ""
        school = None
        profile = api.portal.get().get("people", {}).get(userid) if userid else None
        if profile is not None and api.user.has_permission("View", obj=profile):
            organisation = profile.organisation.to_object if getattr(profile, "organisation", None) else None
            if organisation is not None:
                school = {"title": organisation.Title(), "url": organisation.absolute_url()}
        return {
            "name": name,
            "school": school,
            "country": self.country_title(getattr(self.context, "applicant_country", None)),
            "profile_url": profile.absolute_url()
            if profile is not None and api.user.has_permission("View", obj=profile)
            else None,
        }

    def level(self) -> str:
        return self.term_title("collective.twinning.vocabularies.LabelLevels", self.context.level)

    def criteria(self) -> list[dict]:
        decided = self.evaluation()
        scores = decided["scores"] if decided else {}
        return [
            {
                "name": name,
                "title": self.translate(IQualityLabel[name].title),
                "text": getattr(self.context, name, "") or "",
                "score": scores.get(name),
            }
            for name in CRITERIA
        ]

    def evaluation(self) -> dict | None:
        """The scores and comment, once the application is decided, for those who may read them."""
        if api.content.get_state(obj=self.context) not in ("awarded", "rejected"):
            return None
        if not self.may("collective.twinning: View evaluation"):
            return None
        return evaluation_of(self.context)

    def may_evaluate(self) -> bool:
        return self.may("collective.twinning: Evaluate quality label")


class TeacherProfileView(TwinningView):
    """A teacher's page in the directory: photo, school, subjects, languages, projects, labels."""

    def userid(self) -> str:
        return self.context.getId()

    def portrait(self) -> str | None:
        membership = api.portal.get_tool("portal_membership")
        portrait = membership.getPersonalPortrait(self.context.getId())
        url = portrait.absolute_url() if portrait is not None else ""
        return None if not url or url.endswith("defaultUser.png") else url

    def organisation(self) -> dict | None:
        relation = getattr(self.context, "organisation", None)
        organisation = relation.to_object if relation is not None and not relation.isBroken() else None
        if organisation is None:
            return None
        return {
            "title": organisation.Title(),
            "url": organisation.absolute_url(),
            "city": organisation.city or "",
            "country": self.country_title(organisation.country),
        }

    def facts(self) -> list[dict]:
        profile = self.context
        vocabulary = "collective.twinning.vocabularies."
        rows = (
            ("country", _("Country"), self.country_title(profile.country)),
            ("member-type", _("I am a"), self.term_title(vocabulary + "MemberTypes", profile.member_type)),
            (
                "subjects",
                _("Subjects"),
                ", ".join(self.term_title(vocabulary + "Subjects", code) for code in profile.subjects or ()),
            ),
            (
                "languages",
                _("Languages"),
                ", ".join(
                    self.term_title(vocabulary + "Languages", code) for code in profile.languages or ()
                ),
            ),
            (
                "available",
                _("Available for projects"),
                self.translate(_("Yes") if profile.available_for_projects else _("No")),
            ),
        )
        return [
            {"id": row_id, "title": self.translate(title), "value": value}
            for row_id, title, value in rows
            if value
        ]

    def projects(self) -> list[dict]:
        """Projects this teacher is in, among those whose members the visitor may see."""
        return projects_of_people([self.context.getId()])

    def labels(self) -> list[dict]:
        return [
            {
                **label,
                "level_title": self.term_title(
                    "collective.twinning.vocabularies.LabelLevels", label["level"]
                ),
            }
            for label in awarded_labels_of(self.context.getId())
        ]

    def may_contact(self) -> bool:
        return self.userid_current() != self.context.getId() and self.may(
            "collective.twinning: Contact teachers"
        )

    def userid_current(self) -> str | None:
        return None if api.user.is_anonymous() else api.user.get_current().getId()


class OrganisationView(TwinningView):
    """A school or organisation: where it is, its teachers, its public projects."""

    def facts(self) -> list[dict]:
        organisation = self.context
        rows = (
            (
                _("Type of organisation"),
                self.term_title(
                    "collective.twinning.vocabularies.OrganisationTypes", organisation.organisation_type
                ),
            ),
            (_("Country"), self.country_title(organisation.country)),
            (_("Region"), organisation.region),
            (_("City"), organisation.city),
            (_("eTwinning School label"), self.school_label()),
        )
        return [{"title": self.translate(title), "value": value} for title, value in rows if value]

    def school_label(self) -> str | None:
        """ "Until <date>" while the school holds the label (recognition.school_label)."""
        until = awarded_until(self.context)
        return self.translate(_("until ${date}", mapping={"date": until})) if until else None

    @property
    def school_label_macros(self):
        return school_label.MACROS.macros

    def school_label_eligibility(self) -> dict | None:
        """For the school's own teachers: the eligibility for the open call of its country."""
        return school_label.own_school_eligibility(school_label.RecognitionOfMine(self), self.context)

    def teachers(self) -> list[dict]:
        return [
            {"title": brain.Title, "url": brain.getURL(), "id": brain.getId}
            for brain in api.content.find(
                portal_type="TeacherProfile",
                organisation_uid=self.context.UID(),
                review_state="visible",
                sort_on="sortable_title",
            )
        ]

    def projects(self) -> list[dict]:
        """Projects its teachers are in, among those whose members the visitor may see."""
        return projects_of_people([item["id"] for item in self.teachers()])


def projects_of_people(userids, limit: int = 20) -> list[dict]:
    """The newest projects these people are in whose members the visitor may see: who is in a
    project is for those who see its members (the catalog holds no author of a space)."""
    uids = sorted({uid for userid in userids for uid in place_uids(userid)})
    if not uids:
        return []
    brains = api.content.find(
        portal_type="TwinSpace",
        UID=uids,
        review_state=list(PROJECT_STATES),
        sort_on="created",
        sort_order="descending",
    )
    found = []
    for brain in brains:
        if api.user.has_permission("collective.twinning: View members", obj=brain.getObject()):
            found.append({"title": brain.Title, "url": brain.getURL()})
            if len(found) == limit:
                break
    return found
