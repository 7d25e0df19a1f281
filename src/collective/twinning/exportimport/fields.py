"""A content item's schema fields as JSON and back (blobs, relations, rich text, dates).

Going out, only the fields the exporter may read. Coming back, a value is
shaped by its field, never by the archive's word: a blob's kind is sniffed
from its bytes, rich text is always filtered on output the way the field says.
"""

from AccessControl import getSecurityManager
from collective.twinning.exportimport.codec import CodecError
from collective.twinning.exportimport.codec import decode
from collective.twinning.exportimport.codec import encode
from collective.twinning.uploads.checks import check_file
from collective.twinning.uploads.checks import check_image
from collective.twinning.uploads.kinds import sniff
from plone import api
from plone.app.textfield.interfaces import IRichText
from plone.app.textfield.value import RichTextValue
from plone.autoform.interfaces import READ_PERMISSIONS_KEY
from plone.dexterity.utils import iterSchemata
from plone.dexterity.utils import iterSchemataForType
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.file import NamedBlobImage
from plone.namedfile.interfaces import INamedBlobFile
from plone.namedfile.interfaces import INamedBlobFileField
from plone.namedfile.interfaces import INamedBlobImage
from plone.namedfile.interfaces import INamedBlobImageField
from plone.supermodel.utils import mergedTaggedValueDict
from zope.component import queryUtility
from zope.schema import getFieldsInOrder
from zope.security.interfaces import IPermission


BLOB_TYPES = {"image": NamedBlobImage, "file": NamedBlobFile}
UNKNOWN_KIND = "application/octet-stream"


def schema_fields(obj=None, portal_type: str | None = None):
    """(schema, name, field) of every field of an item or a type."""
    schemata = iterSchemata(obj) if obj is not None else iterSchemataForType(portal_type)
    for schema in schemata:
        for name, field in getFieldsInOrder(schema):
            yield schema, name, field


def may_read(obj, schema, name: str) -> bool:
    """Whether the current user may read the field (its read permission, as plone.restapi checks it)."""
    permission_id = mergedTaggedValueDict(schema, READ_PERMISSIONS_KEY).get(name)
    if permission_id is None:
        return True
    permission = queryUtility(IPermission, name=permission_id)
    return permission is not None and bool(getSecurityManager().checkPermission(permission.title, obj))


def export_value(value, blob_name: str, write_blob):
    if INamedBlobImage.providedBy(value) or INamedBlobFile.providedBy(value):
        write_blob(blob_name, value.data)
        kind = "image" if INamedBlobImage.providedBy(value) else "file"
        return {
            "$blob": blob_name,
            "kind": kind,
            "filename": value.filename,
            "content_type": value.contentType,
        }
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
    """The fields of ``obj`` the exporter may read."""
    values = {}
    for schema, name, _field in schema_fields(obj):
        adapted = schema(obj, None)
        if adapted is None or not may_read(obj, schema, name):
            continue
        value = getattr(adapted, name, None)
        values[name] = export_value(value, f"blobs/{uid}/{name}", write_blob)
    return values


def _blob(value: dict, field, read_blob):
    kind = (
        "image"
        if INamedBlobImageField.providedBy(field)
        else "file"
        if INamedBlobFileField.providedBy(field)
        else None
    )
    if kind is None or value.get("kind") != kind:
        raise CodecError(
            f"a {value.get('kind')!r} blob where the field holds a {kind or 'value that is no blob'}"
        )
    if set(value) - {"$blob", "kind", "filename", "content_type"} or not isinstance(value["$blob"], str):
        raise CodecError("a blob with unknown keys")
    filename = value.get("filename")
    if filename is not None and not isinstance(filename, str):
        raise CodecError("a blob whose file name is no text")
    data = read_blob(value["$blob"])
    # The kind its bytes show, never the archive's word (nor, before it, the browser's).
    blob = BLOB_TYPES[kind](data=data, contentType=sniff(data) or UNKNOWN_KIND, filename=filename)
    # The upload rules of Material's fields, for every file and picture (a lead image too).
    if kind == "image":
        check_image(blob)
    else:
        check_file(blob)
    return blob


def allowed_markup(field) -> set[str]:
    if field.allowed_mime_types:
        return set(field.allowed_mime_types)
    portal = set(api.portal.get_registry_record("plone.allowed_types", default=()) or ())
    return portal | {
        field.default_mime_type,
        api.portal.get_registry_record("plone.default_type", default="text/html"),
    }


def _rich_text(value: dict, field) -> RichTextValue:
    if not IRichText.providedBy(field):
        raise CodecError("rich text where the field holds none")
    if set(value) - {"$richtext", "mimeType", "outputMimeType", "encoding"} or not isinstance(
        value["$richtext"], str
    ):
        raise CodecError("rich text that is no text")
    mime_type = value.get("mimeType") or field.default_mime_type
    if mime_type not in allowed_markup(field):
        raise CodecError(f"rich text in the format {mime_type!r}, which this site does not offer")
    # Output always through the field's filter (safe HTML), whatever the archive says.
    return RichTextValue(value["$richtext"], mime_type, field.output_mime_type, "utf-8")


def import_value(value, read_blob, field):
    """The Python value of ``field`` (relations come back as target UIDs, set later)."""
    if isinstance(value, dict) and "$blob" in value:
        return _blob(value, field, read_blob)
    if isinstance(value, dict) and "$richtext" in value:
        return _rich_text(value, field)
    if isinstance(value, dict) and "$set" in value:
        if set(value) != {"$set"} or not isinstance(value["$set"], list):
            raise CodecError("a set that holds no list")
        return {decode(item) for item in value["$set"]}
    return decode(value)


def is_relation(value) -> bool:
    return isinstance(value, dict) and ("$relation" in value or "$relations" in value)
