from collective.twinning.services.users.country import check_country
from collective.twinning.services.users.country import user_body
from collective.twinning.directory.profiles import sync_profile
from plone.restapi.services.users.update import UsersPatch as BaseUsersPatch


class UsersPatch(BaseUsersPatch):
    """plone.restapi's @users PATCH, which also checks ``country``.

    Leaving it out keeps the stored country; sending it empty would drop the
    account out of every national service's list, so it must be a valid code.
    """

    def reply(self):
        data = user_body(self.request)
        check_country(data, required="country" in data)
        result = super().reply()
        if self.request.response.getStatus() < 400 and len(self.params) == 1:
            # Roles may have changed, which PAS announces with no event.
            sync_profile(self.params[0])
        return result
