"""Material: a file, an image or an embedded tool (video, document, wall...) shared in a space."""

from collective.twinning import _
from collective.twinning.collaboration.embeds import is_embed_url
from collective.twinning.content.validation import check_exactly_one
from collective.twinning.content.validation import is_true
from collective.twinning.uploads.checks import check_file
from collective.twinning.uploads.checks import check_image
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.namedfile.field import NamedBlobImage
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import invariant


MATERIAL_SOURCES = ("file", "image", "embed_url")


class IMaterial(model.Schema):
    """Exactly one of file, image or embed_url; the copyright must be confirmed."""

    # Kind checked from the content, size limited by the registry (uploads/).
    file = NamedBlobFile(title=_("File"), constraint=check_file, required=False)
    image = NamedBlobImage(title=_("Image"), constraint=check_image, required=False)
    embed_url = schema.URI(
        title=_("Embedded tool or video"),
        description=_(
            "An https address of an allowed tool (YouTube, Vimeo, Padlet, Genially, Google Docs...)."
        ),
        constraint=is_embed_url,
        required=False,
    )
    copyright_confirmed = schema.Bool(
        title=_("I confirm that I may publish this material"),
        constraint=is_true,
        required=True,
    )
    license = schema.Choice(
        title=_("Licence"),
        vocabulary="collective.twinning.vocabularies.Licences",
        default="cc-by-sa-4.0",
        required=True,
    )

    @invariant
    def one_source(data):
        check_exactly_one(data, MATERIAL_SOURCES)


@implementer(IMaterial)
class Material(Item):
    """A piece of material."""
