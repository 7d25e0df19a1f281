"""The registry records of collaboration (collective.twinning.<name>), edited in a control panel."""

from collective.twinning import _
from zope import schema
from zope.interface import Interface


PREFIX = "collective.twinning"

# "Name|https://host/path-pattern": the host and the path are matched apart (fnmatch),
# so a pattern's "*" never runs from the host into the path.
DEFAULT_EMBED_HOSTS = (
    "YouTube|https://www.youtube.com/watch*",
    "YouTube|https://www.youtube.com/embed/*",
    "YouTube|https://youtube.com/watch*",
    "YouTube|https://m.youtube.com/watch*",
    "YouTube|https://youtu.be/*",
    "YouTube|https://www.youtube-nocookie.com/embed/*",
    "Vimeo|https://vimeo.com/*",
    "Vimeo|https://www.vimeo.com/*",
    "Vimeo|https://player.vimeo.com/video/*",
    "Dailymotion|https://www.dailymotion.com/video/*",
    "Dailymotion|https://dailymotion.com/video/*",
    "Dailymotion|https://www.dailymotion.com/embed/video/*",
    "Dailymotion|https://dai.ly/*",
    "Google Docs|https://docs.google.com/document/*",
    "Google Slides|https://docs.google.com/presentation/*",
    "Google Forms|https://docs.google.com/forms/*",
    "Google Drive|https://drive.google.com/file/*",
    "Padlet|https://padlet.com/*",
    "Genially|https://view.genial.ly/*",
    "Genially|https://view.genially.com/*",
    "Canva|https://www.canva.com/design/*",
    "Wakelet|https://wakelet.com/*",
    "Wakelet|https://embed.wakelet.com/*",
    "LearningApps|https://learningapps.org/*",
    "H5P|https://h5p.org/h5p/embed/*",
    "H5P|https://*.h5p.com/content/*",
    "Microsoft Forms|https://forms.office.com/*",
    "Microsoft Office|https://onedrive.live.com/embed*",
    "Microsoft Office|https://view.officeapps.live.com/op/embed.aspx*",
)

VIDEO_SERVICES = ("jitsi", "bigbluebutton")


class ICollaborationSettings(Interface):
    """Embeds and online meetings (registry records ``collective.twinning.<field>``)."""

    embed_hosts = schema.List(
        title=_("Tools that may be embedded"),
        description=_(
            "One per line: a name, a bar and an https address pattern, e.g. "
            "Padlet|https://padlet.com/* (a * in the host stands for a subdomain)."
        ),
        value_type=schema.TextLine(),
        default=list(DEFAULT_EMBED_HOSTS),
        required=False,
    )
    meeting_service = schema.Choice(
        title=_("Video meeting service"),
        values=VIDEO_SERVICES,
        default="jitsi",
        required=True,
    )
    meeting_server = schema.URI(
        title=_("Video meeting server"),
        description=_("The https address of the Jitsi Meet (or BigBlueButton) server."),
        default="https://meet.jit.si",
        required=True,
    )
    meeting_jwt_secret = schema.TextLine(
        title=_("Secret that signs meeting tokens"),
        description=_(
            "Jitsi: the JWT secret of the server; BigBlueButton: its shared secret. Empty: no token."
        ),
        default="",
        required=False,
    )
    meeting_jwt_app_id = schema.TextLine(
        title=_("Application id of the meeting tokens"), default="", required=False
    )
    meeting_jwt_audience = schema.TextLine(
        title=_("Audience of the meeting tokens"), default="", required=False
    )


def settings():
    """The records as an object (missing records read as their defaults)."""
    from plone.registry.interfaces import IRegistry
    from zope.component import getUtility

    return getUtility(IRegistry).forInterface(ICollaborationSettings, prefix=PREFIX, check=False)


def setting(name: str):
    value = getattr(settings(), name, None)
    return ICollaborationSettings[name].default if value is None else value
