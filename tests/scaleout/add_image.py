"""Add an image (a blob) to the demo site, for the migration tests.

Run with: zconsole run zope.conf tests/scaleout/add_image.py
The image goes into the running demo project as a Material; its bytes are
tests.scaleout.images.IMAGE_BYTES.
"""

from plone import api
from plone.namedfile.file import NamedBlobImage
from tests.scaleout.images import IMAGE_BYTES
from zope.component.hooks import setSite

import transaction


site = app["Plone"]  # noqa: F821 - `app` is given by zconsole run
setSite(site)
space = site["projects"]["nuestro-patrimonio-our-heritage"]
api.content.create(
    container=space,
    type="Material",
    id="poster",
    title="Poster of the project",
    image=NamedBlobImage(data=IMAGE_BYTES, filename="poster.png", contentType="image/png"),
    copyright_confirmed=True,
    license="cc-by-4.0",
)
transaction.commit()
print("image added")
