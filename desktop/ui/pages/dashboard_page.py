"""工作台: the chosen person's share against the target, its trend, time by activity, projects."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.file_names import file_name
from desktop.domain.periods import Period, PeriodKind
from desktop.domain.pipeline import pipeline_figures
from desktop.domain.projects import Stage
from desktop.domain.share import GroupShare, PaceStatus, ShareResult, group_shares
from desktop.domain.workcalendar import YearBasis, basis_notice
from desktop.reports.summary_table import round_up
from desktop.reports.trend_chart import (
    TrendPoint,
    logged_span,
    share_trend,
    trend_months,
    trend_points,
)
from desktop.ui.chart_widget import ChartWidget
from desktop.ui.feedback import Feedback
from desktop.ui.pages.base import Page
from desktop.ui.report_job import ReportJob, ReportOutcome, ReportRequest
from desktop.ui.session import Session
from desktop.ui.share_bar import ShareBar

if TYPE_CHECKING:
    from desktop.ui.printing import PrintOrder


@dataclass(frozen=True)
class Figures:
    """What the dashboard shows in numbers, for one person or everyone together."""

    share: float | None
    target: float
    base_days: float
    promotion_days: float
    days_needed: float
    met: bool
    pace: PaceStatus | None  # None: not a period in progress, or everyone together
    basis: tuple[YearBasis, ...]  # years not counted from the holiday package


def _figures(
    result: ShareResult | GroupShare, basis: tuple[YearBasis, ...], pace: PaceStatus | None
) -> Figures:
    return Figures(
        result.share,
        result.target,
        result.base_days,
        result.promotion_days,
        result.days_needed,
        result.met,
        pace,
        basis,
    )


PRINT_KEY = QKeySequence("Ctrl+P")
FIRST_CHARTS_MS = 1000  # the longest the first charts wait for the page to be painted
MET_COLOUR, BEHIND_COLOUR, NEUTRAL_COLOUR = "#2e7d32", "#b22222", "#555555"
PACE_COLOURS = {
    PaceStatus.JUST_STARTED: NEUTRAL_COLOUR,
    PaceStatus.ON_TRACK: MET_COLOUR,
    PaceStatus.BEHIND: BEHIND_COLOUR,
}


class DashboardPage(Page):
    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.share_text = QLabel()
        self.share_text.setStyleSheet("font-size: 40px; font-weight: bold;")
        self.status = QLabel()
        self.status.setStyleSheet("font-size: 16px;")
        self.bar = ShareBar()
        self.numbers = QLabel()
        self.numbers.setStyleSheet("font-size: 14px;")
        self.pace = QLabel()
        self.notice = QLabel()
        self.notice.setStyleSheet("color: #a05a00; font-weight: bold;")
        self.notice.setWordWrap(True)
        self.trend = ChartWidget(self.tr("Loading chart…"))
        self.activities = ChartWidget(self.tr("Loading chart…"))
        self.stages = ChartWidget(self.tr("Loading chart…"))
        # the person's 个人月报 for the month shown, printed from its PDF (Ctrl+P too)
        self.print_button = QPushButton(self.tr("Print monthly report…"))
        self.print_button.setToolTip(PRINT_KEY.toString(QKeySequence.SequenceFormat.NativeText))
        self.print_button.clicked.connect(self.print_monthly)
        QShortcut(PRINT_KEY, self, self.print_monthly)  # while the page is shown
        self.print_job: ReportJob | None = None
        top = QHBoxLayout()
        left = QVBoxLayout()
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.heading)
        heading_row.addStretch(1)
        heading_row.addWidget(self.print_button)
        left.addLayout(heading_row)
        row = QHBoxLayout()
        row.addWidget(self.share_text)
        row.addWidget(self.status)
        row.addStretch(1)
        left.addLayout(row)
        left.addWidget(self.bar)
        figures_row = QHBoxLayout()
        figures_row.addWidget(self.numbers)
        figures_row.addSpacing(16)
        figures_row.addWidget(self.pace)
        figures_row.addStretch(1)
        left.addLayout(figures_row)
        left.addWidget(self.notice)
        top.addLayout(left, 1)
        grid = QGridLayout()
        grid.addWidget(self.trend, 0, 0, 1, 2)
        grid.addWidget(self.activities, 1, 0)
        grid.addWidget(self.stages, 1, 1)
        content = self._content = QWidget()
        layout = QVBoxLayout(content)
        layout.addLayout(top)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(line)
        layout.addLayout(grid, 1)
        # on a small screen (1366×768 at 150 %) the figures and charts scroll instead of
        # making the window taller than the screen
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(area)
        self._charts = QTimer(self)
        self._charts.setSingleShot(True)
        self._charts.timeout.connect(self.draw_charts)
        self.figures: Figures | None = None
        self._charts_due = False
        # matplotlib stays off the start-up path: the first charts wait for the page's first
        # paint (the scroll area's content gets one; the page itself, covered by it, does not)
        self._painted = False
        content.installEventFilter(self)

    @property
    def charts(self) -> tuple[ChartWidget, ...]:
        return (self.trend, self.activities, self.stages)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._content and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self._content.removeEventFilter(self)
            if self._charts_due:
                self._charts.start(0)
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # refreshes the page if it is out of date
        if self._charts_due and not self._charts.isActive():
            self._schedule_charts()

    def _schedule_charts(self) -> None:
        # after the first paint at once; before it, when that paint comes, or after a second at
        # the latest (a window that is never exposed is not painted)
        self._charts.start(0 if self._painted else FIRST_CHARTS_MS)

    def _trend_points(self) -> list[TrendPoint]:
        ledger, pid = self.session.ledger, self.session.person_id
        today = ledger.today()
        months = trend_months(self.session.period.end)
        persons = None if pid is None else [ledger.person(pid)]
        results, logged = [], []
        for month in months:
            span = logged_span(month, today)
            logged.append(span is not None and bool(ledger.activity_days(span, pid)))
            results.append([i.result for i in ledger.summary(month, persons)])
        return trend_points(months, results, logged, today)

    def _compute(self, period: Period) -> Figures:
        ledger = self.session.ledger
        pid = self.session.person_id
        if pid is not None:
            (item,) = ledger.summary(period, [ledger.person(pid)])
            r = item.result
            return _figures(r, r.basis, None if r.pace is None else r.pace.status)
        items = ledger.summary(period)
        basis = ledger.calendar.noted(period.start, period.end)
        if not items:
            return Figures(None, ledger.rules().target, 0, 0, 0, False, None, basis)
        (group,) = group_shares(("", i.result) for i in items)
        return _figures(group, basis, None)

    def refresh(self) -> None:
        session = self.session
        period = session.period
        if session.person_id is not None:
            who = session.ledger.person(session.person_id).name
        else:
            who = self.tr("All persons")
        self.heading.setText(f"{who} · {period.text(session.lang)}")
        f = self.figures = self._compute(period)
        self.share_text.setText("—" if f.share is None else f"{f.share * 100:.1f}%")
        if f.met:
            self.status.setText(self.tr("Target met"))
            self.status.setStyleSheet(f"font-size: 16px; color: {MET_COLOUR};")
        else:
            needed = f"{round_up(f.days_needed):g}"
            self.status.setText(self.tr("%1 more days needed").replace("%1", needed))
            # days still needed are no alarm while the period has just started
            colour = NEUTRAL_COLOUR if f.pace is PaceStatus.JUST_STARTED else BEHIND_COLOUR
            self.status.setStyleSheet(f"font-size: 16px; color: {colour};")
        self.bar.set_share(f.share, f.target)
        parts = [
            self.tr("Base days %1").replace("%1", f"{f.base_days:g}"),
            self.tr("Promotion days %1").replace("%1", f"{f.promotion_days:.1f}"),
        ]
        self.numbers.setText("    ".join(parts))
        self.pace.setVisible(f.pace is not None)
        if f.pace is not None:
            self.pace.setText(self._pace_text(f.pace))
            self.pace.setStyleSheet(f"font-size: 14px; color: {PACE_COLOURS[f.pace]};")
        notice = basis_notice(f.basis, session.lang)
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))
        # the charts of what the page showed before are greyed out with the heading's change,
        # in the same paint, and stay so until the new ones are drawn
        for chart in self.charts:
            chart.mark_stale()
        self._charts_due = True
        self._schedule_charts()

    def print_monthly(self) -> None:
        """The print preview of the chosen person's monthly report for the month shown, its
        PDF written by the export's job to a temporary file; from the preview it is printed."""
        s = self.session
        problem = ""  # said as the 报告 page says it
        if s.period.kind is not PeriodKind.MONTH:
            problem = QCoreApplication.translate(
                "ReportsPage", "A monthly report needs a month: choose Month as the period."
            )
        elif s.person_id is None:
            problem = QCoreApplication.translate(
                "ReportsPage", "Choose a person at the top for the monthly report."
            )
        if problem:
            QMessageBox.information(self, self.tr("Print monthly report"), problem)
            return
        if self.print_job is not None or s.person_id is None:  # being written: the button is off
            return
        from desktop.ui.printing import PrintOrder

        person = s.ledger.person(s.person_id)
        name = file_name([s.period.code, person.unit, person.name], "")
        request = ReportRequest("monthly", s.period, "pdf", Path(), s.person_id, "person", s.lang)
        order = PrintOrder(request, name, preview=True)
        job = ReportJob(self, s.ledger, s.today, order.request)
        job.succeeded.connect(lambda outcome: self._on_printed(order, outcome))
        job.failed.connect(self._on_print_failed)
        job.finished.connect(order.remove)
        job.finished.connect(self._on_print_finished)
        self.print_job = job
        self.print_button.setEnabled(False)
        job.launch()

    def _on_printed(self, order: PrintOrder, outcome: ReportOutcome) -> None:
        if outcome.warnings:  # a character the font lacks, printed as □
            self.session.tell(Feedback("\n".join(outcome.warnings), problem=True))
        order.written(self, outcome)

    def _on_print_failed(self, message: str) -> None:
        self.session.tell(Feedback(message, problem=True))
        QMessageBox.warning(self, self.tr("Not printed"), message)

    def _on_print_finished(self) -> None:
        self.print_job = None
        self.print_button.setEnabled(True)

    def _pace_text(self, pace: PaceStatus) -> str:
        if pace is PaceStatus.JUST_STARTED:
            return self.tr("Pace: just started")
        if pace is PaceStatus.ON_TRACK:
            return self.tr("Pace: on track")
        return self.tr("Pace: behind")

    def draw_charts(self) -> None:
        from desktop.reports.charts import activity_chart, stage_chart
        from desktop.reports.fonts import FontCheck

        if not self.isVisible():  # closed or hidden meanwhile: draw when shown again
            self._charts_due = True
            return
        self._charts_due = False

        session, ledger = self.session, self.session.ledger
        target = ledger.rules().target
        self.trend.set_figure(
            share_trend(
                self._trend_points(),
                target,
                self.tr("Share over 12 months"),
                self.tr("Target %1").replace("%1", f"{target * 100:.1f}%"),
                self.tr("This month so far"),
                self.tr("No entries in these months"),
            )
        )
        acts = ledger.activities()
        days = ledger.activity_days(session.period, session.person_id)
        lines = [
            (a.name, a.kind.value, days.get(a.id or 0, 0.0)) for a in acts if days.get(a.id or 0)
        ]
        self.activities.set_figure(activity_chart(lines, FontCheck(), session.lang))
        projects = ledger.projects()
        if session.person_id is not None:
            projects = [p for p in projects if p.leader_id == session.person_id]
        stages = list(Stage)
        at_end = [sum(1 for p in projects if p.stage_on(session.period.end) is s) for s in stages]
        figures = pipeline_figures(projects, session.period)
        reached = [None if s.rank is None or s is Stage.LEAD else figures.count(s) for s in stages]
        self.stages.set_figure(
            stage_chart([s.text(session.lang) for s in stages], at_end, reached, session.lang)
        )
