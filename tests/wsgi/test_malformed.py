"""The instance's WSGI filter: 400 to multipart bodies without a boundary, 401 to malformed basic credentials."""

from collective.twinning.wsgi import filter_factory
from collective.twinning.wsgi import malformed_basic_auth
from collective.twinning.wsgi import multipart_needs_boundary
from pathlib import Path

import base64
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


def _basic(text: bytes) -> str:
    return "Basic " + base64.b64encode(text).decode()


@pytest.mark.parametrize(
    "authorization, refused",
    [
        ("Basic !!!", True),
        (_basic(b"ana"), True),  # no colon
        (_basic(b"\xff\xfe:x"), True),  # no UTF-8
        ("basic YW5h", True),
        (_basic(b"ana:twinning-demo"), False),
        (_basic(b"ana:"), False),
        ("Basic", False),  # Zope reads no credentials: anonymous
        ("Bearer abc.def", False),
        ("", False),
    ],
)
def test_malformed_basic_auth(authorization, refused):
    assert malformed_basic_auth(authorization) is refused


def _call(app, content_type, authorization="", method="POST"):
    seen = {}

    def start_response(status, headers):
        seen["status"], seen["headers"] = status, dict(headers)

    environ = {"CONTENT_TYPE": content_type, "REQUEST_METHOD": method, "HTTP_AUTHORIZATION": authorization}
    body = b"".join(app(environ, start_response))
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
    seen, body = _call(app, "application/json", _basic(b"ana"))
    assert seen["status"] == "401 Unauthorized"
    assert seen["headers"]["WWW-Authenticate"] == 'Basic realm="Zope"'
    assert json.loads(body)["type"] == "Unauthorized"
    seen, body = _call(app, "application/json", _basic(b"ana:secret"))
    assert (seen["status"], body) == ("200 OK", b"inner")


@pytest.mark.parametrize("method", ["QUERY", "FOO", "get", "TRACE"])
def test_unknown_methods_are_405(method):
    app = filter_factory({})(lambda environ, start_response: [b"inner"])
    seen, body = _call(app, "", method=method)
    assert seen["status"] == "405 Method Not Allowed"
    assert "PATCH" in seen["headers"]["Allow"]
    assert json.loads(body)["type"] == "MethodNotAllowed"


def test_instance_pipeline_has_the_filter():
    template = (Path(__file__).resolve().parents[2] / "etc" / "zope.ini.in").read_text(encoding="utf-8")
    pipeline = template.split("[pipeline:main]", 1)[1].split("\n\n", 1)[0].split()
    assert pipeline.index("malformed") < pipeline.index("zope")
    assert "use = call:collective.twinning.wsgi:filter_factory" in template
