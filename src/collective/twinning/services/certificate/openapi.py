"""OpenAPI fragment of @certificate: the user's PDF certificate of a completed learning event."""

from collective.twinning.content.learning_event import ILearningEvent
from collective.twinning.openapi.fragments import binary
from collective.twinning.openapi.fragments import EVENT
from collective.twinning.openapi.fragments import operation


PATHS = {
    f"{EVENT}/@certificate": {
        "get": operation(
            "The user's certificate of a completed event",
            {"200": binary("The PDF.", "application/pdf")},
            ("401", "404"),
            "recognition",
            ("@certificate", ILearningEvent),
        )
    },
}
