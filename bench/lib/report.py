#!/usr/bin/env python3
"""Renders the bench/run results (key<TAB>value lines) as a markdown report plus gnuplot PNGs.

  report.py RESULTS_TSV WORK_DIR REPORT_MD

Writes REPORT_MD and, beside it, <report>-throughput.png, <report>-latency.png, <report>-rss.png.
Missing values (skipped or failed scenarios) show as "–"; the report is written even for a failed
run so that partial numbers are not lost.
"""
import math
import os
import statistics
import subprocess
import sys

SIZES = ["1MiB", "64MiB", "1GiB"]
SIZE_MIB = {"1MiB": 1, "64MiB": 64, "1GiB": 1024}
CACHES = ["memory", "redis", "none"]
SEARCH_SHAPES = [
    ("name", "name substring"),
    ("type", "type filter (extension)"),
    ("date", "date range (30 days)"),
    ("first", "first page of GET /files"),
    ("deep", "deep page (rel=next × N)"),
    ("sort_name", "sorted by name"),
    ("sort_size", "sorted by size"),
]
GOALS = {"upload": 0.7, "download": 0.8, "rss": 1.3, "p99_ms": 5.0, "cache_x": 3.0, "search_p95_ms": 50.0}


def load(path):
    r = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if "\t" in line:
                k, v = line.split("\t", 1)
                r[k] = v
    return r


def num(r, key):
    try:
        v = float(r[key])
        return None if math.isnan(v) else v
    except (KeyError, ValueError):
        return None


def f(v, digits=1, suffix=""):
    if v is None:
        return "–"
    return f"{v:,.{digits}f}{suffix}"


def ratio(a, b):
    if a is None or b is None or b == 0:
        return None
    return a / b


def rx(v, digits=2):
    return "–" if v is None else f"{v:.{digits}f}×"


def verdict(ok):
    return "–" if ok is None else ("✅ met" if ok else "❌ missed")


def mbps(bytes_, secs):
    if bytes_ is None or secs is None or secs <= 0:
        return None
    return bytes_ / 1e6 / secs


def mib(kb):
    return None if kb is None else kb / 1024


