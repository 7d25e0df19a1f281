"""Page numbers for a result list: previous, next and numbered pages (not only "Next")."""

from urllib.parse import urlencode


WINDOW = 2  # pages shown either side of the current one


def page_links(url: str, form: dict, total: int, b_start: int, b_size: int) -> dict:
    """{"pages": [{"number", "url", "current"} or {"gap": True}], "previous", "next", "current", "count"}.

    ``form`` is the query the list was made with; each link keeps it and sets ``b_start``.
    """
    b_size = max(1, b_size)
    count = max(1, -(-total // b_size))
    current = min(count, b_start // b_size + 1)

    def link(number: int) -> str:
        query = [(key, value) for key, value in _pairs(form) if key != "b_start"]
        if number > 1:
            query.append(("b_start", str((number - 1) * b_size)))
        return f"{url}?{urlencode(query)}" if query else url

    shown = sorted({1, count, *range(max(1, current - WINDOW), min(count, current + WINDOW) + 1)})
    pages, previous_number = [], 0
    for number in shown:
        if number - previous_number > 1:
            pages.append({"gap": True})
        pages.append({"number": number, "url": link(number), "current": number == current, "gap": False})
        previous_number = number
    return {
        "pages": pages if count > 1 else [],
        "previous": link(current - 1) if current > 1 else None,
        "next": link(current + 1) if current < count else None,
        "current": current,
        "count": count,
    }


def _pairs(form: dict):
    for key, value in form.items():
        if isinstance(value, (list, tuple)):
            for item in value:
                yield key, item
        elif isinstance(value, str):
            yield key, value
