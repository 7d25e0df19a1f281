"""Pages that are forms: contact someone, evaluate a Quality Label application."""

from collective.twinning import _
from collective.twinning.browser.views.base import FormHandler
from collective.twinning.content.quality_label import CRITERIA
from collective.twinning.content.quality_label import IQualityLabel
from collective.twinning.directory.contact import contact
from collective.twinning.directory.contact import MAX_MESSAGE
from collective.twinning.directory.contact import MAX_SUBJECT
from collective.twinning.labels.evaluation import evaluate
from collective.twinning.labels.evaluation import evaluation_of
from collective.twinning.labels.evaluation import MAX_SCORE
from collective.twinning.labels.evaluation import MIN_SCORE
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile

import re


WHOLE_NUMBER = re.compile(r"^-?\d+$")


def form_scores(form, criteria=CRITERIA) -> dict:
    """``scores.<criterion>`` fields as the evaluation's ``scores`` (numbers where they are
    numbers; anything else is left for the rules to refuse, naming the criterion)."""
    scores = {}
    for name in criteria:
        raw = form.get(f"scores.{name}")
        if not isinstance(raw, str) or not raw.strip():
            continue
        raw = raw.strip()
        scores[name] = int(raw) if WHOLE_NUMBER.match(raw) else raw
    return scores


class FormPage(FormHandler):
    """A page with its own form: GET shows it, POST (``form.submitted``) acts."""

    template = None

    def __call__(self):
        if self.request.method == "POST" and "form.submitted" in self.request.form:
            return super().__call__()
        return self.render_page()

    def render_page(self):
        return self.template()


class ContactForm(FormPage):
    """``@@contact-form`` on a TwinSpace, PartnerPosting or TeacherProfile (``@contact``)."""

    template = ViewPageTemplateFile("templates/contact.pt")
    fields = ("subject", "message")
    max_subject = MAX_SUBJECT
    max_message = MAX_MESSAGE

    def act(self):
        form = self.request.form
        data = {name: form.get(name) for name in self.fields}
        result = contact(self.context, self.userid, data)
        return _("Your message was sent (${count} recipients).", mapping={"count": result["sent"]})


class LabelEvaluation(FormPage):
    """``@@label-evaluation`` on a QualityLabel (``@evaluation``): criteria texts, scores, decision."""

    template = ViewPageTemplateFile("templates/label_evaluation.pt")
    fields = ("comment", "decision", "scores", *(f"scores.{name}" for name in CRITERIA))
    min_score, max_score = MIN_SCORE, MAX_SCORE

    def criteria(self) -> list[dict]:
        recorded = evaluation_of(self.context) or {"scores": {}, "comment": ""}
        return [
            {
                "name": name,
                "field": f"scores.{name}",
                "title": self.translate(IQualityLabel[name].title),
                "text": getattr(self.context, name, "") or "",
                "value": self.value(f"scores.{name}", str(recorded["scores"].get(name, ""))),
            }
            for name in CRITERIA
        ]

    def comment(self) -> str:
        recorded = evaluation_of(self.context) or {}
        return self.value("comment", recorded.get("comment") or "")

    def level_title(self) -> str:
        return self.term_title("collective.twinning.vocabularies.LabelLevels", self.context.level)

    def act(self):
        form = self.request.form
        decision = form.get("decision") or None
        data = {"scores": form_scores(form), "comment": form.get("comment"), "decision": decision}
        evaluate(self.context, self.userid, data)
        if decision == "award":
            return _("The Quality Label was awarded.")
        if decision == "reject":
            return _("The application was not awarded.")
        return _("Your evaluation is recorded.")