class Report:
    def __init__(self, r, work, md):
        self.r, self.work, self.md = r, work, md
        self.base = md[:-3] if md.endswith(".md") else md
        self.lines = []
        self.goals = []  # (goal, measured, ok)

    def w(self, s=""):
        self.lines.append(s)

    def table(self, header, rows):
        self.w("| " + " | ".join(header) + " |")
        self.w("|" + "|".join("---" for _ in header) + "|")
        for row in rows:
            self.w("| " + " | ".join(str(c) for c in row) + " |")
        self.w()

    # ---------------------------------------------------------------------------------------
    def transfer(self):
        r = self.r
        up_rows, dl_rows, self.tp = [], [], []
        for s in SIZES:
            b = num(r, f"up.{s}.bytes")
            if b is None:
                continue
            up = mbps(b, num(r, f"up.{s}.satchel_s"))
            dd = mbps(b, num(r, f"up.{s}.dd_s"))
            q = ratio(up, dd)
            ok = None if q is None else q >= GOALS["upload"]
            up_rows.append([s, r.get(f"up.{s}.reps", "–"), f(up), f(dd), rx(q), verdict(ok), r.get(f"up.{s}.errors", "–")])
            self.goals.append((f"upload {s} ≥ 0.7× dd", rx(q), ok))
            c = mbps(b, num(r, f"dl.{s}.content_s"))
            sh = mbps(b, num(r, f"dl.{s}.share_s"))
            ng = mbps(b, num(r, f"dl.{s}.nginx_s"))
            qc, qs = ratio(c, ng), ratio(sh, ng)
            okc = None if qc is None else qc >= GOALS["download"]
            oks = None if qs is None else qs >= GOALS["download"]
            both = None if okc is None and oks is None else bool(okc) and bool(oks)
            errs = "/".join(r.get(f"dl.{s}.{k}_errors", "–") for k in ("content", "share", "nginx"))
            dl_rows.append([s, f(c), f(sh), f(ng), rx(qc), rx(qs), verdict(both), errs])
            self.goals.append((f"download {s} ≥ 0.8× nginx (content / share)", f"{rx(qc)} / {rx(qs)}", both))
            self.tp.append((SIZE_MIB[s], up, dd, c, sh, ng))
        if not up_rows:
            return
        self.w("## a. Upload throughput (POST /upload vs `dd conv=fsync`)")
        self.w()
        self.w("Median of the repetitions; curl `-F file=@…` `%{time_total}` against `dd if=… of=… bs=1M "
               "conv=fsync` of the same file onto the same file system (Satchel fsyncs its blob and directory "
               "too). MB/s = 10^6 bytes per second. Goal: ≥ 0.7×.")
        self.w()
        self.table(["Size", "Reps", "Satchel MB/s", "dd MB/s", "Ratio", "Goal ≥ 0.7×", "HTTP errors"], up_rows)
        self.w("## b. Download throughput (vs nginx sendfile)")
        self.w()
        self.w("Median of the repetitions after one warm-up download each (page cache warm for both); "
               "`curl -o /dev/null`. nginx-light serves the same random file (hard link) from the work dir, "
               "1 worker, sendfile on. Goal: ≥ 0.8×.")
        self.w()
        self.table(["Size", "/files/{id}/content MB/s", "/share/{token} MB/s", "nginx MB/s", "content ratio",
                    "share ratio", "Goal ≥ 0.8×", "errors (content/share/nginx)"], dl_rows)
        self.w(f"![throughput]({os.path.basename(self.base)}-throughput.png)")
        self.w()

    def memory(self):
        r = self.r
        if "mem.size" not in r:
            return
        idle = num(r, "mem.idle_kb")
        upk, dlk = num(r, "mem.upload_peak_kb"), num(r, "mem.download_peak_kb")
        qu, qd = ratio(upk, idle), ratio(dlk, idle)
        size = r.get("mem.size", "?")
        oku = None if qu is None else qu < GOALS["rss"]
        okd = None if qd is None else qd < GOALS["rss"]
        self.goals.append((f"peak RSS during {size} upload < 1.3× idle", rx(qu), oku))
        self.goals.append((f"peak RSS during {size} download < 1.3× idle", rx(qd), okd))
        self.w(f"## c. Memory (RSS of the Satchel process, sampled every 100 ms, {size} file)")
        self.w()
        self.w("Idle = VmRSS after start, one login and one warm-up request. This scenario runs first, so the "
               "upload also carries the JIT warm-up of the upload path. Goal: peak < 1.3× idle.")
        self.w()
        self.table(["Phase", "Idle MiB", "Peak MiB", "Peak / idle", "Goal < 1.3×", "Transfer s", "HTTP"], [
            [f"{size} upload", f(mib(idle)), f(mib(upk)), rx(qu), verdict(oku), f(num(r, "mem.upload_s"), 2), r.get("mem.upload_code", "–")],
            [f"{size} download", f(mib(idle)), f(mib(dlk)), rx(qd), verdict(okd), f(num(r, "mem.download_s"), 2), r.get("mem.download_code", "–")],
        ])
        self.w(f"RSS after the upload: {f(mib(num(r, 'mem.after_upload_kb')))} MiB; after the download: "
               f"{f(mib(num(r, 'mem.after_download_kb')))} MiB; at the end of the load scenarios: "
               f"{f(mib(num(r, 'mem.end_kb')))} MiB. Time series: `{os.path.basename(self.base)}-rss-upload.tsv`, "
               f"`{os.path.basename(self.base)}-rss-download.tsv` (ms, kB).")
        self.w()
        self.w(f"![rss]({os.path.basename(self.base)}-rss.png)")
        self.w()

    def get(self):
        r = self.r
        rows = []
        none_rps = num(r, "get.none.rps")
        self.lat = []
        if not any(k.startswith("get.") for k in r):
            return
        for c in CACHES:
            st = r.get(f"get.{c}.status")
            if st is None:
                continue
            if st != "ok":
                rows.append([c, st, "–", "–", "–", "–", "–", "–", "–", "–"])
                self.goals.append((f"CACHE_TYPE={c}: p99 < 5 ms and ≥ 3× none", st.split(":")[0], None))
                continue
            rps = num(r, f"get.{c}.rps")
            p = [num(r, f"get.{c}.{k}_ms") for k in ("p50", "p90", "p99", "p999")]
            errs = sum(int(num(r, f"get.{c}.{k}") or 0) for k in ("errors_status", "errors_socket"))
            q = ratio(rps, none_rps) if c != "none" else None
            ok = None
            if c != "none" and p[2] is not None:
                ok = p[2] < GOALS["p99_ms"] and (q is not None and q >= GOALS["cache_x"])
            rows.append([c, "ok", f(rps, 0), f(p[0], 2), f(p[1], 2), f(p[2], 2), f(p[3], 2), errs,
                         "baseline" if c == "none" else rx(q), "–" if c == "none" else verdict(ok)])
            if c != "none":
                self.goals.append((f"CACHE_TYPE={c}: p99 < 5 ms and ≥ 3× none", f"p99 {f(p[2], 2)} ms, {rx(q)}", ok))
            self.lat.append((c, p))
        self.w("## d. GET /files/{id} (metadata) per cache type")
        self.w()
        restart = ("Satchel restarted for every CACHE_TYPE except memory, which is measured on the main instance "
                   "(already warm from the other scenarios)" if r.get("meta.mode") == "quick"
                   else "a freshly started Satchel for every CACHE_TYPE, each warmed up the same way")
        self.w(f"wrk with a Lua script adding the bearer token; {r.get('meta.wrk', '')}; {restart}. Plain wrk is a closed loop with a fixed connection count (wrk2's fixed "
               "request rate is not packaged in Debian), so latencies include queueing at saturation; wrk runs on "
               "the same 2 cores as Satchel. Baseline: CACHE_TYPE=none (PostgreSQL on every request). "
               "Goal: cached p99 < 5 ms and ≥ 3× the uncached rate.")
        self.w()
        self.table(["Cache", "Status", "req/s", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "errors",
                    "rate vs none", "Goal"], rows)
        measured = [c for c in CACHES if r.get(f"get.{c}.status") == "ok"]
        if measured and not any(r.get(f"get.{c}.metrics") for c in measured):
            self.w("No cache hit/miss (or any `satchel_*`) metric was found in `/q/metrics` after these runs.")
            self.w()
        self.w(f"![latency]({os.path.basename(self.base)}-latency.png)")
        self.w()

    def search(self):
        r = self.r
        rows_n = int(num(r, "search.rows") or 1000000)
        self.w(f"## e. Search over {rows_n:,} rows")
        self.w()
        if "search.skipped" in r:
            self.w(f"Skipped: {r['search.skipped']}.")
            self.w()
            return
        if "search.error" in r and "search.name.p95_ms" not in r:
            self.w(f"Failed: {r['search.error']}.")
            self.w()
            self.goals.append(("search p95 < 50 ms", "failed", False))
            return
        self.w(f"{int(num(r, 'search.rows') or 0):,} file rows for {r.get('search.users', '?')} users seeded with "
               f"`bench/search-seed.sql` in {f(num(r, 'search.seed_s'))} s, then ANALYZE. Measured as one seeded user "
               f"({r.get('search.user_files', '?')} files): {r.get('search.name.n', '?')} requests per shape after 10 "
               "warm-up requests, one keep-alive connection (curl `%{time_total}`). Deep page: the URL reached by "
               f"following `Link: rel=next` {r.get('search.deep_pages_followed', '?')} times from `GET /files?limit=20`. "
               f"Plans: `{os.path.basename(self.base)}-explain.txt`. Goal: p95 < 50 ms.")
        self.w()
        rows = []
        worst = None
        for key, label in SEARCH_SHAPES:
            p95 = num(r, f"search.{key}.p95_ms")
            if p95 is not None:
                worst = p95 if worst is None else max(worst, p95)
            ok = None if p95 is None else p95 < GOALS["search_p95_ms"]
            rows.append([label, f"`{r.get(f'search.{key}.url', '–')}`", r.get(f"search.{key}.rows", "–"),
                         f(num(r, f"search.{key}.p50_ms"), 2), f(p95, 2), f(num(r, f"search.{key}.p99_ms"), 2),
                         r.get(f"search.{key}.errors", "–"), verdict(ok)])
        self.table(["Shape", "Request", "Rows", "p50 ms", "p95 ms", "p99 ms", "errors", "Goal p95 < 50 ms"], rows)
        self.w(f"Indexes on satchel.files: {r.get('search.indexes', '?')}.")
        self.w()
        self.goals.append(("search p95 < 50 ms (worst shape)", f(worst, 2, " ms"),
                           None if worst is None else worst < GOALS["search_p95_ms"]))

    def concurrency(self):
        r = self.r
        b = num(r, "conc.bytes")
        rows = []
        single = mbps(b, num(r, "conc.single_s"))
        for n in (16, 64):
            wall = num(r, f"conc.{n}.wall_s")
            if wall is None:
                continue
            tot = mbps(b * n, wall) if b else None
            dd = mbps(b * n, num(r, f"conc.{n}.dd_wall_s")) if b else None
            rows.append([n, f(wall, 2), f(tot), f(dd), rx(ratio(tot, dd)), r.get(f"conc.{n}.errors", "–"),
                         r.get(f"conc.{n}.codes", "–"), f(mib(num(r, f"conc.{n}.peak_kb")))])
        if not rows:
            return
        self.w("## f. Concurrent uploads (4 MiB file)")
        self.w()
        self.w(f"N curl uploads started at once (`xargs -P N`); total MB/s = N × 4 MiB / wall time. Baseline: N "
               f"concurrent `dd conv=fsync` copies of the same file. A single 4 MiB upload ran at {f(single)} MB/s.")
        self.w()
        self.table(["N", "Wall s", "Satchel MB/s", "dd MB/s", "Ratio", "Errors", "Status codes", "Peak RSS MiB"], rows)

    def startup(self):
        r = self.r

        def runs(prefix, field):
            out = []
            for i in range(1, 10):
                v = num(r, f"start.{prefix}.{i}.{field}")
                if v is not None:
                    out.append(v)
            return out
        s_ms, s_rss = runs("satchel", "ms"), runs("satchel", "rss_kb")
        if not s_ms and not runs("jweb", "ms"):
            return
        j_ms, j_rss = runs("jweb", "ms"), runs("jweb", "rss_kb")
        labels = [r.get(f"start.satchel.{i}.label", "") for i in range(1, len(s_ms) + 1)]
        med = lambda xs: statistics.median(xs) if xs else None  # noqa: E731
        self.w("## g. Start-up: process spawn to first 200 on /q/health/ready")
        self.w()
        reuse = (" In --quick mode the restarts of scenario d (other CACHE_TYPEs) count as samples, topped up "
                 "with dedicated starts." if r.get("meta.mode") == "quick" else "")
        self.w("Polled every 20 ms with curl (resolution ≈ 20–30 ms); RSS read right after the first 200. "
               "Baseline: the JDK's `jwebserver` (trivial static HTTP server, same JVM) to its first 200. "
               f"Median of {len(s_ms)} runs against the already migrated database.{reuse} The very first start of "
               f"the run (Flyway migration of an empty database) took {f(num(r, 'start.first.ms'), 0)} ms.")
        self.w()
        self.table(["Process", "Runs (ms)", "Median ms", "Median RSS MiB", "Ratio (time)", "Ratio (RSS)"], [
            ["Satchel", ", ".join(f"{x:.0f} ({l})" for x, l in zip(s_ms, labels)) or "–", f(med(s_ms), 0),
             f(mib(med(s_rss))), rx(ratio(med(s_ms), med(j_ms))), rx(ratio(med(s_rss), med(j_rss)))],
            ["jwebserver", ", ".join(f"{x:.0f}" for x in j_ms) or "–", f(med(j_ms), 0), f(mib(med(j_rss))),
             "baseline", "baseline"],
        ])

    def login(self):
        r = self.r
        rows = []
        for c in (2, 4):
            lr, hr = num(r, f"login.c{c}.rps"), num(r, f"health.c{c}.rps")
            if lr is None and hr is None:
                continue
            errs = sum(int(num(r, f"login.c{c}.{k}") or 0) for k in ("errors_status", "errors_socket"))
            rows.append([c, f(lr), f(num(r, f"login.c{c}.p50_ms"), 1), f(num(r, f"login.c{c}.p99_ms"), 1),
                         f(None if lr is None else lr / 2), f(hr, 0), rx(ratio(lr, hr), 4), errs])
        if not rows:
            return
        self.w("## h. Login (Argon2id) vs a trivial endpoint")
        self.w()
        self.w(f"wrk POST /login with a fixed JSON body, {r.get('login.c2.seconds', '?')} s per run after a warm-up; "
               f"Argon2id parameters from the stored hash: `{r.get('login.argon2', '?')}`. Baseline: the same wrk "
               "settings against GET /q/health/live. Per core = logins/s ÷ 2 (2-core machine, wrk included). "
               f"A login after the runs answered HTTP {r.get('login.check_code', '?')}.")
        self.w()
        self.table(["Connections", "logins/s", "p50 ms", "p99 ms", "logins/s per core", "health/live req/s",
                    "Ratio", "login errors"], rows)

    def encryption(self):
        r = self.r
        rows = []
        for s in ("64KiB", "256MiB"):
            b = num(r, f"enc.{s}.bytes")
            if b is None:
                continue
            cells = {}
            for mode in ("plain", "encrypted"):
                cells[mode] = (mbps(b, num(r, f"enc.{mode}.{s}.up_s")), mbps(b, num(r, f"enc.{mode}.{s}.dl_s")))
            rows.append([s, r.get(f"enc.{s}.reps", "–"),
                         f(cells["plain"][0]), f(cells["encrypted"][0]), rx(ratio(cells["encrypted"][0], cells["plain"][0])),
                         f(cells["plain"][1]), f(cells["encrypted"][1]), rx(ratio(cells["encrypted"][1], cells["plain"][1])),
                         f"{r.get(f'enc.plain.{s}.flag', '?')} / {r.get(f'enc.encrypted.{s}.flag', '?')}"])
        if not rows:
            return
        self.w("## i. Encryption at rest (SATCHEL_ENCRYPTION_KEYS) vs plain")
        self.w()
        self.w("Median of the repetitions, same files, each mode on its own Satchel start (plain first). Downloads "
               "of plain local blobs use sendfile; encrypted ones are decrypted in the JVM (Tink AES-256-GCM, "
               "64 KiB segments). MB/s = 10^6 bytes per second; ratio = encrypted ÷ plain.")
        self.w()
        self.table(["Size", "Reps", "upload plain MB/s", "upload encrypted MB/s", "ratio",
                    "download plain MB/s", "download encrypted MB/s", "ratio", "`encrypted` field (plain / enc)"], rows)

    # ---------------------------------------------------------------------------------------
    def wrk_errors(self, key):
        r = self.r
        if f"{key}.rps" not in r:
            return None
        return sum(int(num(r, f"{key}.{k}") or 0) for k in ("errors_status", "errors_socket"))

    @staticmethod
    def warmup_rounds(r):
        """Scenario j's warm-up rounds per path, e.g. 'upload 173, 354, 545 (steady)'."""
        parts = []
        for path in ("content", "share", "meta", "upload", "tus"):
            rounds = r.get(f"peers.jit.{path}.rounds")
            if rounds:
                state = "steady" if r.get(f"peers.jit.{path}.steady") == "yes" else "not steady"
                parts.append(f"{path} {rounds.replace(',', ', ')} ({state})")
        return "; ".join(parts) or "not recorded"

    @staticmethod
    def upload_rounds(r):
        """Scenario j's alternated upload rounds, e.g. '64KiB: Satchel 971, 1200 / peer 1206, 990'."""
        parts = []
        for size in ("64KiB", "1MiB"):
            sat, peer = r.get(f"peers.upload.{size}.rounds"), r.get(f"peers.tus.{size}.rounds")
            if sat:
                parts.append(f"{size}: Satchel {sat.replace(',', ', ')} / peer {(peer or '–').replace(',', ', ')} req/s")
        return "; ".join(parts) or "rounds not recorded"

    def ratio_row(self, path, unit, sat, base_name, base, goal, errs=None, goal_text=None):
        """One row of a peer table; also adds the goal to the summary. errs: Satchel's failed requests."""
        q = ratio(sat, base)
        ok = None if q is None else q >= goal
        verdict_text = verdict(ok)
        if errs:
            verdict_text = f"⚠ {errs} failed requests (not comparable)"
            ok = None
        label = goal_text or f"{path} ≥ {goal}× {base_name}"
        self.goals.append((label, rx(q), ok) if not errs else (label, f"{rx(q)} with {errs} errors", None))
        return [path, f"{f(sat, 0 if unit == 'req/s' else 1)} {unit}" if sat is not None else "–",
                f"{base_name} {f(base, 0 if unit == 'req/s' else 1)} {unit}" if base is not None else f"{base_name} –",
                rx(q), f"≥ {goal}×", verdict_text]

    def peers(self):
        r = self.r
        if not any(k.startswith("peers.") for k in r):
            return
        rows = []
        for s, nice in (("64KiB", "64 KiB"), ("1MiB", "1 MiB")):
            ng = num(r, f"peers.nginx.{s}.rps")
            rows.append(self.ratio_row(f"`GET /files/{{id}}/content`, {nice}", "req/s", num(r, f"peers.content.{s}.rps"),
                                       "nginx", ng, 0.5, self.wrk_errors(f"peers.content.{s}")))
            rows.append(self.ratio_row(f"`GET /share/{{token}}` (one unlimited link), {nice}", "req/s",
                                       num(r, f"peers.share.{s}.rps"), "nginx", ng, 0.5, self.wrk_errors(f"peers.share.{s}")))
        rows.append(self.ratio_row("`GET /files/{id}` (cached metadata)", "req/s", num(r, "peers.meta.rps"),
                                   "`/q/health/live`", num(r, "peers.health.rps"), 0.3, self.wrk_errors("peers.meta")))
        tus_note = "" if r.get("peers.tus_status", "ok") == "ok" else f" ({r.get('peers.tus_status')})"
        for s, nice in (("64KiB", "64 KiB"), ("1MiB", "1 MiB")):
            rows.append(self.ratio_row(f"`POST /upload`, {nice}", "req/s", num(r, f"peers.upload.{s}.rps"),
                                       "tus peer" + tus_note, num(r, f"peers.tus.{s}.rps"), 1.0,
                                       self.wrk_errors(f"peers.upload.{s}")))
        b = num(r, "peers.big.bytes")
        up, cp, tus = (mbps(b, num(r, f"peers.big.{k}_s")) for k in ("upload", "cp", "tus"))
        dl, ng = mbps(b, num(r, "peers.big.download_s")), mbps(b, num(r, "peers.big.nginx_s"))
        rows.append(self.ratio_row("`POST /upload`, 256 MiB", "MB/s", up, "`cp`+`sync`", cp, 0.7))
        rows.append(self.ratio_row("`POST /upload`, 256 MiB", "MB/s", up, "tus peer" + tus_note, tus, 1.5))
        rows.append(self.ratio_row("download 256 MiB (`/files/{id}/content`)", "MB/s", dl, "nginx", ng, 0.8))
        self.w("## j. Small files and hot links against peers (issue #13)")
        self.w()
        self.w(f"Rates: wrk, {r.get('meta.wrk', '')}, on the main instance (CACHE_TYPE={r.get('peers.cache', '?')}, {r.get('meta.storage', '?')} storage, "
               f"rate limits `{r.get('meta.rate_limit', '?')}`), warm: before any rate, "
               f"rounds of {r.get('peers.jit.content.seconds', '?')} s of wrk on each Satchel path (64 KiB content, share, metadata, "
               "upload) and on the tus peer bring both JIT compilers to steady state: they stop when two rounds in a "
               f"row agree within 5 % (req/s per round: {self.warmup_rounds(r)}), then each row has its own "
               "warm-up; each Satchel row and its baseline measured "
               "back to back in this run. nginx-light (1 worker, sendfile) serves the same random bytes (hard links). "
               "Share rows download one link without `max_downloads`; every request counts a download. Uploads: "
               "Satchel `POST /upload` (multipart, one new file per request) vs the tus peer "
               f"({r.get('meta.tus_peer', '@tus/server with @tus/file-store')}) driven by wrk as tus "
               "creation-with-upload (one `POST` carrying the whole file); each upload row is the median of alternated "
               f"rounds (Satchel, peer, Satchel, ...), each after a `sync` ({self.upload_rounds(r)}). 256 MiB: median of "
               f"{r.get('peers.big.reps', '?')} (curl `-F` upload; `cp` then `sync FILE`; tus peer: creation `POST` "
               "then the whole file in one `PATCH`, curl streaming it; downloads after one warm-up each).")
        self.w()
        self.w("**Durability is not equal:** Satchel fsyncs each blob and its directory and commits the row before "
               "it answers `201`; `@tus/file-store` writes with a plain file stream and never calls fsync, so its "
               "acknowledged bytes may be in the page cache only. `cp`+`sync FILE` fsyncs the copy (data and "
               "metadata) but not the directory.")
        self.w()
        self.table(["Path", "Satchel", "Baseline (same run)", "Ratio", "Goal", "Verdict"], rows)
        extra = []
        for s in ("64KiB", "1MiB"):
            for k in ("nginx", "content", "share", "upload", "tus"):
                key = f"peers.{k}.{s}"
                if f"{key}.rps" in r:
                    extra.append([f"{k} {s}", r.get(f"{key}.load", "–"), f(num(r, f"{key}.rps"), 0), f(num(r, f"{key}.p50_ms"), 2),
                                  f(num(r, f"{key}.p99_ms"), 2), r.get(f"{key}.errors_status", "–"),
                                  r.get(f"{key}.errors_socket", "–"), r.get(f"{key}.codes", "–")])
        for k in ("meta", "health"):
            if f"peers.{k}.rps" in r:
                extra.append([k, r.get(f"peers.{k}.load", "–"), f(num(r, f"peers.{k}.rps"), 0), f(num(r, f"peers.{k}.p50_ms"), 2),
                              f(num(r, f"peers.{k}.p99_ms"), 2), r.get(f"peers.{k}.errors_status", "–"),
                              r.get(f"peers.{k}.errors_socket", "–"), "–"])
        if extra:
            self.w("wrk details (non-2xx/3xx answers count as status errors):")
            self.w()
            self.table(["run", "load (1 min) at start", "req/s", "p50 ms", "p99 ms", "status errors", "socket errors",
                        "answers by status (uploads)"], extra)
        counts = [f"{s}: {r[f'peers.{s}.share_count']}" for s in ("64KiB", "1MiB") if f"peers.{s}.share_count" in r]
        if counts:
            self.w(f"`download_count` of the share links read right after their runs: {'; '.join(counts)} "
                   "(unlimited links may lag by a few seconds by design).")
            self.w()
        self.w(f"256 MiB transfers: Satchel upload {f(up)} MB/s, `cp`+`sync` {f(cp)} MB/s, tus peer {f(tus)} MB/s; "
               f"download {f(dl)} MB/s vs nginx {f(ng)} MB/s; failed transfers: {r.get('peers.big.errors', '–')}.")
        put = mbps(b, num(r, "peers.big.nginx_put_s"))
        if put:
            self.w()
            self.w(f"Ingest reference (no goal): nginx `PUT` of the same file through its DAV module, which only receives "
                   f"the bytes into a file (no multipart, no hash, no fsync), ran at {f(put)} MB/s: Satchel's upload is "
                   f"{f(up / put if up else None, 2)}× of it, and nginx itself is {f(put / cp if cp else None, 2)}× of "
                   "`cp`+`sync`. When even nginx stays below 0.7× of `cp`+`sync`, that run's `cp`+`sync` goal is out of "
                   "reach for any HTTP upload on this machine.")
        self.w()

    def ratelimit(self):
        r = self.r
        if "rl.rounds" not in r:
            return
        rows = []
        for c, nice in (("memory", "local buckets (CACHE_TYPE=memory)"), ("redis", "Redis buckets (CACHE_TYPE=redis)")):
            st = r.get(f"rl.{c}.status")
            if st is None:
                continue
            if st != "ok":
                rows.append([nice, st, "–", "–", "–", "–", "–", "≥ 0.9×", "–", "–"])
                self.goals.append((f"rate limiter on ≥ 0.9× off, {nice}", st.split(":")[0], None))
                continue
            pairs = [(num(r, f"rl.{c}.on.{i}.rps"), num(r, f"rl.{c}.off.{i}.rps")) for i in range(1, 20)]
            pairs = [(a, b) for a, b in pairs if a is not None and b]
            on, off = [a for a, _ in pairs], [b for _, b in pairs]
            mon = statistics.median(on) if on else None
            moff = statistics.median(off) if off else None
            errs = sum(self.wrk_errors(f"rl.{c}.{m}.{i}") or 0 for m in ("on", "off") for i in range(1, 20))
            # Each round measures on and off back to back, so their quotient cancels most of the load the
            # machine had during that round; the verdict uses the median of these per-round ratios.
            per_round = [a / b for a, b in pairs]
            q = statistics.median(per_round) if per_round else None
            ok = None if q is None or errs else q >= 0.9
            # Per-round ratios that disagree by more than 1.5× (max ÷ min) say the machine, not the
            # limiter, set the numbers: no verdict then.
            spread = max(per_round) / min(per_round) if per_round and min(per_round) > 0 else None
            noisy = spread is not None and spread > 1.5
            # The limiter only adds work: "on" clearly faster than "off" means the two instances differed
            # in something else (JIT, a Redis fallback to PostgreSQL, the load each one met).
            implausible = q is not None and q > 1.15
            why = (f"round ratios vary {spread:.1f}×" if noisy
                   else "on faster than off: the instances differ by more than the limiter" if implausible else "")
            if why:
                ok = None
            self.goals.append((f"rate limiter on ≥ 0.9× off, {nice}",
                               rx(q) + (f" ({errs} errors)" if errs else "")
                               + (f"; {why}: inconclusive" if why else ""), ok))
            def policy(v):
                return "yes" if v.lower().startswith("ratelimit-policy") else ("no" if v in ("", "none") else v)
            hdr, hdr_off = policy(r.get(f"rl.{c}.header_on", "")), policy(r.get(f"rl.{c}.header_off", ""))
            rows.append([nice, ", ".join(f"{v:,.0f}" for v in on), ", ".join(f"{v:,.0f}" for v in off),
                         ", ".join(rx(v) for v in per_round), f(mon, 0), f(moff, 0), rx(q), "≥ 0.9×",
                         f"⚠ {errs} errors" if errs else (f"⚠ inconclusive: {why}" if why else verdict(ok)),
                         f"{hdr} / {hdr_off}"])
        self.w("## k. Rate limiter cost (issue #14): cached `GET /files/{id}`, limiter on vs off")
        self.w()
        self.w(f"Two Satchel instances on one database, started together: one with `SATCHEL_RATE_LIMIT_AUTHENTICATED` "
               f"and `_ANONYMOUS` at `{r.get('rl.limit', '?')}` (the limiter runs on every request but never refuses), one with "
               f"both `off`. wrk ({r.get('meta.wrk', '')}) alternates between them for {r.get('rl.rounds', '?')} rounds "
               "after two alternated warm-ups of each (at least 5 s each: fresh JVMs), the order flipping every round; ratio = median of the per-round quotients on ÷ off (each round measures both back to back). With "
               "CACHE_TYPE=redis the buckets live in Redis (one Lua script per request) and the metadata cache too. "
               "Goal: ≥ 0.90× (the limiter takes at most 10 % of the cheapest request's rate). When the per-round quotients "
               "differ by more than 1.5× (max ÷ min), or \"on\" beats \"off\" by more than 15 % (the limiter only adds "
               "work), the two instances differed in more than the limiter and no verdict is given.")
        self.w()
        self.table(["Buckets", "on req/s per round", "off req/s per round", "on ÷ off per round", "on median",
                    "off median", "Ratio (median of rounds)",
                    "Goal", "Verdict", "`RateLimit-Policy` on / off"], rows)
        firsts = [f"{c}: {r[f'rl.{c}.started_first']}" for c in ("memory", "redis") if f"rl.{c}.started_first" in r]
        if firsts:
            self.w(f"Instance started first (on the main port): {', '.join(firsts)}; the order flips between the two "
                   "passes so that start order and port cannot favour one mode in both.")
            self.w()
        if "rl.redis.keys" in r:
            keys = int(num(r, "rl.redis.keys") or 0)
            self.w(f"`{{prefix}}ratelimit:*` keys in Redis after the Redis rounds: {keys} "
                   + ("(the buckets were in Redis)" if keys else "(**none: the limiter did not use Redis**)")
                   + f"; times the instance fell back to local buckets (`Redis rate-limit failed` in its log, "
                   f"each followed by 5 s of local buckets): {r.get('rl.redis.fallbacks', '?')}; Redis cache timeouts "
                   f"(each sends that instance's metadata reads to PostgreSQL for 5 s) on / off: "
                   f"{r.get('rl.redis.cache_fallbacks_on', '?')} / {r.get('rl.redis.cache_fallbacks_off', '?')}.")
            self.w()

    def s3(self):
        r = self.r
        st = r.get("s3up.status")
        if st is None:
            return
        self.w("## l. S3 upload (issue #13): `POST /upload` on STORAGE_TYPE=s3 vs `aws s3 cp`")
        self.w()
        if st != "ok":
            self.w(f"Skipped: {st}.")
            self.w()
            self.goals.append(("S3 upload 256 MiB ≥ 1.0× aws s3 cp", st.split(":")[0], None))
            return
        b = num(r, "s3up.bytes")
        sat, aws = mbps(b, num(r, "s3up.satchel_s")), mbps(b, num(r, "s3up.aws_s"))
        self.w(f"{r.get('s3up.s3proxy', 'S3Proxy')} started by the bench on 127.0.0.1; Satchel restarted with "
               "`STORAGE_TYPE=s3` against it; the same 256 MiB random file uploaded with curl `-F` to `POST /upload` "
               f"and with `{r.get('s3up.awscli', 'aws')}` (`aws s3 cp`, default multipart settings: 8 MiB parts, "
               f"10 in parallel) to another bucket of the same endpoint, alternated, median of {r.get('s3up.reps', '?')}, "
               "after one untimed transfer each (Satchel's S3 instance is a fresh JVM). "
               "Both are answered once S3Proxy has stored the object (its jclouds filesystem backend writes files "
               "in the run dir, on the same disk as the other scenarios).")
        self.w()
        self.table(["Path", "Satchel", "Baseline (same run)", "Ratio", "Goal", "Verdict"],
                   [self.ratio_row("`POST /upload` 256 MiB to S3", "MB/s", sat, "`aws s3 cp`", aws, 1.0,
                                   goal_text="S3 upload 256 MiB ≥ 1.0× aws s3 cp")])
        self.w(f"Failed transfers: {r.get('s3up.errors', '–')}.")
        self.w()

    def resumable(self):
        r = self.r
        st = r.get("resumable.status")
        if st is None:
            return
        self.w("## m. Resumable upload (issue #16): 256 MiB in 5 MiB tus chunks")
        self.w()
        if st != "ok":
            self.w(f"Skipped: {st}.")
            self.w()
            self.goals.append(("resumable 256 MiB upload measured (tracked)", st.split(":")[0], None))
            return
        b = num(r, "resumable.bytes")
        res, post, peer = (mbps(b, num(r, f"resumable.{k}_s")) for k in ("satchel", "post", "peer"))
        self.w("tus-js-client 4.3.1 on node (`bench/tus-peer/upload.mjs`): creation, then one `PATCH` per "
               f"{int(num(r, 'resumable.chunk_bytes') or 0) // 1048576} MiB chunk, against Satchel's `/uploads` "
               "(Bearer token) and against the tus peer (same client, same chunks); `POST /upload` of the same file "
               f"with curl `-F`; alternated, median of {r.get('resumable.reps', '?')}. Satchel fsyncs every chunk "
               "before it acknowledges the offset; the tus peer does not fsync. No goal is set (tracked).")
        self.w()
        self.table(["Path", "MB/s", "Ratio /uploads ÷ this"], [
            ["Satchel `/uploads` (tus, 5 MiB chunks)", f(res), "–"],
            ["Satchel `POST /upload` (one request)", f(post), rx(ratio(res, post))],
            ["tus peer (tus, 5 MiB chunks)", f(peer), rx(ratio(res, peer))],
        ])
        self.goals.append(("resumable 256 MiB: /uploads ÷ POST /upload; ÷ tus peer (tracked)",
                           f"{rx(ratio(res, post))}; {rx(ratio(res, peer))}", None))
        self.w(f"Failed transfers: {r.get('resumable.errors', '–')}; the completed upload became a file of "
               f"{r.get('resumable.file_size', '?')} bytes; `Tus-Extension`: {r.get('resumable.extensions', '?')}.")
        self.w()

    # ---------------------------------------------------------------------------------------
    def plots(self):
        d = os.path.join(self.work, "plot")
        os.makedirs(d, exist_ok=True)
        outs = []

        def gp(name, script):
            path = os.path.join(d, name + ".gp")
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(script)
            res = subprocess.run(["gnuplot", path], capture_output=True, text=True, timeout=60)
            if res.returncode != 0:
                print(f"gnuplot {name}: {res.stderr}", file=sys.stderr)
            else:
                outs.append(name)

        term = "set terminal pngcairo noenhanced size 900,540 font 'DejaVu Sans,10'\n"
        if self.tp:
            dat = os.path.join(d, "throughput.dat")
            with open(dat, "w") as fh:
                fh.write("# size_mib satchel_upload dd_fsync content share nginx (MB/s)\n")
                for row in self.tp:
                    fh.write(" ".join("?" if v is None else f"{v:.3f}" for v in row) + "\n")
            gp("throughput", term + f"""set output '{self.base}-throughput.png'
set datafile missing '?'
set title 'Throughput vs file size'
set xlabel 'file size (MiB)'; set ylabel 'MB/s'
set logscale x 2; set xrange [0.5:2048]; set yrange [0:*]; set grid
set key outside right
plot '{dat}' u 1:2 w lp lw 2 pt 7 t 'Satchel upload', \
     '' u 1:3 w lp lw 2 pt 5 dt 2 t 'dd conv=fsync', \
     '' u 1:4 w lp lw 2 pt 9 t 'Satchel /files/{{id}}/content', \
     '' u 1:5 w lp lw 2 pt 11 t 'Satchel /share/{{token}}', \
     '' u 1:6 w lp lw 2 pt 13 dt 2 t 'nginx'
""")
        if self.lat:
            dat = os.path.join(d, "latency.dat")
            with open(dat, "w") as fh:
                fh.write("cache p50 p90 p99 p99.9\n")
                for c, p in self.lat:
                    fh.write(c + " " + " ".join("?" if v is None else f"{v:.3f}" for v in p) + "\n")
            gp("latency", term + f"""set output '{self.base}-latency.png'
set datafile missing '?'
set title 'GET /files/{{id}} latency percentiles by CACHE_TYPE (wrk, {self.r.get("get.memory.connections", self.r.get("get.none.connections", "?"))} connections)'
set ylabel 'ms (log scale)'; set logscale y; set grid y
set style data histogram; set style histogram cluster gap 1
set style fill solid 0.8 border -1; set boxwidth 0.9
set key top left
set arrow from graph 0, first 5 to graph 1, first 5 nohead dt 2 lc rgb 'red'
set label 'goal p99 < 5 ms' at graph 0.75, first 5.6 tc rgb 'red'
plot '{dat}' u 2:xtic(1) t columnhead(2), '' u 3 t columnhead(3), '' u 4 t columnhead(4), '' u 5 t columnhead(5)
""")
        up = os.path.join(self.work, "rss-upload.tsv")
        dn = os.path.join(self.work, "rss-download.tsv")
        if os.path.exists(up) and os.path.getsize(up) > 0:
            idle = num(self.r, "mem.idle_kb")
            top = max(num(self.r, "mem.upload_peak_kb") or 0, num(self.r, "mem.download_peak_kb") or 0,
                      1.35 * (idle or 0)) / 1024 * 1.08
            lines = f"set yrange [0:{top:.0f}]\n"
            if idle:
                lines += (f"set arrow from graph 0, first {idle/1024:.1f} to graph 1, first {idle/1024:.1f} nohead dt 2 lc rgb 'gray'\n"
                         f"set arrow from graph 0, first {1.3*idle/1024:.1f} to graph 1, first {1.3*idle/1024:.1f} nohead dt 2 lc rgb 'red'\n"
                         f"set label 'idle' at graph 0.01, first {idle/1024:.1f} offset 0,0.6\n"
                         f"set label '1.3x idle (goal)' at graph 0.01, first {1.3*idle/1024:.1f} offset 0,0.6 tc rgb 'red'\n")
            series = f"'{up}' u ($1/1000):($2/1024) w l lw 2 t '{self.r.get('mem.size', '')} upload'"
            if os.path.exists(dn) and os.path.getsize(dn) > 0:
                series += f", '{dn}' u ($1/1000):($2/1024) w l lw 2 t '{self.r.get('mem.size', '')} download'"
            gp("rss", term + f"""set output '{self.base}-rss.png'
set title 'Satchel RSS over time during the {self.r.get("mem.size", "")} upload (and download)'
set xlabel 'seconds since the transfer started'; set ylabel 'RSS (MiB)'
set grid; set key bottom right
{lines}plot {series}
""")
        return outs

    # ---------------------------------------------------------------------------------------
    def render(self):
        r = self.r
        quick = r.get("meta.mode") == "quick"
        self.transfer()
        self.memory()
        self.get()
        self.search()
        self.concurrency()
        self.startup()
        self.login()
        self.encryption()
        self.peers()
        self.ratelimit()
        self.s3()
        self.resumable()
        body = self.lines
        self.lines = []
        title = "Satchel benchmark" + (" (--quick run)" if quick else "")
        self.w(f"# {title}: {r.get('meta.date', '?')}, commit {r.get('meta.commit', '?')}")
        self.w()
        self.w(f"Status: **{r.get('meta.status', '?')}** in {r.get('meta.run_seconds', '?')} s. Mode: "
               f"{r.get('meta.mode', '?')}{' (1 MiB and 64 MiB files only, short wrk runs, no 1 GiB file, no search)' if quick else ''}. "
               "Every number is beside a baseline measured in the same run; compare ratios, not absolute numbers, "
               "across runs and machines.")
        self.w()
        self.table(["", ""], [
            ["Commit", f"{r.get('meta.commit', '?')} (`git describe`: {r.get('meta.describe', '?')})"],
            ["Application", f"{r.get('meta.app', '?')}; migrations applied: {r.get('meta.schema', '?')}"],
            ["Storage", r.get("meta.storage", "?")],
            ["Java", f"{r.get('meta.java', '?')}; options: {r.get('meta.java_opts', '?')}"],
            ["Machine", f"{r.get('meta.cpus', '?')}, {r.get('meta.mem', '?')}, kernel {r.get('meta.kernel', '?')}, disk {r.get('meta.disk', '?')}"],
            ["PostgreSQL", r.get("meta.postgres", "?")],
            ["nginx", r.get("meta.nginx", "?")],
            ["Load average (start / end)", f"{r.get('meta.load_start', '?')} / {r.get('meta.load_end', '?')}; "
                                          f"java processes already running at start: {r.get('meta.other_java', '?')}"],
        ])
        try:
            load = float(r.get("meta.load_start", "0").split()[0])
            cpus = int(r.get("meta.cpus", "0").split()[0])
        except ValueError:
            load, cpus = 0.0, 0
        if cpus and load >= cpus:
            self.w(f"**Note:** the machine was busy when the run started (1-minute load {load:.1f} on {cpus} cores; "
                   "other JVMs running). Absolute numbers are depressed and noisy; the ratios are more robust "
                   "but not immune, because the baseline and Satchel did not always see the same load.")
            self.w()
        self.w("## Goals")
        self.w()
        self.table(["Goal", "Measured", "Verdict"], [[g, m, verdict(ok)] for g, m, ok in self.goals])
        self.lines += body
        errs = os.path.join(self.work, "satchel-errors.txt")
        if os.path.exists(errs) and os.path.getsize(errs) > 0:
            self.w("## Errors and exceptions in the Satchel logs (count, first 20 distinct lines)")
            self.w()
            self.w("```")
            with open(errs, encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    self.w(line.rstrip()[:300])
            self.w("```")
            self.w()
        made = self.plots()
        missing = {"throughput", "latency", "rss"} - set(made)
        if missing:
            self.w(f"_Plots not produced: {', '.join(sorted(missing))} (no data or gnuplot error)._")
            self.w()
        with open(self.md, "w", encoding="utf-8") as fh:
            fh.write("\n".join(self.lines).rstrip() + "\n")


def main():
    results, work, md = sys.argv[1:4]
    Report(load(results), work, md).render()


if __name__ == "__main__":
    main()
