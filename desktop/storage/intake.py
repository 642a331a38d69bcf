"""Taking in report files (`.otr`) at the supervision office, and review files (`.otv`) back at
the unit: one file, many, or folders. Each file is verified whole before anything of it is
written, and written in one transaction of its own; the database is backed up once before the
first write. Every file gets an outcome that says what happened to it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop import logs
from desktop.domain.errors import LedgerError
from desktop.domain.json_fields import PayloadError
from desktop.domain.periods import Period
from desktop.domain.report_payload import REVIEW_PART, MonthReport, ReviewNote
from desktop.domain.submission import Action, Decision, MonthState, Origin, decide, local_text
from desktop.domain.submission import transition as next_state
from desktop.domain.submission_messages import SubmissionError, outcome_text
from desktop.storage import backups, holiday_store, keys, order_store
from desktop.storage.base import Store
from desktop.storage.calendar_exchange import CALENDAR_SUFFIX, read_calendar_file
from desktop.storage.connection import large_cache
from desktop.storage.file_suffixes import SUFFIXES
from desktop.storage.intake_apply import check_report
from desktop.storage.intake_rows import IntakeWarning
from desktop.storage.report_file import Package, read_package
from desktop.storage.submissions import HeldRow, now_utc

CHANGED = frozenset(
    (
        "taken",
        "replaced",
        "review_returned",
        "review_accepted",
        "calendar_taken",
        "order_taken",
        "scheme_taken",
    )
)


@dataclass(frozen=True, slots=True)
class IntakeOutcome:
    """What happened to one file. `code` is one of submission_messages.OUTCOMES."""

    path: Path
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    error: LedgerError | None = None  # why it was refused
    warnings: tuple[IntakeWarning, ...] = ()

    @property
    def changed(self) -> bool:
        return self.code in CHANGED

    @property
    def refused(self) -> bool:
        return self.error is not None

    def message(self, lang: str = "zh") -> str:
        if self.error is not None:
            return outcome_text("refused", lang, reason=self.error.message(lang))
        return outcome_text(self.code, lang, **self.params)

    def warning_lines(self, lang: str = "zh") -> list[str]:
        return [outcome_text(code, lang, **params) for code, params in self.warnings]


@dataclass(frozen=True, slots=True)
class IntakeRun:
    outcomes: tuple[IntakeOutcome, ...]  # in the order the files were given (folders sorted)
    backup: Path | None  # made before the first write; None when nothing was written

    @property
    def changed(self) -> int:
        return sum(1 for o in self.outcomes if o.changed)

    @property
    def refused(self) -> int:
        return sum(1 for o in self.outcomes if o.refused)


def report_files(paths: Iterable[Path | str]) -> list[Path]:
    """The files to take in: files as given, folders searched (with their sub-folders) for
    .otr and .otv files, in name order."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.suffix.lower() in _TAKEN and f.is_file())
        else:
            out.append(p)
    return list(dict.fromkeys(out))


_TAKEN = (*SUFFIXES, CALENDAR_SUFFIX)


