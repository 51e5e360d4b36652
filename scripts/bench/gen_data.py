#!/usr/bin/env python3
"""Generate the benchmark data for errlens: fake My Virtual Office API traffic, big.

Deterministic (fixed seed): two runs write identical bytes. Written to --out (default
$HOME/.cache/errlens-bench-data), never into the repository.

    mvo-64m.ndjson    the first lines of mvo-256m.ndjson (<= 64 MiB, cut at a line end)
    mvo-256m.ndjson   <= 256 MiB: an application's NDJSON log, like sample-logs/app.ndjson
    mvo-1g.ndjson     <= 1 GiB: the same stream, longer (mvo-256m.ndjson is its prefix too)
    mvo-150mb.har     ~150 MB: a Chrome DevTools HAR 1.2 export of the admin page calling the API
    expected.json     the ground truth, from this script's own bookkeeping (never from errlens):
                      per file bytes, lines, records, skipped lines by reason, errors, by_status

Traffic: a busy, partly broken integration: about two thirds of the calls fail (rate limiting,
duplicate emails, validation, bad keys, 5xx, connection resets), with full request and response
headers and bodies, ~900 bytes a line. Lines are assembled from a pool of a few thousand distinct
pre-serialized calls; every line gets its own increasing timestamp and its own request id (in
the line, the x-request-id header, the HTTP date and the created/updated times of bodies).

Not API calls, at known rates (per call line, drawn at random): a 3-line stack trace (not JSON)
1/4000, a line cut mid-JSON (the process was killed while writing) 1/8000, a JSON log line
without an HTTP status 1/5000, a blank line 1/10000 (ignored, not counted as skipped).
A call without a response is logged with "status": null and an "error" object; errlens counts
it as status "0", while `jq '.status // empty'` cannot see it.

Usage: python3 scripts/bench/gen_data.py [--out DIR] [--quick] [--force]
       --quick: only the 64 MiB and 256 MiB logs (no 1 GiB, no HAR).
"""
import argparse, json, os, random, sys, time
from collections import Counter
from pathlib import Path

GEN_VERSION = 1  # bump when the bytes change: the bench regenerates data of another version
SEED = 20260505
BASE_MS = 1_795_683_600_000  # 2026-11-26T09:00:00Z (ms since the epoch)
MiB = 1 << 20
NDJSON = [("mvo-64m.ndjson", 64 * MiB), ("mvo-256m.ndjson", 256 * MiB), ("mvo-1g.ndjson", 1024 * MiB)]
HAR_NAME, HAR_BYTES = "mvo-150mb.har", 150_000_000
POOL_CALLS, POOL_HAR = 6000, 3000
RATES = {"stack_trace": 1 / 4000, "truncated": 1 / 8000, "not_a_call": 1 / 5000, "blank": 1 / 10000}

API, APP = "https://api.my-virtual-office.com", "https://app-api.my-virtual-office.com"
ADMIN = "https://admin.acme-shop.example"
# The vendor's documented errors, reason phrases and the gateway's 502 page: the sample logs'
# generator holds them, so both data sets describe the same API.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from gen_sample_logs import HTML_502, KINDS, REASON  # noqa: E402

# A busy integration that hammers the API: mostly rate limiting and duplicates.
FAIL_WEIGHTS = {"rate_limited": 26, "duplicate_email": 12, "not_found": 10, "missing_required_field": 6,
                "invalid_email_format": 5, "bad_request": 3, "customer_limit_reached": 6, "forbidden": 2, "conflict": 2,
                "invalid_api_key": 4, "missing_api_key": 2, "api_key_revoked": 2, "api_key_expired": 2, "unauthorized": 1,
                "internal_error": 5, "service_unavailable": 5, "http_422": 1, "http_502": 2, "http_504": 2, "no_response": 2}
FAIL_SHARE = 2 / 3
OPS_FOR = {"missing_required_field": ["create"], "invalid_email_format": ["create"], "customer_limit_reached": ["create"],
           "duplicate_email": ["create"], "http_422": ["create"], "bad_request": ["patch", "create"],
           "not_found": ["get", "patch", "delete"], "conflict": ["patch"], "forbidden": ["delete", "list", "create"]}
