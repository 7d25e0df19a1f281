"""The pages of a TwinSpace and of a Group (registered as their ``view``)."""

from collective.twinning import _
from collective.twinning.browser.views import content
from collective.twinning.browser.views.base import TwinningView
from collective.twinning.lifecycle.checklist import checklist
from collective.twinning.lifecycle.checklist import slot_for
from collective.twinning.membership.members import list_members
from collective.twinning.membership.roles import GROUP_MEMBER
from collective.twinning.membership.roles import is_pupil_account
from collective.twinning.membership.roles import TWINSPACE_PUPIL
from collective.twinning.membership.roster import founders
from collective.twinning.membership.roster import roster_of
from plone import api
from zExceptions import Forbidden


ROLE_TITLES = {
    "TwinSpaceAdmin": _("Space admin"),
    "TwinSpaceTeacher": _("Space teacher"),
    "TwinSpacePupilAdmin": _("Pupil admin"),
    "TwinSpacePupil": _("Pupil"),
    "TwinSpaceObserver": _("Observer"),
    "GroupAdmin": _("Group admin"),
    "GroupMember": _("Group member"),
}
TABS = (
    ("materials", _("Materials")),
    ("members", _("Members")),
    ("mobilities", _("Mobilities")),
    ("labels", _("Quality Labels")),
)
ADD_LINKS = (
    ("add-page", "Page", "collective.twinning: Add Page", _("Add a page")),
    ("add-material", "Material", "collective.twinning: Add Material", _("Add material")),
    ("add-mobility", "Mobility", "collective.twinning: Add Mobility", _("Add a mobility")),
    ("add-label", "QualityLabel", "collective.twinning: Add QualityLabel", _("Apply for a Quality Label")),
)


def members_by_country(members: list[dict]) -> list[dict]:
    """Counts per country and role, countries in order."""
    counts: dict = {}
    for member in members:
        by_role = counts.setdefault(member["country"] or "", {})
        by_role[member["role"]] = by_role.get(member["role"], 0) + 1
    return [{"country": country, "roles": counts[country]} for country in sorted(counts)]


class PlaceView(TwinningView):
    """What a TwinSpace and a Group page share: header, pages, members, actions."""

    def role_title(self, role: str) -> str:
        return self.translate(ROLE_TITLES.get(role, role))

    def transitions(self) -> list[dict]:
        return [
            {"id": item["id"], "title": self.translate(item["title"])}
            for item in content.available_transitions(self.context)
        ]

    def pages(self) -> list[dict]:
        return content.page_tree(self.context)

    def state(self) -> str:
        return api.content.get_state(obj=self.context, default="")

    def countries(self) -> list[dict]:
        return [
            {"code": code, "title": self.country_title(code), "flag": self.flag(code)}
            for code in (getattr(self.context, "countries", None) or ())
        ]

    def languages(self) -> str:
        return ", ".join(
            self.term_title("collective.twinning.vocabularies.Languages", code)
            for code in (self.context.languages or ())
        )

    def subjects(self) -> str:
        return ", ".join(
            self.term_title("collective.twinning.vocabularies.Subjects", code)
            for code in (self.context.subjects or ())
        )

    def may_view_members(self) -> bool:
        return self.may("collective.twinning: View members")

    def may_manage_members(self) -> bool:
        return self.may("collective.twinning: Manage members")

    def members(self) -> list[dict]:
        if not self.may_view_members():
            return []
        founder_ids = founders(self.context)
        items = list_members(self.context, self.userid)["items"]
        for item in items:
            item["role_title"] = self.role_title(item["role"])
            item["country_title"] = self.country_title(item["country"])
            item["flag"] = self.flag(item["country"])
            item["removable"] = item["id"] not in founder_ids
        order = {role: index for index, role in enumerate(roster_of(self.context).roles)}
        return sorted(items, key=lambda item: (order.get(item["role"], 99), item["fullname"].lower()))

    def members_by_country(self) -> list[dict]:
        rows = members_by_country(self.members())
        for row in rows:
            row["title"] = self.country_title(row["country"]) or "—"
            row["flag"] = self.flag(row["country"])
            row["summary"] = ", ".join(
                f"{self.role_title(role)}: {count}" for role, count in sorted(row["roles"].items())
            )
        return rows

    def addable_roles(self) -> list[dict]:
        """Roles an admin gives with the member form (pupils have their own form)."""
        return [
            {"id": role, "title": self.role_title(role)}
            for role in roster_of(self.context).roles
            if role != TWINSPACE_PUPIL
        ]

    def default_role(self) -> str:
        """The least of the roles the member form gives (observer, group member)."""
        roles = self.addable_roles()
        return roles[-1]["id"] if roles else ""

    def tab(self) -> str:
        wanted = self.request.form.get("tab")
        return wanted if wanted in dict(TABS) else TABS[0][0]


