from collective.twinning.audit import entries
from collective.twinning.services.batching import MAX_START
from collective.twinning.services.batching import whole_number
from plone.restapi.batching import HypermediaBatch
from plone.restapi.services import Service


MAX_BATCH = 500


class AuditGet(Service):
    """``GET <space or group>/@audit``: the audit log, newest first, batched (b_start, b_size)."""

    def reply(self):
        whole_number(self.request, "b_start", 0, 0, MAX_START)
        whole_number(self.request, "b_size", 25, 0, MAX_BATCH)
        batch = HypermediaBatch(self.request, entries(self.context))
        result = {
            "@id": batch.canonical_url,
            "items": list(batch),
            "items_total": batch.items_total,
        }
        if batch.links:
            result["batching"] = batch.links
        return result
