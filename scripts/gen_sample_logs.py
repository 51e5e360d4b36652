#!/usr/bin/env python3
"""Generate errlens' bundled sample-logs/ folder: fake My Virtual Office API traffic in nine log shapes, and planted retry chains.

Deterministic (random.Random(20261120), base time 2026-11-20T09:00:00Z): two runs give identical bytes.
Usage: python3 scripts/gen_sample_logs.py [OUT_DIR]      (default: <repo>/sample-logs, rewritten completely)
       python3 scripts/gen_sample_logs.py --check [OUT_DIR]  (re-read the files and recount the manifest)
The manifest tests/sample-logs.expected.json comes from this script's own bookkeeping, never from errlens.
"""
import csv, gzip, io, json, random, re, sys, uuid
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit, parse_qsl

SEED, BASE = 20261120, datetime(2026, 11, 20, 9, 0, 0, tzinfo=timezone.utc)
API, APP = "https://api.my-virtual-office.com", "https://app-api.my-virtual-office.com"
ACCOUNT_EMAIL, UA = "ops@acme-shop.example", "acme-sync/2.3"
BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
REASON = {200: "OK", 201: "Created", 204: "No Content", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
          404: "Not Found", 409: "Conflict", 422: "Unprocessable Entity", 429: "Too Many Requests",
          500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout"}
HTML_502 = ("<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n"
            "<center><h1>502 Bad Gateway</h1></center>\n<hr><center>cloudflare</center>\n</body>\n</html>\n")
TEXT_504 = "upstream request timeout"
# kind id -> (status, message variants; used in rotation so every variant appears)
KINDS = {
    "missing_api_key": (401, ["API key is required. Provide it via X-API-Key header or Authorization Bearer token."]),
    "invalid_api_key": (401, ["Invalid API key", "The API key provided is invalid"]),
    "api_key_revoked": (401, ["API key has been revoked"]),
    "api_key_expired": (401, ["API key has expired"]),
    "unauthorized": (401, []),  # a 401 whose body nobody captured
    "missing_required_field": (400, ["body must have required property 'email'", "body must have required property 'first_name'"]),
    "invalid_email_format": (400, ['body/email must match format "email"']),
    "bad_request": (400, ["body must NOT have fewer than 1 properties", "body/language must be equal to one of the allowed values"]),
    "customer_limit_reached": (403, ["Customer limit reached for your plan (500 customers)",
                                     "You have reached the maximum number of customers allowed by your subscription"]),
    "forbidden": (403, ["Insufficient permissions for this API key"]),
    "not_found": (404, ["Customer not found"]),
    "duplicate_email": (409, ["Customer with email {email} already exists", "Duplicate email: {email} is already registered"]),
    "conflict": (409, ["Customer is being modified by another request"]),
    "rate_limited": (429, ["Too many requests, please slow down"]),
    "internal_error": (500, ["Internal server error"]),
    "service_unavailable": (503, ["Service temporarily unavailable"]),
    "http_422": (422, ["address_data.postal_code is not valid for the given country"]),
    "http_502": (502, []), "http_504": (504, []), "no_response": (0, []),
}
STATUS_KIND = {401: "unauthorized", 400: "bad_request", 403: "forbidden", 409: "conflict", 404: "not_found",
               429: "rate_limited", 500: "internal_error", 503: "service_unavailable", 0: "no_response"}
OPS_FOR = {"missing_required_field": ["create"], "invalid_email_format": ["create"], "customer_limit_reached": ["create"],
           "duplicate_email": ["create"], "http_422": ["create"],
           "not_found": ["get", "patch", "delete"], "conflict": ["patch"], "forbidden": ["delete", "list", "create"]}
OK_OPS, OK_WEIGHTS = ["create", "get", "patch", "delete", "list"], [30, 35, 18, 9, 8]
COMMON_FAILS = ["duplicate_email", "duplicate_email", "not_found", "rate_limited", "rate_limited", "invalid_email_format",
                "missing_required_field", "internal_error", "service_unavailable", "customer_limit_reached", "no_response"]
BAD_EMAILS = [(0, "anna.schmidt@@example,de"), (1, "j.meyer(at)example.com"), (2, "lena fischer@example.org")]  # (person, typo)
# first, last, email, phone, company, language, street, city, postal_code, country
PEOPLE = [
    ("Anna", "Schmidt", "anna.schmidt@example.de", "+49 30 5550 1234", "Schmidt Consulting GmbH", "de", "Hauptstraße 12", "Berlin", "10115", "DE"),
    ("Jonas", "Meyer", "j.meyer@example.com", "+49 40 5550 9876", "Meyer & Söhne KG", "de", "Alsterweg 5", "Hamburg", "20095", "DE"),
    ("Lena", "Fischer", "lena.fischer@example.org", "+49 221 5550 199", "Fischer Design", "de", "Domstraße 3", "Köln", "50667", "DE"),
    ("Oliver", "Brown", "oliver.brown@example.co.uk", "+44 20 7946 0958", "Brown Logistics Ltd", "en", "221 Baker Street", "London", "NW1 6XE", "GB"),
    ("Sofia", "Rossi", "sofia.rossi@example.it", "+39 02 5550 4411", "Rossi Import SRL", "en", "Via Torino 48", "Milano", "20123", "IT"),
    ("Emma", "Wagner", "emma.wagner@example.at", "+43 1 5550 2290", "", "de", "Mariahilfer Straße 77", "Wien", "1060", "AT"),
    ("Lukas", "Becker", "lukas.becker@example.de", None, "Becker IT-Service", "de", "Königsallee 21", "Düsseldorf", "40212", "DE"),
    ("Mia", "Hoffmann", "mia.hoffmann@example.net", "+49 89 5550 7781", "Hoffmann Architektur", "de", "Leopoldstraße 140", "München", "80804", "DE"),
    ("Noah", "Schulz", "noah.schulz@example.de", "+49 711 5550 312", "", "en", "Königstraße 1a", "Stuttgart", "70173", "DE"),
    ("Clara", "Weber", "clara.weber@example.ch", "+41 44 555 01 23", "Weber Treuhand AG", "de", "Bahnhofstrasse 10", "Zürich", "8001", "CH"),
    ("David", "Novak", "david.novak@example.cz", "+420 555 123 456", "Novak s.r.o.", "en", "Národní 9", "Praha", "11000", "CZ"),
    ("Julia", "Keller", "julia.keller@example.de", "+49 341 5550 660", "Keller Events", "de", "Sachsenstraße 4", "Leipzig", "04107", "DE"),
]


@dataclass
class Call:
    """One API call; kind is the intended error kind (None = success), status 0 = no response."""
    kind: str | None
    t: datetime
    method: str
    url: str
    status: int
    req_headers: dict
    req_body: object  # dict or None
    resp_headers: dict
    resp_body: object  # dict, str (HTML / plain text) or None
    ms: float
    rid: str
    path = property(lambda self: "/" + self.url.split("://", 1)[1].split("/", 1)[1])  # path and query
    host = property(lambda self: urlsplit(self.url).hostname)
    failing = property(lambda self: self.status == 0 or self.status >= 400)


def iso_ms(t): return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"
def comma_ms(t): return t.strftime("%Y-%m-%d %H:%M:%S,") + f"{t.microsecond // 1000:03d}"
def jdump(o): return json.dumps(o, ensure_ascii=False, separators=(",", ":"))
def body_text(b): return "" if b is None else b if isinstance(b, str) else jdump(b)


class Traffic:
    """Builds calls with their intended kind and remembers every planted secret."""

    def __init__(self):
        self.rng = rng = random.Random(SEED)
        alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
        mk = lambda n: "".join(rng.choice(alnum) for _ in range(n))
        self.key_main, self.key_old, self.key_trial, self.key_bad = (f"sk_live_{mk(48)}" for _ in range(4))
        self.cookies = [mk(40), mk(40)]
        self.seller_id = self.uuid()
        self.ids = [self.uuid() for _ in PEOPLE]
        self.turn = {}  # rotation counters
        self.secrets = {k: [] for k in ("api_keys", "cookies", "customer_emails", "phones", "names", "streets")}

    def uuid(self): return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def next(self, name, seq):  # rotate through seq, so that every variant appears
        self.turn[name] = self.turn.get(name, -1) + 1
        return seq[self.turn[name] % len(seq)]

    def note(self, group, value):
        if value and value not in self.secrets[group]: self.secrets[group].append(value)

    def track(self, o):
        if isinstance(o, list):
            for x in o: self.track(x)
        elif isinstance(o, dict):
            self.note("customer_emails", o.get("email"))
            self.note("phones", o.get("phone"))
            self.note("streets", o.get("street"))
            self.note("names", o.get("first_name"))  # names as they appear: each name field on its own
            self.note("names", o.get("last_name"))
            for v in o.values(): self.track(v)

    def customer(self, i, **changes):
        f, l, email, phone, company, lang, street, city, pc, country = PEOPLE[i]
        c = {"first_name": f, "last_name": l, "email": email}
        if phone: c["phone"] = phone
        if company: c["company_name"] = company
        address = {"street": street, "city": city, "postal_code": pc, "country": country}
        return c | {"language": lang, "status": "active", "address_data": address} | changes

    def stored(self, i, t, **changes):
        created = (t - timedelta(days=3 + i * 17, minutes=i * 41)).replace(microsecond=0)
        return {"id": self.ids[i], "seller_id": self.seller_id, **self.customer(i, **changes), "source": "api",
                "created_at": iso_ms(created), "updated_at": iso_ms(t if changes else created)}

    def plan(self, n, required, fail_share=0.4):
        fails = list(required)
        while len(fails) < round(n * fail_share): fails.append(self.rng.choice(COMMON_FAILS))
        seq = fails + ["ok_" + self.rng.choices(OK_OPS, OK_WEIGHTS)[0] for _ in range(n - len(fails))]
        self.rng.shuffle(seq)
        return seq

    def calls(self, n, start_h, span_h, required):
        t0 = BASE + timedelta(hours=start_h)
        times = sorted(t0 + timedelta(milliseconds=self.rng.randrange(int(span_h * 3600000))) for _ in range(n))
        return [self.make(k, t) for k, t in zip(self.plan(n, required), times)]

    def make(self, kind, t):
        rng = self.rng
        ok = kind.startswith("ok_")
        op = kind[3:] if ok else rng.choice(OPS_FOR.get(kind, OK_OPS))
        if kind == "bad_request": op = self.next("bad_op", ["patch", "create"])
        i = rng.randrange(len(PEOPLE))
        if kind == "invalid_email_format": i, bad_email = self.next("bad_email", BAD_EMAILS)
        cid = self.uuid() if kind == "not_found" else self.ids[i]
        body, url = None, f"{APP}/api/customers/{cid}"
        method = {"create": "POST", "get": "GET", "patch": "PATCH", "delete": "DELETE", "list": "GET"}[op]
        if op == "create":
            url, body = f"{API}/api/customers", self.customer(i)
        elif op == "patch":
            body = rng.choice([{"status": "inactive"}, {"company_name": PEOPLE[i][4] or "Freelance"}, {"language": "en"},
                               {"address_data": self.customer(i)["address_data"]}])
        elif op == "list":
            url = f"{APP}/api/customers?page=2&limit=50"
        message = self.next(kind, KINDS[kind][1]) if not ok and KINDS[kind][1] else None
        if kind == "missing_required_field": body.pop("email" if "email" in message else "first_name")
        elif kind == "invalid_email_format": body["email"] = bad_email
        elif kind == "bad_request":
            body = {} if op == "patch" else {**body, "language": "fr"}
            message = KINDS[kind][1][0 if op == "patch" else 1]
        elif kind == "duplicate_email": message = message.format(email=body["email"])
        # authentication
        key = {"invalid_api_key": self.key_bad, "api_key_revoked": self.key_old, "api_key_expired": self.key_trial}.get(kind, self.key_main)
        hdrs = {"accept": "application/json", "user-agent": UA}
        if body is not None: hdrs["content-type"] = "application/json"
        if kind == "missing_api_key":
            if self.next("query_key", [False, True]):  # old integration code put the key in the query: not accepted
                url += ("&" if "?" in url else "?") + f"api_key={self.key_main}"
        elif rng.random() < 0.7: hdrs["x-api-key"] = key
        else: hdrs["authorization"] = f"Bearer {key}"
        if ok and rng.random() < 0.06:
            url += ("&" if "?" in url else "?") + f"api_key={key}"
        if "x-api-key" in hdrs or "authorization" in hdrs: self.note("api_keys", key)
        if "api_key=" in url: self.note("api_keys", url.rsplit("api_key=", 1)[1])
        # response
        status = KINDS[kind][0] if not ok else {"create": 201, "delete": 204}.get(op, 200)
        rid = self.uuid()
        rh = {"content-type": "application/json; charset=utf-8", "x-request-id": rid, "date": t.strftime("%a, %d %b %Y %H:%M:%S GMT")}
        ms = round(rng.lognormvariate(4.8, 0.5), 1)
        if ok:
            rb = {"create": lambda: self.stored(i, t) | {"created_at": iso_ms(t), "updated_at": iso_ms(t)},
                  "get": lambda: self.stored(i, t), "delete": lambda: None,
                  "patch": lambda: self.stored(i, t, **body),
                  "list": lambda: {"data": [self.stored(j, t) for j in rng.sample(range(len(PEOPLE)), 3)], "page": 2, "limit": 50, "total": 53}}[op]()
            if rb is None: del rh["content-type"]
        elif kind == "http_502":
            rb, rh = HTML_502, {"content-type": "text/html", "server": "cloudflare", "date": rh["date"]}
        elif kind == "http_504":
            rb, rh, ms = TEXT_504, {"content-type": "text/plain", "server": "envoy", "date": rh["date"]}, 15000.0 + rng.randrange(40)
        elif kind == "no_response":
            rb, rh, ms = None, {}, self.next("nr_ms", [30000.0, round(rng.uniform(60, 400), 1)])
        elif kind == "unauthorized":
            rb = None; rh.pop("content-type")
        else:
            rb = {"error": REASON[status], "message": message}
            if kind == "rate_limited" and self.next("retry_after", [True, False]): rh["retry-after"] = "30"
        self.track(body)
        self.track(rb)
        return Call(None if ok else kind, t, method, url, status, hdrs, body, rh, rb, ms, rid)


# ---------------------------------------------------------------- writers: each returns (bytes, extra manifest, skipped_lines)

def ndjson_lines(calls, tr, later=False):
    """Application log (app.ndjson and, with later=True, the gzipped second log)."""
    out, skipped = [], []
    def add(line, why=None):
        out.append(line)
        if why: skipped.append({"line": len(out), "why": why})
    add(jdump({"level": "info", "msg": "worker started", "pid": 4243 if later else 4242}), "not an api call")
    for n, c in enumerate(calls):
        rec = {"timestamp": iso_ms(c.t), "level": "error" if c.failing else "info",
               "msg": f"MVO API {c.method} failed" if c.failing else f"MVO API {c.method} ok",
               "method": c.method, "url": c.url, "status": c.status or None, "duration_ms": c.ms, "request_id": c.rid,
               "request": {"headers": dict(c.req_headers)}}
        if c.req_body is not None: rec["request"]["body"] = c.req_body
        if not later and n % 17 == 5: rec["request"]["headers"]["cookie"] = f"session={tr.cookies[0]}"; tr.note("cookies", tr.cookies[0])
        if c.status:
            rec["response"] = {"headers": c.resp_headers, "body": c.resp_body}
        elif later:
            del rec["status"]; rec["error"] = "ETIMEDOUT"
        else:
            rec["error"] = {"code": "ECONNRESET", "message": "socket hang up"}
        add(jdump(rec))
        if not later and n == len(calls) // 3:
            add("TypeError: Cannot read properties of undefined (reading 'id')", "not json")
            add("    at Object.<anonymous> (/srv/app/index.js:12:5)", "not json")
            add("    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)", "not json")
        if not later and n == (2 * len(calls)) // 3:  # the process was killed while writing this line
            cut = tr.make("ok_create", c.t + timedelta(milliseconds=3))
            line = jdump({"timestamp": iso_ms(cut.t), "level": "info", "msg": "MVO API POST ok", "method": "POST", "url": cut.url,
                          "status": 201, "request": {"headers": cut.req_headers, "body": cut.req_body}})
            add(line[: line.index('"language"') + 8], "truncated")  # cut mid-JSON, after the key and email
        if n in (10, 11, 40): out.append("")  # blank lines: ignored, not counted
    return out, skipped

def joined(lines): return ("\n".join(lines) + "\n").encode()

def write_app(calls, tr):
    lines, skipped = ndjson_lines(calls, tr)
    return joined(lines), {"format": "ndjson"}, skipped

def write_gz(calls, tr):  # no file name and mtime 0 in the gzip header: identical bytes on every run
    lines, skipped = ndjson_lines(calls, tr, later=True)
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0) as gz: gz.write(joined(lines))
    return buf.getvalue(), {"format": "ndjson", "compression": "gzip"}, skipped

