"""Local roles of a TwinSpace or a Group (borg.localrole providers).

Each place grants its local roles to its own group principals, once
(``twinspace:<uid>:TwinSpaceTeacher`` holds TwinSpaceTeacher): the catalog's
security of the place never changes when people join or leave. Members are in
those groups through the add-on's PAS plugin; the roster also answers for a
member's own id, so a change shows at once in the request that makes it. The
national validators of the place's countries (``validators:<CC>``) are Reviewers.
Nothing is written as local roles on the tree; content inside inherits the roles.
"""

from borg.localrole.interfaces import ILocalRoleProvider
from collective.twinning.membership.principals import parse_place_group
from collective.twinning.membership.principals import place_group_id
from collective.twinning.membership.principals import place_prefix
from collective.twinning.membership.principals import validators_group_id
from collective.twinning.membership.roles import COUNTRY_VALIDATOR_LOCAL_ROLE
from collective.twinning.membership.roster import roster_of
from zope.interface import implementer


def _validators_groups(countries) -> set[str]:
    return {validators_group_id(country) for country in countries or () if country}


@implementer(ILocalRoleProvider)
class RosterLocalRoles:
    """For TwinSpaces and Groups (IHasRoster)."""

    def __init__(self, context):
        self.context = context

    def getRoles(self, principal_id):
        roster = roster_of(self.context)
        parsed = parse_place_group(principal_id)
        if parsed is not None:
            prefix, uid, role = parsed
            ours = prefix == place_prefix(self.context) and uid == self.context.UID()
            return [role] if ours and role in roster.roles else []
        if principal_id in _validators_groups(getattr(self.context, "countries", ())):
            return [COUNTRY_VALIDATOR_LOCAL_ROLE]
        role = roster.role_of(principal_id)
        return [role] if role is not None else []

    def getAllRoles(self):
        for role in roster_of(self.context).roles:
            yield place_group_id(self.context, role), [role]
        for group_id in sorted(_validators_groups(getattr(self.context, "countries", ()))):
            yield group_id, [COUNTRY_VALIDATOR_LOCAL_ROLE]


@implementer(ILocalRoleProvider)
class QualityLabelLocalRoles:
    """The applicant owns their application; the validators of their country review it
    (the project's countries may not include a promoted teacher's country)."""

    def __init__(self, context):
        self.context = context

    def _reviewers(self) -> set[str]:
        return _validators_groups([getattr(self.context, "applicant_country", None)])

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
