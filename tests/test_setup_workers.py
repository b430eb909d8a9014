# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""SC_WORKERS turns ./setup/run's served config into Odoo's multi-process mode; a value
that is not a number stops the run with a clear message before anything starts."""

import configparser
import os
import socket
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _workers(tmp_path, **env):
    conf = tmp_path / "odoo.conf"
    conf.write_text("[options]\nhttp_port = 8069\n")
    result = subprocess.run(
        ["bash", "-c", f'source setup/lib.sh && sc_odoo_workers "{conf}" && echo ready'],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    parser = configparser.RawConfigParser()
    parser.read(conf)
    return result, dict(parser["options"])


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_one_process_by_default(tmp_path):
    for value in (None, "0"):
        env = {} if value is None else {"SC_WORKERS": value}
        result, options = _workers(tmp_path, **env)
        assert result.returncode == 0, result.stderr
        assert "workers" not in options
        assert "gevent_port" not in options


def test_workers_with_their_bus_and_cron(tmp_path):
    port = str(_free_port())
    result, options = _workers(tmp_path, SC_WORKERS="4", SC_GEVENT_PORT=port)
    assert result.returncode == 0, result.stderr
    assert options["workers"] == "4"
    assert options["gevent_port"] == port
    assert options["max_cron_threads"] == "1"
    assert int(options["limit_time_real"]) > 0


def test_bad_values_stop_with_a_clear_message(tmp_path):
    for value in ("four", "-1", "2x"):
        result, options = _workers(tmp_path, SC_WORKERS=value)
        assert result.returncode != 0, value
        assert "is not a number of worker processes" in result.stderr
        assert "workers" not in options
    # The live-update port must be free.
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = str(busy.getsockname()[1])
        result, options = _workers(tmp_path, SC_WORKERS="2", SC_GEVENT_PORT=port)
    assert result.returncode != 0
    assert f"Port {port}" in result.stderr
    assert "workers" not in options


def test_run_validates_before_it_starts_anything():
    result = subprocess.run(
        [str(ROOT / "setup" / "run")],
        cwd=ROOT,
        env={**os.environ, "SC_WORKERS": "many"},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode != 0
    assert "SC_WORKERS=many is not a number" in result.stderr
    assert "Starting PostgreSQL" not in result.stderr