def write_ecs(calls, tr):
    out = []
    for n, c in enumerate(calls):
        u = urlsplit(c.url)
        req = {"method": c.method, "headers": dict(c.req_headers)}
        if n % 4 == 1: req["headers"]["cookie"] = f"session={tr.cookies[1]}; _ga=GA1.2.1183.1763629200"; tr.note("cookies", tr.cookies[1])
        if n % 5: req["id"] = c.rid  # some gateway nodes only set trace.id
        if c.req_body is not None: req["body"] = {"content": jdump(c.req_body), "bytes": len(jdump(c.req_body).encode())}
        ev = {"@timestamp": iso_ms(c.t), "ecs": {"version": "8.11.0"}, "log": {"level": "error" if c.failing else "info"},
              "event": {"kind": "event", "category": ["web"], "outcome": "failure" if c.failing else "success",
                        "duration": int(c.ms * 1_000_000)},
              "service": {"name": "egress-gateway", "type": "gateway"}, "http": {"version": "1.1", "request": req},
              "url": {"full": c.url, "scheme": "https", "domain": u.hostname, "path": u.path}}
        if u.query: ev["url"]["query"] = u.query
        if c.status:
            resp = {"status_code": c.status, "headers": c.resp_headers}
            if c.resp_body is not None: resp["body"] = {"content": body_text(c.resp_body)}
            ev["http"]["response"] = resp
        else:
            ev["error"] = {"type": "upstream_reset", "message": "upstream connect error or disconnect/reset before headers. reset reason: connection termination"}
        ev["user_agent"] = {"original": UA}
        ev["trace"] = {"id": c.rid.replace("-", "")}
        ev["message"] = f"{c.method} {u.path} {c.status or '-'}"
        out.append(jdump(ev))
    return joined(out), {"format": "ndjson"}, []

