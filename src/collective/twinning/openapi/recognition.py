"""The recognition part of the OpenAPI document: School label, prizes, learning events, ambassadors."""

from collective.twinning.content.learning_event import ILearningEvent
from collective.twinning.content.organisation import IOrganisation
from collective.twinning.content.prize_entry import IPrizeEntry
from collective.twinning.content.prize_round import IPrizeRound
from collective.twinning.content.quality_label import CRITERIA
from collective.twinning.content.school_label_application import ISchoolLabelApplication
from collective.twinning.content.school_label_application import STATEMENTS
from plone.base.interfaces import IPloneSiteRoot


CALL = "/recognition/{call}"
ROUND = CALL  # calls and rounds share /recognition
EVENT = "/learning/{event}"
PDF = "application/pdf"
ZIP = "application/zip"


def _scores(names) -> dict:
    return {
        "type": "object",
        "properties": {name: {"type": "integer", "minimum": 0, "maximum": 10} for name in names},
        "required": list(names),
        "additionalProperties": False,
    }


def recognition_schemas(_object, _string, _list_of) -> dict:
    """Component schemas of the recognition services."""
    criterion = _object(
        {
            "name": _string(enum=["registered", "active_teachers", "national_quality_label"]),
            "value": {},
            "required": {},
            "met": {"type": "boolean"},
            "reason": {"type": ["string", "null"]},
        },
        required=("name", "met", "reason"),
    )
    certificate = _object(
        {
            "code": _string(),
            "name": _string(),
            "event": _string(),
            "event_url": _string(),
            "kind": _string(),
            "kind_title": _string(),
            "hours": {"type": "integer"},
            "date": _string(),
            "verify_url": _string(),
            "pdf_url": _string(),
        },
        required=("code", "name", "event", "hours"),
    )
    person = _object({"userid": _string(), "fullname": _string(), "completed": {"type": "boolean"}})
    return {
        "SchoolLabelEligibility": _object(
            {
                "@id": _string(),
                "eligible": {"type": "boolean"},
                "reference_date": _string(),
                "call": {"type": ["object", "null"]},
                "criteria": {"type": "array", "items": criterion},
                "reasons": {"type": "array", "items": {"type": "string"}},
                "awarded_until": {"type": ["string", "null"]},
                "school_years": {"type": "array", "items": {"type": "string"}},
            },
            required=("eligible", "criteria", "reasons"),
        ),
        "SchoolLabelEvaluationInput": _object(
            {
                "scores": _scores(STATEMENTS),
                "comment": _string(),
                "decision": _string(enum=["award", "reject"]),
            },
            required=("scores", "comment"),
        ),
        "SchoolLabelEvaluation": _object(
            {
                "state": _string(),
                "evaluation": {"type": ["object", "null"]},
                "awarded_until": {"type": ["string", "null"]},
            }
        ),
        "PrizeScoreInput": _object({"scores": _scores(CRITERIA), "comment": _string()}, required=("scores",)),
        "PrizeScore": _object(
            {
                "scores": {"type": ["object", "null"]},
                "comment": {"type": ["string", "null"]},
                "jurors_scored": {"type": "integer"},
                "category": {"type": ["string", "null"]},
            }
        ),
        "PrizeRanking": {
            "type": "array",
            "items": _object(
                {
                    "category": _string(),
                    "entries": {
                        "type": "array",
                        "items": _object(
                            {
                                "rank": {"type": ["integer", "null"]},
                                "score": {"type": ["number", "null"]},
                                "jurors_scored": {"type": "integer"},
                                "entry": _string(),
                                "entry_id": _string(),
                                "project_uid": _string(),
                                "project_title": {"type": ["string", "null"]},
                                "country": {"type": ["string", "null"]},
                                "winner": {"type": "boolean"},
                            }
                        ),
                    },
                }
            ),
        },
        "Registration": _object(
            {
                "status": {"type": ["string", "null"], "enum": ["registered", "waiting", None]},
                "position": {"type": ["integer", "null"]},
                "capacity": {"type": "integer"},
                "registered": {"type": "integer"},
                "waiting": {"type": "integer"},
                "completed": {"type": "boolean"},
            }
        ),
        "Attendance": _object(
            {
                "capacity": {"type": "integer"},
                "registered": {"type": "array", "items": person},
                "waiting": {"type": "array", "items": person},
            }
        ),
        "AttendanceInput": _object(
            {
                "completed": {"type": "array", "items": _string()},
                "not_completed": {"type": "array", "items": _string()},
            }
        ),
        "CertificateCheck": _object(
            {"valid": {"type": "boolean"}, **certificate["properties"]}, required=("valid",)
        ),
        "Certificates": _list_of(certificate),
        "Ambassador": _object(
            {"userid": _string(), "fullname": _string(), "country": {"type": ["string", "null"]}},
            required=("userid",),
        ),
        "AmbassadorAdd": _object({"user": _string()}, required=("user",)),
    }


