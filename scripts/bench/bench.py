#!/usr/bin/env python3
"""errlens benchmark driver (issue 5, "Fast on big logs"). Normally started by scripts/bench/run.sh.

From one run, on a warm page cache, it prints side by side:
  - `errlens summary --format json FILE` vs `jq -rR 'fromjson? | .status // empty' FILE | sort | uniq -c`
    (what users do today) vs `wc -l FILE` (reading the bytes once: the floor), for the 256 MiB and
    1 GiB NDJSON logs: wall time (hyperfine), MB/s (10^6 bytes), CPU time (user+sys), ratios;
  - correctness: errlens's counts = jq's counts = the generator's expected counts;
  - memory: marginal peak RssAnon per record, 64 MiB prefix -> 256 MiB (polled from /proc);
  - the ~150 MB HAR: wall time;
  - text format families (families.py, issue 22): `errlens summary` on a 64 MiB log of each family
    vs the awk one-liner `awk '{print $9}' | sort | uniq -c` and `wc -l`;
  - a final Markdown table (figure, value, baseline, ratio, goal, PASS/MISS) and the machine.
Results are also saved as Markdown and JSON under DATA/results/.
"""
import argparse, json, os, families, platform, shutil, statistics, subprocess, sys, tempfile, time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
JQ_FILTER = "fromjson? | .status // empty"
FILES = {"64m": "mvo-64m.ndjson", "256m": "mvo-256m.ndjson", "1g": "mvo-1g.ndjson", "har": "mvo-150mb.har"}
LABEL = {"64m": "64 MiB", "256m": "256 MiB", "1g": "1 GiB", "har": "150 MB HAR"}
GOALS = {"vs_jq": 20.0, "vs_wc": 3.0, "bytes_per_record": 64.0, "har_s": 0.5}


def log(*a):
    print(*a, flush=True)


def sh_quote(s):
    return "'" + str(s).replace("'", "'\\''") + "'"


# ---------------------------------------------------------------- machine

def machine():
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip(); break
    except OSError:
        pass
    mem = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"): mem = int(line.split()[1]) * 1024
    load = os.getloadavg()
    return {"nproc": os.cpu_count() if not shutil.which("nproc") else int(subprocess.check_output(["nproc"]).decode()),
            "cpu": cpu, "mem_gib": round(mem / 2**30, 1), "kernel": platform.release(),
            "load_at_start": "%.2f %.2f %.2f" % load}


def tool_version(argv):
    try:
        return subprocess.run(argv, capture_output=True, text=True).stdout.strip().splitlines()[0]
    except (OSError, IndexError):
        return "?"


def errlens_revision(binary):
    """The commit of the repository the binary was built from, when we built it (else '?')."""
    try:
        rev = subprocess.check_output(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], text=True).strip()
        dirty = subprocess.run(["git", "-C", str(REPO), "diff", "--quiet", "HEAD", "--", "src", "Cargo.toml", "Cargo.lock"]).returncode
        branch = subprocess.check_output(["git", "-C", str(REPO), "rev-parse", "--abbrev-ref", "HEAD"], text=True).strip()
        src = subprocess.check_output(["git", "-C", str(REPO), "log", "-1", "--format=%h", "--", "src", "Cargo.toml", "Cargo.lock"],
                                      text=True).strip()
        return f"{rev}{'+dirty' if dirty else ''} ({branch}; src/ and Cargo files last changed in {src})"
    except (OSError, subprocess.CalledProcessError):
        return "?"


# ---------------------------------------------------------------- runs

