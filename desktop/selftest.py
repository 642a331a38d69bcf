"""The self-test of an installed copy: the checks that need no Qt, for both programs.

`onethird-cli self-test` runs these; `onethird --self-test` runs them around its own Qt checks
(desktop/ui/selftest.py). On a temporary ledger filled with demo data it writes a monthly report
and a circular as PDF, and the circular as XLSX, and checks them as a reader would: the Chinese
font is embedded, the text reads back (desktop/reports/pdf_readback.py: no poppler, no PDF
library), the workbook opens. Before that it checks the resources are where paths.py says and
the work calendar loads. Every check prints one line; a failure does not stop the others; the
exit status is 0 when all passed, else 1, and the last line names what failed.
"""

from __future__ import annotations

import re
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from desktop import __version__, logs, paths
from desktop.domain.periods import Period
from desktop.reports.export import monthly_file_name, write_report
from desktop.reports.fonts import FONT_FILES, RL_REGULAR
from desktop.reports.labels import label
from desktop.reports.pdf_readback import PdfReadback
from desktop.storage.calendar_files import load_work_calendar
from desktop.storage.demo_data import fill_demo
from desktop.storage.ledger import Ledger

EXIT_OK, EXIT_FAILED = 0, 1
DB_NAME = "selftest.db"

SAY: Mapping[str, tuple[str, str]] = {
    "start": ("OneThird {version} 自检（{where}）", "OneThird {version} self-test ({where})"),
    "bundle": ("打包程序 {path}", "bundle {path}"),
    "source": ("源代码 {path}", "source {path}"),
    "passed": (
        "自检通过：{n} 项，{seconds:.1f} 秒",
        "self-test passed: {n} checks, {seconds:.1f} s",
    ),
    "failed": ("自检失败：{names}", "self-test FAILED: {names}"),
    "resources": ("资源文件", "resources"),
    "resources_ok": (
        "字体、翻译、图标、节假日文件齐全（{path}）",
        "fonts, translations, icon and holiday file present ({path})",
    ),
    "missing": ("缺少 {what}", "missing {what}"),
    "calendar": ("工作日历", "work calendar"),
    "calendar_ok": (
        "2026年国庆节放假、10月10日（星期六）调休上班；补充文件中的年份：{years}",
        "2026 National Day off, Saturday 10 Oct worked; years in the override file: {years}",
    ),
    "calendar_wrong": ("{day} 应为{what}", "{day} should be a {what}"),
    "workday": ("工作日", "working day"),
    "holiday": ("休息日", "day off"),
    "none": ("无", "none"),
    "ledger": ("示例台账", "demo ledger"),
    "ledger_ok": (
        "{persons} 人、{entries} 条工作记录、{projects} 个项目",
        "{persons} persons, {entries} entries, {projects} projects",
    ),
    "empty": ("示例数据为空", "the demo data is empty"),
    "monthly": ("个人月报 PDF", "monthly report PDF"),
    "circular": ("汇总通报 PDF", "circular PDF"),
    "pdf_ok": (
        "{pages} 页，嵌入字体 {fonts}，文字可读回",
        "{pages} pages, fonts {fonts} embedded, text reads back",
    ),
    "font_warnings": ("字体缺字：{chars}", "characters the font lacks: {chars}"),
    "no_font": ("PDF 中没有嵌入 {font}", "{font} is not embedded in the PDF"),
    "not_embedded": ("字体未嵌入：{fonts}", "fonts not embedded: {fonts}"),
    "not_read": ("读回的文字中没有“{text}”", "'{text}' not in the text read back"),
    "xlsx": ("汇总通报 XLSX", "circular XLSX"),
    "xlsx_ok": ("{rows} 行，工作表 {sheets}", "{rows} rows, sheets {sheets}"),
}


def say(key: str, lang: str, **params: object) -> str:
    zh, en = SAY[key]
    return (en if lang == "en" else zh).format(**params)


class CheckFailed(Exception):
    """A check found something wrong; the message says what, in the test's language."""


@dataclass
class Outcome:
    name: str
    ok: bool
    detail: str
    seconds: float


