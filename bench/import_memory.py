"""Peak memory of `onethird-cli import` on a big ledger CSV, made on the fly.

    .venv/bin/python bench/import_memory.py --size-mb 1024            # the issue's 1 GB file
    .venv/bin/python bench/import_memory.py --size-mb 100 --workdir /tmp/onethird-mem

Writes WORKDIR/big.csv (UTF-8 with BOM, the export's header; 500 persons of 50 units, four
timed entries a working day each, from 2001 on, with notes), a database holding those persons
and a few projects, then runs `onethird-cli import --dry-run` and the real import, each in a
subprocess of its own whose peak resident memory (VmHWM of /proc/self/status, read by the
subprocess as it ends) is printed with the wall time. Linux only (/proc). Not a test: it takes
minutes at 1 GB.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TODAY = "2026-11-20"
PERSONS = 500
SLOTS = (("08:30", "10:00"), ("10:30", "12:00"), ("14:30", "16:00"), ("16:30", "18:00"))
ACTIVITIES = ("项目洽谈", "接待客商考察", "项目推进协调", "其他工作")
# the importing process runs the CLI's main and reports its own high-water mark on stderr
RUNNER = (
    "import sys\n"
    "from desktop.cli.main import main\n"
    "code = main(sys.argv[1:])\n"
    "status = open('/proc/self/status').read()\n"
    "hwm = [l for l in status.splitlines() if l.startswith('VmHWM')][0].split()[1]\n"
    "print('BENCH_VMHWM_KB', hwm, file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def names() -> list[str]:
    family = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗"
    given = "伟娜强敏洋静磊军杰涛明超勇艳华平刚桂英芳"
    return [f"{family[i % 20]}{given[(i // 20) % 20]}{given[i % 7]}" for i in range(PERSONS)]


def write_csv(path: Path, size: int) -> int:
    people = names()
    rows = 0
    day = date(2001, 1, 1)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        f.write("日期,姓名,职务,开始,结束,时长,活动类型,项目,地点,备注\r\n")
        while f.tell() < size:
            if day.weekday() < 5:
                iso = day.isoformat()
                lines = []
                for n, who in enumerate(people):
                    for i, (start, end) in enumerate(SLOTS):
                        act = ACTIVITIES[(n + i + day.day) % 4]
                        project = f"项目{(n * 7 + i) % 40:02d}" if act == "项目洽谈" else ""
                        lines.append(
                            f"{iso},{who},局长,{start},{end},,{act},{project},市行政中心,"
                            f"第{rows + len(lines)}条：与客商座谈，推进项目落实\r\n"
                        )
                f.write("".join(lines))
                rows += len(lines)
            day += timedelta(days=1)
            if day > date(2027, 6, 30):
                raise SystemExit("size too big for the date range; raise PERSONS")
    return rows


def make_db(db: Path) -> None:
    from desktop.domain.people import Person
    from desktop.domain.projects import Project
    from desktop.storage.ledger import Ledger

    with Ledger.open(db, actor="bench") as ledger:
        for i, name in enumerate(names()):
            ledger.add_person(Person(name, "局长", f"第{i % 50:02d}局"))
        for i in range(40):
            ledger.add_project(Project(f"项目{i:02d}"))


def run(db: Path, *args: str) -> dict[str, object]:
    command = [sys.executable, "-c", RUNNER, "--db", str(db), "--today", TODAY, *args]
    started = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    seconds = time.monotonic() - started
    hwm = [line for line in done.stderr.splitlines() if line.startswith("BENCH_VMHWM_KB")]
    progress = [line for line in done.stderr.splitlines() if line.startswith(("已读取", "Read"))]
    return {
        "args": " ".join(args[:1] + args[2:]),
        "exit": done.returncode,
        "seconds": round(seconds, 1),
        "vmhwm_mb": round(int(hwm[0].split()[1]) / 1024, 1) if hwm else None,
        "progress_lines": len(progress),
        "stdout": done.stdout.strip().splitlines()[-3:],
        "stderr": [
            x for x in done.stderr.strip().splitlines() if not x.startswith(("BENCH", "已读取"))
        ][-3:],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=1024)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/onethird-import-memory"))
    parser.add_argument("--keep", action="store_true", help="keep the CSV and the database")
    parser.add_argument("--dry-run-only", action="store_true")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    csv_path = args.workdir / "big.csv"
    db = args.workdir / "bench.db"
    started = time.monotonic()
    rows = write_csv(csv_path, args.size_mb << 20)
    size = csv_path.stat().st_size
    print(
        f"wrote {csv_path}: {size / (1 << 20):.0f} MB, {rows:,} rows"
        f" in {time.monotonic() - started:.0f} s",
        flush=True,
    )
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(Path(f"{db}.backups"), ignore_errors=True)
    make_db(db)
    results = [run(db, "import", str(csv_path), "--dry-run")]
    print(json.dumps(results[-1], ensure_ascii=False), flush=True)
    if not args.dry_run_only:
        results.append(run(db, "import", str(csv_path)))
        print(json.dumps(results[-1], ensure_ascii=False), flush=True)
    if not args.keep:
        csv_path.unlink()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        shutil.rmtree(Path(f"{db}.backups"), ignore_errors=True)


if __name__ == "__main__":
    main()
