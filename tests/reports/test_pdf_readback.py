"""Our PDF reader (used by the self-test, where poppler is absent) against poppler's tools."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from desktop.reports.export import render_pdf
from desktop.reports.pdf_readback import PdfFont, PdfReadback, PdfReadError
from desktop.reports.sources import gather_circular, gather_monthly
from desktop.storage.ledger import Ledger
from tests.conftest import TODAY
from tests.reports.conftest import OCTOBER, pdf_fonts, pdf_text, squash


def _reports(city: Ledger) -> dict[str, bytes]:
    (monthly,) = gather_monthly(city, [city.find_person("张伟")], OCTOBER, TODAY)
    circular = gather_circular(city, OCTOBER, "person", TODAY)
    return {
        "monthly": render_pdf(monthly, invariant=True)[0],
        "circular": render_pdf(circular, invariant=True)[0],
    }


@pytest.mark.parametrize("kind", ["monthly", "circular"])
def test_text_is_what_pdftotext_reads(city: Ledger, tmp_path: Path, kind: str) -> None:
    data = _reports(city)[kind]
    ours = [squash(page) for page in PdfReadback(data).pages()]
    poppler = pdf_text(data, tmp_path)
    assert len(ours) == len(poppler)
    for mine, theirs in zip(ours, poppler, strict=True):
        # the same characters; the order may differ where poppler reads by position
        assert Counter(mine) == Counter(theirs)
    assert "张伟" in ours[0] and "第1页共" in ours[0]


def test_fonts_are_what_pdffonts_lists(city: Ledger, tmp_path: Path) -> None:
    data = _reports(city)["monthly"]
    fonts = PdfReadback(data).fonts()
    assert fonts == [
        PdfFont("NotoSansSC-Bold", subset=True, embedded=True, program="FontFile2"),
        PdfFont("NotoSansSC-Regular", subset=True, embedded=True, program="FontFile2"),
    ]
    rows = pdf_fonts(data, tmp_path)
    assert sorted(row[0].split("+")[1] for row in rows) == [f.name for f in fonts]
    assert all(row[3] == "yes" for row in rows)  # emb


def test_a_font_that_is_not_embedded_and_escaped_strings() -> None:
    out = io.BytesIO()
    canvas = Canvas(out, invariant=True)
    canvas.setFont("Helvetica", 12)
    canvas.drawString(72, 720, r"a (nested) \ back")
    canvas.showPage()
    canvas.drawString(72, 720, "second page")
    canvas.save()
    pdf = PdfReadback(out.getvalue())
    assert pdf.fonts() == [PdfFont("Helvetica", subset=False, embedded=False, program="")]
    assert [p.strip() for p in pdf.pages()] == [r"a (nested) \ back", "second page"]


def test_what_is_not_a_pdf_is_refused() -> None:
    with pytest.raises(PdfReadError):
        PdfReadback(b"PK\x03\x04 not a pdf")
