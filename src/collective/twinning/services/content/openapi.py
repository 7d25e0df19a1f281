"""OpenAPI fragment of plone.restapi's content creation and change, for the add-on's types.

The bodies are the content-type schemas of ``openapi.schemas`` (``<Type>Create``, ``<Type>Update``).
"""

from collective.twinning.openapi.fragments import body
from collective.twinning.openapi.fragments import either_errors
from collective.twinning.openapi.fragments import EVENT
from collective.twinning.openapi.fragments import GROUP
from collective.twinning.openapi.fragments import json_reply
from collective.twinning.openapi.fragments import NO_CONTENT
from collective.twinning.openapi.fragments import operation
from collective.twinning.openapi.fragments import ref
from collective.twinning.openapi.fragments import SPACE
from collective.twinning.openapi.fragments import WRITE


def create(types: tuple[str, ...], where: str) -> dict:
    schemas = [ref(f"{name}Create") for name in types]
    schema = schemas[0] if len(schemas) == 1 else {"oneOf": schemas}
    return operation(
        f"Create a {' or '.join(types)} in {where}",
        {"201": json_reply("Created.", ref("Content")), **either_errors(WRITE)},
        (),
        "content",
        body=body(schema),
        description="plone.restapi's content creation; `@type` names the type.",
    )


def update(types: tuple[str, ...]) -> dict:
    schemas = [ref(f"{name}Update") for name in types]
    schema = schemas[0] if len(schemas) == 1 else {"anyOf": schemas}
    return operation(
        f"Change a {' or '.join(types)}",
        {
            **NO_CONTENT,
            "200": json_reply("Changed (with Prefer: return=representation).", ref("Content")),
            **either_errors(WRITE),
        },
        (),
        "content",
        body=body(schema),
        description="plone.restapi's content update.",
    )


IN_SPACE = ("Page", "Material", "Mobility", "QualityLabel", "Post", "Forum", "Meeting", "Poll")
IN_GROUP = ("Page", "Material", "Post", "Forum", "Meeting", "Poll")

PATHS = {
    "/projects": {"post": create(("TwinSpace",), "/projects")},
    SPACE: {"post": create(IN_SPACE, "a TwinSpace (pages also in pages)"), "patch": update(("TwinSpace",))},
    f"{SPACE}/{{item}}": {"patch": update(IN_SPACE), "post": create(("Thread",), "a forum")},
    f"{SPACE}/{{item}}/{{thread}}": {"patch": update(("Thread",))},
    "/groups": {"post": create(("Group",), "/groups")},
    GROUP: {"post": create(IN_GROUP, "a group"), "patch": update(("Group",))},
    f"{GROUP}/{{item}}": {"patch": update(IN_GROUP), "post": create(("Thread",), "a forum")},
    f"{GROUP}/{{item}}/{{thread}}": {"patch": update(("Thread",))},
    "/partner-finding": {"post": create(("PartnerPosting",), "/partner-finding")},
    "/partner-finding/{posting}": {"patch": update(("PartnerPosting",))},
    "/people/{profile}": {
        "patch": {
            **update(("TeacherProfile",)),
            "description": "Profiles are made by the system; their owner changes them.",
        }
    },
    "/organisations": {"post": create(("Organisation",), "/organisations")},
    "/organisations/{organisation}": {"patch": update(("Organisation",))},
    "/recognition": {"post": create(("SchoolLabelCall", "PrizeRound"), "/recognition")},
    "/recognition/{call}": {
        "post": create(("SchoolLabelApplication", "PrizeEntry"), "a call or a prize round"),
        "patch": update(("SchoolLabelCall", "PrizeRound")),
    },
    "/recognition/{call}/{application}": {"patch": update(("SchoolLabelApplication", "PrizeEntry"))},
    "/learning": {"post": create(("LearningEvent",), "/learning")},
    EVENT: {"patch": update(("LearningEvent",))},
}
