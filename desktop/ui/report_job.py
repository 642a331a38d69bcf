"""Writing reports off the GUI thread, on a connection of its own, reporting progress."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject

from desktop.domain.periods import Period
from desktop.reports.assessment_report import gather_assessment
from desktop.reports.export import monthly_file_name, write_report
from desktop.reports.sources import (
    gather_monthly,
    gather_pipeline,
    gather_trip_form,
    printed_circular,
)
from desktop.storage.ledger import Ledger
from desktop.ui.jobs import LedgerJob


@dataclass(frozen=True)
class ReportRequest:
    kind: str  # monthly | monthly_all | circular | pipeline | trips | assessment
    period: Period
    fmt: str  # pdf | xlsx | csv
    out: Path  # a file, or a folder for monthly_all
    person_id: int | None = None
    by: str = "person"
    lang: str = "zh"


@dataclass
class ReportOutcome:
    paths: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class ReportJob(LedgerJob):
    """Writes a report off the GUI thread; succeeded carries the ReportOutcome."""

    def __init__(self, owner: QObject, ledger: Ledger, today: date, request: ReportRequest) -> None:
        super().__init__(owner, ledger, today, request.lang, lambda led, _: self._write(led))
        self._today = today
        self.request = request

    def _write(self, ledger: Ledger) -> ReportOutcome:
        r, today, outcome = self.request, self._today, ReportOutcome()
        if r.kind in ("monthly", "monthly_all"):
            if r.kind == "monthly" and r.person_id is not None:
                persons = [ledger.person(r.person_id)]
            else:
                persons = ledger.persons(subject_only=True)
            total = len(persons)
            self.progressed.emit(0, total)
            taken: set[str] = set()  # two persons whose names clean alike still get two files
            for done, report in enumerate(gather_monthly(ledger, persons, r.period, today), 1):
                if r.kind == "monthly":
                    out = r.out
                else:
                    taken.add(name := monthly_file_name(report, r.fmt, taken))
                    out = r.out / name
                written = write_report(report, r.fmt, out, r.lang)
                outcome.paths += written.paths
                outcome.warnings += [w.message(r.lang) for w in written.warnings]
                self.progressed.emit(done, total)
            return outcome
        self.progressed.emit(0, 0)
        if r.kind == "circular":
            circular = printed_circular(ledger, r.period, r.by, today)
            written = write_report(circular, r.fmt, r.out, r.lang)
        elif r.kind == "assessment":
            assessment = gather_assessment(ledger, r.period, r.by)
            written = write_report(assessment, r.fmt, r.out, r.lang)
        elif r.kind == "trips":
            trips = gather_trip_form(ledger, r.period, today)
            written = write_report(trips, r.fmt, r.out, r.lang)
        else:
            written = write_report(gather_pipeline(ledger, r.period, today), r.fmt, r.out, r.lang)
        outcome.paths += written.paths
        outcome.warnings += [w.message(r.lang) for w in written.warnings]
        return outcome
