"""The main window: a sidebar of pages, the person and period selectors, menus, undo/redo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__, paths
from desktop.domain.changes import PutBack
from desktop.domain.holidays import YearSource
from desktop.domain.trash import TrashItem
from desktop.domain.workcalendar import basis_notice
from desktop.storage.backups import backups_dir
from desktop.ui.dialogs.help_dialog import DataLocationDialog, ManualDialog
from desktop.ui.dialogs.import_dialog import ImportDialog
from desktop.ui.dialogs.trash_dialog import TrashDialog
from desktop.ui.feedback import Feedback, FeedbackBar
from desktop.ui.file_folders import Folders
from desktop.ui.pages.base import Page
from desktop.ui.pages.dashboard_page import DashboardPage
from desktop.ui.pages.entries_page import EntriesPage
from desktop.ui.pages.people_page import PeoplePage
from desktop.ui.pages.projects_page import ProjectsPage
from desktop.ui.pages.reports_page import ReportsPage
from desktop.ui.pages.settings_page import SettingsPage
from desktop.ui.pages.submissions_page import SubmissionsPage
from desktop.ui.pages.trips_page import TripsPage
from desktop.ui.period_bar import PeriodBar
from desktop.ui.screen_fit import FRAME_HEIGHT, FRAME_WIDTH
from desktop.ui.session import Session

PAGES = (
    "dashboard",
    "entries",
    "trips",
    "projects",
    "reports",
    "submissions",
    "people",
    "settings",
)
# the size the window opens at where the screen has room for it
PREFERRED_SIZE = (1280, 800)


class MainWindow(QMainWindow):
    language_chosen = Signal(str)
    open_database_requested = Signal(str)
    restore_requested = Signal(str)

    def __init__(self, session: Session, db_path: str) -> None:
        super().__init__()
        self.session = session
        self.db_path = db_path
        self._update_title()
        self.period_bar = PeriodBar(session)
        toolbar = QToolBar(self.tr("Person and period"))
        toolbar.setObjectName("selectors")
        toolbar.setMovable(False)
        toolbar.addWidget(self.period_bar)
        self.addToolBar(toolbar)
        self.sidebar = QListWidget()
        self.sidebar.setFixedWidth(150)
        self.sidebar.setStyleSheet(
            "QListWidget { font-size: 15px; } QListWidget::item { padding: 10px 8px; }"
        )
        titles = (
            self.tr("Dashboard"),
            self.tr("Entries"),
            self.tr("Trips"),
            self.tr("Projects"),
            self.tr("Reports"),
            self.tr("Submission"),
            self.tr("People"),
            self.tr("Settings"),
        )
        self.sidebar.addItems(titles)
        self.stack = QStackedWidget()
        self.pages: dict[str, Page] = {}
        self._factories: dict[str, Callable[[], Page]] = {
            "dashboard": lambda: DashboardPage(session),
            "entries": lambda: EntriesPage(session),
            "trips": lambda: TripsPage(session),
            "projects": lambda: ProjectsPage(session),
            "reports": lambda: ReportsPage(session),
            "submissions": lambda: SubmissionsPage(session),
            "people": lambda: PeoplePage(session),
            "settings": self._make_settings,
        }
        for _ in PAGES:
            self.stack.addWidget(QWidget())  # placeholders: pages are built when first shown
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.read_only_banner = QLabel(
            self.tr(
                "This database file is read-only (a read-only drive or no permission to write):"
                " you can look at it and make reports; changes are refused."
            )
        )
        self.read_only_banner.setObjectName("read_only_banner")
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setStyleSheet(
            "background: #fff3cd; color: #6b4e00; padding: 6px 10px;"
            " border-bottom: 1px solid #e0c97a;"
        )
        self.read_only_banner.setVisible(session.ledger.read_only)
        outer = QWidget()
        column = QVBoxLayout(outer)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.read_only_banner)
        self.feedback = FeedbackBar()
        session.told.connect(self.feedback.show_feedback)
        session.forgotten.connect(self.feedback.forget)
        column.addWidget(self.feedback)
        column.addWidget(body, 1)
        self.setCentralWidget(outer)
        self.notice = QLabel()
        self.notice.setStyleSheet("color: #a05a00;")
        self.statusBar().addPermanentWidget(self.notice)
        self.statusBar().showMessage(self.tr("Database: %1").replace("%1", db_path))
        self._build_menus()
        self.sidebar.currentRowChanged.connect(self.show_page_at)
        session.failed.connect(self._on_session_failed)
        session.period_changed.connect(self._update_notice)
        session.data_changed.connect(self._on_data_changed)
        self._restore_state()
        self._update_notice()

    def _make_settings(self) -> Page:
        page = SettingsPage(self.session, self.db_path)
        page.language_chosen.connect(self.language_chosen.emit)
        page.open_database_requested.connect(self.choose_database)
        page.restore_requested.connect(self.restore_requested.emit)
        return page

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        # Ctrl+N makes the shown page's kind of record: an entry, a trip, a project, a person
        new_entry = QAction(self.tr("&New…"), self)
        new_entry.setShortcut(QKeySequence.StandardKey.New)
        new_entry.triggered.connect(self._on_new_record)
        open_db = QAction(self.tr("&Open database…"), self)
        open_db.setShortcut(QKeySequence.StandardKey.Open)
        open_db.triggered.connect(self.choose_database)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        import_ledger = QAction(self.tr("&Import a ledger (CSV/Excel)…"), self)
        import_ledger.setShortcut(QKeySequence("Ctrl+I"))
        import_ledger.triggered.connect(self.show_import)
        for action in (new_entry, import_ledger, open_db):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        undo = self.session.undo_stack.createUndoAction(self, self.tr("Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.session.undo_stack.createRedoAction(self, self.tr("Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        trash = QAction(self.tr("Recycle &bin…"), self)
        trash.triggered.connect(self.show_trash)
        edit_menu.addAction(trash)
        self.undo_action, self.redo_action = undo, redo
        view_menu = bar.addMenu(self.tr("&View"))
        for i in range(len(PAGES)):
            action = QAction(self.sidebar.item(i).text(), self)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _=False, row=i: self.sidebar.setCurrentRow(row))
            view_menu.addAction(action)
        help_menu = bar.addMenu(self.tr("&Help"))
        manual = QAction(self.tr("How to &use…"), self)
        manual.setShortcut(QKeySequence.StandardKey.HelpContents)
        manual.triggered.connect(self.show_manual)
        help_menu.addAction(manual)
        places = QAction(self.tr("Where the &data is…"), self)
        places.triggered.connect(self.show_data_location)
        help_menu.addAction(places)
        help_menu.addSeparator()
        about = QAction(self.tr("&About"), self)
        about.triggered.connect(self._on_about)
        help_menu.addAction(about)

    def ask_for_operator(self) -> None:
        """No 填报人 was given for this database on this PC: say where to give it."""
        self.session.tell(
            Feedback(
                self.tr(
                    "Who fills in this ledger on this PC? Enter your name under Settings: it is"
                    " recorded on every change and printed as 填报人 on the monthly report."
                ),
                action=(self.tr("Go to Settings"), lambda: self.show_page("settings")),
                topic="operator",
            )
        )

    def show_manual(self) -> None:
        ManualDialog(self, self.session.lang).open()

    def show_data_location(self) -> None:
        db = self.session.ledger.path
        DataLocationDialog(
            self,
            [
                (self.tr("Database"), db),
                (self.tr("Backups"), backups_dir(db)),
                (self.tr("Logs"), paths.log_dir()),
            ],
        ).open()

    def page(self, name: str) -> Page:
        """The page, built on first use."""
        if name not in self.pages:
            index = PAGES.index(name)
            page = self._factories[name]()
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self.pages[name] = page
        return self.pages[name]

    def show_page(self, name: str) -> Page:
        self.sidebar.setCurrentRow(PAGES.index(name))
        return self.page(name)

    def show_page_at(self, row: int) -> None:
        if 0 <= row < len(PAGES):
            page = self.page(PAGES[row])
            self.stack.setCurrentWidget(page)

    def _update_notice(self) -> None:
        period = self.session.period
        basis = self.session.ledger.calendar.noted(period.start, period.end)
        self.notice.setText(basis_notice(basis, self.session.lang))
        fallback = any(b.source is YearSource.FALLBACK for b in basis)
        self.notice.setStyleSheet("color: #a05a00;" if fallback else "color: #555;")

    def _update_title(self) -> None:
        """Name the database file and its role, so that two open windows can be told apart."""
        role = self.tr("supervision office") if self.session.ledger.is_office() else self.tr("unit")
        name = Path(self.db_path).name
        self.setWindowTitle(self.tr("%1 (%2) — OneThird").replace("%1", name).replace("%2", role))

    def _on_data_changed(self) -> None:
        self._update_title()  # the first report taken in makes it the office's
        self.period_bar.reload_persons()
        self._update_notice()

    def _on_new_record(self) -> None:
        current = self.stack.currentWidget()
        if isinstance(current, Page) and current.new_record():
            return
        page = self.show_page("entries")
        assert isinstance(page, EntriesPage)
        page.add_entry()

    def _on_session_failed(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Not done"), message)

    def _on_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About OneThird"),
            self.tr("OneThird %1 — a ledger of leaders' investment promotion effort.").replace(
                "%1", __version__
            ),
        )

    def show_import(self) -> ImportDialog:
        s = self.session
        dialog = ImportDialog(self, s.ledger, s.today, s.lang, s.settings)
        dialog.imported.connect(lambda result: self.session.record(*dialog.undo_step(result)))
        dialog.open()
        return dialog

    def show_trash(self) -> TrashDialog:
        dialog = TrashDialog(
            self, self.session.ledger.trash_items(), self._restore, self.session.lang
        )
        dialog.open()
        return dialog

    def _restore(self, item: TrashItem) -> None:
        self.session.apply(
            self.tr("Restore %1 from the recycle bin").replace("%1", item.label), PutBack(item.id)
        )

    def choose_database(self) -> None:
        folders = Folders(self.session.settings)
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open database"),
            folders.start("database"),
            self.tr("OneThird database (*.db)"),
        )
        if name:
            folders.remember("database", name)
            self.open_database_requested.emit(name)

    def _fit_to_screen(self) -> None:
        """The preferred size, or the screen's free area where that is smaller, centred on it."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(*PREFERRED_SIZE)
            return
        free = screen.availableGeometry()
        frame = QSize(FRAME_WIDTH, FRAME_HEIGHT)
        size = QSize(
            min(PREFERRED_SIZE[0], free.width() - frame.width()),
            min(PREFERRED_SIZE[1], free.height() - frame.height()),
        )
        self.resize(size)
        self.move(free.center() - QRect(QPoint(0, 0), size + frame).center())

    def _restore_state(self) -> None:
        settings = self.session.settings
        geometry = settings.value("window/geometry")
        fits = False
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            # a size remembered on a bigger monitor (or at a smaller scale) is not kept
            screen = self.screen() or QGuiApplication.primaryScreen()
            fits = screen is not None and screen.availableGeometry().contains(self.frameGeometry())
        if not fits:
            self.setWindowState(Qt.WindowState.WindowNoState)
            self._fit_to_screen()
        state = settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        row = int(str(settings.value("window/page", 0) or 0))
        self.sidebar.setCurrentRow(row if 0 <= row < len(PAGES) else 0)

    def save_state(self) -> None:
        settings = self.session.settings
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/page", self.sidebar.currentRow())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)