def write_har(calls, tr):
    entries = []
    for c in calls:
        h2 = c.host.startswith("api.")
        u = urlsplit(c.url)
        hdrs = ([{"name": ":authority", "value": c.host}, {"name": ":method", "value": c.method},
                 {"name": ":path", "value": c.path}, {"name": ":scheme", "value": "https"}] if h2 else [])
        hdrs += [{"name": k, "value": v} for k, v in c.req_headers.items() if k != "user-agent"]
        hdrs += [{"name": "cookie", "value": f"session={tr.cookies[0]}"}, {"name": "origin", "value": "https://admin.acme-shop.example"},
                 {"name": "user-agent", "value": BROWSER_UA}]
        tr.note("cookies", tr.cookies[0])
        req = {"method": c.method, "url": c.url, "httpVersion": "http/2.0" if h2 else "http/1.1", "headers": hdrs,
               "queryString": [{"name": k, "value": v} for k, v in parse_qsl(u.query)],
               "cookies": [{"name": "session", "value": tr.cookies[0], "path": "/", "domain": ".my-virtual-office.com",
                            "expires": "2026-12-20T09:00:00.000Z", "httpOnly": True, "secure": True}],
               "headersSize": -1, "bodySize": len(body_text(c.req_body).encode())}
        if c.req_body is not None: req["postData"] = {"mimeType": "application/json", "text": jdump(c.req_body)}
        text = body_text(c.resp_body)
        if c.status:
            content = {"size": len(text.encode()), "mimeType": c.resp_headers.get("content-type", "x-unknown").split(";")[0]}
            if c.resp_body is not None: content["text"] = text
            resp = {"status": c.status, "statusText": "" if h2 else REASON[c.status], "httpVersion": req["httpVersion"],
                    "headers": [{"name": k, "value": v} for k, v in c.resp_headers.items()], "cookies": [], "content": content,
                    "redirectURL": "", "headersSize": -1, "bodySize": -1, "_transferSize": len(text) + 310, "_error": None}
            wait = round(c.ms * 0.86, 3)
            timings = {"blocked": round(c.ms * 0.05, 3), "dns": -1, "ssl": -1, "connect": -1, "send": 0.214, "wait": wait,
                       "receive": round(c.ms * 0.09 - 0.214, 3), "_blocked_queueing": round(c.ms * 0.03, 3)}
        else:
            resp = {"status": 0, "statusText": "", "httpVersion": "", "headers": [], "cookies": [], "content": {"size": 0, "mimeType": "x-unknown"},
                    "redirectURL": "", "headersSize": -1, "bodySize": -1, "_transferSize": 0, "_error": "net::ERR_CONNECTION_RESET"}
            timings = {"blocked": c.ms, "dns": -1, "ssl": -1, "connect": -1, "send": 0, "wait": 0, "receive": 0, "_blocked_queueing": 0.4}
        entries.append({"_initiator": {"type": "script"}, "_priority": "High", "_resourceType": "fetch", "cache": {},
                        "connection": "443", "request": req, "response": resp,
                        "serverIPAddress": "" if not c.status else "172.67.181.20", "startedDateTime": iso_ms(c.t),
                        "time": c.ms, "timings": timings})
    har = {"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"}, "pages": [], "entries": entries}}
    return (json.dumps(har, ensure_ascii=False, indent=2) + "\n").encode(), {"format": "har"}, []

