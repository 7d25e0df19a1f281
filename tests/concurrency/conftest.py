"""A multi-thread WSGI server over the functional layer's database, and a way to
send many requests at the same moment (a barrier releases every client together).

The layer's own server (plone.testing) runs waitress with its default 4 threads;
this one runs 8 so that more transactions overlap than the machine has cores.
"""

from concurrent.futures import ThreadPoolExecutor
from plone.testing.zope import WSGI_SERVER_FIXTURE
from tests.helpers import PASSWORD
from webtest.http import StopableWSGIServer
from ZPublisher.interfaces import IPubFailure

import pytest
import requests
import threading
import zope.component


THREADS = 8


class Server:
    def __init__(self, url: str):
        self.url = url
        self.retries = 0  # requests the publisher retried after a ConflictError
        self._lock = threading.Lock()

    def count_failure(self, event) -> None:
        if event.retry:
            with self._lock:
                self.retries += 1

    def at_once(self, calls: list[tuple[str, str, str, dict | None]]) -> list[requests.Response]:
        """Send every (userid, method, path, json) together; the responses in order."""
        barrier = threading.Barrier(len(calls))

        def send(call):
            userid, method, path, body = call
            session = requests.Session()
            session.auth = (userid, PASSWORD)
            session.headers["Accept"] = "application/json"
            barrier.wait()
            return session.request(method, self.url + path, json=body, timeout=120)

        with ThreadPoolExecutor(max_workers=len(calls)) as pool:
            return list(pool.map(send, calls))

    def forms_at_once(self, userid: str, path: str, forms: list[dict]) -> list[requests.Response]:
        """POST every form to ``path`` together, as ``userid`` in a browser (no redirects followed)."""
        barrier = threading.Barrier(len(forms))

        def send(form):
            session = requests.Session()
            session.auth = (userid, PASSWORD)
            barrier.wait()
            return session.post(self.url + path, data=form, allow_redirects=False, timeout=120)

        with ThreadPoolExecutor(max_workers=len(forms)) as pool:
            return list(pool.map(send, forms))


@pytest.fixture
def server(functional_portal):
    """Waitress with THREADS worker threads serving the functional layer's Zope."""
    app = WSGI_SERVER_FIXTURE.server.application
    wsgi = StopableWSGIServer.create(app, threads=THREADS, clear_untrusted_proxy_headers=False)
    served = Server(f"http://127.0.0.1:{wsgi.adj.port}/plone")
    zope.component.provideHandler(served.count_failure, (IPubFailure,))
    try:
        assert wsgi.wait()
        yield served
    finally:
        zope.component.getGlobalSiteManager().unregisterHandler(served.count_failure, (IPubFailure,))
        wsgi.shutdown()


# --- mails as they leave, and transactions interleaved by hand ---------------------


class RecordingMailer:
    """An IMailer keeping what it is handed: zope.sendmail's DirectMailDelivery hands
    it a mail only when the transaction commits (Plone's MailHost with immediate=False)."""

    def __init__(self):
        self.sent = []
        self._lock = threading.Lock()

    def send(self, fromaddr, toaddrs, message):
        with self._lock:
            self.sent.append((tuple(toaddrs), message))

    def abort(self):
        pass

    def vote(self, fromaddr, toaddrs, message):
        pass

    def subjects_to(self, address: str) -> list[str]:
        from email import message_from_bytes
        from email.header import decode_header
        from email.header import make_header

        result = []
        for to, raw in self.sent:
            if address in to:
                mail = message_from_bytes(raw if isinstance(raw, bytes) else raw.encode())
                result.append(str(make_header(decode_header(mail["Subject"]))))
        return result


@pytest.fixture
def mailer(monkeypatch):
    """The test MailHost delivers as Plone's MailHost does: on commit only."""
    from plone.app.testing.utils import MockMailHost
    from Products.MailHost.MailHost import _mungeHeaders
    from zope.interface import alsoProvides
    from zope.sendmail.delivery import DirectMailDelivery
    from zope.sendmail.interfaces import IMailer

    recording = RecordingMailer()
    alsoProvides(recording, IMailer)

    def send(
        self,
        messageText,
        mto=None,
        mfrom=None,
        subject=None,
        encode=None,
        immediate=False,
        charset=None,
        msg_type=None,
    ):
        message, to, sender = _mungeHeaders(messageText, mto, mfrom, subject, charset, msg_type, encode)
        to = [to] if isinstance(to, str) else list(to)
        DirectMailDelivery(recording).send(sender, to, message)

    monkeypatch.setattr(MockMailHost, "send", send)
    return recording


@pytest.fixture
def own_connection(functional):
    """Run ``work(portal)`` as a user in a connection and transaction of this thread
    (call it from a thread of your own); ``before_commit()`` lets a test interleave."""
    from plone.app.testing import login
    from plone.app.testing import logout
    from plone.testing.zope import addRequestContainer
    from zope.component.hooks import setSite
    from zope.globalrequest import setRequest

    import transaction

    db = functional["zodbDB"]

    def run(userid, work, before_commit=lambda: None):
        transaction.begin()
        connection = db.open()
        try:
            app = addRequestContainer(connection.root()["Application"])
            portal = app["plone"]
            setRequest(app.REQUEST)
            setSite(portal)
            login(portal, userid)
            result = work(portal)
            before_commit()
            transaction.commit()
            return result
        except BaseException:
            transaction.abort()
            raise
        finally:
            logout()
            setSite(None)
            setRequest(None)
            connection.close()

    return run
