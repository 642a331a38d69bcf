"""Remake docs/report-*.png: page 1 of each report on the tests' sample city (October 2026).

Run from the repository root: `.venv/bin/python docs/make_report_images.py` (needs pdftoppm).
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.domain.workcalendar import WorkCalendar  # noqa: E402
from desktop.reports.export import render_pdf  # noqa: E402
from desktop.reports.sources import gather_circular, gather_monthly, gather_pipeline  # noqa: E402
from desktop.storage.ledger import Ledger  # noqa: E402
from tests.conftest import TODAY  # noqa: E402
from tests.reports.conftest import OCTOBER, seed_city  # noqa: E402

DPI = 130


def main() -> None:
    with (
        tempfile.TemporaryDirectory() as tmp,
        Ledger.open(Path(tmp) / "city.db", WorkCalendar(), "王秘书", lambda: TODAY) as led,
    ):
        seed_city(led)
        (monthly,) = gather_monthly(led, [led.find_person("张伟")], OCTOBER, TODAY)
        reports = {
            "monthly": monthly,
            "circular": gather_circular(led, OCTOBER, "person", TODAY),
            "pipeline": gather_pipeline(led, OCTOBER, TODAY),
        }
        for name, report in reports.items():
            pdf = Path(tmp) / f"{name}.pdf"
            pdf.write_bytes(render_pdf(report, invariant=True)[0])
            png = subprocess.run(
                ["pdftoppm", "-png", "-r", str(DPI), "-f", "1", "-l", "1", str(pdf)],
                capture_output=True,
                check=True,
            ).stdout
            # 256 colours are plenty for black text, grey rules and two chart colours
            image = Image.open(io.BytesIO(png)).quantize(256)
            out = ROOT / "docs" / f"report-{name}.png"
            image.save(out, optimize=True)
            print(f"{out.relative_to(ROOT)}: {out.stat().st_size / 1e3:.0f} KB")


if __name__ == "__main__":
    main()
