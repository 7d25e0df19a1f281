"""``b_start`` and ``b_size`` of a listing service: 400 naming the parameter when wrong."""

from collective.twinning import _
from collective.twinning.errors import FieldError


DEFAULT_SIZE = 25
MAX_START = 10**6


def whole_number(request, name: str, default: int, low: int, high: int) -> int:
    """The parameter ``name`` as a whole number from ``low`` to ``high``, or 400 naming it."""
    raw = request.form.get(name, default)
    try:
        value = int(raw)
    except (TypeError, ValueError):
        value = None
    if value is None or not low <= value <= high:
        raise FieldError(
            name,
            _(
                "${name} must be a whole number from ${low} to ${high}.",
                mapping={"name": name, "low": low, "high": high},
            ),
        )
    return value


def batch_parameters(request, max_size: int) -> tuple[int, int]:
    return (
        whole_number(request, "b_start", 0, 0, MAX_START),
        whole_number(request, "b_size", DEFAULT_SIZE, 1, max_size),
    )
