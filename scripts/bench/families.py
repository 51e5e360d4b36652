"""Text format families for the benchmark (issues 15 and 22): a 64 MiB log of each family, made by
repeating a real file of ../shared/real-logs, a bundled sample or a definition's own sample line
(read in place, written to the data folder, never to the repository), and `errlens summary` on
each beside the awk one-liner of issue 22 and `wc -l`, in the same run.

Goal (issue 22): errlens at least 2x the speed of `awk '{print $9}' FILE | sort | uniq -c` on a
file of its kind, and of the awk one-liner that counts that kind's statuses (STATUS_AWK: the ninth
field is the status of a combined log only; in a urllib3 log it is empty, in others a word). The
second must count what errlens counts, or the run fails. Used by bench.py (`--families`,
`--families-only`) and formats.sh.
"""
import itertools, json, random, re, shlex, statistics, subprocess, time, tomllib
from pathlib import Path

SIZE = 64 << 20
GOAL_VS_AWK = 2.0
AWK = "awk '{print $9}' %s | sort | uniq -c"
# For each family, the mawk program a user would write to count its statuses: it prints one status
# per call, as errlens counts them (`by_status`, 0 for a call without a response). The generic text
# reader's statuses come from many shapes of line: app text has none.
STATUS_AWK = {
    "combined": "{print $9}",
    "haproxy": "!/^#/ {print $11}",
    "squid": '!/^#/ && NF {split($4, s, "/"); print s[2]}',
    "w3c": "!/^#/ {print $12}",
    "aws-alb": "{print $9}",
    "logfmt": r"match($0, /\([0-9][0-9][0-9]\)/) {print substr($0, RSTART + 1, 3)}",
    "oslo-wsgi": 'match($0, /" status: [0-9][0-9][0-9]/) {print substr($0, RSTART + 10, 3)}',
    "python-urllib3": "$4 ~ /^HTTP/ {print $5}",
    "okhttp": "match($0, /<-- [0-9][0-9][0-9]/) {print substr($0, RSTART + 4, 3)} /<-- HTTP FAILED/ {print 0}",
    "uvicorn": "{print $7}",
    "rails": "match($0, /Completed [0-9][0-9][0-9] /) {print substr($0, RSTART + 10, 3)}",
    "faraday": "match($0, /response: Status [0-9][0-9][0-9]/) {print substr($0, RSTART + 17, 3)}",
}
STATUSES = [200, 201, 204, 400, 401, 404, 409, 422, 429, 500, 502, 503]

# name, what it is, where its lines come from: ("real", file, header lines kept once),
# ("sample", file of sample-logs/), ("definition", format name: its sample line with what a real
# log varies varied, see `varied_lines`)
FAMILIES = [
    ("combined", "Apache combined (real)", ("real", "apache-combined-10k.log", 0)),
    ("haproxy", "HAProxy httplog via syslog (real; half # comment lines)", ("real", "haproxy-httplog-syslog.log", 0)),
    ("squid", "Squid native (real; two thirds comment and blank lines)", ("real", "squid-native.log", 0)),
    ("w3c", "IIS W3C extended (real)", ("real", "iis-w3c.log", 4)),
    ("aws-alb", "AWS ALB access log (the definition's sample, varied)", ("definition", "aws-alb")),
    ("logfmt", "Loki logfmt (real)", ("real", "loki-distributor-logfmt.log", 0)),
    ("oslo-wsgi", "OpenStack nova (real; half other lines)", ("real", "openstack-nova-2k.log", 0)),
    ("python-urllib3", "client library: urllib3 debug lines (the definition's sample, varied; a tenth `Starting new HTTPS connection`)", ("definition", "python-urllib3")),
    ("okhttp", "client library: OkHttp logcat, calls over many lines (sample-logs)", ("sample", "android-okhttp.log")),
    ("uvicorn", "framework: uvicorn access lines (the definition's sample, varied)", ("definition", "uvicorn")),
    ("rails", "framework: Rails production.log, seven lines a request (written as Rails writes them)", ("calls", "rails")),
    ("faraday", "client library: Faraday logger with headers and bodies, seven lines a call (written as it writes them)", ("calls", "faraday")),
    ("app-text", "application log read by the generic text reader (sample-logs/worker.log)", ("sample", "worker.log")),
]


