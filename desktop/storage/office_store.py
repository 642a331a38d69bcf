"""The supervision office's side of a database: its role (storage/ledger_role.py) and the
values taken-in reports brought that wait for it (storage/intake_flags.py)."""

from __future__ import annotations

from desktop.domain.intake_flags import FlagState, IntakeFlag
from desktop.storage import intake_flags, ledger_role
from desktop.storage.base import Store


class OfficeStore(Store):
    def is_office(self) -> bool:
        """The supervision office's database: chosen so in 设置, or (none chosen) it has taken
        in another unit's report."""
        return ledger_role.is_office(self.db)

    def chosen_role(self) -> str:
        return ledger_role.chosen_role(self.db)

    def set_role(self, role: str) -> None:
        """'unit' or 'office', or '' to let the database's use decide."""
        ledger_role.set_role(self.db, self.actor, role)

    def intake_flags(self, state: FlagState | None = None) -> list[IntakeFlag]:
        """Values taken-in reports brought that wait for the office (or were decided)."""
        return intake_flags.flags(self.db, state)

    def intake_flag(self, flag_id: int) -> IntakeFlag:
        return intake_flags.flag(self.db, flag_id)

    def decide_flag(self, flag_id: int, accept: bool) -> IntakeFlag:
        return intake_flags.decide(self.db, self.actor, flag_id, accept)

    def reopen_flag(self, flag_id: int) -> IntakeFlag:
        return intake_flags.reopen(self.db, self.actor, flag_id)
