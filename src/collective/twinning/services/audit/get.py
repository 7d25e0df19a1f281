from collective.twinning.audit import entries
from plone.restapi.batching import HypermediaBatch
from plone.restapi.services import Service
from zExceptions import BadRequest


MAX_BATCH = 500


def _whole_number(request, name: str, default: int, largest: int | None = None) -> int:
    value = request.form.get(name, default)
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise BadRequest(f"{name} must be a whole number.") from None
    if number < 0 or (largest is not None and number > largest):
        raise BadRequest(f"{name} must be from 0 to {largest if largest is not None else 'any'}.")
    return number


class AuditGet(Service):
    """``GET <space or group>/@audit``: the audit log, newest first, batched (b_start, b_size)."""

    def reply(self):
        _whole_number(self.request, "b_start", 0)
        _whole_number(self.request, "b_size", 25, MAX_BATCH)
        batch = HypermediaBatch(self.request, entries(self.context))
        result = {
            "@id": batch.canonical_url,
            "items": list(batch),
            "items_total": batch.items_total,
        }
        if batch.links:
            result["batching"] = batch.links
        return result
