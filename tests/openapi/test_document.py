"""The OpenAPI document: up to date in docs/, served, and covering every registered service."""

from collective.twinning import services
from collective.twinning.openapi.document import build
from collective.twinning.openapi.document import component_schemas
from collective.twinning.openapi.document import fragment_paths
from collective.twinning.openapi.schemas import BEHAVIORS
from collective.twinning.openapi.schemas import CONTENT_TYPES
from collective.twinning.openapi.schemas import fti_behaviors
from collective.twinning.openapi.schemas import SYSTEM_MADE
from pathlib import Path
from plone.autoform.interfaces import IFormFieldProvider
from plone.behavior.interfaces import IBehavior
from types import SimpleNamespace
from zope.component import getGlobalSiteManager
from zope.component import getUtility

import importlib
import importlib.util
import jsonschema
import pkgutil
import pytest
import re
import yaml


ROOT = Path(__file__).resolve().parents[2]
METHODS = ("get", "post", "patch", "put", "delete")


def _script():
    spec = importlib.util.spec_from_file_location("openapi_script", ROOT / "scripts" / "openapi.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def registered_services() -> set[tuple[str, str, str]]:
    """(method, name, context interface) of every plone.rest service of the add-on."""
    return set(registered_service_modules())


def registered_service_modules() -> dict[tuple[str, str, str], str]:
    """(method, name, context interface) -> the module of the factory, for every service of the add-on."""
    found = {}
    for registration in getGlobalSiteManager().registeredAdapters():
        factory = registration.factory
        method = getattr(factory, "method", None)
        if method is None or "@" not in registration.name:
            continue
        own = factory.__mro__[1]  # plone.rest subclasses the configured factory
        if not own.__module__.startswith("collective.twinning."):
            continue
        interface = registration.required[0]
        name = registration.name[registration.name.index("@") :]
        found[(method.lower(), name, f"{interface.__module__}.{interface.__name__}")] = own.__module__
    return found


def documented_services(document: dict) -> set[tuple[str, str, str]]:
    found = set()
    for item in document["paths"].values():
        for method, operation in item.items():
            service = operation.get("x-twinning-service")
            if service:
                found.add((method, service["name"], service["for"]))
    return found


def test_committed_document_is_current():
    assert (ROOT / "docs" / "openapi.yaml").read_text(encoding="utf-8") == _script().render(), (
        "docs/openapi.yaml is out of date: run `make openapi`"
    )


def test_committed_document_is_the_built_one():
    committed = yaml.safe_load((ROOT / "docs" / "openapi.yaml").read_text(encoding="utf-8"))
    assert committed == build()
    assert committed["openapi"] == "3.1.0"


def test_every_path_parameter_is_declared():
    """Each {name} of a path is a path parameter of each of its operations (schemathesis
    refuses the operation otherwise: the CI's fuzz run failed on /@groups/{groupid})."""
    document = build()
    declared = document["components"]["parameters"]
    for path, item in document["paths"].items():
        named = set(re.findall(r"{(\w+)}", path))
        for method, operation in item.items():
            given = {
                declared[p["$ref"].rsplit("/", 1)[1]]["name"]
                for p in operation.get("parameters", [])
                if "$ref" in p and declared[p["$ref"].rsplit("/", 1)[1]]["in"] == "path"
            }
            assert given == named, (method, path)


def test_every_registered_service_is_documented(integration):
    registered = registered_services()
    assert len(registered) >= 30  # the registry was read (33 services when written)
    documented = documented_services(build())
    assert registered - documented == set(), "registered but not documented"
    assert documented - registered == set(), "documented but not registered (or wrong method/context)"


def test_every_registered_service_is_documented_beside_it(integration):
    """Each service's operations are in the fragment of its own package (services/<endpoint>/openapi.py)."""
    for service, module in registered_service_modules().items():
        assert module.startswith(f"{services.__name__}."), (service, module)
        package = module.rsplit(".", 1)[0]
        spec = importlib.util.find_spec(f"{package}.openapi")
        assert spec is not None, f"{package} has no openapi.py fragment (for {service})"
        fragment = importlib.import_module(f"{package}.openapi")
        assert service in documented_services({"paths": fragment.PATHS}), (
            f"{service} is not described in {package}.openapi.PATHS"
        )


@pytest.mark.parametrize(
    "package", sorted(info.name for info in pkgutil.iter_modules(services.__path__) if info.ispkg)
)
def test_every_services_package_has_a_fragment(package):
    fragment = importlib.import_module(f"{services.__name__}.{package}.openapi")
    assert fragment.PATHS
    assert set(fragment.PATHS) <= set(build()["paths"])


def test_a_method_described_by_two_fragments_is_refused():
    one = SimpleNamespace(__name__="one", PATHS={"/@x": {"get": {}}})
    two = SimpleNamespace(__name__="two", PATHS={"/@x": {"post": {}}})
    assert fragment_paths([one, two]) == {"/@x": {"get": {}, "post": {}}}
    with pytest.raises(ValueError, match="GET /@x"):
        fragment_paths([one, SimpleNamespace(__name__="three", PATHS={"/@x": {"get": {}}})])


def test_a_schema_defined_twice_is_refused():
    with pytest.raises(ValueError, match="schema Error"):
        component_schemas([SimpleNamespace(__name__="one", PATHS={}, SCHEMAS={"Error": {}})])
    with pytest.raises(ValueError, match="schema Likes"):
        component_schemas([SimpleNamespace(__name__=name, PATHS={}, SCHEMAS={"Likes": {}}) for name in "ab"])


@pytest.mark.parametrize("name", sorted(BEHAVIORS))
def test_behavior_table_matches_the_registry(integration, name):
    behavior = getUtility(IBehavior, name)
    expected = BEHAVIORS[name]
    if expected is None:  # a behavior that adds no form field
        assert not IFormFieldProvider.providedBy(behavior.interface)
    else:
        assert IFormFieldProvider.providedBy(expected)
        assert behavior.interface is expected


@pytest.mark.parametrize("portal_type", sorted(CONTENT_TYPES))
def test_every_behavior_of_the_types_is_known(portal_type):
    assert set(fti_behaviors(portal_type)) <= set(BEHAVIORS)


@pytest.mark.parametrize("portal_type", sorted(CONTENT_TYPES))
def test_content_types_are_documented(portal_type):
    document = build()
    schemas = document["components"]["schemas"]
    assert f"{portal_type}Update" in schemas
    assert (f"{portal_type}Create" in schemas) is (portal_type not in SYSTEM_MADE)
    text = yaml.safe_dump(document["paths"])
    assert f"#/components/schemas/{portal_type}Update" in text
    if portal_type not in SYSTEM_MADE:
        assert f"#/components/schemas/{portal_type}Create" in text


def test_required_fields_of_a_type():
    create = build()["components"]["schemas"]["MobilityCreate"]
    assert set(create["required"]) == {
        "@type",
        "title",
        "key_action",
        "activity_type",
        "sending_organisation",
        "receiving_organisation",
        "host_country",
        "start",
        "end",
    }
    assert create["properties"]["start"] == {"title": "Start date", "type": "string", "format": "date"}
    assert "countries" not in build()["components"]["schemas"]["TwinSpaceUpdate"]["properties"]  # read-only


def test_component_schemas_are_valid_json_schemas():
    for schema in build()["components"]["schemas"].values():
        jsonschema.Draft202012Validator.check_schema(schema)


def test_every_reference_resolves():
    document = build()
    text = yaml.safe_dump(document)
    for line in text.splitlines():
        if "$ref: " in line:
            target = line.split("$ref: ", 1)[1].strip().strip("'\"")
            node = document
            for part in target.lstrip("#/").split("/"):
                node = node[part]


def test_served_as_json(request_factory, portal):
    response = request_factory().get("/@twinning-openapi")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    served = response.json()
    assert served["servers"] == [{"url": portal.absolute_url()}]
    assert {**served, "servers": None} == {**build(), "servers": None}