def definition_sample(repo, name):
    for path in sorted((repo / "assets" / "formats").glob("*.toml")):
        for definition in tomllib.loads(path.read_text()).get("format", []):
            if definition["name"] == name:
                return definition["sample"], definition.get("expect", {}).get("status")
    raise SystemExit(f"no bundled format {name}")


def source_lines(repo, real, source):
    """(header lines written once, body lines repeated)."""
    kind = source[0]
    if kind == "real":
        lines = (real / source[1]).read_bytes().splitlines(keepends=True)
        head, body = lines[:source[2]], lines[source[2]:]
        if source[2]:  # later headers of the file (IIS restarts) stay out of the repeated body
            body = [line for line in body if not line.startswith(b"#")]
        return head, body
    if kind == "sample":
        return [], (repo / "sample-logs" / source[1]).read_bytes().splitlines(keepends=True)
    if kind == "calls":
        return [], call_lines(source[1])
    line, status = definition_sample(repo, source[1])
    return [], varied_lines(source[1], line, status)


# Distinct lines a definition family cycles through: more than a block holds (1 MiB, some 8,000
# of these lines), so no block sees a line twice, as in a real log.
VARIED_LINES = 40_000
RESOURCES = ["contacts", "customers", "invoices", "orders", "payments"]
METHODS = ["GET", "GET", "POST", "PATCH", "DELETE"]
REASONS = {200: "OK", 201: "Created", 204: "No Content", 400: "Bad Request", 401: "Unauthorized", 404: "Not Found",
           409: "Conflict", 422: "Unprocessable Entity", 429: "Too Many Requests", 500: "Internal Server Error",
           502: "Bad Gateway", 503: "Service Unavailable"}


def varied_lines(name, sample, status):
    """The sample line of definition `name` as a real log of it writes it: its status, the
    resource and id in its path (or a page in its query), its client's address and port, its
    response size, its time and request id each varied where the line has them. urllib3 also
    logs a new connection before some calls, a line that is no call."""
    rng = random.Random(22)
    lines = []
    start = 1_782_000_000.0
    for n in range(VARIED_LINES):
        if name == "python-urllib3" and n % 10 == 9:
            lines.append(f"DEBUG:urllib3.connectionpool:Starting new HTTPS connection ({rng.randint(1, 9)}): api.example.com:443\n".encode())
            continue
        resource = rng.choice(RESOURCES)
        if rng.random() < 0.7:
            path = f"/v1/{resource}/{rng.getrandbits(128):032x}"
            path = f"{path[:-32]}{path[-32:-24]}-{path[-24:-20]}-{path[-20:-16]}-{path[-16:-12]}-{path[-12:]}"
        else:
            path = f"/v1/{resource}?page={rng.randint(1, 500)}"
        code = rng.choice(STATUSES)
        line = sample.replace("/v1/contacts", path)
        line = re.sub(r'"(POST|GET) ', f'"{rng.choice(METHODS)} ', line, count=1)
        if status is not None:
            # An ALB's status is written twice (its own and the target's).
            line = line.replace(f" {status} {status} ", f" {code} {code} ").replace(f" {status} ", f" {code} ")
        # uvicorn writes the status's reason phrase after it.
        line = re.sub(r"(\" \d{3}) Conflict$", lambda m: f"{m[1]} {REASONS[code]}", line)
        # A client's address and port (uvicorn, ALB): `192.0.2.39:2817`.
        line = re.sub(r"\b192\.0\.2\.\d+:\d+", f"192.0.2.{rng.randint(1, 254)}:{rng.randint(1024, 65535)}", line, count=1)
        if name == "python-urllib3":
            line = re.sub(r" \d+$", f" {rng.randint(0, 5000)}", line)
        if name == "aws-alb":
            at = start + n * 0.013
            stamp = f"{time.strftime('%Y-%m-%dT%H:%M:%S', time.gmtime(at))}.{int(at * 1e6) % 1_000_000:06d}Z"
            line = re.sub(r"\d{4}-\d\d-\d\dT[\d:.]+Z", stamp, line, count=1)
            line = re.sub(r'"Root=1-[0-9a-f]+-[0-9a-f]+"', f'"Root=1-{int(at):08x}-{rng.getrandbits(96):024x}"', line)
        lines.append(line.encode() + b"\n")
    return lines


# What a failure's body says in the client families: a few messages, as an API repeats them.
FAILURE_MESSAGES = ["email has already been taken", "invalid API key", "too many requests, slow down",
                    "contact not found", "upstream timed out"]


