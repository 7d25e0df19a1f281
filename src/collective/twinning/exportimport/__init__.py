"""Move a TwinSpace out of a site and back in, losslessly (``@export``, ``@import``, ``twinning-export``)."""
