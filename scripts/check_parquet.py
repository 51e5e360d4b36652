"""Compares errlens' Parquet export, read by DuckDB and pyarrow, with `errlens summary`.

Usage: check_parquet.py LAKE_DIR SUMMARY_JSON. Exits 1 on any difference, naming it.
"""

import datetime
import glob
import json
import sys

import duckdb
import pyarrow.parquet

# The README's grouping query: errlens summary's groups over every Parquet file at once.
GROUPS = """
    SELECT kind, count(*) AS failures, epoch_ms(min(time)) AS first_ms, epoch_ms(max(time)) AS last_ms
    FROM read_parquet(?)
    WHERE kind IS NOT NULL
    GROUP BY kind
    ORDER BY failures DESC, kind
"""


def millis(rfc3339):
    if rfc3339 is None:
        return None
    when = datetime.datetime.fromisoformat(rfc3339.replace("Z", "+00:00"))
    return round(when.timestamp() * 1000)


def main(lake, summary_path):
    summary = json.load(open(summary_path))
    files = sorted(glob.glob(f"{lake}/*.parquet"))
    problems = []

    db = duckdb.connect()
    rows = db.execute("SELECT count(*) FROM read_parquet(?)", [files]).fetchone()[0]
    statuses = dict(db.execute("SELECT status, count(*) FROM read_parquet(?) GROUP BY status", [files]).fetchall())
    groups = db.execute(GROUPS, [files]).fetchall()
    expected = [
        (g["kind"], g["count"], millis(g["first_seen"]), millis(g["last_seen"])) for g in summary["groups"]
    ]
    if rows != summary["records"]:
        problems.append(f"DuckDB counts {rows} rows, errlens summary {summary['records']} calls")
    if {str(s): n for s, n in statuses.items()} != summary["by_status"]:
        problems.append(f"DuckDB statuses {statuses} != summary {summary['by_status']}")
    if [tuple(g) for g in groups] != expected:
        problems.append(f"DuckDB groups {groups} != summary {expected}")

    # A second, independent reader: pyarrow, file by file.
    arrow_rows, arrow_statuses = 0, {}
    for path in files:
        table = pyarrow.parquet.read_table(path, columns=["status"])
        arrow_rows += table.num_rows
        for status in table.column("status").to_pylist():
            arrow_statuses[str(status)] = arrow_statuses.get(str(status), 0) + 1
    if arrow_rows != summary["records"] or arrow_statuses != summary["by_status"]:
        problems.append(f"pyarrow: {arrow_rows} rows {arrow_statuses}, summary {summary['records']}")

    for problem in problems:
        print(f"check_parquet: {problem}", file=sys.stderr)
    print(
        f"check_parquet: {len(files)} Parquet files, {rows} calls, {len(groups)} groups, "
        f"{len(statuses)} statuses: {'MISMATCH' if problems else 'same as errlens summary'} (DuckDB, pyarrow)"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