def warm(paths):
    """Drops every file from the page cache and reads it back once, so that every timed run
    sees a warm cache, and the same one whichever way the file came: as the generator wrote it
    (small writes), the kernel's copy out of the cache took twice as long as after a read
    from disk (64 MiB: 10 ms against 5 ms with dd), which moved wc -l and errlens between
    sessions."""
    for p in paths:
        with open(p, "rb", buffering=0) as f:
            os.fsync(f.fileno())
            os.posix_fadvise(f.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
            while f.read(16 << 20): pass


def errlens_json(binary, path):
    p = subprocess.run([binary, "summary", "--format", "json", str(path)], capture_output=True)
    if p.returncode != 0:
        return None, f"exit {p.returncode}: {p.stderr.decode(errors='replace').strip()[:300]}"
    try:
        return json.loads(p.stdout), None
    except ValueError as e:
        return None, f"output is not JSON: {e}"


def jq_counts(path):
    cmd = f"jq -rR {sh_quote(JQ_FILTER)} {sh_quote(path)} | sort | uniq -c"
    out = subprocess.run(["sh", "-c", cmd], capture_output=True, text=True, check=True).stdout
    counts = {}
    for line in out.splitlines():
        n, status = line.split()
        counts[status] = int(n)
    return counts


def hyperfine(name, command, runs, warmup, shell):
    """Times `command` (a list for -N, a string for the shell); returns hyperfine's result dict."""
    with tempfile.NamedTemporaryFile(suffix=".json") as tmp:
        argv = ["hyperfine", "--style", "none", "--warmup", str(warmup), "--runs", str(runs), "--export-json", tmp.name, "-n", name]
        if shell:
            argv += [command]
        else:
            argv += ["-N", " ".join(sh_quote(a) if any(c in str(a) for c in " '\"") else str(a) for a in command)]
        p = subprocess.run(argv, capture_output=True, text=True)
        if p.returncode != 0:
            raise SystemExit(f"hyperfine failed for {name}:\n{p.stderr}")
        r = json.load(open(tmp.name))["results"][0]
    r["cpu"] = r["user"] + r["system"]
    return r


def status_value(data, key):
    for line in data.split(b"\n"):
        if line.startswith(key):
            return int(line.split()[1]) * 1024
    return None


def peak_memory(binary, path):
    """Runs errlens summary once, polling /proc/PID/status every ~2 ms: peak RssAnon, peak VmHWM, wall."""
    argv = [str(binary), "summary", "--format", "json", str(path)]
    t0 = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, os.environ,
                         file_actions=[(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)])
    status_path = f"/proc/{pid}/status"
    anon = hwm = samples = 0
    while True:
        try:
            with open(status_path, "rb") as f: data = f.read()
            a, h = status_value(data, b"RssAnon:"), status_value(data, b"VmHWM:")
            if a is not None:
                anon, hwm, samples = max(anon, a), max(hwm, h or 0), samples + 1
        except OSError:
            pass
        done, code, ru = os.wait4(pid, os.WNOHANG)
        if done: break
        time.sleep(0.002)
    wall = time.perf_counter() - t0
    return {"rss_anon": anon, "vm_hwm": max(hwm, ru.ru_maxrss * 1024), "wall": wall, "samples": samples,
            "exit": os.waitstatus_to_exitcode(code)}


# ---------------------------------------------------------------- formatting

def fmt_s(s):
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s"


def fmt_bytes(n):
    return f"{n / 2**20:.1f} MiB"


def mbps(nbytes, s):
    return nbytes / 1e6 / s if s > 0 else float("inf")


def verdict(ok, miss_note):
    return "PASS" if ok else f"MISS ({miss_note})"


def table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(c).replace("|", "\\|") for c in r) + " |" for r in rows]
    return "\n".join(out)


