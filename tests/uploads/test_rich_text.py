"""Rich text goes out through Plone's safe HTML filter and keeps only video players' iframes."""

from collective.twinning.uploads.iframes import drop_foreign_iframes

import pytest


UNSAFE = (
    "<p>Our trip</p><script>alert(1)</script>"
    '<iframe src="https://www.youtube.com/embed/abc123"></iframe>'
    '<iframe src="https://evil.example.org/phish"></iframe>'
    '<iframe src="http://www.youtube.com/embed/plain-http"></iframe>'
    '<img src="trip.jpg" onerror="alert(2)"><a href="javascript:alert(3)">more</a>'
)


@pytest.mark.parametrize(
    "src,kept",
    [
        ("https://www.youtube.com/embed/abc", True),
        ("https://player.vimeo.com/video/1", True),
        ("https://www.dailymotion.com/embed/video/x1", True),
        ("http://www.youtube.com/embed/abc", False),
        ("https://evil.example.org/x", False),
        ("https://youtube.com.evil.example.org/x", False),
        ("javascript:alert(1)", False),
        ("", False),
    ],
)
def test_iframe_hosts(src, kept):
    html = f'<p>a</p><iframe src="{src}"></iframe>'
    result = drop_foreign_iframes(html)
    assert (result is None) is kept
    if not kept:
        assert "<iframe" not in result


def test_page_text_served_safe(session_for, twinspace):
    manager = session_for("manager")
    response = manager.post(
        "projects/space",
        json={"@type": "Page", "title": "Trip", "text": {"data": UNSAFE, "content-type": "text/html"}},
    )
    assert response.status_code == 201, response.text
    served = manager.get(response.json()["@id"]).json()["text"]["data"]
    assert "<script" not in served
    assert "onerror" not in served
    assert "javascript:" not in served
    assert "evil.example.org" not in served
    assert "http://www.youtube.com" not in served
    assert 'src="https://www.youtube.com/embed/abc123"' in served
    assert "<p>Our trip</p>" in served