def write_csv(calls, tr):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["time", "method", "endpoint", "status", "request_id", "duration_ms", "request_body", "response_body"])
    ragged = next(n for n, c in enumerate(calls) if c.kind == "not_found")
    for n, c in enumerate(calls):
        row = [comma_ms(c.t), c.method, c.url, c.status, c.rid, round(c.ms), body_text(c.req_body), body_text(c.resp_body)]
        w.writerow(row[:6] if n == ragged else row)  # ragged: the tool dropped the body cells
    footer_line = buf.getvalue().count("\n") + 1
    w.writerow([f"Exported by ApiWatch 4.2 - {(calls[-1].t + timedelta(minutes=4)).strftime('%Y-%m-%d %H:%M')} UTC"])
    return ("\ufeff" + buf.getvalue()).encode(), {"format": "csv"}, [{"line": footer_line, "why": "not an api call"}]

def write_calls_json(calls, tr):
    items = []
    for c in calls:
        code = c.status or None
        if code and (code == 409 or tr.rng.random() < 0.3): code = str(code)
        item = {"ts": int(c.t.timestamp() * 1000), "http_method": c.method, "path": c.path, "status_code": code,
                "requestId": c.rid, "latency_ms": round(c.ms), "request_body": c.req_body, "response_body": c.resp_body}
        if not c.status: item["error"] = "ETIMEDOUT"
        items.append(item)
    note_at = (len(items) * 7) // 10
    items.insert(note_at, {"note": "export truncated by admin"})
    text = json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    starts = [n for n, line in enumerate(text.split("\n"), 1) if line == "  {"]
    return text.encode(), {"format": "json"}, [{"line": starts[note_at], "why": "not an api call"}]

