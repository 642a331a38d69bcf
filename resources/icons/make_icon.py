"""Draw the application icon: a white 招 on the red of official documents.

Regenerate after changing it (Pillow comes with matplotlib; the font is the shipped one):

    .venv/bin/python resources/icons/make_icon.py

Writes onethird.png (256 px: the window icon, loaded through paths.resource) and onethird.ico
(16-256 px: the Windows executables' icon, used by build.spec).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONT = HERE.parent / "fonts" / "NotoSansSC-Bold.ttf"
RED = (178, 34, 34, 255)  # #b22222, as in the reports
SIZE = 256
ICO_SIZES = [(n, n) for n in (16, 24, 32, 48, 64, 128, 256)]


def draw(size: int = SIZE) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((0, 0, size - 1, size - 1), radius=size // 8, fill=RED)
    font = ImageFont.truetype(str(FONT), int(size * 0.72))
    pen.text((size / 2, size / 2), "招", font=font, fill="white", anchor="mm")
    return image


def main() -> None:
    image = draw()
    image.save(HERE / "onethird.png", optimize=True)
    image.save(HERE / "onethird.ico", sizes=ICO_SIZES)


if __name__ == "__main__":
    main()
