"""人员: the persons whose effort is logged."""

from __future__ import annotations

from desktop.domain.changes import AddPerson, DeletePerson, UpdatePerson
from desktop.domain.people import Person
from desktop.ui.dialog_keys import open_on_enter
from desktop.ui.dialogs.person_dialog import PersonDialog
from desktop.ui.pages.table_page import TablePage, delete_on_key
from desktop.ui.session import Session


class PeoplePage(TablePage):
    def __init__(self, session: Session) -> None:
        super().__init__(session)
        add, edit, delete = self.setup(
            [
                self.tr("Name"),
                self.tr("Title"),
                self.tr("Unit"),
                self.tr("Group / chain"),
                self.tr("Principal"),
            ],
            [self.tr("New person"), self.tr("Edit"), self.tr("Delete")],
        )
        self.table.set_empty_hint(
            self.tr("No people yet. Click “New person” to add the leaders whose work is logged.")
        )
        add.clicked.connect(self.add_person)
        edit.clicked.connect(self.edit_person)
        delete.clicked.connect(self.delete_person)
        self.table.doubleClicked.connect(self.edit_person)
        open_on_enter(self.table, self.edit_person)
        delete_on_key(self.table, self.delete_person)

    def refresh(self) -> None:
        persons = self.session.ledger.persons()
        yes = self.tr("yes")
        self.model.set_rows(
            [[p.name, p.title, p.unit, p.group, yes if p.subject_to_rule else ""] for p in persons],
            [p.id or 0 for p in persons],
        )
        self.fit_columns()

    def _save(self, person: Person) -> None:
        if person.id is None:
            self.session.apply(self.tr("Add person"), AddPerson(person))
        else:
            self.session.apply(self.tr("Edit person"), UpdatePerson(person))
        self.tell_saved(person.name)

    def new_record(self) -> bool:
        self.add_person()
        return True

    def add_person(self) -> None:
        units = [p.unit for p in self.session.ledger.persons() if p.unit]
        PersonDialog(self, self._save, None, self.session.lang, units[0] if units else "").exec()

    def edit_person(self) -> None:
        key = self.selected_key()
        if key is not None:
            PersonDialog(
                self, self._save, self.session.ledger.person(key), self.session.lang
            ).exec()

    def delete_person(self) -> None:
        """The selected persons (Delete, or the button), as one undo step."""
        keys = self.selected_keys()
        if len(keys) == 1:
            step, record = self.tr("Delete person"), self.session.ledger.person(keys[0]).name
        else:
            count = str(len(keys))
            step = self.tr("Delete %1 people").replace("%1", count)
            record = self.tr("the %1 selected people").replace("%1", count)
        self.delete_rows([DeletePerson(k) for k in keys], step, record)

    def export_title(self) -> str:
        return self.tr("People")