def write_worker(calls, tr):
    out, skipped = [], []
    def extra(t, text):
        out.append(f"{comma_ms(t)} {text}")
        skipped.append({"line": len(out), "why": "not an api call"})
    extra(calls[0].t - timedelta(seconds=2), f"INFO [sync] sync loop started for account {ACCOUNT_EMAIL}")
    extra(calls[0].t - timedelta(seconds=1), f"DEBUG [sync] using key {tr.key_main}")
    extra(calls[0].t - timedelta(milliseconds=500), "DEBUG [cache] cache warm (412 customers)")
    for n, c in enumerate(calls):
        target = f"{c.method} {c.path}"
        if c.kind == "no_response":
            out.append(f"{comma_ms(c.t)} ERROR [sync] {target} failed: connection timed out after 30000 ms")
        elif not c.failing:
            out.append(f"{c.t.strftime('%Y-%m-%dT%H:%M:%SZ')} INFO {c.method} {c.url} {c.status} ({round(c.ms)} ms)")
        elif c.kind in ("rate_limited", "internal_error", "customer_limit_reached", "api_key_expired") and tr.next("w_bodyonly", [True, False]):
            verb = {"POST": "create", "PATCH": "update", "DELETE": "delete"}.get(c.method, "fetch")
            out.append(f"{comma_ms(c.t)} ERROR [sync] {verb} failed: {jdump(c.resp_body)}")
        else:
            body = body_text(c.resp_body).replace("\n", "")
            line = f"{comma_ms(c.t)} ERROR [sync] {target} -> {c.status} {REASON[c.status]} {body}"
            if c.kind in ("invalid_email_format", "missing_required_field"): line += f" payload={jdump(c.req_body)}"
            out.append(line)
        if n == 20: extra(c.t + timedelta(milliseconds=5), "WARNING [sync] backing off for 30 s (attempt 2/5)")
        if n == 35:
            p = next(x.req_body for x in calls if x.method == "POST" and x.req_body and "last_name" in x.req_body and "first_name" in x.req_body)
            extra(c.t + timedelta(milliseconds=9), f"INFO [sync] synced customer {p['first_name']} {p['last_name']}")
    tr.note("api_keys", tr.key_main)
    return joined(out), {"format": "text"}, skipped

def write_envoy(calls, tr):
    out = []
    for c in calls:
        flags, details, up = "-", "via_upstream", str(max(1, round(c.ms) - 1))
        if c.status == 504: flags, details, up = "UT", "response_timeout", "-"
        if c.status == 0: flags, details, up = "DC", "downstream_remote_disconnect", "-"
        sent = 0 if c.status == 0 else len(body_text(c.resp_body).encode())
        out.append(f'[{iso_ms(c.t)}] "{c.method} {c.path} HTTP/1.1" {c.status} {flags} {details} - "-" '
                   f'{len(body_text(c.req_body).encode())} {sent} {round(c.ms)} {up} "-" "{UA}" "{c.rid}" "{c.host}" '
                   f'"{"-" if c.status == 0 else "10.0.0.7:443"}"')
    return joined(out), {"format": "envoy"}, []

def write_okhttp(calls, tr):
    """An Android app's logcat with OkHttp's HttpLoggingInterceptor at level BODY: each call a
    request block (--> ... --> END) and its response block (<-- ... <-- END HTTP), or HTTP FAILED."""
    out, skipped = [], []
    def log(t, text, tag="okhttp.OkHttpClient"):
        out.append(f"{t.strftime('%Y-%m-%d %H:%M:%S.')}{t.microsecond // 1000:03d}  4321-4398 I/{tag}: {text}")
    def extra(t, text):
        log(t, text, tag="ContactSync")
        skipped.append({"line": len(out), "why": "not an api call"})
    extra(calls[0].t - timedelta(seconds=1), f"sync started for {ACCOUNT_EMAIL}")
    for n, c in enumerate(calls):
        req = body_text(c.req_body)
        log(c.t, f"--> {c.method} {c.url}")
        for name, value in c.req_headers.items():
            log(c.t, f"{name}: {value}")
        if req:
            log(c.t, req)
        log(c.t, f"--> END {c.method}" + (f" ({len(req.encode())}-byte body)" if req else ""))
        done = c.t + timedelta(milliseconds=c.ms)
        if c.status == 0:
            log(done, "<-- HTTP FAILED: java.net.SocketTimeoutException: timeout")
            continue
        log(done, f"<-- {c.status} {REASON.get(c.status, '')} {c.url} ({round(c.ms)}ms)".replace("  ", " "))
        for name, value in c.resp_headers.items():
            log(done, f"{name}: {value}")
        resp = body_text(c.resp_body).replace("\n", " ")
        if resp:
            log(done, resp)
        log(done, f"<-- END HTTP ({len(resp.encode())}-byte body)")
        if n == 25: extra(done + timedelta(milliseconds=3), "retrying in 30 s (attempt 2/5)")
    return joined(out), {"format": "okhttp"}, skipped


# ---------------------------------------------------------------- retry chains (issue 17): planted, with their account