def call_lines(name):
    """The lines of VARIED_LINES / 7 calls as `name`'s logger writes them: Rails' request (tagged
    with its request id) from `Started` to `Completed`, with the lines between that Rails writes
    for a JSON API; Faraday's request and response with their headers and bodies."""
    rng = random.Random(22)
    lines = []
    for n in range(VARIED_LINES // 7):
        at = 1_782_000_000.0 + n * 0.37
        stamp = f"{time.strftime('%Y-%m-%dT%H:%M:%S', time.gmtime(at))}.{int(at * 1e6) % 1_000_000:06d}"
        code, resource = rng.choice(STATUSES), rng.choice(RESOURCES)
        method = rng.choice(METHODS)
        if name == "rails":
            rid = f"{rng.getrandbits(128):032x}"
            rid = f"{rid[:8]}-{rid[8:12]}-{rid[12:16]}-{rid[16:20]}-{rid[20:]}"
            pid = rng.randint(1000, 9999)
            info, debug = f"I, [{stamp} #{pid}]  INFO -- : [{rid}] ", f"D, [{stamp} #{pid}] DEBUG -- : [{rid}] "
            day = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(at))
            lines += [f'{info}Started {method} "/v1/{resource}/{rng.randint(1, 99999)}" for 192.0.2.{rng.randint(1, 254)} at {day} +0000',
                      f"{info}Processing by {resource.capitalize()}Controller#{rng.choice(['show', 'create', 'update'])} as JSON",
                      f'{info}  Parameters: {{"id"=>"{rng.randint(1, 99999)}", "email"=>"[FILTERED]"}}',
                      f'{debug}  {resource[:-1].capitalize()} Load (0.{rng.randint(1, 9)}ms)  SELECT "{resource}".* FROM "{resource}" WHERE "{resource}"."id" = $1 LIMIT $2  [["id", {rng.randint(1, 99999)}], ["LIMIT", 1]]',
                      f"{debug}  ↳ app/controllers/{resource}_controller.rb:{rng.randint(5, 80)}:in `{rng.choice(['show', 'create', 'update'])}'",
                      f"{info}  Rendered {resource}/show.json.jbuilder (Duration: 0.{rng.randint(1, 9)}ms | Allocations: {rng.randint(100, 999)})",
                      f"{info}Completed {code} {REASONS[code]} in {rng.randint(2, 900)}ms (Views: 0.4ms | ActiveRecord: 1.{rng.randint(0, 9)}ms | Allocations: {rng.randint(1000, 9999)})"]
        else:
            head = f"I, [{stamp} #{rng.randint(1000, 9999)}]  INFO -- "
            lines += [f"{head}request: {method} https://api.example.com/v1/{resource}/{rng.getrandbits(64):016x}",
                      f'{head}request: Content-Type: "application/json"',
                      f'{head}request: User-Agent: "Faraday v2.7.4"',
                      f'{head}request: {{"email":"user{rng.randint(1, 9999)}@example.com","name":"Lena"}}',
                      f"{head}response: Status {code}",
                      f'{head}response: content-type: "application/json; charset=utf-8"',
                      f'{head}response: {{"id":"{rng.getrandbits(64):016x}","email":"user{rng.randint(1, 9999)}@example.com"}}' if code < 400 else
                      f'{head}response: {{"error":"{REASONS[code]}","message":"{rng.choice(FAILURE_MESSAGES)}"}}']
    return [line.encode() + b"\n" for line in lines]


