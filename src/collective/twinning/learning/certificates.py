"""Certificates of completed learning events: the PDF (ReportLab), their verification, a teacher's export.

The PDF names the teacher, the event, its hours and date, and the verification code
with the address where anyone checks it (``@verify-certificate/<code>``). The
verification tells only what the certificate itself says.
"""

from collective.twinning import _
from collective.twinning.learning import ledger
from collective.twinning.learning.attendance import certificate_code
from collective.twinning.learning.attendance import normalized_code
from collective.twinning.learning.ledger import COMPLETED
from io import BytesIO
from plone import api
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from zope.i18n import translate

import zipfile


def _name(userid: str) -> str:
    """The full name; a user id that is an e-mail address is never printed (its local part is)."""
    user = api.user.get(userid=userid)
    fullname = (user.getProperty("fullname", "") if user is not None else "") or ""
    return fullname or userid.split("@", 1)[0]


def _day(event) -> str:
    end = getattr(event, "end", None) or getattr(event, "start", None)
    return end.date().isoformat() if end is not None else ""


def verify_url(code: str) -> str:
    return f"{api.portal.get().absolute_url()}/@verify-certificate/{code}"


def kind_title(event, request=None) -> str:
    from collective.twinning.content.learning_event import KINDS

    try:
        return translate(KINDS.getTerm(event.kind).title, context=request)
    except LookupError:
        return event.kind or ""


def describe(event, userid: str, code: str, request=None) -> dict:
    """What a certificate says; the event's address only to whoever may view it (not once retracted)."""
    return {
        "code": code,
        "name": _name(userid),
        "event": event.Title(),
        "event_url": event.absolute_url() if api.user.has_permission("View", obj=event) else None,
        "kind": event.kind,
        "kind_title": kind_title(event, request),
        "hours": event.hours,
        "date": _day(event),
        "verify_url": verify_url(code),
    }


def _lines(data: dict, request) -> list[tuple[str, int, str]]:
    """(font, size, text) of each line of the certificate, in the request's language."""

    def t(msgid, **mapping):
        return translate(_(msgid, mapping=mapping), context=request)

    portal = api.portal.get()
    return [
        ("Helvetica-Bold", 26, t("Certificate of completion")),
        ("Helvetica", 13, portal.Title()),
        ("Helvetica", 14, t("This certifies that")),
        ("Helvetica-Bold", 22, data["name"]),
        ("Helvetica", 14, t("completed the ${kind}", kind=data["kind_title"].lower())),
        ("Helvetica-Bold", 18, data["event"]),
        ("Helvetica", 14, t("${hours} hours, on ${date}", hours=data["hours"], date=data["date"])),
        ("Helvetica", 11, t("Verification code: ${code}", code=data["code"])),
        ("Helvetica", 9, t("Check it at ${url}", url=data["verify_url"])),
    ]


def certificate_pdf(event, userid: str, request=None) -> bytes:
    """The teacher's certificate as a one-page landscape A4 PDF."""
    code = certificate_code(event, userid)
    if code is None:
        raise LookupError(userid)
    data = describe(event, userid, code, request)
    out = BytesIO()
    width, height = landscape(A4)
    canvas = Canvas(out, pagesize=(width, height), invariant=1)
    canvas.setTitle(f"{data['event']} - {data['name']}")
    canvas.setAuthor(api.portal.get().Title())
    canvas.setLineWidth(3)
    canvas.rect(1.2 * cm, 1.2 * cm, width - 2.4 * cm, height - 2.4 * cm)
    y = height - 4 * cm
    for font, size, text in _lines(data, request):
        canvas.setFont(font, size)
        canvas.drawCentredString(width / 2, y, text)
        y -= size + 0.9 * cm
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def filename(event, userid: str) -> str:
    return f"certificate-{event.getId()}-{userid}.pdf"


def verify(code: str) -> dict:
    """``{"valid": false}``, or what the certificate says."""
    wanted = normalized_code(code or "")
    if len(wanted) != 12:
        return {"valid": False, "code": code}
    formatted = "-".join(wanted[i : i + 4] for i in range(0, 12, 4))
    found = ledger.look_up(formatted)
    if found is None:
        return {"valid": False, "code": formatted}
    event_uid, userid = found
    event = _event(event_uid)
    if event is None or certificate_code(event, userid) != formatted:
        return {"valid": False, "code": formatted}
    return {"valid": True, **describe(event, userid, formatted)}


def _event(uid: str):
    """The event of a certificate, whoever asks (certificates outlive a retracted event)."""
    # Safe unrestricted: one event for its certificate's title, hours and date; its address only
    # to who may view it (``describe``).
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(UID=uid, portal_type="LearningEvent")
    return brains[0]._unrestrictedGetObject() if brains else None


def certificates_of(userid: str, request=None) -> list[dict]:
    """Every certificate of the teacher, newest first."""
    result = []
    for uid, entry in ledger.entries_of(userid):
        if entry["status"] != COMPLETED or not entry.get("code"):
            continue
        event = _event(uid)
        if event is None:
            continue
        item = describe(event, userid, entry["code"], request)
        item["pdf_url"] = f"{event.absolute_url()}/@certificate" if item["event_url"] else None
        result.append(item)
    result.sort(key=lambda item: item["date"], reverse=True)
    return result


def certificates_zip(userid: str, request=None) -> bytes:
    """Every certificate PDF of the teacher in one zip archive."""
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for uid, entry in ledger.entries_of(userid):
            if entry["status"] != COMPLETED:
                continue
            event = _event(uid)
            if event is not None and certificate_code(event, userid):
                archive.writestr(filename(event, userid), certificate_pdf(event, userid, request))
    return out.getvalue()
