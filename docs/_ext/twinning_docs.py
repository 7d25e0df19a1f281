"""Sphinx extension of the book: pages made at build time from the repository, not written by hand.

- ``package-layout``: the modules and sub-packages of ``src/collective/twinning``, each with the
  first line of its docstring, so the layout can never forget a sub-package;
- ``openapi-reference``: the REST API reference rendered from ``docs/openapi.yaml``.

Both read files only (no import of the add-on, no network).
"""

from dataclasses import dataclass
from docutils import nodes
from pathlib import Path
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

import ast
import re
import yaml


logger = logging.getLogger(__name__)

HTTP_METHODS = ("get", "post", "put", "patch", "delete")
INLINE_CODE = re.compile(r"``(.+?)``|`(.+?)`")


@dataclass(frozen=True)
class Entry:
    """One module or sub-package of the layout."""

    name: str  # "audit.py" or "search/"
    what: str  # the first line of its docstring, or the book's note
    children: tuple[str, ...] = ()  # a sub-package's own sub-packages


def first_line(path: Path) -> str:
    """The first line of a Python file's module docstring ('' without one)."""
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    return docstring.strip().splitlines()[0].strip() if docstring.strip() else ""


def is_package(path: Path) -> bool:
    return path.is_dir() and (path / "__init__.py").is_file()


def package_layout(package: Path, notes: dict[str, str]) -> list[Entry]:
    """The sub-packages, data folders and modules of ``package``: sub-packages and folders first.

    A folder that is not a Python package (profiles/, locales/) and a package without docstring
    take their text from ``notes``, keyed by name ("profiles/"); what has neither gets ''
    (the directive warns, which fails the build).
    """
    folders, modules = [], []
    for path in sorted(package.iterdir(), key=lambda p: p.name.lower()):
        if path.name.startswith((".", "_")) or path.name.endswith(".egg-info"):
            continue
        if path.is_dir():
            name = f"{path.name}/"
            what = (first_line(path / "__init__.py") if is_package(path) else "") or notes.get(name, "")
            children = tuple(
                child.name
                for child in sorted(path.iterdir(), key=lambda p: p.name.lower())
                if is_package(child)
            )
            folders.append(Entry(name, what, children))
        elif path.suffix == ".py":
            modules.append(Entry(path.name, first_line(path) or notes.get(path.name, "")))
    return folders + modules


def inline(text: str) -> list[nodes.Node]:
    """Text with ``code`` or `code` spans as literal nodes."""
    parts: list[nodes.Node] = []
    position = 0
    for match in INLINE_CODE.finditer(text):
        if match.start() > position:
            parts.append(nodes.Text(text[position : match.start()]))
        parts.append(nodes.literal(text=match.group(1) or match.group(2)))
        position = match.end()
    if position < len(text):
        parts.append(nodes.Text(text[position:]))
    return parts


def paragraph(*children: nodes.Node | str) -> nodes.paragraph:
    node = nodes.paragraph()
    for child in children:
        node += nodes.Text(child) if isinstance(child, str) else child
    return node


def table(header: list[str], rows: list[list[list[nodes.Node]]], widths: list[int]) -> nodes.table:
    """A docutils table: each cell is a list of inline nodes."""
    group = nodes.tgroup(cols=len(header))
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head, body = nodes.thead(), nodes.tbody()
    head += _row([[nodes.Text(title)] for title in header])
    for row in rows:
        body += _row(row)
    group += head
    group += body
    node = nodes.table(classes=["colwidths-auto"])
    node += group
    return node