OK_OPS, OK_WEIGHTS = ["create", "get", "patch", "delete", "list"], [30, 37, 18, 10, 5]
METHOD = {"create": "POST", "get": "GET", "patch": "PATCH", "delete": "DELETE", "list": "GET"}
FIRST = ["Anna", "Jonas", "Lena", "Oliver", "Sofia", "Emma", "Lukas", "Mia", "Noah", "Clara", "David", "Julia", "Paul",
         "Marie", "Felix", "Hannah", "Leon", "Lea", "Elias", "Sophie", "Finn", "Laura", "Ben", "Nora", "Jan", "Zoé",
         "Matteo", "Chloé", "Björn", "Ayşe"]
LAST = ["Schmidt", "Meyer", "Fischer", "Brown", "Rossi", "Wagner", "Becker", "Hoffmann", "Schulz", "Weber", "Novak",
        "Keller", "Schäfer", "Koch", "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Zimmermann", "Krüger", "Hartmann",
        "Lange", "Werner", "Dubois", "Martin", "Jansen", "Nowak", "Yılmaz", "Lindqvist"]
PLACES = [("Hauptstraße {n}", "Berlin", "10115", "DE", "+49 30 5550 {p}"), ("Alsterweg {n}", "Hamburg", "20095", "DE", "+49 40 5550 {p}"),
          ("Domstraße {n}", "Köln", "50667", "DE", "+49 221 5550 {p}"), ("{n} Baker Street", "London", "NW1 6XE", "GB", "+44 20 7946 {p}"),
          ("Via Torino {n}", "Milano", "20123", "IT", "+39 02 5550 {p}"), ("Mariahilfer Straße {n}", "Wien", "1060", "AT", "+43 1 5550 {p}"),
          ("Königsallee {n}", "Düsseldorf", "40212", "DE", "+49 211 5550 {p}"), ("Leopoldstraße {n}", "München", "80804", "DE", "+49 89 5550 {p}"),
          ("Bahnhofstrasse {n}", "Zürich", "8001", "CH", "+41 44 555 {p}"), ("Národní {n}", "Praha", "11000", "CZ", "+420 555 {p}"),
          ("Sachsenstraße {n}", "Leipzig", "04107", "DE", "+49 341 5550 {p}"), ("Rue de Rivoli {n}", "Paris", "75001", "FR", "+33 1 5550 {p}")]
COMPANY = ["{l} Consulting GmbH", "{l} & Söhne KG", "{l} Design", "{l} Logistics Ltd", "{l} Import SRL", "", "{l} IT-Service",
           "{l} Architektur", "{l} Treuhand AG", "{l} s.r.o.", "{l} Events", "Atelier {l}"]
ASCII = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e", "ş": "s", "ı": "i", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
AGENTS = ["acme-sync/2.3", "acme-sync/2.4", "acme-shopware-connector/1.8.2", "n8n/1.64.1"]
HOSTS = ["sync-worker-1", "sync-worker-2", "sync-worker-3", "import-job-7f9c"]
STACK = ["TypeError: Cannot read properties of undefined (reading 'id')",
         "    at Object.<anonymous> (/srv/app/index.js:12:5)",
         "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)"]
NOT_A_CALL = [{"level": "info", "msg": "worker started", "pid": 4242},
              {"level": "info", "msg": "queue drained", "pending": 0},
              {"level": "debug", "msg": "cache refreshed", "customers": 412}]
# Placeholders filled per line; all fixed width, so a line's byte length is known from its template.
TS, RID, DATE = "@@TS@@", "@@RID@@", "@@DATE@@"
WIDTH = {TS: 24, RID: 36, DATE: 29}
DAYS, MONTHS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
                                                                   "Sep", "Oct", "Nov", "Dec"]


def jdump(o): return json.dumps(o, ensure_ascii=False, separators=(",", ":"))
def body_text(b): return "" if b is None else b if isinstance(b, str) else jdump(b)


def template(text):
    """'%'-format template of a serialized line, and its byte length once filled."""
    n = len(text.encode()) - sum(text.count(p) * (len(p) - WIDTH[p]) for p in WIDTH)
    text = text.replace("%", "%%").replace(TS, "%(t)s").replace(RID, "%(r)s").replace(DATE, "%(d)s")
    return text, n


