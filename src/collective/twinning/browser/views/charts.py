"""Horizontal bar charts as inline SVG, drawn on the server (no JavaScript, no CDN)."""

from html import escape


BAR_HEIGHT = 22
GAP = 8
CHAR_WIDTH = 7.5  # a 13 px sans-serif character, generously: labels are never cut
MIN_LABEL_WIDTH = 80
BAR_WIDTH = 300
VALUE_WIDTH = 50
COLOURS = ("#007bb1", "#1a9f6c", "#d3762b", "#8a4fb8", "#c9384b", "#4b6584")


def bar_chart(chart_id: str, title: str, rows: list[tuple[str, int]]) -> str:
    """An accessible SVG bar chart: one bar per (label, value), longest = full width."""
    rows = [(str(label), int(value or 0)) for label, value in rows]
    height = max(1, len(rows)) * (BAR_HEIGHT + GAP) + GAP
    # The label column fits the longest label ("National Quality Label · Awarded").
    label_width = max([MIN_LABEL_WIDTH] + [round(len(label) * CHAR_WIDTH) + 16 for label, _value in rows])
    width = label_width + BAR_WIDTH + VALUE_WIDTH
    top = max([value for _label, value in rows] + [1])
    parts = [
        f'<svg id="{escape(chart_id)}" class="twinning-chart" role="img" '
        f'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{escape(chart_id)}-title">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
    ]
    if not rows:
        parts.append(f'<text x="0" y="{BAR_HEIGHT}" font-size="13" fill="#6c757d">—</text>')
    for index, (label, value) in enumerate(rows):
        y = GAP + index * (BAR_HEIGHT + GAP)
        length = round(BAR_WIDTH * value / top)
        colour = COLOURS[index % len(COLOURS)]
        parts.append(
            f'<g class="bar" data-label="{escape(label)}" data-value="{value}">'
            f'<text x="{label_width - 8}" y="{y + BAR_HEIGHT - 6}" text-anchor="end" '
            f'font-size="13" fill="#212529">{escape(label)}</text>'
            f'<rect x="{label_width}" y="{y}" width="{max(length, 1)}" height="{BAR_HEIGHT}" '
            f'rx="3" fill="{colour}"><title>{escape(label)}: {value}</title></rect>'
            f'<text x="{label_width + max(length, 1) + 6}" y="{y + BAR_HEIGHT - 6}" '
            f'font-size="13" fill="#212529">{value}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)
