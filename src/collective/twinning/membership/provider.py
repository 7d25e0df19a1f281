"""Local roles of a TwinSpace or a Group, read from its roster (borg.localrole provider).

Nothing is written as per-user local roles on the tree: the provider answers
for the place, and content inside inherits the roles as usual. The national
validators of the place's countries (a project's founders', a group's
creator's) get the local role Reviewer: they see it before it is public.
"""

from borg.localrole.interfaces import ILocalRoleProvider
from collective.twinning.lifecycle.countries import validator_group_id
from collective.twinning.membership.roles import COUNTRY_VALIDATOR_LOCAL_ROLE
from collective.twinning.membership.roster import roster_of
from zope.interface import implementer


def _validator_groups(place) -> set[str]:
    return {validator_group_id(country) for country in getattr(place, "countries", ())}


@implementer(ILocalRoleProvider)
class RosterLocalRoles:
    """For TwinSpaces and Groups (IHasRoster)."""

    def __init__(self, context):
        self.context = context

    def getRoles(self, principal_id):
        roles = []
        role = roster_of(self.context).role_of(principal_id)
        if role is not None:
            roles.append(role)
        if principal_id in _validator_groups(self.context):
            roles.append(COUNTRY_VALIDATOR_LOCAL_ROLE)
        return roles

    def getAllRoles(self):
        for userid, role in roster_of(self.context).items():
            yield userid, [role]
        for group_id in sorted(_validator_groups(self.context)):
            yield group_id, [COUNTRY_VALIDATOR_LOCAL_ROLE]


@implementer(ILocalRoleProvider)
class QualityLabelLocalRoles:
    """The applicant owns their application; the validators of their country review it
    (the project's countries may not include a promoted teacher's country)."""

    def __init__(self, context):
        self.context = context

    def _reviewers(self) -> set[str]:
        country = getattr(self.context, "applicant_country", None)
        return {validator_group_id(country)} if country else set()

    def getRoles(self, principal_id):
        roles = []
        if principal_id == getattr(self.context, "applicant", None):
            roles.append("Owner")
        if principal_id in self._reviewers():
            roles.append(COUNTRY_VALIDATOR_LOCAL_ROLE)
        return roles

    def getAllRoles(self):
        applicant = getattr(self.context, "applicant", None)
        if applicant:
            yield applicant, ["Owner"]
        for group_id in sorted(self._reviewers()):
            yield group_id, [COUNTRY_VALIDATOR_LOCAL_ROLE]