def retry_call(tr, kind, t, method, url, body=None, key=None, retry_after=None, idem=None):
    """One call of a planted episode; kind None = success (201 for POST, 200 otherwise)."""
    status = KINDS[kind][0] if kind else (201 if method == "POST" else 200)
    rid = tr.uuid()
    hdrs = {"accept": "application/json", "user-agent": UA, "x-api-key": key or tr.key_main}
    if body is not None: hdrs["content-type"] = "application/json"
    if idem: hdrs["idempotency-key"] = idem
    tr.note("api_keys", hdrs["x-api-key"])
    rh = {"content-type": "application/json; charset=utf-8", "x-request-id": rid, "date": t.strftime("%a, %d %b %Y %H:%M:%S GMT")}
    if kind is None:  # the customer created, or read by its id
        i = next((n for n, p in enumerate(PEOPLE) if body and p[2] == body.get("email")), None)
        i = i if i is not None else next((n for n, cid in enumerate(tr.ids) if cid in url), None)
        rb = tr.stored(i, t) if i is not None else {"data": [], "page": 3, "limit": 50, "total": 53}
    elif kind == "http_502":
        rb, rh = HTML_502, {"content-type": "text/html", "server": "cloudflare", "date": rh["date"]}
    elif kind == "no_response":
        rb, rh = None, {}
    else:
        message = tr.next(kind, KINDS[kind][1])
        rb = {"error": REASON[status], "message": message.format(email=(body or {}).get("email"))}
    if retry_after is not None: rh["retry-after"] = retry_after
    tr.track(body); tr.track(rb)
    return Call(kind, t, method, url, status, hdrs, body, rh, rb, round(tr.rng.lognormvariate(4.8, 0.5), 1), rid)