def compare_counts(want, got):
    """'MATCH' or the differing statuses."""
    if want == got: return "MATCH"
    diff = [f"{s}: {want.get(s, 0)} vs {got.get(s, 0)}" for s in sorted(set(want) | set(got), key=int) if want.get(s, 0) != got.get(s, 0)]
    return "MISMATCH (" + "; ".join(diff) + ")"


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description="errlens benchmark (see scripts/bench/README.md)")
    ap.add_argument("--binary", type=Path, required=True, help="the errlens binary to measure (run.sh builds one by default)")
    ap.add_argument("--data", type=Path, default=Path.home() / ".cache" / "errlens-bench-data")
    ap.add_argument("--quick", action="store_true", help="only the 64/256 MiB runs, fewer repetitions")
    ap.add_argument("--mem-runs", type=int, default=3, help="memory runs per file (median)")
    ap.add_argument("--no-families", action="store_true", help="leave out the text format families")
    ap.add_argument("--families-only", action="store_true", help="only the text format families")
    ap.add_argument("--before", type=Path, help="another errlens binary timed beside on the families")
    ap.add_argument("--real", type=Path, default=REPO.parent / "shared" / "real-logs", help="the real logs the families repeat")
    args = ap.parse_args()
    if args.families_only:
        return families_only(args)
    binary = args.binary.expanduser().resolve()
    if not os.access(binary, os.X_OK):
        sys.exit(f"not an executable: {binary}")
    data = args.data.expanduser()
    quick = args.quick
    runs = {"errlens": 5 if quick else 10, "wc": 5 if quick else 10, "jq_256m": 2 if quick else 3, "jq_1g": 2,
            "errlens_1g": 5, "har": 5 if quick else 10}

    gen = [sys.executable, str(HERE / "gen_data.py"), "--out", str(data)] + (["--quick"] if quick else [])
    subprocess.run(gen, check=True)
    expected = json.loads((data / "expected.json").read_text())["files"]
    sizes = ["64m", "256m"] + ([] if quick else ["1g", "har"])
    path = {k: data / FILES[k] for k in sizes}
    nbytes = {k: path[k].stat().st_size for k in sizes}

    m = machine()
    rev = errlens_revision(binary)
    started = datetime.now(timezone.utc)
    log(f"\n# errlens benchmark — {started:%Y-%m-%d %H:%M} UTC")
    log(f"machine: {m['nproc']} CPUs ({m['cpu']}), {m['mem_gib']} GiB RAM, Linux {m['kernel']}, load at start {m['load_at_start']}")
    log(f"errlens: {binary} (repo {REPO.name} at {rev}); {tool_version(['jq', '--version'])}; {tool_version(['hyperfine', '--version'])}")
    log(f"data: {data} ({', '.join(f'{FILES[k]} {nbytes[k]:,} B' for k in sizes)})")

    log("\n## warming the page cache (reading each file once)")
    warm(path.values())

    # -------- correctness (each run doubles as a warm-up)
    log("\n## correctness: errlens and jq against the generator's expected counts")
    correct_rows, problems, summaries = [], [], {}
    for k in sizes:
        exp = expected[FILES[k]]
        s, err = errlens_json(binary, path[k])
        summaries[k] = s
        if s is None:
            problems.append(f"errlens on {FILES[k]}: {err}")
            correct_rows.append([FILES[k], "errlens", "-", f"FAILED: {err}"]); continue
        skipped = sum(i.get("skipped", 0) for i in s["inputs"])
        got = {"records": s["records"], "skipped": skipped, "errors": s["errors"]}
        want = {"records": exp["records"], "skipped": exp["skipped"], "errors": exp["errors"]}
        res = compare_counts(exp["by_status"], s["by_status"])
        totals = "MATCH" if got == want else "MISMATCH (" + ", ".join(f"{x} {want[x]} vs {got[x]}" for x in want if want[x] != got[x]) + ")"
        correct_rows.append([FILES[k], "errlens `by_status`", f"{sum(exp['by_status'].values()):,} calls in {len(exp['by_status'])} statuses", res])
        correct_rows.append([FILES[k], "errlens records / skipped / errors",
                             f"{want['records']:,} / {want['skipped']:,} / {want['errors']:,}", totals])
        for r in (res, totals):
            if r != "MATCH": problems.append(f"errlens {FILES[k]}: {r}")
        if k in ("256m", "1g"):
            log(f"  jq on {FILES[k]} (once, also its warm-up) ...")
            t0 = time.perf_counter()
            jq = jq_counts(path[k])
            log(f"    {time.perf_counter() - t0:.1f} s")
            want_jq = {st: n for st, n in exp["by_status"].items() if st != "0"}
            res = compare_counts(want_jq, jq)
            correct_rows.append([FILES[k], "jq counts (no-response calls have `status: null`: jq drops them)",
                                 f"{sum(want_jq.values()):,} calls (expected minus {exp['by_status'].get('0', 0):,} status 0)", res])
            if res != "MATCH": problems.append(f"jq {FILES[k]}: {res}")
            if s is not None:
                res = compare_counts({st: n for st, n in s["by_status"].items() if st != "0"}, jq)
                correct_rows.append([FILES[k], "errlens = jq (statuses other than 0)", "", res])
                if res != "MATCH": problems.append(f"errlens vs jq {FILES[k]}: {res}")
    log(table(["file", "check", "expected (generator)", "result"], correct_rows))

    # -------- timings
    log("\n## wall time (hyperfine, warm page cache)")
    timings = {}
    plan = []
    for k in [x for x in ("256m", "1g") if x in sizes]:
        plan += [(k, "errlens", [str(binary), "summary", "--format", "json", str(path[k])], False,
                  runs["errlens"] if k == "256m" else runs["errlens_1g"], 1),
                 (k, "jq", f"jq -rR {sh_quote(JQ_FILTER)} {sh_quote(path[k])} | sort | uniq -c", True,
                  runs["jq_" + k], 1 if k == "256m" else 0),
                 (k, "wc -l", ["wc", "-l", str(path[k])], False, runs["wc"], 1)]
    if "har" in sizes:
        plan.append(("har", "errlens", [str(binary), "summary", "--format", "json", str(path["har"])], False, runs["har"], 1))
    for k, tool, cmd, shell, n, warmup in plan:
        load = os.getloadavg()[0]
        log(f"  {tool} on {FILES[k]}: warmup {warmup}, {n} runs (load average {load:.2f}) ...")
        r = hyperfine(f"{tool} {FILES[k]}", cmd, n, warmup, shell)
        r["load_before"] = load
        timings[(k, tool)] = r
        log(f"    median {fmt_s(r['median'])} (mean {fmt_s(r['mean'])} ± {fmt_s(r['stddev'] or 0)}, min {fmt_s(r['min'])}), "
            f"{mbps(nbytes[k], r['median']):,.0f} MB/s, CPU {r['cpu']:.2f} s/run")
    time_rows = []
    for k in [x for x in ("256m", "1g", "har") if x in sizes]:
        for tool in ("errlens", "jq", "wc -l"):
            r = timings.get((k, tool))
            if not r: continue
            cmd = {"errlens": "`errlens summary --format json`", "jq": f"`jq -rR '{JQ_FILTER}' | sort | uniq -c`",
                   "wc -l": "`wc -l`"}[tool]
            time_rows.append([LABEL[k], cmd, fmt_s(r["median"]), f"{fmt_s(r['mean'])} ± {fmt_s(r['stddev'] or 0)}", fmt_s(r["min"]),
                              f"{mbps(nbytes[k], r['median']):,.0f}", f"{r['cpu']:.2f} s",
                              f"{mbps(nbytes[k], r['cpu']):,.0f}", f"{r['cpu'] / r['mean']:.2f}", len(r["times"]), f"{r['load_before']:.1f}"])
    time_table = table(["file", "command", "median", "mean ± sd", "min", "MB/s (median)", "CPU (user+sys)/run", "MB per CPU-s", "CPU / wall", "runs", "load avg before"], time_rows)
    log(time_table)

    # -------- memory
    log(f"\n## memory: peak RssAnon / VmHWM of `errlens summary` (polled every ~2 ms, median of {args.mem_runs} runs)")
    mem = {}
    for k in ("64m", "256m"):
        rs = [peak_memory(binary, path[k]) for _ in range(args.mem_runs)]
        if any(r["exit"] != 0 for r in rs):
            problems.append(f"errlens exited {[r['exit'] for r in rs]} on {FILES[k]} in the memory runs")
        mem[k] = {"rss_anon": statistics.median(r["rss_anon"] for r in rs), "vm_hwm": statistics.median(r["vm_hwm"] for r in rs),
                  "runs": rs}
        log(f"  {FILES[k]}: RssAnon {', '.join(fmt_bytes(r['rss_anon']) for r in rs)}; "
            f"VmHWM {', '.join(fmt_bytes(r['vm_hwm']) for r in rs)}; samples/run {', '.join(str(r['samples']) for r in rs)}")
    rec = {k: expected[FILES[k]]["records"] for k in ("64m", "256m")}
    marginal = (mem["256m"]["rss_anon"] - mem["64m"]["rss_anon"]) / (rec["256m"] - rec["64m"])
    mem_rows = [[FILES[k], f"{rec[k]:,}", fmt_bytes(mem[k]["rss_anon"]), fmt_bytes(mem[k]["vm_hwm"]),
                 f"{mem[k]['rss_anon'] / rec[k]:,.0f}"] for k in ("64m", "256m")]
    mem_table = table(["file", "records", "peak RssAnon (median)", "peak VmHWM (median)", "RssAnon / record (B)"], mem_rows)
    log(mem_table)
    log(f"  marginal: ({fmt_bytes(mem['256m']['rss_anon'])} - {fmt_bytes(mem['64m']['rss_anon'])}) / "
        f"({rec['256m']:,} - {rec['64m']:,} records) = {marginal:,.0f} bytes a record")

    # -------- text format families
    family_rows, family_detail = [], []
    if not args.no_families:
        log(f"\n## text format families: 64 MiB each, errlens vs awk and wc -l (hyperfine medians; each command in three rounds, one after another)")
        paths = families.make(REPO, args.real, data / "formats")
        warm(paths.values())
        family_rows, family_detail, family_problems = families.run(binary, paths, hyperfine, fmt_s, 5 if quick else 10, args.before, log)
        problems += family_problems
        log(table(families.DETAIL_HEADER, family_detail))

    # -------- final table
    rows = []
    for k in [x for x in ("256m", "1g") if x in sizes]:
        e, j, w = timings[(k, "errlens")], timings[(k, "jq")], timings[(k, "wc -l")]
        speedup = j["median"] / e["median"]
        over_wc = e["median"] / w["median"]
        val = f"{fmt_s(e['median'])} ({mbps(nbytes[k], e['median']):,.0f} MB/s, CPU {e['cpu']:.2f} s)"
        rows.append([f"errlens summary, {LABEL[k]} NDJSON, vs jq", val,
                     f"jq: {fmt_s(j['median'])} ({mbps(nbytes[k], j['median']):,.0f} MB/s, CPU {j['cpu']:.2f} s)",
                     f"{speedup:,.1f}× faster (CPU time: {j['cpu'] / e['cpu']:,.1f}×)",
                     f"≥ {GOALS['vs_jq']:.0f}× faster", verdict(speedup >= GOALS["vs_jq"], f"needs {GOALS['vs_jq'] / speedup:.1f}× more speed")])
        rows.append([f"errlens summary, {LABEL[k]} NDJSON, vs wc -l", val,
                     f"wc -l: {fmt_s(w['median'])} ({mbps(nbytes[k], w['median']):,.0f} MB/s, CPU {w['cpu']:.2f} s)", f"{over_wc:,.1f}× wc -l",
                     f"≤ {GOALS['vs_wc']:.0f}× wc -l", verdict(over_wc <= GOALS["vs_wc"], f"needs {over_wc / GOALS['vs_wc']:.1f}× more speed")])
    rows.append(["marginal peak RssAnon per record (64 MiB → 256 MiB)", f"{marginal:,.0f} B",
                 f"{fmt_bytes(mem['64m']['rss_anon'])} → {fmt_bytes(mem['256m']['rss_anon'])} for +{rec['256m'] - rec['64m']:,} records",
                 f"{marginal / GOALS['bytes_per_record']:.1f}× goal", f"≤ {GOALS['bytes_per_record']:.0f} B",
                 verdict(marginal <= GOALS["bytes_per_record"], f"{marginal / GOALS['bytes_per_record']:.1f}× over")])
    if "har" in sizes:
        h = timings[("har", "errlens")]
        rows.append([f"errlens summary, {nbytes['har'] / 1e6:.0f} MB HAR ({expected[FILES['har']]['records']:,} entries)",
                     f"{fmt_s(h['median'])} ({mbps(nbytes['har'], h['median']):,.0f} MB/s, CPU {h['cpu']:.2f} s)", "-",
                     f"{h['median'] / GOALS['har_s']:.1f}× goal", f"< {GOALS['har_s']} s",
                     verdict(h["median"] < GOALS["har_s"], f"{h['median'] / GOALS['har_s']:.1f}× over")])
    rows += family_rows
    rows.append(["same answer as the generator (and jq; awk counting each family's statuses)", "MATCH" if not problems else f"{len(problems)} MISMATCH", "", "", "all MATCH",
                 "PASS" if not problems else "MISS"])
    final = table(["figure", "value", "baseline", "ratio", "goal", "result"], rows)
    machine_line = (f"Machine: {m['nproc']} CPUs ({m['cpu']}), {m['mem_gib']} GiB RAM, Linux {m['kernel']}, "
                    f"load average at start {m['load_at_start']}, at the end {'%.2f %.2f %.2f' % os.getloadavg()} (shared, noisy). errlens {rev}, release, "
                    f"`--no-default-features`; {tool_version(['jq', '--version'])}, {tool_version(['hyperfine', '--version'])}; "
                    f"{started:%Y-%m-%d}. Times are hyperfine medians on a warm page cache; MB = 10^6 bytes.")
    if quick:
        machine_line += " (--quick: 256 MiB only, fewer runs)"
    log("\n## results (Markdown)\n")
    log(final)
    log("\n" + machine_line)
    if problems:
        log("\nMISMATCHES:\n" + "\n".join("  - " + p for p in problems))

    out_dir = data / "results"
    out_dir.mkdir(exist_ok=True)
    stamp = started.strftime("%Y%m%d-%H%M%S")
    md = "\n\n".join([f"# errlens benchmark {stamp}", final, machine_line, "## wall time", time_table, "## memory", mem_table,
                      "## text format families", table(families.DETAIL_HEADER, family_detail),
                      "## correctness", table(["file", "check", "expected (generator)", "result"], correct_rows)]) + "\n"
    (out_dir / f"{stamp}.md").write_text(md)
    (out_dir / f"{stamp}.json").write_text(json.dumps({
        "machine": m, "errlens": rev, "binary": str(binary), "quick": quick, "bytes": nbytes,
        "timings": {f"{k} {t}": {x: r[x] for x in ("median", "mean", "stddev", "min", "max", "user", "system", "times", "load_before")}
                    for (k, t), r in timings.items()},
        "memory": {k: {"rss_anon": v["rss_anon"], "vm_hwm": v["vm_hwm"], "runs": v["runs"]} for k, v in mem.items()},
        "marginal_bytes_per_record": marginal, "problems": problems}, indent=2) + "\n")
    log(f"\nsaved {out_dir / (stamp + '.md')} and .json")
    return 1 if problems else 0


def families_only(args):
    """The text format families alone (formats.sh): their table, with `--before` beside."""
    binary = args.binary.expanduser().resolve()
    data = args.data.expanduser()
    m = machine()
    log(f"\n# errlens text format families — {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC")
    log(f"machine: {m['nproc']} CPUs ({m['cpu']}), load at start {m['load_at_start']}; errlens {errlens_revision(binary)}")
    paths = families.make(REPO, args.real, data / "formats")
    warm(paths.values())
    rows, detail, problems = families.run(binary, paths, hyperfine, fmt_s, 5 if args.quick else 10, args.before, log)
    log("\n" + table(families.DETAIL_HEADER, detail))
    log("\n" + table(["figure", "value", "baseline", "ratio", "goal", "result"], rows))
    log(f"load average at the end {'%.2f %.2f %.2f' % os.getloadavg()}")
    if problems:
        log("\nMISMATCHES:\n" + "\n".join("  - " + p for p in problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
