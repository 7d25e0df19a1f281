"""TwinSpaces and Groups: their state change reindexes only the content whose View comes from them."""

from plone.dexterity.content import Container


def acquires_view(obj) -> bool:
    return obj.acquiredRolesAreUsedBy("View") == "CHECKED"


class Place(Container):
    """Pages, materials, mobilities and labels map View per their own state; a transition of
    the place leaves their security as it was, so only the place and what acquires View from
    it are reindexed (any other change of security still reindexes the whole tree)."""

    _v_state_changed = False

    def reindexObjectSecurity(self, skip_self=False):
        if not self._v_state_changed:
            return super().reindexObjectSecurity(skip_self)
        self._v_state_changed = False
        catalog = self._getCatalogTool()
        if catalog is None:
            return None
        if not skip_self:
            catalog.reindexObject(self, idxs=self._cmf_security_indexes, update_metadata=0)
        waiting = [self]
        while waiting:
            for child in waiting.pop().objectValues():
                if acquires_view(child):
                    catalog.reindexObject(child, idxs=self._cmf_security_indexes, update_metadata=0)
                    waiting.append(child)
        return None


def state_changed(place, event) -> None:
    """The workflow tool reindexes the security after this transition: only what it reaches."""
    place._v_state_changed = True
