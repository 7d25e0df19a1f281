"""A teacher profile shows the Quality Labels its teacher was awarded."""

from collective.twinning.content.teacher_profile import ITeacherProfile
from collective.twinning.interfaces import IBrowserLayer
from collective.twinning.labels.awarded import awarded_labels_of
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.dxcontent import SerializeToJson
from zope.component import adapter
from zope.interface import implementer


@implementer(ISerializeToJson)
@adapter(ITeacherProfile, IBrowserLayer)
class TeacherProfileSerializer(SerializeToJson):
    def __call__(self, version=None, include_items=True):
        result = super().__call__(version=version, include_items=include_items)
        teacher = (self.context.listCreators() or (self.context.getId(),))[0]
        result["quality_labels"] = awarded_labels_of(teacher)
        return result