@dataclass
class SelfTest:
    """Runs named checks, prints a line for each, and tells the exit status at the end."""

    lang: str = "zh"
    write: Callable[[str], None] = print
    texts: Mapping[str, tuple[str, str]] = field(default_factory=lambda: SAY)
    outcomes: list[Outcome] = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)

    def say(self, key: str, **params: object) -> str:
        zh, en = self.texts[key]
        return (en if self.lang == "en" else zh).format(**params)

    def check(self, key: str, run: Callable[[], str]) -> bool:
        """Run one check: it returns what it found, or raises to fail."""
        name = self.say(key)
        start = time.perf_counter()
        try:
            detail, ok = run(), True
        except CheckFailed as exc:
            detail, ok = str(exc), False
        except Exception as exc:  # the self-test reports anything that breaks, then goes on
            detail, ok = f"{type(exc).__name__}: {exc}", False
            logs.get_logger(__name__).error("self-test %s\n%s", key, traceback.format_exc())
        outcome = Outcome(name, ok, detail, time.perf_counter() - start)
        self.outcomes.append(outcome)
        mark = "ok  " if ok else "FAIL"
        colon = ": " if self.lang == "en" else "："
        line = f"{mark} {name}{colon}{detail} ({outcome.seconds:.1f} s)"
        logs.get_logger(__name__).info("self-test %s", line)
        self.write(line)
        return ok

    def finish(self) -> int:
        failed = [o.name for o in self.outcomes if not o.ok]
        if failed:
            names = (", " if self.lang == "en" else "、").join(failed)
            self.write(self.say("failed", names=names))
            return EXIT_FAILED
        seconds = time.perf_counter() - self.started
        self.write(self.say("passed", n=len(self.outcomes), seconds=seconds))
        return EXIT_OK


def header(lang: str) -> str:
    where = "bundle" if paths.in_bundle() else "source"
    return say("start", lang, version=__version__, where=say(where, lang, path=paths.app_root()))


def check_resources(t: SelfTest) -> str:
    wanted = [
        *(paths.resource("fonts", name) for name in FONT_FILES),
        paths.resource("fonts", "OFL.txt"),
        paths.resource("translations", "onethird_zh_CN.qm"),
        paths.resource("icons", "onethird.png"),
        paths.calendar_override_files()[0],
    ]
    missing = [str(p) for p in wanted if not p.is_file()]
    if missing:
        raise CheckFailed(t.say("missing", what=", ".join(missing)))
    return t.say("resources_ok", path=paths.resources_dir())


def check_calendar(t: SelfTest) -> str:
    # the shipped override file only: the user's own must not change what the test expects
    calendar = load_work_calendar(paths.calendar_override_files()[:1])
    for day, work in ((date(2026, 10, 1), False), (date(2026, 10, 10), True)):
        if calendar.is_workday(day) != work:
            what = t.say("workday" if work else "holiday")
            raise CheckFailed(t.say("calendar_wrong", day=day.isoformat(), what=what))
    years = ", ".join(map(str, sorted(calendar.overrides))) or t.say("none")
    return t.say("calendar_ok", years=years)


@contextmanager
def demo_ledger(today: date, keep: Path | None = None) -> Iterator[tuple[Ledger, Path]]:
    """A ledger filled with demo data in a temporary folder (or in keep, left there)."""
    with tempfile.TemporaryDirectory(prefix="onethird-selftest-") as tmp:
        folder = keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        db = folder / DB_NAME
        for stale in folder.glob(f"{DB_NAME}*"):
            stale.unlink()
        calendar = load_work_calendar(paths.calendar_override_files()[:1])
        ledger = Ledger.open(db, calendar, actor="self-test", today=lambda: today)
        try:
            yield ledger, folder
        finally:
            ledger.close()