def _row(cells: list[list[nodes.Node]]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        entry += paragraph(*cell)
        row += entry
    return row


class PackageLayout(SphinxDirective):
    """``package-layout``: the layout of the package at the given path (relative to the book)."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        package = (Path(self.env.srcdir) / self.arguments[0]).resolve()
        notes = self.config.twinning_layout_notes
        self.env.note_dependency(str(package))
        entries = package_layout(package, notes)
        rows = []
        for entry in entries:
            if not entry.what:
                logger.warning(
                    "package-layout: %s%s has no docstring and no note in twinning_layout_notes",
                    self.arguments[0].rstrip("/") + "/",
                    entry.name,
                    location=self.get_location(),
                )
            cell: list[nodes.Node] = inline(entry.what)
            if entry.children:
                cell.append(nodes.Text(" Sub-packages: "))
                for number, child in enumerate(entry.children):
                    if number:
                        cell.append(nodes.Text(", "))
                    cell.append(nodes.literal(text=f"{child}/"))
                cell.append(nodes.Text("."))
            rows.append([[nodes.literal(text=entry.name)], cell])
        return [table(["module or folder", "what it holds"], rows, [1, 4])]


class OpenAPIReference(SphinxDirective):
    """``openapi-reference``: every operation and schema of an OpenAPI 3 document, by tag."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        path = (Path(self.env.srcdir) / self.arguments[0]).resolve()
        self.env.note_dependency(str(path))
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        return OpenAPIRenderer(document, self.env.docname).render()


class OpenAPIRenderer:
    """Docutils nodes for an OpenAPI document: the operations grouped by tag, then the schemas."""

    def __init__(self, document: dict, docname: str):
        self.document = document
        self.components = document.get("components", {})
        self.docname = docname

    def resolve(self, item: dict) -> dict:
        """An object with its local ``$ref`` (``#/components/...``) followed."""
        while isinstance(item, dict) and "$ref" in item:
            target: object = self.document
            for part in item["$ref"].lstrip("#/").split("/"):
                target = target[part]
            item = target
        return item

    @staticmethod
    def schema_id(name: str) -> str:
        return nodes.make_id(f"schema-{name}")

    def section(self, title: list[nodes.Node], ident: str) -> nodes.section:
        node = nodes.section(ids=[ident])
        heading = nodes.title()
        for child in title:
            heading += child
        node += heading
        return node

    def type_of(self, schema: dict | None) -> list[nodes.Node]:
        """A schema as a short phrase: a link for a named schema, ``array of X``, ``A or B``."""
        if not schema:
            return [nodes.Text("any")]
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            if schema["$ref"].startswith("#/components/schemas/"):
                link = nodes.reference("", "", internal=True, refid=self.schema_id(name))
                link += nodes.literal(text=name)
                return [link]
            return self.type_of(self.resolve(schema))
        for combinator, word in (("anyOf", " or "), ("oneOf", " or "), ("allOf", " and ")):
            if combinator in schema:
                phrase: list[nodes.Node] = []
                for number, part in enumerate(schema[combinator]):
                    if number:
                        phrase.append(nodes.Text(word))
                    phrase.extend(self.type_of(part))
                return phrase
        kind = schema.get("type", "object" if "properties" in schema else "any")
        if isinstance(kind, list):
            kind = " or ".join(kind)
        if kind == "array":
            phrase = [nodes.Text("array of "), *self.type_of(schema.get("items"))]
        else:
            phrase = [nodes.Text(kind)]
        details = []
        if "format" in schema:
            details.append(schema["format"])
        if "enum" in schema:
            details.append("one of " + ", ".join(str(value) for value in schema["enum"]))
        if "x-vocabulary" in schema:
            details.append(f"vocabulary {schema['x-vocabulary']}")
        for key, label in (
            ("minimum", "≥"),
            ("maximum", "≤"),
            ("minLength", "length ≥"),
            ("maxLength", "length ≤"),
        ):
            if key in schema:
                details.append(f"{label} {schema[key]}")
        if "default" in schema:
            details.append(f"default {schema['default']}")
        if details:
            phrase.append(nodes.Text(f" ({'; '.join(details)})"))
        return phrase

    def render(self) -> list[nodes.Node]:
        info = self.document.get("info", {})
        out: list[nodes.Node] = []
        if info.get("description"):
            out.append(paragraph(*inline(info["description"])))
        out.append(
            paragraph(
                f"OpenAPI {self.document.get('openapi', '')}, ",
                f"{info.get('title', '')} {info.get('version', '')}: ",
                f"{sum(len(self.operations(tag)) for tag in self.tags())} operations.",
            )
        )
        for tag in self.tags():
            section = self.section([nodes.Text(f"{tag}")], nodes.make_id(f"api-{tag}"))
            for path, method, operation in self.operations(tag):
                section += self.operation(path, method, operation)
            out.append(section)
        schemas = self.components.get("schemas", {})
        if schemas:
            section = self.section([nodes.Text("Schemas")], "api-schemas")
            for name in sorted(schemas, key=str.lower):
                section += self.schema(name, schemas[name])
            out.append(section)
        return out

    def tags(self) -> list[str]:
        named = [tag["name"] for tag in self.document.get("tags", [])]
        used = {
            (op.get("tags") or ["other"])[0]
            for item in self.document.get("paths", {}).values()
            for method, op in item.items()
            if method in HTTP_METHODS
        }
        return [tag for tag in named if tag in used] + sorted(used - set(named))

    def operations(self, tag: str) -> list[tuple[str, str, dict]]:
        found = []
        for path, item in self.document.get("paths", {}).items():
            for method, operation in item.items():
                if method in HTTP_METHODS and (operation.get("tags") or ["other"])[0] == tag:
                    found.append((path, method, operation))
        return found

    def operation(self, path: str, method: str, operation: dict) -> nodes.section:
        title = [nodes.literal(text=f"{method.upper()} {path}")]
        section = self.section(title, nodes.make_id(f"api-{method}-{path}"))
        if operation.get("summary"):
            section += paragraph(nodes.strong(text=operation["summary"]))
        if operation.get("description"):
            section += paragraph(*inline(operation["description"]))
        parameters = [self.resolve(parameter) for parameter in operation.get("parameters", [])]
        if parameters:
            rows = [
                [
                    [nodes.literal(text=parameter["name"])],
                    [nodes.Text(parameter.get("in", ""))],
                    self.type_of(parameter.get("schema")),
                    [nodes.Text("yes" if parameter.get("required") else "")],
                    inline(parameter.get("description", "")),
                ]
                for parameter in parameters
            ]
            section += table(["parameter", "in", "type", "required", "meaning"], rows, [2, 1, 3, 1, 4])
        body = self.resolve(operation.get("requestBody", {}))
        for media, content in body.get("content", {}).items():
            section += paragraph(
                "Body (", nodes.literal(text=media), "): ", *self.type_of(content.get("schema"))
            )
        rows = []
        for status, response in operation.get("responses", {}).items():
            response = self.resolve(response)
            kinds: list[nodes.Node] = []
            for media, content in response.get("content", {}).items():
                if kinds:
                    kinds.append(nodes.Text("; "))
                kinds += [nodes.literal(text=media), nodes.Text(" "), *self.type_of(content.get("schema"))]
            rows.append([[nodes.literal(text=str(status))], inline(response.get("description", "")), kinds])
        if rows:
            section += table(["status", "meaning", "body"], rows, [1, 4, 3])
        return section

    def schema(self, name: str, schema: dict) -> nodes.section:
        section = self.section([nodes.literal(text=name)], self.schema_id(name))
        if schema.get("description"):
            section += paragraph(*inline(schema["description"]))
        properties = schema.get("properties", {})
        required = set(schema.get("required", []))
        if properties:
            rows = [
                [
                    [nodes.literal(text=prop)],
                    self.type_of(value),
                    [nodes.Text("yes" if prop in required else "")],
                    inline(value.get("description", "") or value.get("title", "")),
                ]
                for prop, value in properties.items()
            ]
            section += table(["field", "type", "required", "meaning"], rows, [2, 3, 1, 4])
        else:
            section += paragraph(
                "Type: ", *self.type_of({key: v for key, v in schema.items() if key != "description"})
            )
        return section


def setup(app):
    app.add_config_value("twinning_layout_notes", {}, "env")
    app.add_directive("package-layout", PackageLayout)
    app.add_directive("openapi-reference", OpenAPIReference)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
