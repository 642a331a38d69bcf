"""项目: the projects (those the chosen person is responsible for, or all), with an editor."""

from __future__ import annotations

from desktop.domain.changes import (
    AddFunds,
    AddProject,
    AddStage,
    DeleteProject,
    UpdateProject,
)
from desktop.domain.projects import Funding, Project, StageChange
from desktop.ui.dialog_keys import open_on_enter
from desktop.ui.dialogs.order_dialog import names_in_order
from desktop.ui.dialogs.project_dialog import ProjectDialog
from desktop.ui.dialogs.trash_dialog import HistoryDialog
from desktop.ui.pages.table_page import TablePage, delete_on_key
from desktop.ui.session import Session


class ProjectsPage(TablePage):
    def __init__(self, session: Session) -> None:
        super().__init__(session)
        add, edit, delete, history = self.setup(
            [
                self.tr("Project"),
                self.tr("Investor"),
                self.tr("Industry chain"),
                self.tr("Contracted amount"),
                self.tr("Stage"),
                self.tr("Funds arrived"),
                self.tr("Responsible leader"),
                self.tr("Park"),
            ],
            [self.tr("New project"), self.tr("Open"), self.tr("Delete"), self.tr("History")],
        )
        self.table.set_empty_hint(
            self.tr(
                "No projects here yet. Click “New project” to add one; its stage changes and"
                " the funds that arrive are recorded in it."
            )
        )
        history.clicked.connect(self.show_history)
        add.clicked.connect(self.add_project)
        edit.clicked.connect(self.open_project)
        delete.clicked.connect(self.delete_project)
        self.table.doubleClicked.connect(self.open_project)
        open_on_enter(self.table, self.open_project)
        delete_on_key(self.table, self.delete_project)
        self._dialog: ProjectDialog | None = None

    def refresh(self) -> None:
        ledger, session = self.session.ledger, self.session
        names = {p.id: p.name for p in ledger.persons()}
        projects = ledger.projects()
        if session.person_id is not None:
            projects = [p for p in projects if p.leader_id == session.person_id]
        unit = {"CNY": self.tr("10k CNY"), "USD": self.tr("10k USD")}
        rows = []
        for p in projects:
            day = session.period.end  # the stage and the funds as of the period's end
            stage, funds = p.stage_on(day), p.funds_to(day)
            rows.append(
                [
                    p.name,
                    p.investor,
                    p.chain,
                    "" if p.amount is None else f"{p.amount:,f} {unit[p.currency.value]}",
                    stage.text(session.lang) if stage else "",
                    f"{funds:,f}" if p.has_funds_to(day) else "",
                    names.get(p.leader_id, ""),
                    p.park,
                ]
            )
        self.model.set_rows(rows, [p.id or 0 for p in projects], right_aligned=[3, 5])
        self.fit_columns()
        if self._dialog is not None and self._dialog.isVisible() and self._dialog._project:
            pid = self._dialog._project.id
            if pid is not None:
                self._dialog.show_project(ledger.project(pid))

    def _save(self, project: Project, confirmed: bool) -> None:
        if project.id is None:
            self.session.apply(self.tr("Add project"), AddProject(project, confirmed))
        else:
            self.session.apply(self.tr("Edit project"), UpdateProject(project, confirmed))
        self.tell_saved(self._record(project))

    def _record(self, project: Project) -> str:
        return self.tr("the project %1").replace("%1", project.name)

    def _mentions(self, project_id: int) -> list[str]:
        ledger = self.session.ledger
        names = {p.id: p.name for p in ledger.persons()}
        lines = [
            f"{e.day.isoformat()} {names.get(e.person_id, '')} {e.location} {e.note}"
            for e in ledger.entries(project_id=project_id, limit=200)
        ]
        for t in ledger.project_trips(project_id):
            lines.append(
                self.tr("Trip %1 to %2")
                .replace("%1", t.start_date.isoformat())
                .replace("%2", "、".join(t.destinations))
            )
        return lines

    def _open(self, project: Project | None) -> None:
        ledger, session = self.session.ledger, self.session
        pid = project.id if project else None

        def add_stage(change: StageChange, confirmed: bool) -> None:
            assert pid is not None
            session.apply(self.tr("Add stage change"), AddStage(pid, change, confirmed))

        def add_funds(funding: Funding, confirmed: bool) -> None:
            assert pid is not None
            session.apply(self.tr("Add funds"), AddFunds(pid, funding, confirmed))

        persons = ledger.persons()
        units = names_in_order(ledger.official_order().units, (p.unit for p in persons))
        self._dialog = ProjectDialog(
            self,
            persons,
            self._save,
            add_stage,
            add_funds,
            project,
            self._mentions(pid) if pid else [],
            session.today,
            session.lang,
            units,
        )
        self._dialog.exec()
        self._dialog = None

    def new_record(self) -> bool:
        self.add_project()
        return True

    def add_project(self) -> None:
        self._open(None)

    def open_project(self) -> None:
        key = self.selected_key()
        if key is not None:
            self._open(self.session.ledger.project(key))

    def delete_project(self) -> None:
        """The selected projects (Delete, or the button), as one undo step."""
        keys = self.selected_keys()
        if len(keys) == 1:
            step = self.tr("Delete project")
            record = self._record(self.session.ledger.project(keys[0]))
        else:
            count = str(len(keys))
            step = self.tr("Delete %1 projects").replace("%1", count)
            record = self.tr("the %1 selected projects").replace("%1", count)
        self.delete_rows([DeleteProject(k) for k in keys], step, record)

    def export_title(self) -> str:
        return self.tr("Projects")

    def show_history(self) -> None:
        key = self.selected_key()
        if key is not None:
            changes = self.session.ledger.record_history("project", key)
            HistoryDialog(
                self,
                self.session.ledger.project(key).name,
                changes,
                self.session.ledger.history_names(),
                self.session.lang,
            ).open()
