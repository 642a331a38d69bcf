"""The main window: the one-third table of the current month for everyone in the ledger."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHeaderView, QLabel, QMainWindow, QTableView, QVBoxLayout, QWidget

from desktop.domain.periods import Period
from desktop.domain.workcalendar import fallback_notice
from desktop.reports.summary_table import summary_table
from desktop.storage.ledger import Ledger
from desktop.ui.summary_model import SummaryTableModel


class MainWindow(QMainWindow):
    def __init__(self, ledger: Ledger, today: date) -> None:
        super().__init__()
        self._ledger = ledger
        self.period = Period.month(today.year, today.month)
        self.setWindowTitle(self.tr("三分之一招商台账"))
        self.resize(1280, 800)
        self.heading = QLabel()
        self.notice = QLabel()
        self.notice.setStyleSheet("color: #a05a00;")
        self.table = QTableView()
        self.model = SummaryTableModel(summary_table([]))
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        layout.addWidget(self.notice)
        layout.addWidget(self.table)
        self.setCentralWidget(body)
        self.refresh()

    def refresh(self) -> None:
        items = self._ledger.summary(self.period)
        self.model.set_table(summary_table(items))
        self.heading.setText(
            self.tr("{period} 招商精力统计（{count} 人）  数据库：{path}").format(
                period=self.period.label, count=len(items), path=self.db_path
            )
        )
        years = self._ledger.calendar.fallback_years(self.period.start, self.period.end)
        self.notice.setText(fallback_notice(years))
        self.notice.setVisible(bool(years))
        if not items:
            self.heading.setText(
                self.heading.text()
                + "\n"
                + self.tr("尚无人员。可用 onethird-cli person add 添加，或导入工作记录。")
            )

    @property
    def db_path(self) -> str:
        row = self._ledger.db.execute("PRAGMA database_list").fetchone()
        return str(row[2]) if row else ""
