"""Saving a built report as PDF, CSV or XLSX files: what the CLI and the GUI's export both call.

Each file is rendered in memory first and written whole, so a report that fails to render leaves
no half-written file behind. CSV holds one table per file: a report with several tables is saved
as FILE.csv (its first table) and FILE-<table>.csv beside it.
"""

from __future__ import annotations

import io
import os
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop.domain.file_names import file_name
from desktop.reports.assessment_report import AssessmentReport
from desktop.reports.circular import CircularReport
from desktop.reports.csv_out import write_sheet_csv
from desktop.reports.fonts import FontWarning
from desktop.reports.monthly import MonthlyReport
from desktop.reports.pipeline_report import PipelineReport
from desktop.reports.sheet import Sheet
from desktop.reports.trip_form import TripForm

FORMATS = ("pdf", "csv", "xlsx")
TABLE_FORMATS = ("csv", "xlsx")
Report = MonthlyReport | CircularReport | PipelineReport | TripForm | AssessmentReport


@dataclass
class Written:
    paths: list[Path] = field(default_factory=list)
    warnings: list[FontWarning] = field(default_factory=list)


def guess_format(out: Path, default: str = "pdf") -> str:
    suffix = out.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else default


def monthly_file_name(report: MonthlyReport, fmt: str, taken: Collection[str] = ()) -> str:
    """2026-10-市人民政府-张伟.pdf, never one of `taken` (domain/file_names.py)."""
    parts = [report.period.code, report.person.unit, report.person.name]
    return file_name(parts, f".{fmt}", taken)


def _replace(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)  # a file that could not be written leaves nothing behind
        raise


def render_pdf(
    report: Report, lang: str = "zh", invariant: bool = False
) -> tuple[bytes, list[FontWarning]]:
    out = io.BytesIO()
    if isinstance(report, MonthlyReport):
        from desktop.reports.monthly_pdf import render_monthly_pdf

        warnings = render_monthly_pdf(report, out, lang, invariant=invariant)
    elif isinstance(report, CircularReport):
        from desktop.reports.circular_pdf import render_circular_pdf

        warnings = render_circular_pdf(report, out, lang, invariant=invariant)
    elif isinstance(report, TripForm):
        from desktop.reports.trip_form_pdf import render_trip_form_pdf

        warnings = render_trip_form_pdf(report, out, lang, invariant=invariant)
    elif isinstance(report, AssessmentReport):
        from desktop.reports.assessment_pdf import render_assessment_pdf

        warnings = render_assessment_pdf(report, out, lang, invariant=invariant)
    else:
        from desktop.reports.pipeline_pdf import render_pipeline_pdf

        warnings = render_pipeline_pdf(report, out, lang, invariant=invariant)
    return out.getvalue(), warnings


def csv_bytes(sheet: Sheet) -> bytes:
    text = io.StringIO(newline="")
    write_sheet_csv(text, sheet)
    return text.getvalue().encode("utf-8")


def xlsx_bytes(sheets: Sequence[Sheet]) -> bytes:
    from desktop.reports.xlsx_out import write_xlsx

    out = io.BytesIO()
    write_xlsx(out, sheets)
    return out.getvalue()


def write_tables(sheets: Sequence[Sheet], fmt: str, out: Path) -> list[Path]:
    """Tables as one XLSX workbook, or as CSV files: out, then out-<table>.csv for the rest."""
    if fmt == "xlsx":
        _replace(out, xlsx_bytes(sheets))
        return [out]
    paths = []
    for i, sheet in enumerate(sheets):
        path = out if i == 0 else out.with_name(f"{out.stem}-{sheet.key}{out.suffix or '.csv'}")
        _replace(path, csv_bytes(sheet))
        paths.append(path)
    return paths


def write_report(
    report: Report, fmt: str, out: Path, lang: str = "zh", invariant: bool = False
) -> Written:
    if fmt == "pdf":
        data, warnings = render_pdf(report, lang, invariant)
        _replace(out, data)
        return Written([out], warnings)
    return Written(write_tables(report.sheets(lang), fmt, out))
