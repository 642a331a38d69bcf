"""外出招商: the trips of the chosen person (or everyone), with an editor."""

from __future__ import annotations

from desktop.domain.changes import AddTrip, DeleteTrip, UpdateTrip
from desktop.domain.periods import day_within
from desktop.domain.trips import Trip
from desktop.ui.dialog_keys import open_on_enter
from desktop.ui.dialogs.trash_dialog import HistoryDialog
from desktop.ui.dialogs.trip_dialog import TripDialog
from desktop.ui.pages.table_page import TablePage, delete_on_key
from desktop.ui.session import Session


class TripsPage(TablePage):
    def __init__(self, session: Session) -> None:
        super().__init__(session)
        add, edit, delete, history = self.setup(
            [
                self.tr("From"),
                self.tr("To"),
                self.tr("Days"),
                self.tr("Travellers"),
                self.tr("Destinations"),
                self.tr("Companies visited"),
                self.tr("Results"),
            ],
            [self.tr("New trip"), self.tr("Edit"), self.tr("Delete"), self.tr("History")],
        )
        self.table.set_empty_hint(
            self.tr(
                "No promotion trips in this period. Click “New trip” to record one: each"
                " traveller gets the day entries of the trip."
            )
        )
        history.clicked.connect(self.show_history)
        add.clicked.connect(self.add_trip)
        edit.clicked.connect(self.edit_trip)
        delete.clicked.connect(self.delete_trip)
        self.table.doubleClicked.connect(self.edit_trip)
        open_on_enter(self.table, self.edit_trip)
        delete_on_key(self.table, self.delete_trip)

    def refresh(self) -> None:
        lines = self.session.ledger.trip_lines(self.session.person_id, self.session.period)
        rows = [
            [
                t.start_date.isoformat(),
                t.end_date.isoformat(),
                f"{t.days_away:g}",
                t.travellers,
                t.destinations,
                t.companies,
                t.results,
            ]
            for t in lines
        ]
        self.model.set_rows(rows, [t.id for t in lines], right_aligned=[2])
        self.fit_columns()

    def _dialog(self, trip: Trip | None) -> TripDialog:
        ledger = self.session.ledger
        return TripDialog(
            self,
            ledger.persons(),
            ledger.project_names(),
            self._save,
            trip,
            self.session.person_id,
            day_within(self.session.period, self.session.today),
            self.session.lang,
            calendar=lambda: self.session.ledger.calendar,
        )

    def _save(self, trip: Trip) -> None:
        if trip.id is None:
            self.session.apply(self.tr("Add trip"), AddTrip(trip))
        else:
            self.session.apply(self.tr("Edit trip"), UpdateTrip(trip))
        self.tell_saved(self._record(trip), trip.start_date, trip.end_date)

    def _record(self, trip: Trip) -> str:
        return (
            self.tr("the trip of %1 to %2")
            .replace("%1", trip.start_date.isoformat())
            .replace("%2", trip.end_date.isoformat())
        )

    def new_record(self) -> bool:
        self.add_trip()
        return True

    def add_trip(self) -> None:
        self._dialog(None).exec()

    def edit_trip(self) -> None:
        key = self.selected_key()
        if key is not None:
            self._dialog(self.session.ledger.trip(key)).exec()

    def delete_trip(self) -> None:
        """The selected trips (Delete, or the button), as one undo step."""
        keys = self.selected_keys()
        if len(keys) == 1:
            step, record = self.tr("Delete trip"), self._record(self.session.ledger.trip(keys[0]))
        else:
            count = str(len(keys))
            step = self.tr("Delete %1 trips").replace("%1", count)
            record = self.tr("the %1 selected trips").replace("%1", count)
        self.delete_rows([DeleteTrip(k) for k in keys], step, record)

    def export_title(self) -> str:
        return self.tr("Promotion trips")

    def show_history(self) -> None:
        key = self.selected_key()
        if key is not None:
            changes = self.session.ledger.record_history("trip", key)
            HistoryDialog(
                self,
                f"{self.session.ledger.trip(key).start_date.isoformat()} #{key}",
                changes,
                self.session.ledger.history_names(),
                self.session.lang,
            ).open()
