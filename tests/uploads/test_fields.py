"""The upload rules of every file and image field, outside REST (Classic forms, Python)."""

from collective.twinning.content.mobility import IMobility
from collective.twinning.interfaces import IBrowserLayer
from collective.twinning.uploads.checks import UploadRefused
from collective.twinning.uploads.fields import check_upload
from collective.twinning.uploads.fields import LeadImageValidator
from collective.twinning.uploads.fields import LearningAgreementValidator
from plone.app.contenttypes.behaviors.leadimage import ILeadImageBehavior
from plone.namedfile.file import NamedBlobFile
from plone.namedfile.file import NamedBlobImage
from tests.uploads import samples
from z3c.form.interfaces import IValidator
from zope.component import queryMultiAdapter
from zope.interface import alsoProvides

import pytest


@pytest.mark.parametrize(
    "field,validator",
    [
        (ILeadImageBehavior["image"], LeadImageValidator),
        (IMobility["learning_agreement"], LearningAgreementValidator),
    ],
)
def test_classic_forms_find_the_validator(portal, field, validator):
    request = portal.REQUEST
    alsoProvides(request, IBrowserLayer)
    found = queryMultiAdapter((portal, request, None, field, None), IValidator)
    assert isinstance(found, validator)


def test_lead_image_rules(portal):
    field = ILeadImageBehavior["image"]
    with pytest.raises(UploadRefused, match=r"^image: "):
        check_upload(field, NamedBlobImage(data=samples.SVG, contentType="image/svg+xml", filename="x.svg"))
    check_upload(field, NamedBlobImage(data=samples.photo("PNG"), contentType="image/png", filename="x.png"))


def test_learning_agreement_rules(portal):
    field = IMobility["learning_agreement"]
    with pytest.raises(UploadRefused, match=r"^learning_agreement: "):
        check_upload(field, NamedBlobFile(data=samples.HTML, contentType="application/pdf", filename="a.pdf"))
    check_upload(field, NamedBlobFile(data=samples.PDF, contentType="text/html", filename="a.pdf"))
