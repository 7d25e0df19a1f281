from collective.twinning.services.users.country import check_country
from plone.restapi.deserializer import json_body
from plone.restapi.services.users.update import UsersPatch as BaseUsersPatch


class UsersPatch(BaseUsersPatch):
    """plone.restapi's @users PATCH, which also checks ``country``."""

    def reply(self):
        check_country(json_body(self.request), required=False)
        return super().reply()