class IntakeStore(Store):
    def intake(
        self,
        paths: Sequence[Path | str],
        now: datetime | None = None,
        progressed: Callable[[int, int], object] | None = None,
    ) -> IntakeRun:
        """Take in report and review files (or folders of them). Never raises for a file: a bad
        one is refused with its reason and the others go on. progressed(done, total) is told
        after each file read and after each file taken in (total is twice the files)."""
        files = report_files(paths)
        total, done = 2 * len(files), 0
        self.ctx.intake_rows.forget_indexes()  # another door may have written since the last

        def step() -> None:
            nonlocal done
            done += 1
            if progressed is not None:
                progressed(done, total)

        outcomes: dict[int, IntakeOutcome] = {}
        loaded: list[tuple[int, Package]] = []
        calendars: list[tuple[int, Path]] = []
        for i, path in enumerate(files):
            step()
            if path.suffix.lower() == CALENDAR_SUFFIX:
                calendars.append((i, path))
                continue
            try:
                loaded.append((i, read_package(path)))
            except LedgerError as exc:
                outcomes[i] = IntakeOutcome(path, "refused", error=exc)
            except OSError as exc:
                detail = exc.strerror or type(exc).__name__
                error = SubmissionError("report_file", "unreadable", value=path.name, detail=detail)
                outcomes[i] = IntakeOutcome(path, "refused", error=error)
            except Exception as exc:  # one bad file never stops the others
                outcomes[i] = _failed(path, exc, "unreadable")
        backup: list[Path | None] = []

        def before_writing() -> None:
            if not backup:
                made = backups.backup_before(self.db, backups.BackupReason.INTAKE)
                backup.append(made.path if made else None)

        for i, path in calendars:
            step()
            try:
                outcomes[i] = self._take_calendar_file(path, before_writing)
            except LedgerError as exc:
                outcomes[i] = IntakeOutcome(path, "refused", error=exc)
        # older submissions first, so a folder holding both ends with the newer one
        loaded.sort(key=lambda item: _order(item[1]))
        # one transaction for the run, each file a savepoint of it: a file refused leaves the
        # others, and a month of every unit's files is committed (and its index pages written)
        # once, not once a file
        with large_cache(self.db), self.db.atomic():
            for i, pkg in loaded:
                step()
                try:
                    if pkg.manifest.is_review:
                        outcomes[i] = self._take_review(pkg, before_writing)
                    else:
                        outcomes[i] = self._take_report(pkg, before_writing, now)
                except LedgerError as exc:
                    self.ctx.intake_rows.forget_indexes()  # its writes were rolled back
                    outcomes[i] = IntakeOutcome(pkg.path, "refused", error=exc)
                except Exception as exc:  # a full disk, or what nobody foresaw: this file only
                    self.ctx.intake_rows.forget_indexes()
                    outcomes[i] = _failed(pkg.path, exc, "write_failed")
        ordered = tuple(outcomes[i] for i in sorted(outcomes))
        if progressed is not None:
            progressed(total, total)  # files refused on reading had only their first step
        return IntakeRun(ordered, backup[0] if backup else None)

    def _take_calendar_file(self, path: Path, before_writing: Callable[[], None]) -> IntakeOutcome:
        received = read_calendar_file(path)
        keys.check_signer(self.db, received.signature, path.name, "office", "")
        sender = received.sender or "督查室"
        years = "、".join(str(a.year) for a in received.years)
        held = holiday_store.load(self.db)
        new_years = [
            a for a in received.years if held.get(a.year) != replace(a, received_from=sender)
        ]
        order = received.order
        new_order = order is not None and order != order_store.load(self.db)
        scheme = received.scheme
        new_scheme = scheme is not None and scheme != self.ctx.assessments.scheme()
        params = {"sender": sender, "years": years}
        if not new_years and not new_order and not new_scheme:
            if received.years:
                code = "calendar_unchanged"
            else:
                code = "order_unchanged" if order is not None else "scheme_unchanged"
            return IntakeOutcome(path, code, params)
        before_writing()
        with self.db.atomic():
            for a in new_years:
                holiday_store.put(self.db, self.actor, replace(a, received_from=sender), a.year)
            if order is not None and new_order:
                order_store.put(self.db, self.actor, "unit", order.units)
                order_store.put(self.db, self.actor, "group", order.groups)
            if scheme is not None and new_scheme:
                self.ctx.assessments.set_scheme(scheme)
        self.calendar = self.calendar.with_entered(holiday_store.load(self.db))
        taken: list[IntakeWarning] = []
        if new_years:
            taken.append(("calendar_taken", params))
        if order is not None and new_order:
            counts = {"sender": sender, "units": len(order.units), "groups": len(order.groups)}
            taken.append(("order_taken", counts))
        if scheme is not None and new_scheme:
            named = {"sender": sender, "scheme": scheme.name or scheme.document}
            taken.append(("scheme_taken", named))
        (code, said), rest = taken[0], tuple(taken[1:])
        return IntakeOutcome(path, code, said, None, rest)

    def _find_person(self, key: tuple[str, str]) -> int | None:
        return self.ctx.intake_rows.person_index().get(key)

    def _take_report(
        self, pkg: Package, before_writing: Callable[[], None], now: datetime | None
    ) -> IntakeOutcome:
        m, name = pkg.manifest, pkg.path.name
        try:
            report = MonthReport.decode(pkg.parts)
        except PayloadError as exc:
            raise SubmissionError(
                "report_file", "bad_content", value=name, part=exc.part, detail=exc.detail
            ) from None
        if report.person.key != m.person.key or report.period != m.period:
            raise SubmissionError(
                "report_file", "bad_content", value=name, part="manifest.json", detail="person"
            )
        keys.check_signer(self.db, m.signature, name, "unit", report.person.unit)
        check_report(report, name, self.today(), self.rules().minutes_per_day)
        pid = self._find_person(report.person.key)
        row = None if pid is None else self.ctx.submission_state.held_row(pid, report.period)
        if row is not None and m.revision > row.revision + 1:
            # a genuine unit numbers its submissions one by one: a jump cannot be its own
            raise SubmissionError(
                "report_file", "revision_jump", value=name, revision=m.revision,
                current=row.revision,
            )  # fmt: skip
        decision = decide(
            None if row is None else row.held(), m.revision, m.submitted_at, m.report_id, m.content
        )
        who = {"who": report.person.label, "period": report.period, "revision": m.revision}
        at = local_text(m.submitted_at)
        if decision is Decision.DUPLICATE:
            assert row is not None
            return IntakeOutcome(pkg.path, "duplicate", {**who, "at": local_text(row.received_at)})
        if decision is Decision.OLDER:
            assert row is not None
            current = {"current": row.revision, "current_at": local_text(row.submitted_at)}
            return IntakeOutcome(pkg.path, "older", {**who, "at": at, **current})
        where = {"person": report.person.name, "period": report.period}
        if decision is Decision.OWN:
            raise SubmissionError("month", "own_submission", **where)
        if decision is Decision.CONFLICT:
            assert row is not None
            raise SubmissionError(
                "report_file", "same_id_different", value=name, revision=row.revision
            )
        if decision is Decision.ACCEPTED:
            assert row is not None
            reviewed = local_text(row.reviewed_at)
            raise SubmissionError(
                "month", "accepted_no_replace", **where, reviewed=reviewed, revision=m.revision
            )
        before_writing()
        with self.db.atomic():
            done = self.ctx.receive._apply_report(report, m.report_id, name, row)
            self._hold_received(done.person_id, report.period, pkg, row, now)
        counts = {"entries": done.entries, "trips": done.trips, "projects": done.projects}
        if row is None:
            params = {**who, "at": at, **counts}
            return IntakeOutcome(pkg.path, "taken", params, None, tuple(done.warnings))
        params = {**who, "at": at, "old": row.revision, **counts}
        return IntakeOutcome(pkg.path, "replaced", params, None, tuple(done.warnings))

    def _hold_received(
        self,
        person_id: int,
        period: Period,
        pkg: Package,
        before: HeldRow | None,
        now: datetime | None,
    ) -> None:
        m = pkg.manifest
        self.db.execute(
            "INSERT INTO submissions (person_id, period, origin, state, revision, report_id,"
            " content, submitted_at, submitted_by, file_name, received_at, received_path)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(person_id, period) DO UPDATE"
            " SET state = excluded.state, revision = excluded.revision,"
            " report_id = excluded.report_id, content = excluded.content,"
            " submitted_at = excluded.submitted_at, submitted_by = excluded.submitted_by,"
            " file_name = excluded.file_name, received_at = excluded.received_at,"
            " received_path = excluded.received_path,"
            " opinion = '', reviewed_at = NULL, reviewed_by = ''",
            [
                person_id,
                period.code,
                Origin.RECEIVED.value,
                MonthState.SUBMITTED.value,
                m.revision,
                m.report_id,
                m.content,
                m.submitted_at.isoformat(),
                m.submitted_by,
                pkg.path.name,
                now_utc(now).isoformat(),
                str(pkg.path.resolve()),
            ],
        )
        after = self.ctx.submission_state.held_row(person_id, period)
        assert after is not None
        record = after.record()
        if before is not None:
            record["replaced_revision"] = before.revision
        self._log(
            "intake",
            "submissions",
            after.id,
            None if before is None else before.record(),
            {**record, "sha256": pkg.sha256},
        )

    def _take_review(self, pkg: Package, before_writing: Callable[[], None]) -> IntakeOutcome:
        """At the unit: the office's return (the month opens again) or acceptance."""
        name = pkg.path.name
        try:
            note = ReviewNote.decode(pkg.parts[REVIEW_PART])
        except PayloadError as exc:
            raise SubmissionError(
                "report_file", "bad_content", value=name, part=exc.part, detail=exc.detail
            ) from None
        pid = self._find_person(note.person.key)
        row = None if pid is None else self.ctx.submission_state.held_row(pid, note.period)
        where = {"person": note.person.name, "period": note.period}
        who = {"who": note.person.label, "period": note.period, "revision": note.revision}
        if row is not None and row.origin is Origin.RECEIVED and row.report_id == note.report_id:
            return IntakeOutcome(pkg.path, "review_own", who)  # the office's own outbox
        if pid is None or row is None or row.origin is not Origin.LOCAL:
            raise SubmissionError("review", "review_unknown", **where)
        keys.check_signer(self.db, pkg.manifest.signature, name, "office", "")
        if note.report_id != row.report_id:
            if note.revision < row.revision:
                return IntakeOutcome(pkg.path, "review_stale", who)
            raise SubmissionError("review", "review_mismatch", revision=note.revision)
        if row.reviewed_at is not None and note.reviewed_at <= row.reviewed_at:
            same = note.reviewed_at == row.reviewed_at and note.decision is row.state
            return IntakeOutcome(pkg.path, "review_duplicate" if same else "review_stale", who)
        action = Action.ACCEPT if note.decision is MonthState.ACCEPTED else Action.RETURN
        new = next_state(row.state, action, note.person.name, note.period)
        before_writing()
        with self.db.atomic():
            self.db.execute(
                "UPDATE submissions SET state = ?, opinion = ?, reviewed_at = ?, reviewed_by = ?"
                " WHERE id = ?",
                [new.value, note.opinion, note.reviewed_at.isoformat(), note.reviewed_by, row.id],
            )
            self.ctx.submissions._log_transition(action, row, pid, note.period)
        if new is MonthState.RETURNED:
            return IntakeOutcome(pkg.path, "review_returned", {**who, "opinion": note.opinion})
        return IntakeOutcome(pkg.path, "review_accepted", who)


def _failed(path: Path, exc: Exception, code: str) -> IntakeOutcome:
    """A file that failed for a reason that is not in it: its transaction was rolled back, the
    run goes on with the next file, and the log has the details."""
    logs.get_logger(__name__).exception("intake of %s failed", path)
    detail = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    if "full" in str(exc).lower():
        detail = "磁盘空间不足 / disk full"
    error = SubmissionError("report_file", code, value=path.name, detail=detail)
    return IntakeOutcome(path, "refused", error=error)


def _order(pkg: Package) -> tuple[Any, ...]:
    m = pkg.manifest
    return (m.is_review, m.period.code, m.person.key, m.revision, m.submitted_at)