class TwinSpaceView(PlaceView):
    """The TwinSpace page: header, next actions, pages, tabs, validation panel."""

    def tabs(self) -> list[dict]:
        current = self.tab()
        return [{"id": tab, "title": self.translate(title), "active": tab == current} for tab, title in TABS]

    def add_links(self) -> list[dict]:
        url = self.context.absolute_url()
        return [
            {"id": link_id, "url": f"{url}/++add++{portal_type}", "title": self.translate(title)}
            for link_id, portal_type, permission, title in ADD_LINKS
            if self.may(permission)
        ]

    def materials(self) -> dict:
        return content.materials(self.context)

    def mobilities(self) -> list[dict]:
        items = content.mobilities(self.context)
        for item in items:
            item["activity_title"] = self.term_title(
                "collective.twinning.vocabularies.ActivityTypes", item["activity_type"]
            )
            item["state_title"] = self.state_title(item["object"], item["state"])
            item["host_title"] = self.country_title(item["host_country"])
        return items

    def labels(self) -> list[dict]:
        items = content.labels(self.context)
        for item in items:
            item["level_title"] = self.term_title(
                "collective.twinning.vocabularies.LabelLevels", item["level"]
            )
            item["state_title"] = self.state_title(item["object"], item["state"])
            item["evaluate"] = self.may("collective.twinning: Evaluate quality label", item["object"])
        return items

    def prizes(self) -> list[dict]:
        """The European Prizes the project won (recorded when a round is announced)."""
        from collective.twinning.recognition.prizes import CATEGORIES
        from collective.twinning.recognition.prizes import prizes_of

        titles = dict(CATEGORIES)
        won = prizes_of(self.context)
        rounds = (
            {
                brain.UID: brain.getURL()
                for brain in api.content.find(UID=[item["round"] for item in won], portal_type="PrizeRound")
            }
            if won
            else {}
        )
        return [
            {
                "category": item["category"],
                "title": self.translate(titles.get(item["category"], item["category"])),
                "school_year": item["school_year"],
                "url": rounds.get(item["round"]),
            }
            for item in won
        ]

    def may_manage_pupils(self) -> bool:
        return self.may("collective.twinning: Manage pupils")

    def may_contact(self) -> bool:
        return self.userid not in founders(self.context) and self.may("collective.twinning: Contact teachers")

    # The validation panel (``@validation``).

    def validation(self) -> dict | None:
        if not self.may("collective.twinning: View validation"):
            return None
        data = checklist(self.context)
        for item in data["required"]:
            if item["kind"] == "partner":
                user = api.user.get(userid=item["user"])
                name = (user.getProperty("fullname", "") if user else "") or item["user"]
                item["key"] = f"partner:{item['user']}"
                item["title"] = self.translate(_("Partner founder: ${name}", mapping={"name": name}))
            else:
                item["key"] = f"national:{item['country']}"
                item["title"] = self.translate(
                    _(
                        "National service: ${country}",
                        mapping={"country": self.country_title(item["country"])},
                    )
                )
            item["decision_title"] = self.translate(
                {"approve": _("Approved"), "reject": _("Rejected")}.get(item["decision"], _("Waiting"))
            )
            item["decider"] = self.fullname(item["by"]) if item["by"] else ""
            item["date_title"] = (
                api.portal.get_localized_time(item["date"], long_format=True) if item["date"] else ""
            )
        data["kind_title"] = self.translate(
            _("European project") if data["kind"] == "european" else _("National project")
        )
        slot = self.my_slot() if data["state"] == "pending" else None
        decided = {item["key"] for item in data["required"] if item["decision"]}
        # A decided row has no buttons: the decision stands (a rejection sends the project back).
        data["my_slot"] = slot if slot and slot not in decided else None
        data["my_decided_slot"] = slot if slot in decided else None
        return data

    def fullname(self, userid: str) -> str:
        user = api.user.get(userid=userid)
        return (user.getProperty("fullname", "") if user else "") or userid

    def project_texts(self) -> list[dict]:
        """Aims, work process and expected results: for the members and for whoever decides
        on the project (the partner founder, the validators of its countries)."""
        if not (self.may_view_members() or self.may("collective.twinning: View validation")):
            return []
        texts = []
        for name, title in (
            ("aims", _("Aims")),
            ("work_process", _("Work process")),
            ("expected_results", _("Expected results")),
        ):
            value = getattr(self.context, name, None)
            if value is not None and value.raw:
                texts.append(
                    {
                        "id": name,
                        "title": self.translate(title),
                        "html": value.output_relative_to(self.context),
                    }
                )
        return texts

    def my_slot(self) -> str | None:
        """The checklist entry the current user decides (checklist.slot_for), or None."""
        if not self.userid:
            return None
        try:
            return slot_for(self.context, self.userid)
        except Forbidden:
            return None


class GroupView(PlaceView):
    """The group page: summary, join/leave by access mode, pages, members."""

    def access_title(self) -> str:
        return self.term_title("collective.twinning.vocabularies.GroupAccess", self.context.access)

    def membership(self) -> dict:
        """What the join/leave area shows: ``status`` and, when refused, why.

        status: anonymous, member, founder, can_join, not_invited, refused, closed, pupil.
        The rules stay in membership.groups.join: this only picks the button.
        """
        userid = self.userid
        if userid is None:
            return {"status": "anonymous"}
        roster = roster_of(self.context)
        if userid in founders(self.context):
            return {"status": "founder"}
        if userid in roster:
            return {"status": "member", "role": self.role_title(roster.role_of(userid))}
        if not self.may("collective.twinning: Join groups"):
            return {"status": "closed"}
        user = api.user.get_current()
        if is_pupil_account(user):
            return {"status": "pupil"}
        problem = roster.problem_with(user, GROUP_MEMBER)
        if problem:
            return {"status": "refused", "reason": self.translate(problem)}
        if self.context.access == "invitation" and not roster.is_invited(userid):
            return {"status": "not_invited"}
        return {"status": "can_join"}

    def objectives(self) -> str:
        objectives = getattr(self.context, "objectives", None)
        return objectives.output_relative_to(self.context) if objectives else ""
