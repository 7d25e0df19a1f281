"""OpenAPI fragment of @contact: mail a project's founders, a posting's or a profile's author."""

from collective.twinning.content.partner_posting import IPartnerPosting
from collective.twinning.content.teacher_profile import ITeacherProfile
from collective.twinning.content.twinspace import ITwinSpace
from collective.twinning.openapi.fragments import body
from collective.twinning.openapi.fragments import json_reply
from collective.twinning.openapi.fragments import obj
from collective.twinning.openapi.fragments import operation
from collective.twinning.openapi.fragments import ref
from collective.twinning.openapi.fragments import SPACE
from collective.twinning.openapi.fragments import string


ERRORS = ("400", "401", "403", "404", "429", "503")

PATHS = {
    f"{SPACE}/@contact": {
        "post": operation(
            "Mail the project's founders",
            {"200": json_reply("Sent.", ref("ContactSent"))},
            ERRORS,
            "contact",
            ("@contact", ITwinSpace),
            body=body(ref("ContactMessage")),
        )
    },
    **{
        f"{base}/@contact": {
            "post": operation(
                "Mail the author",
                {"200": json_reply("Sent.", ref("ContactSent"))},
                ERRORS,
                "contact",
                ("@contact", interface),
                body=body(ref("ContactMessage")),
            )
        }
        for base, interface in (
            ("/partner-finding/{posting}", IPartnerPosting),
            ("/people/{profile}", ITeacherProfile),
        )
    },
}

SCHEMAS = {
    "ContactMessage": obj(
        {
            "subject": string(minLength=1, description="One line."),
            "message": string(minLength=1),
        },
        required=("subject", "message"),
    ),
    "ContactSent": obj(
        {"sent": {"type": "integer", "minimum": 1}},
        required=("sent",),
        description="How many people were mailed (their addresses are never shown).",
    ),
}
