# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Access-log benchmark (called by setup/benchmark_access_log).

Starts an Odoo server on a free loopback port, then N concurrent readers (threads), each
logged in as its own care worker, read confidential notes of their own case for a bounded
number of reads and seconds. Every read of confidential content appends one row to
student_care_access_log. Prints per N the log rows written per second, the read latency
(p50/p99) and the errors; then checks the hash chain: over RPC with action_verify_chain as a
care manager when it answers clearly, else by recomputing the hashes here, as
student_care.access.log._verify_chain does. Loopback traffic only; the server is stopped at
the end. The readers, their cases and notes are made once and kept for later runs.
"""

import argparse
import http.client
import itertools
import json
import math
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import odoo
from odoo import Command
from odoo.tools import config

HOST = "127.0.0.1"
READER_LOGIN = "bench_reader_{:02d}"
NOTES_PER_READER = 3
TIMEOUT = 30  # seconds, every HTTP request


class RpcError(Exception):
    pass


class Client:
    """One login on the server, over /web/session/authenticate + /web/dataset/call_kw
    (api="session") or the external /jsonrpc execute_kw (api="jsonrpc")."""

    _ids = itertools.count(1)

    def __init__(self, port, db, login, password, api="session"):
        self.port, self.db, self.login, self.password, self.api = port, db, login, password, api
        self.cookie = None
        self.uid = None

    def _post(self, path, params):
        body = json.dumps(
            {"jsonrpc": "2.0", "method": "call", "id": next(self._ids), "params": params}
        )
        headers = {"Content-Type": "application/json"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        conn = http.client.HTTPConnection(HOST, self.port, timeout=TIMEOUT)
        try:
            conn.request("POST", path, body, headers)
            response = conn.getresponse()
            payload = response.read()
            for header, value in response.getheaders():
                if header.lower() == "set-cookie" and value.startswith("session_id="):
                    self.cookie = value.split(";", 1)[0]
        finally:
            conn.close()
        if response.status != 200:
            raise RpcError(f"HTTP {response.status}")
        data = json.loads(payload)
        if "error" in data:
            error = data["error"].get("data", {})
            raise RpcError(error.get("name") or data["error"].get("message") or "error")
        return data["result"]

    def authenticate(self):
        if self.api == "session":
            result = self._post(
                "/web/session/authenticate",
                {"db": self.db, "login": self.login, "password": self.password},
            )
            self.uid = result.get("uid")
        else:
            self.uid = self._post(
                "/jsonrpc",
                {
                    "service": "common",
                    "method": "login",
                    "args": [self.db, self.login, self.password],
                },
            )
        if not self.uid:
            raise RpcError(f"login {self.login} refused")
        return self

    def call(self, model, method, args, kwargs=None):
        if self.api == "session":
            return self._post(
                f"/web/dataset/call_kw/{model}/{method}",
                {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
            )
        return self._post(
            "/jsonrpc",
            {
                "service": "object",
                "method": "execute_kw",
                "args": [self.db, self.uid, self.password, model, method, args, kwargs or {}],
            },
        )


# --- server -----------------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_server(args, workers, logfile):
    port = free_port()
    cmd = [
        sys.executable,
        args.odoo_bin,
        "-c",
        args.config,
        f"--http-interface={HOST}",
        f"--http-port={port}",
        f"--workers={workers}",
        "--max-cron-threads=0",
        f"--logfile={logfile}",
        "--log-level=warn",
    ]
    if workers:
        cmd.append(f"--gevent-port={free_port()}")
    with open(logfile, "a") as output:  # what the server prints goes to its log too
        server = subprocess.Popen(
            cmd,
            cwd=str(Path(args.odoo_bin).parent),
            start_new_session=True,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"The Odoo server exited at start (code {server.returncode}); see {logfile}")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/web/health")
            if conn.getresponse().status == 200:
                return server, port
        except OSError:
            pass
        time.sleep(0.5)
    stop_server(server)
    sys.exit(f"The Odoo server did not answer on port {port} within 120 s; see {logfile}")


def stop_server(server):
    """Stop the server we started (its own process group: workers and gevent included)."""
    if server.poll() is not None:
        return
    for sig, wait in ((signal.SIGINT, 30), (signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:
            return
        try:
            server.wait(wait)
            return
        except subprocess.TimeoutExpired:
            continue


# --- fixtures -----------------------------------------------------------------------------


def ensure_readers(admin, count):
    """Care workers bench_reader_NN (password = login), each owning one case with
    NOTES_PER_READER confidential notes of their own. Returns [(logged-in client, note ids)]."""
    group_id = admin.call(
        "ir.model.data",
        "search_read",
        [[("module", "=", "student_care"), ("name", "=", "student_care_group_care_worker")]],
        {"fields": ["res_id"]},
    )[0]["res_id"]
    company_id = admin.call("res.users", "read", [[admin.uid]], {"fields": ["company_id"]})[0][
        "company_id"
    ][0]
    logins = [READER_LOGIN.format(i) for i in range(1, count + 1)]
    existing = {
        u["login"]: u["id"]
        for u in admin.call(
            "res.users", "search_read", [[("login", "in", logins)]], {"fields": ["login"]}
        )
    }
    missing = [login for login in logins if login not in existing]
    if missing:
        print(f"  creating {len(missing)} reader users (care workers), kept for later runs")
        ids = admin.call(
            "res.users",
            "create",
            [
                [
                    {
                        "name": f"Bench Reader {login[-2:]}",
                        "login": login,
                        "password": login,
                        "company_id": company_id,
                        "company_ids": [Command.set([company_id])],
                        "groups_id": [Command.link(group_id)],
                    }
                    for login in missing
                ]
            ],
            {"context": {"no_reset_password": True}},
        )
        existing.update(zip(missing, ids, strict=True))
    students = admin.call(
        "res.partner",
        "search",
        [[("is_student", "=", True), ("company_id", "=", company_id)]],
        {"limit": count, "order": "id"},
    )
    category_id = admin.call("student_care.case.category", "search", [[]], {"limit": 1})[0]
    readers = []
    for index, login in enumerate(logins):
        uid = existing[login]
        reader = Client(admin.port, admin.db, login, login, admin.api).authenticate()
        domain = [("author_id", "=", uid), ("sensitivity", "=", "confidential")]
        notes = reader.call("student_care.note", "search", [domain], {"order": "id"})
        if len(notes) < NOTES_PER_READER:
            cases = admin.call(
                "student_care.case", "search", [[("user_id", "=", uid)]], {"limit": 1}
            )
            if not cases:
                cases = [
                    admin.call(
                        "student_care.case",
                        "create",
                        [
                            {
                                "student_id": students[index % len(students)],
                                "company_id": company_id,
                                "category_id": category_id,
                                "user_id": uid,
                            }
                        ],
                    )
                ]
            reader.call(
                "student_care.note",
                "create",
                [
                    [
                        {
                            "case_id": cases[0],
                            "sensitivity": "confidential",
                            "note_type": "interview",
                            "body": f"<p>Benchmark note {n} of {login}.</p>",
                        }
                        for n in range(NOTES_PER_READER - len(notes))
                    ]
                ],
            )
            notes = reader.call("student_care.note", "search", [domain], {"order": "id"})
        readers.append((reader, notes))
    return readers


# --- measuring ------------------------------------------------------------------------------


def log_rows(cr):
    cr.execute("SELECT count(*), COALESCE(max(id), 0) FROM student_care_access_log")
    return cr.fetchone()


def percentile(values, q):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def run_phase(readers, reads, max_seconds):
    """All readers (logged in beforehand) read at once, one note per call."""
    latencies, errors, lock = [], Counter(), threading.Lock()
    start_gate = threading.Barrier(len(readers) + 1)
    deadline = [0.0]

    def reader(client, notes):
        mine, failed = [], Counter()
        start_gate.wait()
        for n in range(reads):
            if time.monotonic() > deadline[0]:
                break
            began = time.perf_counter()
            try:
                note_ids = [notes[n % len(notes)]]
                client.call("student_care.note", "read", [note_ids], {"fields": ["body"]})
                mine.append(time.perf_counter() - began)
            except RpcError as exc:
                failed[str(exc)] += 1
            except Exception as exc:  # noqa: BLE001 - a benchmark counts every failure
                failed[type(exc).__name__] += 1
        with lock:
            latencies.extend(mine)
            errors.update(failed)

    threads = [threading.Thread(target=reader, args=r, daemon=True) for r in readers]
    for thread in threads:
        thread.start()
    deadline[0] = time.monotonic() + max_seconds
    started = time.perf_counter()
    start_gate.wait()
    for thread in threads:
        thread.join(max_seconds + TIMEOUT + 5)
    elapsed = time.perf_counter() - started
    return latencies, errors, elapsed


# --- the chain ------------------------------------------------------------------------------


def verify_over_rpc(port, db, api, login):
    """action_verify_chain as a care manager: a button method called on an empty recordset
    (args [[]]); the @api.model version of today answers to args []. Returns
    (intact: bool, message) or None when no clear answer came back."""
    try:
        manager = Client(port, db, login, login, api).authenticate()
    except (RpcError, OSError) as exc:
        return None, f"login {login}: {exc}"
    reasons = []
    for call_args in ([[]], []):
        try:
            action = manager.call("student_care.access.log", "action_verify_chain", call_args)
        except (RpcError, OSError) as exc:
            reasons.append(f"args {call_args}: {exc}")
            continue
        params = (action or {}).get("params", {}) if isinstance(action, dict) else {}
        if params.get("type") in ("success", "danger"):
            tried = "".join(f"; {reason}" for reason in reasons)
            return params[
                "type"
            ] == "success", f"{params.get('message')} (args {call_args}{tried})"
        reasons.append(f"args {call_args}: unclear answer {action!r}")
    return None, "; ".join(reasons)


def forks(cr, after_id):
    """Rows written after after_id that name the same predecessor as another row."""
    cr.execute(
        """SELECT count(*), COALESCE(sum(n), 0)::int FROM (
               SELECT prev_hash, count(*) AS n FROM student_care_access_log
                WHERE id > %s GROUP BY prev_hash HAVING count(*) > 1) f""",
        (after_id,),
    )
    return cr.fetchone()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("--odoo-bin", required=True)
    parser.add_argument("--readers", default="1,10,50", help="reader counts, comma-separated")
    parser.add_argument("--reads", type=int, default=50, help="reads per reader and phase")
    parser.add_argument("--max-seconds", type=float, default=60, help="time bound per phase")
    parser.add_argument("--workers", default="0,4", help="server modes: 0 = threaded")
    parser.add_argument("--api", choices=("session", "jsonrpc"), default="session")
    parser.add_argument("--admin", default="admin", help="login (password = login)")
    parser.add_argument("--manager", default="caremanager", help="care manager login")
    args = parser.parse_args()
    counts = [int(n) for n in args.readers.split(",")]
    modes = [int(w) for w in args.workers.split(",")]
    config.parse_config(["-c", args.config, "--log-level=warn"])
    db = config["db_name"]
    logdir = Path(config["data_dir"]).parent
    database = odoo.sql_db.db_connect(db)

    print(
        f"Access log under concurrent readers: database {db}, {args.reads} reads per reader "
        f"and phase (at most {args.max_seconds:.0f} s), one confidential note per read, "
        f"{args.api} API; server on {HOST} only"
    )
    header = (
        f"  {'server':<10} {'readers':>7} {'reads':>6} {'errors':>6} {'log rows':>8} "
        f"{'rows/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'wall s':>6}"
    )
    for workers in modes:
        mode = "threaded" if not workers else f"workers={workers}"
        logfile = logdir / f"bench-access-log-{db}-server.log"
        server, port = start_server(args, workers, logfile)
        try:
            admin = Client(port, db, args.admin, args.admin, args.api).authenticate()
            readers = ensure_readers(admin, max(counts))
            with database.cursor() as cr:
                _count, first_id = log_rows(cr)
            print(header)
            for n in counts:
                with database.cursor() as cr:
                    before, _top = log_rows(cr)
                latencies, errors, elapsed = run_phase(readers[:n], args.reads, args.max_seconds)
                with database.cursor() as cr:
                    after, _top = log_rows(cr)
                print_row(mode, n, latencies, errors, after - before, elapsed)
            intact, message = verify_over_rpc(port, db, args.api, args.manager)
            with database.cursor() as cr:
                fork_points, fork_rows = forks(cr, first_id)
                if intact is None:
                    intact, message = False, f"could not be checked: {message}"
        finally:
            stop_server(server)
        print(f"  chain after the {mode} phases: {'INTACT' if intact else 'BROKEN'}: {message}")
        print(
            f"  rows of these phases sharing their predecessor with another row: {fork_rows} "
            f"({fork_points} fork points)"
        )
    print(f"  server log: {logfile}")


def print_row(mode, n, latencies, errors, rows, elapsed):
    detail = ", ".join(f"{k} x{v}" for k, v in errors.most_common(3))
    print(
        f"  {mode:<10} {n:>7} {len(latencies):>6} {sum(errors.values()):>6} {rows:>8} "
        f"{rows / elapsed:>8.1f} {percentile(latencies, 0.5) * 1000:>7.1f} "
        f"{percentile(latencies, 0.99) * 1000:>7.1f} {elapsed:>6.1f}"
        + (f"  ({detail})" if detail else "")
    )


if __name__ == "__main__":
    main()
