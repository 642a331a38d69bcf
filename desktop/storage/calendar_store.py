"""The holiday years a database holds, the office's order of its units and groups, and the
calendar file that carries both to the units."""

from __future__ import annotations

from desktop.domain.errors import ValidationError
from desktop.domain.holidays import YearArrangement
from desktop.domain.official_order import OfficialOrder
from desktop.storage import holiday_store, order_store
from desktop.storage.base import Store


class CalendarStore(Store):
    def reload_calendar(self) -> None:
        """Read the entered holiday years again (another connection may have taken some in)."""
        self.calendar = self.calendar.with_entered(holiday_store.load(self.db))

    def holiday_years(self) -> dict[int, YearArrangement]:
        """The years whose arrangement is held in this database."""
        return holiday_store.load(self.db)

    def set_holiday_year(self, arrangement: YearArrangement) -> YearArrangement | None:
        """Hold this arrangement for its year (it then wins over the package); returns what the
        year held before, which `restore_holiday_year` puts back."""
        before = holiday_store.put(self.db, self.actor, arrangement, arrangement.year)
        self.reload_calendar()
        return before

    def restore_holiday_year(self, year: int, held: YearArrangement | None) -> None:
        """Put a year back as it was (None: not held, the package or the fallback again)."""
        holiday_store.put(self.db, self.actor, held, year)
        self.reload_calendar()

    def official_order(self) -> OfficialOrder:
        """The office's order of its units and groups (empty lists: none set)."""
        return order_store.load(self.db)

    def set_official_order(self, kind: str, names: list[str]) -> tuple[str, ...]:
        """Make `names` the order of the units (kind "unit") or groups ("group"); returns the
        order it replaced, which the same call puts back."""
        return order_store.put(self.db, self.actor, kind, names)

    def calendar_file(self, years: list[int], sender: str) -> bytes:
        """The calendar file for the units: the arrangements held here for these years, this
        database's official order of units and groups when it has one, and its 考核方案 when
        it holds one (so a unit sees its score as the office computes it)."""
        held = self.holiday_years()
        missing = [y for y in years if y not in held]
        if missing:
            raise ValidationError("year", "year_not_held", value=missing[0])
        order = self.official_order()
        scheme = self.ctx.assessments.scheme()
        if not years and not (order.units or order.groups) and scheme is None:
            raise ValidationError("year", "nothing_to_send")
        from desktop.storage import keys  # the signing library: loaded only to sign
        from desktop.storage.calendar_exchange import calendar_file_bytes

        return calendar_file_bytes(
            [held[y] for y in years],
            sender,
            self.ctx.submission_state.database_id(),
            keys.own_key(self.db),
            order,
            scheme,
        )
