"""Every service, view and override of the add-on is on its browser layer: a site in the same
Zope without the add-on installed (or with it uninstalled) is untouched."""

from collective.twinning.interfaces import IBrowserLayer
from zope.component import getGlobalSiteManager
from zope.interface.interfaces import IInterface
from zope.publisher.interfaces.browser import IBrowserRequest

import pytest


# Workflow guards answer wherever a transition fires (scripts, upgrade steps), without the
# layer; the FieldError error view is for the add-on's own exception only.
WITHOUT_LAYER = {
    "twinspace-guards",
    "group-guards",
    "posting-guards",
    "mobility-guards",
    "label-guards",
    "recognition-guards",
    "school-label-guards",
}


def registrations():
    """(name, factory, required) of every view and service (an adapter of a request) the add-on registers."""
    for registration in getGlobalSiteManager().registeredAdapters():
        factory = registration.factory
        modules = {klass.__module__ for klass in getattr(factory, "__mro__", (factory,))}
        required = registration.required
        if (
            len(required) == 2
            and IInterface.providedBy(required[1])
            and required[1].isOrExtends(IBrowserRequest)
            and any(m.startswith("collective.twinning") for m in modules)
        ):
            yield registration.name, factory, required


def test_the_listing_finds_services_and_views(portal):
    names = {name for name, _factory, _required in registrations()}
    assert {"GET_application_json_@members", "twinning-dashboard"} <= names


def test_every_registration_is_on_the_layer(portal):
    missing = []
    for name, factory, (context, layer) in registrations():
        if name in WITHOUT_LAYER or factory.__name__ == "FieldErrorHandling":
            continue
        if not layer.isOrExtends(IBrowserLayer):
            missing.append(f"{name} ({factory.__module__}.{factory.__name__}) for {context}")
    assert missing == []


@pytest.mark.parametrize("name", sorted(WITHOUT_LAYER))
def test_the_exceptions_are_only_the_guards(portal, name):
    assert any(n == name for n, _f, _r in registrations())