def check_ledger(t: SelfTest, ledger: Ledger, today: date) -> str:
    fill_demo(ledger, today)
    persons, entries = len(ledger.persons()), ledger.count_entries()
    if not persons or not entries:
        raise CheckFailed(t.say("empty"))
    return t.say("ledger_ok", persons=persons, entries=entries, projects=len(ledger.projects()))


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def check_pdf(t: SelfTest, data: bytes, expected: list[str]) -> str:
    """The shipped font embedded as TrueType, every font embedded, the expected text there and
    the last page numbered 第 n 页 共 n 页."""
    pdf = PdfReadback(data)
    fonts = pdf.fonts()
    ours = [f for f in fonts if f.name.startswith(RL_REGULAR) and f.program == "FontFile2"]
    if not ours:
        raise CheckFailed(t.say("no_font", font=RL_REGULAR))
    bare = [f.name for f in fonts if not f.embedded]
    if bare:
        raise CheckFailed(t.say("not_embedded", fonts=", ".join(bare)))
    pages = pdf.pages()
    text = _squeezed("".join(pages))
    footer = label("page", "zh").format(page=len(pages), pages=len(pages))
    for wanted in [*expected, footer]:
        if _squeezed(wanted) not in text:
            raise CheckFailed(t.say("not_read", text=wanted))
    names = ", ".join(sorted(f.name for f in ours))
    return t.say("pdf_ok", pages=len(pages), fonts=names)


def _font_warnings(t: SelfTest, warnings: list[object]) -> None:
    if warnings:
        chars = "".join(dict.fromkeys(str(getattr(w, "char", w)) for w in warnings))
        raise CheckFailed(t.say("font_warnings", chars=chars))


def check_reports(t: SelfTest, ledger: Ledger, folder: Path, today: date) -> None:
    """The monthly report of the first person, and the circular, of this month."""
    from desktop.reports.sources import gather_circular, gather_monthly

    period = Period.month(today.year, today.month)
    lang = "zh"  # the documents offices print are Chinese, whatever the test speaks

    def monthly() -> str:
        person = ledger.persons(subject_only=True)[0]
        (report,) = gather_monthly(ledger, [person], period, today)
        out = folder / monthly_file_name(report, "pdf")
        written = write_report(report, "pdf", out, lang)
        _font_warnings(t, list(written.warnings))
        expected = [label("doc_monthly", lang), person.name, person.unit]
        return check_pdf(t, out.read_bytes(), expected)

    def circular() -> str:
        report = gather_circular(ledger, period, "person", today)
        written = write_report(report, "pdf", folder / "circular.pdf", lang)
        _font_warnings(t, list(written.warnings))
        title = label("doc_circular", lang).format(period=period.text(lang))
        names = [item.person.name for item in report.persons]
        return check_pdf(t, (folder / "circular.pdf").read_bytes(), [title, *names])

    def workbook() -> str:
        from openpyxl import load_workbook

        report = gather_circular(ledger, period, "person", today)
        out = folder / "circular.xlsx"
        write_report(report, "xlsx", out, lang)
        book = load_workbook(out, read_only=True)
        try:
            rows = list(book.worksheets[0].iter_rows(values_only=True))
            cells = {str(c) for row in rows for c in row if c}
            sheets = ", ".join(book.sheetnames)
        finally:
            book.close()
        missing = [p.person.name for p in report.persons if p.person.name not in cells]
        if missing:
            raise CheckFailed(t.say("not_read", text=missing[0]))
        return t.say("xlsx_ok", rows=len(rows), sheets=sheets)

    t.check("monthly", monthly)
    t.check("circular", circular)
    t.check("xlsx", workbook)


Extra = Callable[[SelfTest, Ledger, Path, date], None]


def run(
    lang: str = "zh",
    today: date | None = None,
    keep: Path | None = None,
    extra: Extra | None = None,
    write: Callable[[str], None] = print,
    texts: Mapping[str, tuple[str, str]] | None = None,
) -> int:
    """All checks without Qt; extra (the GUI's checks, with their texts added to SAY) runs once
    the demo ledger is filled."""
    today = today or date.today()
    t = SelfTest(lang, write, {**SAY, **(texts or {})})
    write(header(lang))
    t.check("resources", lambda: check_resources(t))
    t.check("calendar", lambda: check_calendar(t))
    with demo_ledger(today, keep) as (ledger, folder):
        if t.check("ledger", lambda: check_ledger(t, ledger, today)):
            if extra is not None:
                extra(t, ledger, folder, today)
            check_reports(t, ledger, folder, today)
    return t.finish()