def recognition_paths(_operation, _json, _body, ref, _string, _list_of, AUTH, WRITE, NO_CONTENT) -> dict:
    """The recognition services, each with its context interface."""
    tag = "recognition"

    def binary(description, media):
        return {"description": description, "content": {media: {"schema": _string(format="binary")}}}

    return {
        "/organisations/{organisation}/@school-label": {
            "get": _operation(
                "The school's eligibility for the eTwinning School label, each criterion and why not",
                {"200": _json("Eligibility and the label held.", ref("SchoolLabelEligibility"))},
                ("400", "401", "404"),
                tag,
                ("@school-label", IOrganisation),
                query=[{"name": "call", "in": "query", "schema": _string()}],
            )
        },
        f"{CALL}/{{application}}/@evaluation": {
            "get": _operation(
                "The evaluation of a School label application",
                {"200": _json("State and evaluation.", ref("SchoolLabelEvaluation"))},
                AUTH,
                tag,
                ("@evaluation", ISchoolLabelApplication),
            ),
            "post": _operation(
                "Score, and award or reject, a submitted application (validators of the school's country)",
                {"200": _json("State and evaluation.", ref("SchoolLabelEvaluation"))},
                WRITE,
                tag,
                ("@evaluation", ISchoolLabelApplication),
                body=_body(ref("SchoolLabelEvaluationInput")),
            ),
        },
        f"{ROUND}/{{entry}}/@score": {
            "get": _operation(
                "The juror's own scores of an entry",
                {"200": _json("Scores.", ref("PrizeScore"))},
                AUTH,
                tag,
                ("@score", IPrizeEntry),
            ),
            "post": _operation(
                "Score an entry (the round's jury, while judging; not one's own project)",
                {"200": _json("Scores.", ref("PrizeScore"))},
                WRITE,
                tag,
                ("@score", IPrizeEntry),
                body=_body(ref("PrizeScoreInput")),
            ),
        },
        f"{ROUND}/@ranking": {
            "get": _operation(
                "The entries of each category by mean score; ties share a rank",
                {"200": _json("Per category.", ref("PrizeRanking"))},
                AUTH,
                tag,
                ("@ranking", IPrizeRound),
            )
        },
        f"{EVENT}/@register": {
            "get": _operation(
                "The user's registration",
                {"200": _json("Status.", ref("Registration"))},
                AUTH,
                tag,
                ("@register", ILearningEvent),
            ),
            "post": _operation(
                "Register: a seat, or a place in the waiting list",
                {
                    "201": _json("Registered or waiting.", ref("Registration")),
                    "200": _json("Already registered.", ref("Registration")),
                },
                WRITE,
                tag,
                ("@register", ILearningEvent),
            ),
            "delete": _operation(
                "Unregister; the first waiting takes the seat",
                {"200": _json("Status.", ref("Registration"))},
                WRITE,
                tag,
                ("@register", ILearningEvent),
            ),
        },
        f"{EVENT}/@attendance": {
            "get": _operation(
                "Who registered and waits (organisers)",
                {"200": _json("Attendance.", ref("Attendance"))},
                AUTH,
                tag,
                ("@attendance", ILearningEvent),
            ),
            "post": _operation(
                "Mark who completed the event (organisers, once it started)",
                {"200": _json("Attendance.", ref("Attendance"))},
                WRITE,
                tag,
                ("@attendance", ILearningEvent),
                body=_body(ref("AttendanceInput")),
            ),
        },
        f"{EVENT}/@certificate": {
            "get": _operation(
                "The user's certificate of a completed event",
                {"200": binary("The PDF.", PDF)},
                ("401", "404"),
                tag,
                ("@certificate", ILearningEvent),
            )
        },
        "/@verify-certificate/{code}": {
            "get": _operation(
                "Whether a certificate is genuine, and what it says (public)",
                {"200": _json("Valid or not.", ref("CertificateCheck"))},
                ("400",),
                tag,
                ("@verify-certificate", IPloneSiteRoot),
            )
        },
        "/@certificates": {
            "get": _operation(
                "The user's certificates (JSON), or every PDF in a zip (format=zip)",
                {
                    "200": {
                        "description": "The list or the archive.",
                        "content": {
                            "application/json": {"schema": ref("Certificates")},
                            ZIP: {"schema": _string(format="binary")},
                        },
                    }
                },
                ("400", "401"),
                tag,
                ("@certificates", IPloneSiteRoot),
                query=[{"name": "format", "in": "query", "schema": _string(enum=["json", "zip"])}],
            )
        },
        "/@ambassadors": {
            "get": _operation(
                "The ambassadors of the validator's countries",
                {"200": _json("Ambassadors.", _list_of(ref("Ambassador")))},
                ("401", "403"),
                tag,
                ("@ambassadors", IPloneSiteRoot),
            ),
            "post": _operation(
                "Name a validated teacher of one's country ambassador",
                {"201": _json("Named.", ref("Ambassador"))},
                WRITE,
                tag,
                ("@ambassadors", IPloneSiteRoot),
                body=_body(ref("AmbassadorAdd")),
            ),
        },
        "/@ambassadors/{userid}": {
            "delete": _operation(
                "Take the role back",
                NO_CONTENT,
                WRITE,
                tag,
                ("@ambassadors", IPloneSiteRoot),
            )
        },
    }