class Traffic:
    """Builds distinct calls (as dicts with placeholders) for the pools."""

    def __init__(self, rng):
        self.rng = rng
        alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
        mk = lambda n: "".join(rng.choice(alnum) for _ in range(n))
        self.key_main, self.key_old, self.key_trial, self.key_bad = (f"sk_live_{mk(48)}" for _ in range(4))
        self.cookie = mk(40)
        self.seller_id = self.uuid()
        self.people = []
        for i in range(240):
            f, l = rng.choice(FIRST), rng.choice(LAST)
            street, city, pc, country, phone = rng.choice(PLACES)
            tld = {"DE": "de", "GB": "co.uk", "IT": "it", "AT": "at", "CH": "ch", "CZ": "cz", "FR": "fr"}[country]
            email = f"{f[0] if i % 3 else f}.{l}{i if i % 4 == 0 else ''}@example.{tld}".translate(ASCII).lower()
            self.people.append({"id": self.uuid(), "first_name": f, "last_name": l, "email": email,
                                "phone": phone.format(p=rng.randrange(100, 9999)) if i % 7 else None,
                                "company_name": rng.choice(COMPANY).format(l=l),
                                "language": "de" if country in ("DE", "AT", "CH") else "en",
                                "address": {"street": street.format(n=rng.randrange(1, 180)), "city": city,
                                            "postal_code": pc, "country": country},
                                "created": BASE_MS - rng.randrange(3, 400) * 86_400_000 - rng.randrange(86_400_000)})

    def uuid(self):
        h = "%032x" % self.rng.getrandbits(128)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"

    def customer(self, p, **changes):
        c = {"first_name": p["first_name"], "last_name": p["last_name"], "email": p["email"]}
        if p["phone"]: c["phone"] = p["phone"]
        if p["company_name"]: c["company_name"] = p["company_name"]
        return c | {"language": p["language"], "status": "active", "address_data": dict(p["address"])} | changes

    def stored(self, p, now=False, **changes):
        created = iso_ms(p["created"])
        return {"id": p["id"], "seller_id": self.seller_id, **self.customer(p, **changes), "source": "api",
                "created_at": TS if now else created, "updated_at": TS if now or changes else created}

    def kind(self):
        rng = self.rng
        if rng.random() < FAIL_SHARE:
            return rng.choices(list(FAIL_WEIGHTS), list(FAIL_WEIGHTS.values()))[0]
        return "ok_" + rng.choices(OK_OPS, OK_WEIGHTS)[0]

    def call(self, kind):
        """One call: dict with method, url, status, headers, bodies, duration (placeholders for time and id)."""
        rng = self.rng
        ok = kind.startswith("ok_")
        op = kind[3:] if ok else rng.choice(OPS_FOR.get(kind, OK_OPS))
        p = rng.choice(self.people)
        cid = self.uuid() if kind == "not_found" else p["id"]
        body, url = None, f"{APP}/api/customers/{cid}"
        if op == "create":
            url, body = f"{API}/api/customers", self.customer(p)
        elif op == "patch":
            body = rng.choice([{"status": "inactive"}, {"company_name": p["company_name"] or "Freelance"}, {"language": "en"},
                               {"address_data": dict(p["address"])}, {"phone": p["phone"] or "+49 30 5550 0000"}])
        elif op == "list":
            url = f"{APP}/api/customers?page={rng.randrange(1, 12)}&limit=50"
        messages = KINDS[kind][1] if not ok else []
        message = rng.choice(messages) if messages else None
        if kind == "missing_required_field": body.pop("email" if "email" in message else "first_name")
        elif kind == "invalid_email_format": body["email"] = rng.choice(["{}@@example,de", "{}(at)example.com", "{} @example.org"]).format(p["last_name"].translate(ASCII).lower())
        elif kind == "bad_request":
            body = {} if op == "patch" else {**body, "language": "fr"}
            message = messages[0 if op == "patch" else 1]
        elif kind == "duplicate_email": message = message.format(email=body["email"])
        key = {"invalid_api_key": self.key_bad, "api_key_revoked": self.key_old, "api_key_expired": self.key_trial}.get(kind, self.key_main)
        hdrs = {"accept": "application/json", "user-agent": rng.choice(AGENTS)}
        if body is not None: hdrs["content-type"] = "application/json"
        if kind == "missing_api_key":
            if rng.random() < 0.5: url += ("&" if "?" in url else "?") + f"api_key={self.key_main}"
        elif rng.random() < 0.7: hdrs["x-api-key"] = key
        else: hdrs["authorization"] = f"Bearer {key}"
        status = KINDS[kind][0] if not ok else {"create": 201, "delete": 204}.get(op, 200)
        rh = {"content-type": "application/json; charset=utf-8", "x-request-id": RID, "date": DATE}
        ms = round(rng.lognormvariate(4.8, 0.5), 1)
        if ok:
            rb = {"create": lambda: self.stored(p, now=True), "get": lambda: self.stored(p), "delete": lambda: None,
                  "patch": lambda: self.stored(p, **body),
                  "list": lambda: {"data": [self.stored(q) for q in rng.sample(self.people, 3)], "page": 2, "limit": 50,
                                   "total": len(self.people)}}[op]()
            if rb is None: del rh["content-type"]
        elif kind == "http_502":
            rb, rh = HTML_502, {"content-type": "text/html", "server": "cloudflare", "date": DATE}
        elif kind == "http_504":
            rb, rh, ms = "upstream request timeout", {"content-type": "text/plain", "server": "envoy", "date": DATE}, 15000.0 + rng.randrange(40)
        elif kind == "no_response":
            rb, rh, ms = None, {}, rng.choice([30000.0, round(rng.uniform(60, 400), 1)])
        elif kind == "unauthorized":
            rb = None; rh.pop("content-type")
        else:
            rb = {"error": REASON[status], "message": message}
            if kind == "rate_limited" and rng.random() < 0.5: rh["retry-after"] = str(rng.choice([1, 5, 30, 60]))
        return {"kind": kind, "op": op, "method": METHOD[op], "url": url, "status": status, "req_headers": hdrs,
                "req_body": body, "resp_headers": rh, "resp_body": rb, "ms": ms}


