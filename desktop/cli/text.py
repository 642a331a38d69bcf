"""What the CLI prints: its own sentences in Chinese or English, and aligned text tables."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence

SAY: Mapping[str, tuple[str, str]] = {
    "created": ("已建立数据库：{path}", "Database ready: {path}"),
    "person_added": ("已添加人员：{name}（编号 {id}）", "Added person {name} (id {id})"),
    "entry_added": ("已添加工作记录（编号 {id}）", "Added entry {id}"),
    "entry_deleted": ("已删除工作记录（编号 {id}）", "Deleted entry {id}"),
    "trip_added": (
        "已添加外出招商（编号 {id}），共 {days} 天，生成 {entries} 条工作记录",
        "Added trip {id}: {days} days, {entries} entries",
    ),
    "project_added": ("已添加项目：{name}（编号 {id}）", "Added project {name} (id {id})"),
    "project_edited": ("已修改项目：{name}（编号 {id}）", "Changed project {name} (id {id})"),
    "stage_added": (
        "已记录 {name} 的阶段：{stage}（{date}）",
        "Recorded {name}: {stage} on {date}",
    ),
    "funds_added": (
        "已记录 {name} 到位资金 {amount} 万（{date}）",
        "Recorded funds for {name}: {amount} (10k) on {date}",
    ),
    "imported": (
        "已导入 {rows} 条记录（{persons} 人，{first} 至 {last}）",
        "Imported {rows} entries ({persons} people, {first} to {last})",
    ),
    "dry_run": (
        "试导入：可导入 {rows} 条记录（{persons} 人，{first} 至 {last}），未写入数据库",
        "Dry run: {rows} entries ({persons} people, {first} to {last}) would be imported;"
        " nothing written",
    ),
    "exported": ("已导出 {rows} 条记录到 {path}", "Exported {rows} entries to {path}"),
    "no_rows": ("（无记录）", "(nothing)"),
    "total": ("合计", "Total"),
    "error": ("错误", "error"),
    "refused": ("未导入任何记录。", "Nothing was imported."),
    "more_errors": ("……另有 {n} 处错误未列出", "... and {n} more errors"),
}


def phrase(table: Mapping[str, tuple[str, str]], key: str, lang: str, **params: object) -> str:
    """A (Chinese, English) sentence of a command's table, in the language asked for."""
    zh, en = table[key]
    return (en if lang == "en" else zh).format(**params)


def say(key: str, lang: str = "zh", **params: object) -> str:
    return phrase(SAY, key, lang, **params)


def width(text: str) -> int:
    """Columns a string takes in a terminal: CJK characters take two."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def text_table(
    header: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[bool] | None = None
) -> str:
    sized = [[(cell, width(cell)) for cell in row] for row in [header, *rows]]
    widths = [max(column) for column in zip(*([w for _, w in row] for row in sized), strict=True)]
    right = right or [False] * len(header)

    def line(cells: Sequence[tuple[str, int]]) -> str:
        parts = []
        for (cell, n), w, r in zip(cells, widths, right, strict=True):
            pad = " " * (w - n)
            parts.append(pad + cell if r else cell + pad)
        return "  ".join(parts).rstrip()

    rule = [("-" * w, w) for w in widths]
    out = [line(sized[0]), line(rule)]
    out += [line(row) for row in sized[1:]]
    return "\n".join(out)
