"""A content item's schema fields as JSON and back (blobs, relations, rich text, dates)."""

from collective.twinning.exportimport.codec import CodecError
from collective.twinning.exportimport.codec import decode
from collective.twinning.exportimport.codec import encode
from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import iterSchemata
from plone.dexterity.utils import iterSchemataForType
from plone.namedfile.interfaces import INamedBlobFile
from plone.namedfile.interfaces import INamedBlobImage
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.file import NamedBlobImage
from zope.schema import getFieldsInOrder


BLOB_TYPES = {"image": NamedBlobImage, "file": NamedBlobFile}


def schema_fields(obj=None, portal_type: str | None = None):
    """(schema, name, field) of every field of an item or a type."""
    schemata = iterSchemata(obj) if obj is not None else iterSchemataForType(portal_type)
    for schema in schemata:
        for name, field in getFieldsInOrder(schema):
            yield schema, name, field


def export_value(value, blob_name: str, write_blob):
    if INamedBlobImage.providedBy(value) or INamedBlobFile.providedBy(value):
        write_blob(blob_name, value.data)
        kind = "image" if INamedBlobImage.providedBy(value) else "file"
        return {"$blob": blob_name, "kind": kind, "filename": value.filename, "content_type": value.contentType}
    if isinstance(value, RichTextValue):
        return {
            "$richtext": value.raw,
            "mimeType": value.mimeType,
            "outputMimeType": value.outputMimeType,
            "encoding": value.encoding,
        }
    if hasattr(value, "to_object") and hasattr(value, "from_object"):  # a RelationValue
        target = value.to_object
        return {"$relation": target.UID() if target is not None else None}
    if isinstance(value, (list, tuple)) and value and all(hasattr(v, "to_object") for v in value):
        return {"$relations": [export_value(v, "", write_blob)["$relation"] for v in value]}
    if isinstance(value, (set, frozenset)):
        return {"$set": [encode(item) for item in sorted(value)]}
    return encode(value)


def export_fields(obj, uid: str, write_blob) -> dict:
    values = {}
    for schema, name, _field in schema_fields(obj):
        adapted = schema(obj, None)
        if adapted is None:
            continue
        value = getattr(adapted, name, None)
        values[name] = export_value(value, f"blobs/{uid}/{name}", write_blob)
    return values


def import_value(value, read_blob):
    """The Python value (relations come back as target UIDs, set later)."""
    if isinstance(value, dict) and "$blob" in value:
        blob_type = BLOB_TYPES.get(value.get("kind"))
        if blob_type is None or not isinstance(value.get("filename", ""), (str, type(None))):
            raise CodecError("a blob without a kind")
        return blob_type(
            data=read_blob(value["$blob"]),
            contentType=value.get("content_type") or "application/octet-stream",
            filename=value.get("filename"),
        )
    if isinstance(value, dict) and "$richtext" in value:
        if not isinstance(value["$richtext"], str):
            raise CodecError("rich text that is no text")
        return RichTextValue(
            value["$richtext"],
            value.get("mimeType") or "text/html",
            value.get("outputMimeType") or "text/x-html-safe",
            value.get("encoding") or "utf-8",
        )
    if isinstance(value, dict) and "$set" in value:
        return {decode(item) for item in value["$set"]}
    return decode(value)


def is_relation(value) -> bool:
    return isinstance(value, dict) and ("$relation" in value or "$relations" in value)