def retry_episodes(tr):
    """(id, what, rule or None, status, endpoint, retry_after_ms, [(ms after start, kind, extra)], method, url, body, key)."""
    cust = lambda i: f"{APP}/api/customers/{tr.ids[i]}"
    create = f"{API}/api/customers"
    ra_date = lambda t: (t + timedelta(seconds=10)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    E = []  # id, what, expected finding (rule, status, endpoint, retry_after_ms) or None, attempts [(ms, kind, retry_after)], method, url, body, key, idem
    E.append(("A", "a 503 retried at a fixed 1 s", ("retry_without_backoff", 503, "POST /api/customers", None),
              [(0, "service_unavailable", None), (1000, "service_unavailable", None), (2000, "service_unavailable", None),
               (3000, "service_unavailable", None), (4000, None, None)], "POST", create, tr.customer(0), None, None))
    E.append(("B", "no response, retried at a fixed 2 s", ("retry_without_backoff", 0, "GET /api/customers/{id}", None),
              [(0, "no_response", None), (2000, "no_response", None), (4000, "no_response", None), (6000, None, None)],
              "GET", cust(1), None, None, None))
    E.append(("C", "a 500 sent 12 times in 3 s", ("retry_storm", 500, "PATCH /api/customers/{id}", None),
              [(n * 250, "internal_error", None) for n in range(12)], "PATCH", cust(2), {"status": "inactive"}, None, None))
    E.append(("D", "a 429 asking 30 s, retried after 2 s", ("retry_before_retry_after", 429, "POST /api/customers", 30000),
              [(0, "rate_limited", "30"), (2000, "rate_limited", "30"), (32500, None, None)], "POST", create, tr.customer(3), None, None))
    E.append(("E", "a 429 naming no time, retried after 300 ms", ("retry_before_retry_after", 429, "GET /api/customers", None),
              [(0, "rate_limited", None), (300, None, None)], "GET", f"{APP}/api/customers?page=3&limit=50", None, None, None))
    E.append(("F", "a duplicate email sent three times", ("retried_non_retryable", 409, "POST /api/customers", None),
              [(0, "duplicate_email", None), (5000, "duplicate_email", None), (10000, "duplicate_email", None)],
              "POST", create, tr.customer(4), None, None))
    E.append(("G", "a revoked key sent twice", ("retried_non_retryable", 401, "GET /api/customers/{id}", None),
              [(0, "api_key_revoked", None), (20000, "api_key_revoked", None)], "GET", cust(5), None, tr.key_old, None))
    # used_failed_result: the failed call, then the next call with its result in the path
    E.append(("H", "the id of a failed create used as undefined", ("used_failed_result", 409, "GET /api/customers/undefined", None),
              [(0, "duplicate_email", None), (150, "not_found", {"method": "GET", "url": f"{APP}/api/customers/undefined", "body": None})],
              "POST", create, tr.customer(6), None, None))
    E.append(("I", "a failed create's result used as [object Object]",
              ("used_failed_result", 400, "PATCH /api/customers/%5Bobject%20Object%5D", None),
              [(0, "invalid_email_format", None),
               (200, "not_found", {"method": "PATCH", "url": f"{APP}/api/customers/%5Bobject%20Object%5D", "body": {"language": "en"}})],
              "POST", create, tr.customer(7, email=BAD_EMAILS[0][1]), None, None))
    # well-behaved: no finding
    E.append(("J", "a 503 retried with exponential backoff (1, 2, 4, 8 s)", None,
              [(0, "service_unavailable", None), (1000, "service_unavailable", None), (3000, "service_unavailable", None),
               (7000, "service_unavailable", None), (15000, None, None)], "POST", create, tr.customer(8), None, None))
    E.append(("K", "a 429 asking 5 s, retried after 5.2 s", None,
              [(0, "rate_limited", "5"), (5200, None, None)], "GET", cust(9), None, None, None))
    E.append(("L", "a 429 asking until a date 10 s on, retried after 10.5 s", None,
              [(0, "rate_limited", "date"), (10500, None, None)], "POST", create, tr.customer(10), None, None))
    E.append(("M", "a 400 corrected before it was sent again", None,
              [(0, "missing_required_field", {"body": {k: v for k, v in tr.customer(11).items() if k != "email"}}), (20000, None, None)],
              "POST", create, tr.customer(11), None, None))
    E.append(("N", "a 502 retried with backoff under one idempotency key", None,
              [(0, "http_502", {"sent": 0}), (1000, "http_502", {"sent": 1}), (3000, None, {"sent": 3})],
              "POST", create, tr.customer(0, company_name="Schmidt Consulting GmbH (import)"), None, tr.uuid()))
    return E, ra_date

def write_retries(calls, tr):
    """A sync job's NDJSON log with planted retry chains (issue 17); fills `calls` with its calls."""
    episodes, ra_date = retry_episodes(tr)
    start, lines, chains, background = BASE + timedelta(hours=6), [], [], 4
    def add(c):
        calls.append(c)
        rec = {"timestamp": iso_ms(c.t), "level": "error" if c.failing else "info",
               "msg": f"MVO API {c.method} failed" if c.failing else f"MVO API {c.method} ok",
               "method": c.method, "url": c.url, "status": c.status or None, "duration_ms": c.ms, "request_id": c.rid,
               "request": {"headers": c.req_headers}}
        if c.req_body is not None: rec["request"]["body"] = c.req_body
        if c.status: rec["response"] = {"headers": c.resp_headers, "body": c.resp_body}
        else: rec["error"] = {"code": "ECONNRESET", "message": "socket hang up"}
        lines.append(jdump(rec))
        return len(lines)
    for n, (eid, what, finding, attempts, method, url, body, key, idem) in enumerate(episodes):
        t0 = start + timedelta(minutes=15 * n)
        own = []
        for ms, kind, extra in attempts:
            t = t0 + timedelta(milliseconds=ms)
            m, u, b, ra = method, url, body, extra if isinstance(extra, str) else None
            if isinstance(extra, dict) and "url" in extra: m, u, b = extra["method"], extra["url"], extra["body"]
            if isinstance(extra, dict) and "body" in extra and "url" not in extra: b = extra["body"]
            if isinstance(extra, dict) and "sent" in extra: b = {**body, "client_sent_at": iso_ms(t)}
            if ra == "date": ra = ra_date(t)
            own.append(add(retry_call(tr, kind, t, m, u, b, key, ra, idem)))
        chain = {"id": eid, "what": what, "lines": own, "attempts": len(own)}
        if finding:
            rule, status, endpoint, retry_after_ms = finding
            chain |= {"finding": {"rule": rule, "status": status, "endpoint": endpoint, "retry_after_ms": retry_after_ms}}
        chains.append(chain)
        for b in range(background):  # other, successful calls between the episodes
            i = tr.rng.randrange(len(PEOPLE))
            t = t0 + timedelta(minutes=2 + 3 * b, milliseconds=tr.rng.randrange(60000))
            add(retry_call(tr, None, t, "GET", f"{APP}/api/customers/{tr.ids[i]}?fields=id,status&n={n}{b}"))
    return joined(lines), {"format": "ndjson", "chains": chains}, []


ENVOY_REQUIRED = ["unauthorized"] * 3 + ["bad_request", "forbidden", "not_found", "conflict", "conflict", "rate_limited",
                                          "internal_error", "service_unavailable", "http_422", "http_502", "http_504", "no_response"]
BODY_KINDS = [k for k in KINDS if k != "unauthorized"]
FILES = [  # name, writer, calls, start hour (after 09:00Z), span hours, required failing kinds
    ("app.ndjson", write_app, 90, 0.0, 3.0, BODY_KINDS),
    ("gateway-ecs.ndjson", write_ecs, 80, 0.5, 3.5, BODY_KINDS),
    ("browser-export.har", write_har, 46, 1.0, 1.5, BODY_KINDS + ["no_response"]),
    ("export.csv", write_csv, 70, 0.25, 4.0, BODY_KINDS + ["unauthorized"]),
    ("calls.json", write_calls_json, 60, 1.5, 3.0, BODY_KINDS),
    ("worker.log", write_worker, 70, 2.0, 3.0, BODY_KINDS),
    ("app.ndjson.gz", write_gz, 50, 4.5, 2.0, BODY_KINDS),
    ("envoy-access.log", write_envoy, 120, 2.0, 3.0, ENVOY_REQUIRED),
    ("android-okhttp.log", write_okhttp, 60, 3.0, 2.0, BODY_KINDS + ["no_response"]),
    ("mvo-retries.ndjson", write_retries, 0, 6.0, 0.0, []),  # planted calls: the writer fills the list
]
README = """# sample-logs

Generated by `python3 scripts/gen_sample_logs.py` (deterministic; do not edit by hand). Fake My Virtual Office API
traffic of one seller account's integration; `expected.json` is the ground truth (counts per file, intended error kinds,
and every planted secret: API keys, cookies, customer emails, phones, names, streets).

- `app.ndjson`: a Node-style application's structured JSON log, one object per line, with a stack trace, a truncated line, a non-call line and blank lines.
- `gateway-ecs.ndjson`: an egress gateway's Elastic Common Schema (ECS) log; bodies as JSON text in `http.*.body.content`.
- `browser-export.har`: a HAR 1.2 file exported from Chrome DevTools, including connection resets (status 0).
- `export.csv`: a CSV export from an API-monitoring tool (UTF-8 BOM, CRLF, multi-line cell, a ragged row, a footer row).
- `calls.json`: a JSON array export of calls (epoch-ms times, paths only, status codes as numbers or strings, one non-call item).
- `worker.log`: a background worker's plain-text log (mixed line formats, bodies without status, a timeout, a leaked key).
- `app.ndjson.gz`: a gzip-compressed, later application log in the same shape as `app.ndjson` (a different log, not a copy).
- `envoy-access.log`: Envoy sidecar access log in the default text format (no bodies; kinds follow the status).
- `android-okhttp.log`: an Android app's logcat with OkHttp's logging interceptor at level BODY: each call a request block and its response block with headers and body, timeouts as HTTP FAILED.
- `mvo-retries.ndjson`: a sync job's log with planted retry chains, some breaking good practice and some keeping it (`chains` in the manifest).
"""


MANIFEST = Path(__file__).resolve().parent.parent / "tests" / "sample-logs.expected.json"


def generate(out: Path):
    if out.exists():
        entries = list(out.iterdir())
        known = {name for name, *_ in FILES}
        if any(p.is_dir() or p.name not in known for p in entries):
            sys.exit(f"refusing to rewrite {out}: it does not look like a generated sample-logs folder")
        for p in entries: p.unlink()
    out.mkdir(parents=True, exist_ok=True)
    tr = Traffic()
    files = {}
    for name, writer, n, start, span, required in FILES:
        calls = tr.calls(n, start, span, required)
        if writer is write_envoy:  # no bodies: the kind is whatever the status alone says
            for c in calls:
                if c.failing: c.kind = STATUS_KIND.get(c.status, f"http_{c.status}")
        data, meta, skipped = writer(calls, tr)
        (out / name).write_bytes(data)
        kinds = Counter(c.kind for c in calls)
        files[name] = {**meta, "records": len(calls), "skipped": len(skipped), "skipped_lines": skipped,
                       "by_status": {str(s): m for s, m in sorted(Counter(c.status for c in calls).items())},
                       "by_kind": {k: kinds[k] for k in KINDS if kinds[k]}}
    manifest = {"account_email": ACCOUNT_EMAIL, "secrets": tr.secrets, "files": files}
    MANIFEST.parent.mkdir(parents=True, exist_ok=True)
    MANIFEST.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(files)} logs to {out} and the manifest to {MANIFEST}")


