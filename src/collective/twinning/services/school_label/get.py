"""``GET <organisation>/@school-label[?call=<UID>]``: eligibility, each criterion and why not, the label held."""

from collective.twinning import _
from collective.twinning.errors import FieldError
from collective.twinning.recognition.school_label import calls_for
from collective.twinning.recognition.school_label import eligibility
from plone.restapi.services import Service
from zope.i18n import translate


def translated(result: dict, request) -> dict:
    for criterion in result["criteria"]:
        if criterion["reason"] is not None:
            criterion["reason"] = translate(criterion["reason"], context=request)
    result["reasons"] = [criterion["reason"] for criterion in result["criteria"] if not criterion["met"]]
    return result


class SchoolLabelGet(Service):
    def reply(self):
        call = None
        wanted = self.request.form.get("call")
        if wanted is not None:
            found = [c for c in calls_for(self.context) if isinstance(wanted, str) and c.UID() == wanted]
            if not found:
                raise FieldError(
                    "call", _("call: no open or closed call of this school's country with this UID.")
                )
            call = found[0]
        result = eligibility(self.context, call)
        result["@id"] = f"{self.context.absolute_url()}/@school-label"
        return translated(result, self.request)
