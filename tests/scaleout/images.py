"""A real PNG image, made here, for the blob tests."""

from io import BytesIO
from PIL import Image


def make_png(size: int = 96, seed: int = 0) -> bytes:
    image = Image.new("RGB", (size, size))
    image.putdata(
        [
            ((x * 7 + seed) % 256, (y * 5) % 256, (x * y + seed) % 256)
            for y in range(size)
            for x in range(size)
        ]
    )
    out = BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


IMAGE_BYTES = make_png()