# ---------------------------------------------------------------- --check: an independent re-read of the files

WORKER_STATUS = re.compile(r" -> (\d{3}) | (\d{3}) \(\d+ ms\)$")
ENVOY = re.compile(r'^\[[^\]]+\] "(\S+) (\S+) HTTP/1\.1" (\d+) ')

def reread(name, raw):
    """Return (statuses of calls, skipped line numbers) read straight from the file."""
    text = (gzip.decompress(raw) if name.endswith(".gz") else raw).decode("utf-8")
    st, sk = [], []
    if name.endswith((".ndjson", ".ndjson.gz")):
        for n, line in enumerate(text.split("\n"), 1):
            if not line.strip(): continue
            try: o = json.loads(line)
            except ValueError: sk.append(n); continue
            if "method" in o: st.append(o.get("status") or 0)
            elif "http" in o: st.append(o["http"].get("response", {}).get("status_code", 0))
            else: sk.append(n)
    elif name.endswith(".har"):
        st = [e["response"]["status"] for e in json.loads(text)["log"]["entries"]]
    elif name.endswith(".csv"):
        rd = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))
        next(rd); prev = rd.line_num
        for row in rd:
            (st.append(int(row[3])) if len(row) >= 4 else sk.append(prev + 1)); prev = rd.line_num
    elif name.endswith(".json"):
        lines = [n for n, l in enumerate(text.split("\n"), 1) if l == "  {"]
        for n, it in zip(lines, json.loads(text)):
            (st.append(int(it["status_code"] or 0)) if "http_method" in it else sk.append(n))
    elif name == "android-okhttp.log":
        for n, line in enumerate(text.split("\n"), 1):
            m = re.search(r": <-- (\d{3}) ", line)
            if m: st.append(int(m.group(1)))
            elif ": <-- HTTP FAILED" in line: st.append(0)
            elif "I/ContactSync:" in line: sk.append(n)
    elif name == "worker.log":
        reasons = {v: k for k, v in REASON.items()}
        for n, line in enumerate(text.split("\n"), 1):
            if not line: continue
            m = WORKER_STATUS.search(line)
            if m: st.append(int(m.group(1) or m.group(2)))
            elif "failed: connection timed out" in line: st.append(0)
            elif '{"error":"' in line: st.append(reasons[json.loads(line[line.index("{"):])["error"]])
            else: sk.append(n)
    else:
        st = [int(ENVOY.match(l).group(3)) for l in text.split("\n") if l]
    return st, sk, text

def check(out: Path):
    man = json.loads(MANIFEST.read_text(encoding="utf-8"))
    problems, texts, kind_total = [], [], Counter()
    for name, *_ in FILES:
        exp = man["files"][name]
        st, sk, text = reread(name, (out / name).read_bytes())
        texts.append(text)
        fails = [s for s in st if s == 0 or s >= 400]
        if len(st) != exp["records"] or Counter(map(str, st)) != Counter(exp["by_status"]): problems.append(f"{name}: records/statuses differ")
        if sk != [s["line"] for s in exp["skipped_lines"]] or len(sk) != exp["skipped"]: problems.append(f"{name}: skipped {sk}")
        if sum(exp["by_kind"].values()) != len(fails): problems.append(f"{name}: by_kind total != failing calls")
        if not 40 <= len(st) <= 300 or not len(st) / 3 <= len(fails) <= len(st) / 2: problems.append(f"{name}: size/failure share")
        if name == "envoy-access.log" and Counter(STATUS_KIND.get(s, f"http_{s}") for s in fails) != Counter(exp["by_kind"]):
            problems.append(f"{name}: kinds do not follow the status rule")
        kind_total.update(exp["by_kind"])
        print(f"{name:20} {len(st):4} records {len(sk):2} skipped {len(fails):3} failing  {len(text):7} chars")
    for name, exp in man["files"].items():  # planted chains: calls on the lines named, a failure first
        if "chains" not in exp: continue
        calls = {n: json.loads(l) for n, l in enumerate((out / name).read_text(encoding="utf-8").split("\n"), 1) if l}
        for ch in exp.get("chains", []):
            objs = [calls.get(n, {}) for n in ch["lines"]]
            if (ch["attempts"] != len(objs) or ch["lines"] != sorted(ch["lines"]) or not all("method" in o for o in objs)
                    or (objs[0].get("status") or 0) not in (0, *range(400, 600))):
                problems.append(f"{name}: chain {ch['id']} is not what the manifest says")
    problems += [f"kind {k} appears {kind_total[k]} times" for k in KINDS if kind_total[k] < 2]
    everything = "\n".join(texts)
    for group, values in man["secrets"].items():
        problems += [f"secret {group}: {v!r} not found in any file" for v in values if v not in everything]
    if man["account_email"] not in everything: problems.append("account email missing")
    print("\n".join(problems) or "check OK")
    return not problems


if __name__ == "__main__":
    args = sys.argv[1:]
    is_check = "--check" in args
    args = [a for a in args if a != "--check"]
    target = Path(args[0]) if args else Path(__file__).resolve().parent.parent / "sample-logs"
    if is_check: sys.exit(0 if check(target) else 1)
    generate(target)