def iso_ms(ms):
    t = time.gmtime(ms // 1000)
    return time.strftime("%Y-%m-%dT%H:%M:%S.", t) + "%03dZ" % (ms % 1000)


def ndjson_line(c, rng):
    failing = c["status"] == 0 or c["status"] >= 400
    rec = {"timestamp": TS, "level": "error" if failing else "info", "host": rng.choice(HOSTS),
           "msg": f"MVO API {c['method']} {'failed' if failing else 'ok'}", "method": c["method"], "url": c["url"],
           "status": c["status"] or None, "duration_ms": c["ms"], "request_id": RID,
           "request": {"headers": c["req_headers"]}}
    if c["req_body"] is not None: rec["request"]["body"] = c["req_body"]
    if c["status"]: rec["response"] = {"headers": c["resp_headers"], "body": c["resp_body"]}
    else: rec["error"] = rng.choice([{"code": "ECONNRESET", "message": "socket hang up"},
                                     {"code": "ETIMEDOUT", "message": "connect ETIMEDOUT 104.21.32.12:443"}])
    return jdump(rec)


def har_entry(c, tr, rng):
    """A Chrome DevTools HAR entry (pretty-printed later, like Chrome's export)."""
    host = c["url"].split("/")[2]
    h2 = host.startswith("api.")
    path = "/" + c["url"].split("/", 3)[3]
    hdrs = ([{"name": ":authority", "value": host}, {"name": ":method", "value": c["method"]},
             {"name": ":path", "value": path}, {"name": ":scheme", "value": "https"}] if h2 else [])
    hdrs += [{"name": "accept", "value": "application/json"}, {"name": "accept-encoding", "value": "gzip, deflate, br, zstd"},
             {"name": "accept-language", "value": "de-DE,de;q=0.9,en-US;q=0.8,en;q=0.7"}]
    hdrs += [{"name": k, "value": v} for k, v in c["req_headers"].items() if k not in ("accept", "user-agent")]
    hdrs += [{"name": "cookie", "value": f"session={tr.cookie}; _ga=GA1.2.1183.1763629200"}, {"name": "origin", "value": ADMIN},
             {"name": "priority", "value": "u=1, i"}, {"name": "referer", "value": ADMIN + "/customers"},
             {"name": "sec-ch-ua", "value": '"Google Chrome";v="131", "Chromium";v="131", "Not_A Brand";v="24"'},
             {"name": "sec-ch-ua-mobile", "value": "?0"}, {"name": "sec-ch-ua-platform", "value": '"Linux"'},
             {"name": "sec-fetch-dest", "value": "empty"}, {"name": "sec-fetch-mode", "value": "cors"},
             {"name": "sec-fetch-site", "value": "cross-site"},
             {"name": "user-agent", "value": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"}]
    query = c["url"].split("?", 1)[1] if "?" in c["url"] else ""
    req = {"method": c["method"], "url": c["url"], "httpVersion": "http/2.0" if h2 else "http/1.1", "headers": hdrs,
           "queryString": [{"name": k, "value": v} for k, _, v in (kv.partition("=") for kv in query.split("&") if kv)],
           "cookies": [{"name": "session", "value": tr.cookie, "path": "/", "domain": ".my-virtual-office.com",
                        "expires": "2026-12-26T09:00:00.000Z", "httpOnly": True, "secure": True}],
           "headersSize": -1, "bodySize": len(body_text(c["req_body"]).encode())}
    if c["req_body"] is not None: req["postData"] = {"mimeType": "application/json", "text": jdump(c["req_body"])}
    ms = c["ms"]
    if c["status"]:
        text = body_text(c["resp_body"])
        rh = [{"name": "access-control-allow-origin", "value": ADMIN}, {"name": "access-control-expose-headers", "value": "x-request-id, retry-after"},
              {"name": "cf-cache-status", "value": "DYNAMIC"}, {"name": "cf-ray", "value": "8e%013x-FRA" % rng.getrandbits(52)}]
        rh += [{"name": k, "value": v} for k, v in c["resp_headers"].items()]
        rh += [{"name": "server", "value": "cloudflare"}, {"name": "vary", "value": "Origin, Accept-Encoding"},
               {"name": "strict-transport-security", "value": "max-age=15552000; includeSubDomains"}]
        content = {"size": len(text.encode()), "mimeType": c["resp_headers"].get("content-type", "x-unknown").split(";")[0]}
        if c["resp_body"] is not None: content["text"] = text
        resp = {"status": c["status"], "statusText": "" if h2 else REASON[c["status"]], "httpVersion": req["httpVersion"],
                "headers": rh, "cookies": [], "content": content, "redirectURL": "", "headersSize": -1, "bodySize": -1,
                "_transferSize": len(text) + 410, "_error": None, "_fetchedViaServiceWorker": False}
        timings = {"blocked": round(ms * 0.05, 3), "dns": -1, "ssl": -1, "connect": -1, "send": 0.214, "wait": round(ms * 0.86, 3),
                   "receive": round(ms * 0.09 - 0.214, 3), "_blocked_queueing": round(ms * 0.03, 3), "_workerStart": -1,
                   "_workerReady": -1, "_workerFetchStart": -1, "_workerRespondWithSettled": -1}
    else:
        resp = {"status": 0, "statusText": "", "httpVersion": "", "headers": [], "cookies": [], "content": {"size": 0, "mimeType": "x-unknown"},
                "redirectURL": "", "headersSize": -1, "bodySize": -1, "_transferSize": 0, "_error": "net::ERR_CONNECTION_RESET"}
        timings = {"blocked": ms, "dns": -1, "ssl": -1, "connect": -1, "send": 0, "wait": 0, "receive": 0, "_blocked_queueing": 0.4}
    return {"_connectionId": str(rng.randrange(100000, 999999)),
            "_initiator": {"type": "script", "stack": {"callFrames": [
                {"functionName": "request", "scriptId": "52", "url": ADMIN + "/assets/index-3f9a2c.js", "lineNumber": 1, "columnNumber": 48211},
                {"functionName": "saveCustomer" if c["method"] in ("POST", "PATCH") else "loadCustomer", "scriptId": "52",
                 "url": ADMIN + "/assets/index-3f9a2c.js", "lineNumber": 1, "columnNumber": 91544}]}},
            "_priority": "High", "_resourceType": "fetch", "cache": {}, "connection": "443", "pageref": "page_1",
            "request": req, "response": resp, "serverIPAddress": "172.67.181.20" if c["status"] else "",
            "startedDateTime": TS, "time": ms, "timings": timings}


class Writer:
    """Writes the same byte stream into several files, each closed at its own size limit."""

    def __init__(self, out, targets):
        self.files = [(name, limit, open(out / (name + ".part"), "wb")) for name, limit in targets]
        self.size, self.buf, self.buf_bytes = 0, [], 0

    def flush(self):
        data = "".join(self.buf).encode()
        for _, _, f in self.files: f.write(data)
        self.buf, self.buf_bytes = [], 0

    def would_close(self, n):  # the first open file that a line of n bytes would overflow
        return self.files and self.size + n > self.files[0][1]

    def close_first(self):
        self.flush()
        name, _, f = self.files.pop(0)
        f.close()
        return name

    def add(self, line, n):
        self.buf.append(line)
        self.size += n
        self.buf_bytes += n
        if self.buf_bytes > 8 * MiB: self.flush()


def gen_ndjson(out, targets, rng, tr, log):
    pool = [tr.call(tr.kind()) for _ in range(POOL_CALLS)]
    tpls = [template(ndjson_line(c, rng) + "\n") for c in pool]
    statuses = [c["status"] for c in pool]
    truncated = []  # cut copies of pool lines: (text, bytes, as counted)
    for c in pool[:200]:
        filled = (ndjson_line(c, rng)).replace(TS, iso_ms(BASE_MS)).replace(RID, tr.uuid()).replace(DATE, "Thu, 26 Nov 2026 09:00:00 GMT")
        cut = filled[: rng.randrange(len(filled) // 5, len(filled) * 9 // 10)] + "\n"
        truncated.append((cut, len(cut.encode())))
    stack = [(s + "\n", len(s.encode()) + 1) for s in STACK]
    not_call = [template(jdump({"timestamp": TS, **o}) + "\n") for o in NOT_A_CALL]
    w = Writer(out, targets)
    hits = [0] * len(pool)
    extra = Counter()  # lines that are not calls
    t = BASE_MS
    last_sec, sec_ts, sec_date = None, "", ""
    expected = {}
    bad_p = sum(RATES.values())
    bounds = []  # cumulative thresholds to pick the kind of bad event
    acc = 0.0
    for k, r in RATES.items():
        acc += r / bad_p; bounds.append((acc, k))
    lines_total = 0
    started = time.time()

    def snapshot(name):
        by_status = Counter()
        for i, n in enumerate(hits):
            if n: by_status[statuses[i]] += n
        records = sum(by_status.values())
        skipped = extra["not_json"] + extra["truncated"] + extra["not_a_call"]
        expected[name] = {"format": "ndjson", "bytes": w.size, "lines": lines_total, "records": records,
                          "skipped": skipped, "skipped_by_reason": {k: extra[k] for k in ("not_json", "truncated", "not_a_call")},
                          "blank_lines": extra["blank"],
                          "errors": sum(n for s, n in by_status.items() if s == 0 or s >= 400),
                          "by_status": {str(s): n for s, n in sorted(by_status.items())}}
        log(f"  {name}: {w.size} bytes, {lines_total} lines, {records} records, {skipped} skipped "
            f"({time.time() - started:.1f} s)")

    def emit(text, n):
        nonlocal lines_total
        while w.would_close(n):
            snapshot(w.close_first())
        w.add(text, n)
        lines_total += 1

    while w.files:
        picks = rng.choices(range(len(pool)), k=4096)
        gaps = rng.choices(range(2, 44), k=4096)
        bad = rng.random
        for i, g in zip(picks, gaps):
            if not w.files: break
            t += g
            sec = t // 1000
            if sec != last_sec:
                tm = time.gmtime(sec)
                sec_ts = time.strftime("%Y-%m-%dT%H:%M:%S.", tm)
                sec_date = f"{DAYS[tm.tm_wday]}, {tm.tm_mday:02d} {MONTHS[tm.tm_mon - 1]} {tm.tm_year} {time.strftime('%H:%M:%S', tm)} GMT"
                last_sec = sec
            ts = "%s%03dZ" % (sec_ts, t % 1000)
            h = "%032x" % rng.getrandbits(128)
            rid = f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"
            if bad() < bad_p:
                x = bad()
                kind = next(k for b, k in bounds if x <= b)
                if kind == "stack_trace":
                    for s, n in stack:
                        emit(s, n); extra["not_json"] += 1
                elif kind == "truncated":
                    s, n = rng.choice(truncated)
                    emit(s, n); extra["truncated"] += 1
                elif kind == "not_a_call":
                    s, n = rng.choice(not_call)
                    emit(s % {"t": ts}, n); extra["not_a_call"] += 1
                else:
                    emit("\n", 1); extra["blank"] += 1
            tpl, n = tpls[i]
            emit(tpl % {"t": ts, "r": rid, "d": sec_date}, n)  # snapshots (if any) are taken before this line
            hits[i] += 1
    return expected


def gen_har(out, rng, tr, log):
    started = time.time()
    pool = []
    for _ in range(POOL_HAR):
        e = har_entry(tr.call(tr.kind()), tr, rng)
        text = json.dumps(e, ensure_ascii=False, indent=2).replace("\n", "\n      ")
        pool.append((template("      " + text), e["response"]["status"]))
    head = json.dumps({"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"},
                               "pages": [{"startedDateTime": iso_ms(BASE_MS), "id": "page_1", "title": ADMIN + "/customers",
                                          "pageTimings": {"onContentLoad": 412.3, "onLoad": 655.1}}], "entries": []}}, indent=2)
    head, tail = head.split('"entries": []')
    head += '"entries": [\n'
    tail = "\n    ]" + tail + "\n"
    size = len(head.encode()) + len(tail.encode())
    parts, by_status, t = [head], Counter(), BASE_MS + 2000
    while True:
        (tpl, n), status = rng.choice(pool)
        if size + n + 2 > HAR_BYTES: break
        t += rng.randrange(20, 900)
        text = tpl % {"t": iso_ms(t), "r": tr.uuid(), "d": time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(t // 1000))}
        parts.append(text if len(parts) == 1 else ",\n" + text)
        size += n + (0 if len(parts) == 2 else 2)
        by_status[status] += 1
    parts.append(tail)
    data = "".join(parts).encode()
    (out / (HAR_NAME + ".part")).write_bytes(data)
    assert len(data) == size, (len(data), size)
    records = sum(by_status.values())
    log(f"  {HAR_NAME}: {len(data)} bytes, {records} entries ({time.time() - started:.1f} s)")
    return {HAR_NAME: {"format": "har", "bytes": len(data), "records": records, "skipped": 0,
                       "errors": sum(n for s, n in by_status.items() if s == 0 or s >= 400),
                       "by_status": {str(s): n for s, n in sorted(by_status.items())}}}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=Path.home() / ".cache" / "errlens-bench-data")
    ap.add_argument("--quick", action="store_true", help="only the 64 MiB and 256 MiB logs")
    ap.add_argument("--force", action="store_true", help="regenerate even when the data is already there")
    args = ap.parse_args()
    out = args.out.expanduser()
    repo = Path(__file__).resolve().parents[2]
    if out.resolve().is_relative_to(repo):
        sys.exit(f"refusing to write benchmark data inside the repository ({out})")
    out.mkdir(parents=True, exist_ok=True)
    targets = NDJSON[:2] if args.quick else NDJSON
    manifest_path = out / "expected.json"
    if manifest_path.exists() and not args.force:
        old = json.loads(manifest_path.read_text())
        want = [name for name, _ in targets] + ([] if args.quick else [HAR_NAME])
        if old.get("generator", {}).get("version") != GEN_VERSION or old["generator"].get("seed") != SEED:
            why = "another generator version"
        else:
            why = next((f"{name} is missing or has another size" for name in want if name not in old["files"]
                        or not (out / name).exists() or (out / name).stat().st_size != old["files"][name]["bytes"]), None)
        if why is None:
            print(f"data in {out} is up to date (generator v{GEN_VERSION}); --force regenerates it")
            return
        print(f"regenerating: {why}")
    log = lambda s: print(s, flush=True)
    log(f"generating into {out} (seed {SEED}, generator v{GEN_VERSION})")
    rng = random.Random(SEED)
    tr = Traffic(rng)
    files = gen_ndjson(out, targets, rng, tr, log)
    if not args.quick:
        files.update(gen_har(out, random.Random(SEED + 1), Traffic(random.Random(SEED + 2)), log))
    for name in files: os.replace(out / (name + ".part"), out / name)
    manifest = {"generator": {"version": GEN_VERSION, "seed": SEED, "rates_per_call_line": RATES, "failure_share": FAIL_SHARE,
                              "note": "status '0' = no response (logged as \"status\": null; jq '.status // empty' drops it)"},
                "files": files}
    if manifest_path.exists() and args.quick:  # keep what a full run wrote for the other files
        old = json.loads(manifest_path.read_text())
        if old.get("generator", {}).get("version") == GEN_VERSION:
            manifest["files"] = {**{k: v for k, v in old["files"].items() if (out / k).exists()}, **files}
    manifest_path.write_text(json.dumps(manifest, indent=2) + "\n")
    log(f"wrote {manifest_path}")


if __name__ == "__main__":
    main()
