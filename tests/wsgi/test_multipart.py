"""The instance's WSGI filter answers 400 to multipart bodies without a boundary."""

from collective.twinning.wsgi import filter_factory
from collective.twinning.wsgi import multipart_needs_boundary
from pathlib import Path

import json
import pytest


@pytest.mark.parametrize(
    "content_type, refused",
    [
        ("multipart/form-data", True),
        ("multipart/form-data; charset=utf-8", True),
        ("multipart/form-data; boundary=", True),
        ('multipart/form-data; boundary=""', True),
        ("MULTIPART/FORM-DATA", True),
        ("multipart/form-data; boundary=xyz", False),
        ('multipart/form-data; charset=utf-8; Boundary="x y"', False),
        ("application/json", False),
        ("application/zip", False),
        ("", False),
    ],
)
def test_multipart_needs_boundary(content_type, refused):
    assert multipart_needs_boundary(content_type) is refused


def _call(app, content_type):
    seen = {}

    def start_response(status, headers):
        seen["status"], seen["headers"] = status, dict(headers)

    body = b"".join(app({"CONTENT_TYPE": content_type, "REQUEST_METHOD": "POST"}, start_response))
    return seen, body


def test_filter_refuses_and_passes():
    def inner(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"inner"]

    app = filter_factory({})(inner)
    seen, body = _call(app, "multipart/form-data")
    assert seen["status"] == "400 Bad Request"
    assert json.loads(body) == {
        "type": "BadRequest",
        "message": "Content-Type: multipart/form-data needs a boundary.",
    }
    seen, body = _call(app, "multipart/form-data; boundary=abc")
    assert (seen["status"], body) == ("200 OK", b"inner")


def test_instance_pipeline_has_the_filter():
    template = (Path(__file__).resolve().parents[2] / "etc" / "zope.ini.in").read_text(encoding="utf-8")
    pipeline = template.split("[pipeline:main]", 1)[1].split("\n\n", 1)[0].split()
    assert pipeline.index("multipart") < pipeline.index("zope")
    assert "use = call:collective.twinning.wsgi:filter_factory" in template
