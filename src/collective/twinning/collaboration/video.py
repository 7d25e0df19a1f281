"""Video services of online meetings: one small adapter per kind, named in the registry.

``IVideoService`` utilities (named ``jitsi``, ``bigbluebutton``) turn a room, a
user and a time window into the address the user opens. None of them calls the
network: Jitsi reads a signed JWT in the address, BigBlueButton a checksum.
"""

from dataclasses import dataclass
from datetime import datetime
from hashlib import sha1
from urllib.parse import quote
from urllib.parse import urlencode
from zope.interface import implementer
from zope.interface import Interface

import jwt


@dataclass(frozen=True)
class Attendee:
    userid: str
    fullname: str
    moderator: bool


@dataclass(frozen=True)
class ServerSettings:
    server: str
    secret: str = ""
    app_id: str = ""
    audience: str = ""


class IVideoService(Interface):
    def join_url(
        settings: ServerSettings, room: str, title: str, attendee: Attendee, closes: datetime
    ) -> str:
        """The address at which ``attendee`` enters ``room`` (valid until ``closes``)."""


@implementer(IVideoService)
class JitsiMeet:
    """A Jitsi Meet room; with a secret, a JWT naming the user (moderator for admins)."""

    def token(self, settings: ServerSettings, room: str, attendee: Attendee, closes: datetime) -> str:
        host = settings.server.split("://", 1)[-1].split("/", 1)[0]
        claims = {
            "aud": settings.audience or "jitsi",
            "iss": settings.app_id or "collective.twinning",
            "sub": host,
            "room": room,
            "exp": int(closes.timestamp()),
            "moderator": attendee.moderator,
            "context": {
                "user": {
                    "id": attendee.userid,
                    "name": attendee.fullname,
                    "moderator": attendee.moderator,
                    "affiliation": "owner" if attendee.moderator else "member",
                }
            },
        }
        return jwt.encode(claims, settings.secret, algorithm="HS256")

    def join_url(self, settings, room, title, attendee, closes) -> str:
        url = f"{settings.server.rstrip('/')}/{quote(room)}"
        if settings.secret:
            url += "?" + urlencode({"jwt": self.token(settings, room, attendee, closes)})
        return url


@implementer(IVideoService)
class BigBlueButton:
    """BigBlueButton's API ``join`` call, signed with the server's shared secret.

    The room must exist on the server (``create`` with the same meetingID): an
    operator's task; this adapter only signs the join address."""

    def join_url(self, settings, room, title, attendee, closes) -> str:
        query = urlencode(
            {
                "meetingID": room,
                "fullName": attendee.fullname,
                "userID": attendee.userid,
                "role": "MODERATOR" if attendee.moderator else "VIEWER",
                "redirect": "true",
            }
        )
        # BigBlueButton's API defines its checksum as SHA-1 of call name, query and shared secret.
        checksum = sha1(f"join{query}{settings.secret}".encode()).hexdigest()  # noqa: S324
        return f"{settings.server.rstrip('/')}/bigbluebutton/api/join?{query}&checksum={checksum}"
