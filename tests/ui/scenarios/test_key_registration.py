"""设置 › 签名密钥与登记, as a unit and the supervision office go through it: the unit writes its
registration file and is told the fingerprint to read out by phone; the office accepts the file
with the fingerprint typed in, and the unit's report files are then taken in on the 报送 page; a
wrong fingerprint, or a file that is no registration, is refused and nothing is registered; a
key revoked (after a confirmation) shows as revoked and its reports are refused; a new key for
the database is shown at once; the dialog fits a 1366×768 laptop at 150 %.

The dialog's texts are read through the installed translation, as the person sees them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QRect, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
)

from desktop.domain.submission import MonthState
from desktop.storage.ledger import Ledger
from desktop.ui.main_window import MainWindow
from desktop.ui.session import Session
from tests.conftest import TODAY, snapshot
from tests.storage.units import OCTOBER, introduce, make_units, open_ledger, submit_all
from tests.ui.scenarios.conftest import FileAnswers
from tests.ui.scenarios.drive import (
    LEFT,
    NO_MODIFIER,
    cells,
    choose,
    click_item,
    column,
    feedback,
    find,
    in_dialog,
    press,
    press_and_wait,
    type_into,
)


def keys_text(text: str, context: str = "KeysDialog") -> str:
    """A text of the dialog as the window shows it (in the translation, once it has one)."""
    return QCoreApplication.translate(context, text)


OPEN_KEYS = ("Signing keys and registration…", "SettingsPage")
REGISTER = ("Register", "AcceptKeyDialog")
CANCEL = ("Cancel", "AcceptKeyDialog")
UNCOMPARED = (
    "No fingerprint was typed, so this file is not checked against the code the other "
    "office reads out: anyone could have made it. Register its key without comparing?"
)


class Picked:
    """The files a person picks in the (several files) open dialog of the 报送 page, in turn."""

    def __init__(self) -> None:
        self.answers: list[list[str]] = []


@pytest.fixture
def picked(monkeypatch: pytest.MonkeyPatch) -> Picked:
    answers = Picked()

    def open_names(parent: object, *args: object, **kw: object) -> tuple[list[str], str]:
        return (answers.answers.pop(0) if answers.answers else [], "")

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", open_names)
    return answers


@pytest.fixture
def replies(monkeypatch: pytest.MonkeyPatch, shown: list[str]) -> list[QMessageBox.StandardButton]:
    """QMessageBox.question answered with these replies in turn (Yes once they run out); what it
    asked is kept with the other boxes' texts."""
    queue: list[QMessageBox.StandardButton] = []

    def answer(parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        shown.append(text)
        return queue.pop(0) if queue else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    return queue


@pytest.fixture
def units(tmp_path: Path) -> dict[str, Path]:
    return make_units(tmp_path / "units")


@pytest.fixture
def unit_window(
    qtbot, session: Session, tmp_path: Path
) -> Iterator[Callable[[Ledger], MainWindow]]:
    """The main window on a unit's own database (another machine), as `start` starts the
    office's."""
    windows: list[MainWindow] = []

    def started(ledger: Ledger) -> MainWindow:
        settings = QSettings(str(tmp_path / "unit-settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(Session(ledger, settings, TODAY, "zh"), ledger.path.name)
        qtbot.addWidget(window)
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    yield started
    for window in windows:
        window.close()


def in_keys_dialog(qtbot, main: MainWindow, handle: Callable[[QDialog], None]) -> None:
    """设置, the keys button, and handle(dialog); handle ends by closing it."""
    click_item(main.sidebar, "设置")
    settings = main.page("settings")
    in_dialog(qtbot, lambda: press(settings, keys_text(*OPEN_KEYS)), handle)


def close(dialog: QDialog) -> None:
    press(dialog, keys_text("Close"))


def keys_table(dialog: QDialog) -> QTableView:
    return find(dialog, QTableView)


def message(dialog: QDialog) -> str:
    return find(dialog, QLabel, "message").text()


def click_row(view: QTableView, row: int) -> None:
    index = view.model().index(row, 0)
    QTest.mouseClick(view.viewport(), LEFT, NO_MODIFIER, view.visualRect(index).center())
    assert view.selectionModel().isRowSelected(row, index.parent()), f"row {row} not selected"


def accept_file(
    qtbot, dialog: QDialog, files: FileAnswers, path: Path, handle: Callable[[QDialog], None]
) -> None:
    """Accept a registration file…, the file picked, and handle(the accept dialog)."""
    files.open.append(str(path))
    in_dialog(qtbot, lambda: press(dialog, keys_text("Accept a registration file…")), handle)
    assert files.asked[-1] == keys_text("Registration file to accept")
    dialog.activateWindow()  # what a window manager does when the inner dialog closes
    qtbot.waitUntil(dialog.isActiveWindow)


def visible_texts(dialog: QDialog) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]


def export_at_unit(
    qtbot, unit_window: Callable[[Ledger], MainWindow], db: Path, out: Path, files: FileAnswers
) -> tuple[str, list[str]]:
    """At the unit: its registration file written through the dialog; its fingerprint and what
    the dialog showed."""
    seen: list[str] = []
    with open_ledger(db) as led:
        fingerprint = led.own_key().fingerprint
        main = unit_window(led)

        def export(dialog: QDialog) -> None:
            shown_key = find(dialog, QLabel, "fingerprint")
            seen.append(shown_key.text())
            assert shown_key.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
            assert shown_key.font().pointSizeF() > dialog.font().pointSizeF() * 1.5
            role, unit = (c for c in dialog.findChildren(QComboBox) if c.isVisible())
            seen.extend([role.currentText(), unit.currentText()])
            files.save.append(str(out))
            press(dialog, keys_text("Export registration file…"))
            seen.append(message(dialog))
            close(dialog)

        in_keys_dialog(qtbot, main, export)
        main.close()
    return fingerprint, seen


def test_a_unit_registers_with_the_office_and_its_reports_are_then_taken_in(
    qtbot,
    start: Callable[[], MainWindow],
    unit_window: Callable[[Ledger], MainWindow],
    ledger: Ledger,
    units: dict[str, Path],
    tmp_path: Path,
    files: FileAnswers,
    picked: Picked,
    warnings: list[str],
) -> None:
    # at 高新区: the key is shown, the unit is the one of its persons, the file is written
    otk = tmp_path / "U盘" / "高新区-登记.otk"
    fingerprint, seen = export_at_unit(qtbot, unit_window, units["高新区"], otk, files)
    assert seen[:3] == [fingerprint, keys_text("Unit"), "高新区"], seen
    assert files.suggested[-1] == keys_text("%1-registration.otk").replace("%1", "高新区")
    assert files.asked[-1] == keys_text("Save the registration file")
    assert otk.is_file()
    assert fingerprint in seen[3] and str(otk) in seen[3], seen  # told what to read out
    assert len(warnings) == 1 and fingerprint in warnings[0], warnings  # the notice said it too
    warnings.clear()

    # the unit's October reports, before the office knows the key: refused
    sent = submit_all(units["高新区"], tmp_path / "sent")
    main = start()
    click_item(main.sidebar, "报送")
    board = main.page("submissions")
    picked.answers.append([str(f) for f in sent])
    press_and_wait(qtbot, board, "接收报送文件…")
    assert "尚未在本数据库登记" in feedback(main), feedback(main)
    assert not [s for s in ledger.submission_status(OCTOBER) if s.state is MonthState.SUBMITTED]
    warnings.clear()

    # at the office: the file shows what it says; the fingerprint read out by phone is typed
    def compare_and_register(accepting: QDialog) -> None:
        said = "\n".join(visible_texts(accepting))
        for words in ("高新区", "李娜、陈静", fingerprint, keys_text("Unit")):
            assert words in said, (words, said)
        type_into(find(accepting, QLineEdit), fingerprint.lower().replace("-", " "))
        press(accepting, keys_text(*REGISTER))

    shown_rows: list[list[str]] = []

    def accept(dialog: QDialog) -> None:
        assert cells(keys_table(dialog)) == []
        accept_file(qtbot, dialog, files, otk, compare_and_register)
        table = keys_table(dialog)
        shown_rows.extend(cells(table))
        assert column(table, keys_text("Fingerprint")) == [fingerprint]
        assert fingerprint in message(dialog) and "高新区" in message(dialog)
        close(dialog)

    in_keys_dialog(qtbot, main, accept)
    assert not warnings, warnings
    (row,) = shown_rows
    assert row[:4] == [fingerprint, keys_text("Unit"), "高新区", "李娜、陈静"], row
    assert row[4].startswith("20") and row[5] == "", row  # accepted now, not revoked
    (key,) = ledger.trusted_keys()
    assert (key.fingerprint, key.role, key.unit, key.revoked_at) == (
        fingerprint, "unit", "高新区", None,
    )  # fmt: skip

    # the same files, taken in on the 报送 page again: in now
    click_item(main.sidebar, "报送")
    picked.answers.append([str(f) for f in sent])
    press_and_wait(qtbot, board, "接收报送文件…")
    said = feedback(main)
    assert "李娜" in said and "陈静" in said and "拒" not in said, said
    assert not warnings, warnings
    states = {s.person.name: s.state for s in ledger.submission_status(OCTOBER)}
    assert states == {"李娜": MonthState.SUBMITTED, "陈静": MonthState.SUBMITTED}, states


def test_the_office_registers_itself_with_a_unit(
    qtbot,
    start: Callable[[], MainWindow],
    unit_window: Callable[[Ledger], MainWindow],
    ledger: Ledger,
    units: dict[str, Path],
    tmp_path: Path,
    files: FileAnswers,
    warnings: list[str],
) -> None:
    main = start()
    otk = tmp_path / "督查室.otk"

    def export(dialog: QDialog) -> None:
        role, unit = (c for c in dialog.findChildren(QComboBox) if c.isVisible())
        choose(role, keys_text("Supervision office"))
        assert not unit.isEnabled()  # the office names no unit
        files.save.append(str(otk))
        press(dialog, keys_text("Export registration file…"))
        close(dialog)

    in_keys_dialog(qtbot, main, export)
    office_key = ledger.own_key().fingerprint
    name = keys_text("Supervision office")
    assert files.suggested[-1] == keys_text("%1-registration.otk").replace("%1", name)
    assert otk.is_file() and office_key in warnings[-1], warnings
    main.close()

    with open_ledger(units["青山县"]) as county:
        there = unit_window(county)

        def register(accepting: QDialog) -> None:
            assert keys_text("Supervision office") in visible_texts(accepting)
            type_into(find(accepting, QLineEdit), office_key)
            press(accepting, keys_text(*REGISTER))

        def accept(dialog: QDialog) -> None:
            accept_file(qtbot, dialog, files, otk, register)
            close(dialog)

        in_keys_dialog(qtbot, there, accept)
        (key,) = county.trusted_keys()
        assert (key.fingerprint, key.role, key.revoked_at) == (office_key, "office", None)
        there.close()


def test_a_wrong_fingerprint_or_a_file_that_is_no_registration_registers_nothing(
    qtbot,
    start: Callable[[], MainWindow],
    unit_window: Callable[[Ledger], MainWindow],
    ledger: Ledger,
    units: dict[str, Path],
    tmp_path: Path,
    files: FileAnswers,
    replies: list[QMessageBox.StandardButton],
    warnings: list[str],
) -> None:
    otk = tmp_path / "高新区-登记.otk"
    fingerprint, _ = export_at_unit(qtbot, unit_window, units["高新区"], otk, files)
    warnings.clear()
    main = start()
    before = snapshot(ledger)
    refusals: list[str] = []

    def wrong_code(accepting: QDialog) -> None:
        type_into(find(accepting, QLineEdit), "K7QD-M2XA-9RTF")
        press(accepting, keys_text(*REGISTER))
        assert accepting.isVisible()  # still open: the person may type it again
        refusals.append(find(accepting, QLabel, "error").text())
        press(accepting, keys_text(*CANCEL))

    def nothing_typed(accepting: QDialog) -> None:
        replies.append(QMessageBox.StandardButton.No)  # not without comparing, after all
        press(accepting, keys_text(*REGISTER))
        assert accepting.isVisible()
        refusals.append(warnings[-1])
        press(accepting, keys_text(*CANCEL))

    def try_them(dialog: QDialog) -> None:
        accept_file(qtbot, dialog, files, otk, wrong_code)
        accept_file(qtbot, dialog, files, otk, nothing_typed)
        assert cells(keys_table(dialog)) == []
        # a report file picked instead of the registration file
        not_one = tmp_path / "2026-10-高新区-李娜.otk"
        not_one.write_bytes(b"PK\x03\x04 not a registration")
        files.open.append(str(not_one))
        press(dialog, keys_text("Accept a registration file…"))
        refusals.append(warnings[-1])
        assert cells(keys_table(dialog)) == []
        close(dialog)

    in_keys_dialog(qtbot, main, try_them)
    wrong, unchecked, bad = refusals
    assert "与电话核对的 K7QD-M2XA-9RTF 不符，未登记" in wrong and fingerprint in wrong, wrong
    assert not replies and unchecked == keys_text(UNCOMPARED, "AcceptKeyDialog"), unchecked
    assert "不是完好的 OneThird 登记文件" in bad and "2026-10-高新区-李娜.otk" in bad, bad
    assert ledger.trusted_keys() == []
    assert snapshot(ledger) == before


def test_a_revoked_key_shows_as_revoked_and_its_reports_are_refused(
    qtbot,
    start: Callable[[], MainWindow],
    ledger: Ledger,
    units: dict[str, Path],
    tmp_path: Path,
    picked: Picked,
    questions: list[str],
    warnings: list[str],
) -> None:
    with open_ledger(units["高新区"]) as zone:
        introduce(ledger, zone, "unit", "高新区")  # accepted some time ago
        fingerprint = zone.own_key().fingerprint
    sent = submit_all(units["高新区"], tmp_path / "sent")
    main = start()
    revoked: list[str] = []

    def revoke(dialog: QDialog) -> None:
        table = keys_table(dialog)
        assert column(table, keys_text("Revoked at")) == [""]
        press(dialog, keys_text("Revoke"))  # nothing selected: said, nothing asked
        assert not questions and message(dialog) == keys_text(
            "Select the key to revoke in the list first."
        )
        click_row(table, 0)
        press(dialog, keys_text("Revoke"))
        revoked.extend(column(keys_table(dialog), keys_text("Revoked at")))
        revoked.append(message(dialog))
        close(dialog)

    in_keys_dialog(qtbot, main, revoke)
    assert len(questions) == 1 and fingerprint in questions[0] and "高新区" in questions[0]
    when, said = revoked
    assert when.startswith("20"), revoked
    assert fingerprint in said, said
    (key,) = ledger.trusted_keys()
    assert key.revoked_at is not None
    assert warnings == questions, warnings  # the question was all the boxes said

    click_item(main.sidebar, "报送")
    picked.answers.append([str(f) for f in sent])
    press_and_wait(qtbot, main.page("submissions"), "接收报送文件…")
    assert "已被注销" in feedback(main), feedback(main)
    assert not [s for s in ledger.submission_status(OCTOBER) if s.state is MonthState.SUBMITTED]


def test_a_new_key_is_shown_once_the_person_has_confirmed_it(
    qtbot,
    start: Callable[[], MainWindow],
    ledger: Ledger,
    replies: list[QMessageBox.StandardButton],
    warnings: list[str],
) -> None:
    old = ledger.own_key().fingerprint
    main = start()
    shown_keys: list[str] = []

    def renew(dialog: QDialog) -> None:
        replies.append(QMessageBox.StandardButton.No)
        press(dialog, keys_text("Use a new key…"))
        shown_keys.append(find(dialog, QLabel, "fingerprint").text())
        press(dialog, keys_text("Use a new key…"))  # Yes this time
        shown_keys.append(find(dialog, QLabel, "fingerprint").text())
        shown_keys.append(message(dialog))
        close(dialog)

    in_keys_dialog(qtbot, main, renew)
    assert not replies and len(warnings) == 2, warnings  # asked twice, nothing else said
    assert warnings[0] == warnings[1], warnings  # the same question, answered No, then Yes
    new = ledger.own_key().fingerprint
    assert new != old and shown_keys[:2] == [old, new], shown_keys
    assert new in shown_keys[2]


def test_the_dialog_fits_an_office_laptop_screen(
    qtbot, start: Callable[[], MainWindow], ledger: Ledger, units: dict[str, Path]
) -> None:
    for unit, db in units.items():
        with open_ledger(db) as led:
            introduce(ledger, led, "unit", unit)
    main = start()
    outside: list[str] = []

    def look(dialog: QDialog) -> None:
        screen = QGuiApplication.primaryScreen().availableGeometry()
        if not screen.contains(dialog.frameGeometry()):
            outside.append(f"the dialog at {dialog.frameGeometry().getRect()}")
        for b in dialog.findChildren(QAbstractButton):
            rect = QRect(b.mapToGlobal(b.rect().topLeft()), b.size())
            if b.isVisible() and not screen.contains(rect):
                outside.append(f"{b.text()} at {rect.getRect()}")
        table = keys_table(dialog)
        assert len(cells(table)) == 3 and table.viewport().height() > 40
        close(dialog)

    in_keys_dialog(qtbot, main, look)
    assert not outside, outside
