#!/usr/bin/python3
"""Draws the app's icons for the web app manifest (public/icons/*.png): the mark of
public/favicon.svg (a dark tile; a green circle and an orange triangle, the status
shapes, beside two white lines and a white star) at 192 and 512 px, plus a
maskable 512 px whose mark sits inside the central 80% safe zone. Run with
Debian's /usr/bin/python3 (it has PIL); the PNGs are committed, so a build needs
neither. Drawn at 4x and scaled down, for smooth edges."""
from pathlib import Path
from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "public" / "icons"
DARK, GREEN, ORANGE, WHITE = "#0b0c0c", "#00703c", "#f47738", "#ffffff"
STAR = [(22, 22), (23.2, 25.4), (26.8, 25.4), (23.9, 27.5), (25, 31), (22, 28.8),
        (19, 31), (20.1, 27.5), (17.2, 25.4), (20.8, 25.4)]


def mark(draw, x0, y0, unit):
    """The favicon's 32-unit drawing, from (x0, y0), `unit` pixels a unit."""
    p = lambda x, y: (x0 + x * unit, y0 + y * unit)
    draw.ellipse([p(6, 6), p(14, 14)], fill=GREEN)
    draw.polygon([p(10, 15), p(14.5, 22.5), p(5.5, 22.5)], fill=ORANGE)
    draw.rectangle([p(16, 7), p(27, 10)], fill=WHITE)
    draw.rectangle([p(16, 17), p(27, 20)], fill=WHITE)
    draw.polygon([p(x, y) for x, y in STAR], fill=WHITE)


def icon(size, maskable):
    big = size * 4
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if maskable:
        # Full bleed (the platform cuts its own shape); the mark within 60%,
        # well inside the 80% safe circle.
        draw.rectangle([0, 0, big, big], fill=DARK)
        inner = big * 0.6
    else:
        draw.rounded_rectangle([0, 0, big - 1, big - 1], radius=big * 6 / 32, fill=DARK)
        inner = big * 0.9
    # The drawing spans units 6-31 down: lifted 2.5 units to sit in the middle.
    unit = inner / 32
    mark(draw, (big - inner) / 2, (big - inner) / 2 - 2.5 * unit, unit)
    return image.resize((size, size), Image.LANCZOS)


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        icon(size, False).save(OUT / f"icon-{size}.png", optimize=True)
    icon(512, True).save(OUT / "icon-maskable-512.png", optimize=True)
    print("wrote", ", ".join(sorted(p.name for p in OUT.glob("*.png"))))