def make(repo, real, out_dir):
    """Writes the 64 MiB log of every family that is not there yet; returns {name: path}."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, _, source in FAMILIES:
        if source[0] == "real" and not (real / source[1]).exists():
            print(f"  {name}: skipped, no {real / source[1]}")
            continue
        # Definition and call families are varied (a file named apart from the earlier repeated one).
        path = out_dir / (f"{name}-varied-64m.log" if source[0] in ("definition", "calls") else f"{name}-64m.log")
        paths[name] = path
        if path.exists() and path.stat().st_size >= SIZE:
            continue
        head, body = source_lines(repo, real, source)
        with open(path, "wb") as f:
            f.writelines(head)
            written = sum(map(len, head))
            for line in itertools.cycle(body):
                f.write(line)
                written += len(line)
                if written >= SIZE:
                    break
    return paths


def summary(binary, path):
    p = subprocess.run([str(binary), "summary", "--format", "json", str(path)], capture_output=True)
    if p.returncode != 0:
        return None
    return json.loads(p.stdout)


def status_awk(name, path):
    """The shell text counting the statuses of `path` the way a user would, or None."""
    program = STATUS_AWK.get(name)
    return None if program is None else f"awk {shlex.quote(program)} {shlex.quote(str(path))} | sort | uniq -c"


def awk_counts(command):
    out = subprocess.run(["sh", "-c", command], capture_output=True, text=True, check=True).stdout
    return {status: int(n) for n, status in (line.split() for line in out.splitlines())}


ROUNDS = 3


def interleaved(name, commands, hyperfine):
    """Times each command (argv or shell text, whether it is shell text, runs) in ROUNDS rounds,
    one after another in each: on a shared machine whose speed drifts, a command timed only after
    another would take the drift for a difference. Returns per command the median of all its runs
    and its mean CPU time (user + system)."""
    times = {key: [] for key in commands}
    cpu = {key: [] for key in commands}
    for _ in range(ROUNDS):
        for key, (command, shell, runs) in commands.items():
            result = hyperfine(f"{key} {name}", command, max(1, -(-runs // ROUNDS)), 1, shell)
            times[key] += result["times"]
            cpu[key] += [result["cpu"]] * len(result["times"])
    return {key: {"median": statistics.median(times[key]), "cpu": statistics.fmean(cpu[key])} for key in commands}


def run(binary, paths, hyperfine, fmt_s, runs, before=None, log=print):
    """Times each family; returns (result rows with goals, detail rows, problems)."""
    rows, detail, problems = [], [], []
    for name, what, _ in FAMILIES:
        path = paths.get(name)
        if path is None:
            continue
        s = summary(binary, path)
        if s is None:
            problems.append(f"errlens failed on {path}")
            continue
        lines = sum(1 for _ in open(path, "rb"))
        fmt = s["inputs"][0]["format"]
        check = ""
        counting = status_awk(name, path)
        if counting:
            # The one-liner and errlens answer the same question: they must count the same.
            check = "MATCH" if s["by_status"] == awk_counts(counting) else "MISMATCH"
            if check != "MATCH":
                problems.append(f"errlens and awk count the statuses of {path.name} differently")
        log(f"  {name}: {lines:,} lines, {s['records']:,} calls read as {fmt} ...")
        commands = {
            "errlens": ([str(binary), "summary", "--format", "json", str(path)], False, runs),
            "awk": (AWK % f"'{path}'", True, max(3, runs // 2)),
            "wc": (["wc", "-l", str(path)], False, runs),
        }
        if counting:
            commands["awk-status"] = (counting, True, max(3, runs // 2))
        if before:
            commands["before"] = ([str(before), "summary", "--format", "json", str(path)], False, runs)
        timed = interleaved(name, commands, hyperfine)
        e, a, w = timed["errlens"], timed["awk"], timed["wc"]
        st = timed.get("awk-status")
        # Held to both one-liners: the issue's, and the one that counts what errlens counts.
        speed = a["median"] / e["median"]
        status_speed = st["median"] / e["median"] if st else None
        slowest = min(speed, status_speed) if st else speed
        verdict = "PASS" if slowest >= GOAL_VS_AWK else f"MISS (needs {GOAL_VS_AWK / slowest:.1f}× more speed)"
        baseline = f"awk $9: {fmt_s(a['median'])}" + (f"; awk status: {fmt_s(st['median'])}" if st else "")
        ratio = f"{speed:.2f}× awk $9" + (f", {status_speed:.2f}× awk status" if st else "")
        rows.append([f"errlens summary, 64 MiB {name} ({fmt}), vs awk", f"{fmt_s(e['median'])} (CPU {e['cpu']:.2f} s)",
                     f"{baseline}; wc -l: {fmt_s(w['median'])}", f"{ratio} ({e['median'] / w['median']:.0f}× wc -l)",
                     f"≥ {GOAL_VS_AWK:.0f}× each awk", verdict])
        detail.append([name, what, f"{lines:,}", f"{s['records']:,}", fmt, fmt_s(e["median"]), f"{e['cpu']:.2f} s",
                       fmt_s(timed["before"]["median"]) if before else "-", fmt_s(a["median"]),
                       fmt_s(st["median"]) if st else "-", fmt_s(w["median"]), check or "-"])
    return rows, detail, problems


DETAIL_HEADER = ["family", "what", "lines", "calls", "read as", "errlens", "errlens CPU", "before", "awk $9", "awk status",
                 "wc -l", "awk status's counts"]
