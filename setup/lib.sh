#!/usr/bin/env bash
# Shared bootstrap for setup/run, setup/test and the setup/ tools. Sourced, never run.
# It is idempotent: every step checks what is already there and only does what is missing.
set -euo pipefail

SC_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SC_LOCAL="$SC_ROOT/.local"            # everything generated lives here (ignored by git)
SC_VENV="$SC_ROOT/.venv"
SC_PY="$SC_VENV/bin/python"
SC_ADDONS="$SC_ROOT"
SC_MODULES="$(cd "$SC_ROOT" && ls -d */__manifest__.py 2>/dev/null | cut -d/ -f1 | paste -sd, -)"
ODOO_SRC="${ODOO_SRC:-$HOME/.cache/student-care/odoo-18.0}"
ODOO_REPO="${ODOO_REPO:-https://github.com/odoo/odoo.git}"
SC_PG_OS_USER="${SC_PG_OS_USER:-studentcare}"
# Where our own PostgreSQL cluster lives (see sc_pg_paths): .local/pgdata, or, when run as
# root, a directory of the studentcare user outside the tree.
SC_PG_STATE_ROOT="${SC_PG_STATE_ROOT:-/var/lib/student-care}"
SC_PGDATA="$SC_LOCAL/pgdata"
SC_PGSOCK="$SC_LOCAL/pgrun"
# postgresql.conf lines that older setups wrote and that make the cluster crash-unsafe.
SC_PG_NONDURABLE="^[[:space:]]*(fsync|synchronous_commit|full_page_writes)[[:space:]]*=[[:space:]]*'?off'?[[:space:]]*(#.*)?\$"

say() { printf '\033[1m[student-care]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[student-care] ERROR:\033[0m %s\n' "$*" >&2; exit 1; }

# --- Help and cleanup ---------------------------------------------------------------------
# Every setup script sources this file first, so both are in place before anything starts.

# -h/--help anywhere on the command line: print the calling script's header comment (what
# it does, its flags and variables) and the variables every setup script reads; exit 0.
sc_help() {
    local arg
    for arg in "$@"; do
        case "$arg" in
            -h | --help) ;;
            *) continue ;;
        esac
        sed -n '2,/^[^#]/{/^#/s/^# \{0,1\}//p}' "$0"
        cat <<HELP

Variables read by every setup script:
  PGHOST, PGPORT, PGUSER, PGPASSWORD  use this PostgreSQL server instead of our own cluster
  ODOO_RC        an Odoo config to start from; its db_host, db_port, db_user and db_password
                 choose the PostgreSQL server (they win over PG*)
  ODOO_SRC       Odoo 18.0 source tree (default ~/.cache/student-care/odoo-18.0; cloned
                 from ODOO_REPO when missing)
  PYTHON         the Python (3.10+) that makes .venv (default python3)
  SC_PG_OS_USER  OS user that owns our cluster when run as root (default studentcare)
  SC_PG_STATE_ROOT  where a new cluster goes when run as root (default /var/lib/student-care)
Without PG*/ODOO_RC the scripts start their own cluster (.local/pgdata, or as root
$SC_PG_STATE_ROOT/<hash of the project path>/) and stop it on exit if they started it.
HELP
        exit 0
    done
}

# The EXIT trap: run the script's own clean-up steps (sc_on_exit), then stop the cluster if
# this script started it. INT and TERM exit through it too.
SC_EXIT_HOOKS=()
sc_on_exit() { SC_EXIT_HOOKS+=("$1"); }
sc_exit() {
    local rc=$? hook
    trap - EXIT
    for hook in "${SC_EXIT_HOOKS[@]}"; do "$hook" || true; done
    sc_pg_stop
    exit "$rc"
}
trap sc_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

sc_check_python() {
    local py="${PYTHON:-python3}"
    command -v "$py" >/dev/null 2>&1 || die "No '$py' found. Install Python 3.10 or newer (Debian: apt-get install python3 python3-venv) or set PYTHON=/path/to/python3."
    "$py" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)' \
        || die "Odoo 18.0 needs Python 3.10 or newer; '$py' is $("$py" -V 2>&1). Install a newer Python or set PYTHON=/path/to/python3.11."
    "$py" -c 'import venv, ensurepip' 2>/dev/null \
        || die "Python's venv module is missing. Debian: apt-get install python3-venv."
    SC_SYS_PY="$py"
}

sc_venv() {
    sc_check_python
    if [ ! -x "$SC_PY" ]; then
        say "Creating the virtualenv in .venv"
        "$SC_SYS_PY" -m venv "$SC_VENV"
    fi
    local stamp="$SC_VENV/.requirements.sha" want
    want="$(sha256sum "$SC_ROOT/requirements.txt" | cut -d' ' -f1)"
    if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
        say "Installing Python requirements (requirements.txt)"
        "$SC_PY" -m pip install -q --upgrade pip wheel \
            || die "pip could not reach the package index. Check your network or proxy (PIP_INDEX_URL)."
        "$SC_PY" -m pip install -q -r "$SC_ROOT/requirements.txt" \
            || die "Installing requirements.txt failed (see pip's message above)."
        echo "$want" >"$stamp"
    fi
}

sc_odoo_src() {
    if [ ! -f "$ODOO_SRC/odoo-bin" ]; then
        say "Odoo 18.0 not found in $ODOO_SRC: cloning branch 18.0 (shallow)"
        command -v git >/dev/null || die "git is missing (apt-get install git), and Odoo 18.0 is not in $ODOO_SRC."
        mkdir -p "$(dirname "$ODOO_SRC")"
        git clone --depth 1 --branch 18.0 "$ODOO_REPO" "$ODOO_SRC" \
            || die "Could not clone Odoo 18.0 from $ODOO_REPO (no network?). Put an Odoo 18.0 source tree in $ODOO_SRC, or point ODOO_SRC at one."
    fi
    grep -q "version_info = (18, 0" "$ODOO_SRC/odoo/release.py" 2>/dev/null \
        || die "$ODOO_SRC is not an Odoo 18.0 tree (odoo/release.py says otherwise). Set ODOO_SRC to an Odoo 18.0 checkout."
}

# --- Debian packages ----------------------------------------------------------
# A command we need and Debian's package that brings it: installed with apt-get when we run
# as root, otherwise a clear message saying what to install.
sc_need_command() {
    local cmd="$1" pkg="$2" why="$3"
    command -v "$cmd" >/dev/null 2>&1 && return 0
    [ "$(id -u)" = 0 ] || die "$cmd is missing ($why). Run: sudo apt-get install $pkg"
    say "$cmd is missing ($why): installing Debian's $pkg"
    if [ "${SC_APT_UPDATED:-0}" != 1 ]; then
        apt-get update -qq || die "apt-get update failed (no network or Debian mirror?); install $pkg by hand."
        SC_APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 "$pkg" >/dev/null \
        || die "apt-get install $pkg failed (see above); $why."
    command -v "$cmd" >/dev/null 2>&1 || die "Debian's $pkg is installed but '$cmd' is not on the PATH."
}

sc_wkhtmltopdf() {
    # Odoo prints PDF reports (disclosure record, formal letters) through wkhtmltopdf.
    sc_need_command wkhtmltopdf wkhtmltopdf "Odoo needs it to print PDF reports"
    wkhtmltopdf --version >/dev/null 2>&1 \
        || die "wkhtmltopdf is installed but 'wkhtmltopdf --version' fails; reinstall it (apt-get install --reinstall wkhtmltopdf)."
    # Its Qt wants a private runtime directory, else it complains on every PDF (which Odoo
    # logs as a warning). Debian's build has no patched Qt: student_care then prints the
    # report's header and footer in the page and sets text in system fonts (see README).
    if [ -z "${XDG_RUNTIME_DIR:-}" ]; then
        export XDG_RUNTIME_DIR="$SC_LOCAL/xdg-runtime"
        mkdir -p "$XDG_RUNTIME_DIR"
        chmod 700 "$XDG_RUNTIME_DIR"
    fi
}

# --- PostgreSQL -------------------------------------------------------------
# A server given by PG* variables or by an Odoo config (ODOO_RC) wins; otherwise we run our
# own cluster in .local/pgdata, reachable only through a unix socket in .local/pgrun.
sc_pg_as() {
    # Run a PostgreSQL binary as the cluster owner (PostgreSQL refuses to run as root).
    # From / as root: the cluster owner needs no access to the caller's working directory.
    if [ "$(id -u)" = 0 ]; then (cd / && runuser -u "$SC_PG_OS_USER" -- "$@"); else "$@"; fi
}

sc_pg_paths() {
    # A cluster already in .local/pgdata stays there with its data, whoever runs us. A new one
    # goes there too, except as root: the cluster owner (studentcare) would need traverse
    # rights on every directory above the project, so it goes to a directory of its own,
    # $SC_PG_STATE_ROOT/<hash of the project path>/{pgdata,pgrun}, and nothing outside the
    # project changes mode.
    if [ -f "$SC_LOCAL/pgdata/PG_VERSION" ] || [ "$(id -u)" != 0 ]; then
        SC_PGDATA="$SC_LOCAL/pgdata"
        SC_PGSOCK="$SC_LOCAL/pgrun"
        return
    fi
    local dir
    dir="$SC_PG_STATE_ROOT/$(printf '%s' "$SC_ROOT" | sha256sum | cut -c1-16)"
    SC_PGDATA="$dir/pgdata"
    SC_PGSOCK="$dir/pgrun"
    # Made searchable when we make it; an existing SC_PG_STATE_ROOT keeps its mode (the
    # reachability check in sc_postgres says so if the cluster owner cannot get through).
    [ -d "$SC_PG_STATE_ROOT" ] || mkdir -p -m 755 "$SC_PG_STATE_ROOT" \
        || die "Could not create $SC_PG_STATE_ROOT (set SC_PG_STATE_ROOT to a writable place)."
    mkdir -p "$SC_PGDATA" "$SC_PGSOCK" \
        || die "Could not create $dir for the PostgreSQL cluster (set SC_PG_STATE_ROOT to a writable place)."
    chown "$SC_PG_OS_USER" "$dir" "$SC_PGDATA" "$SC_PGSOCK"
    chmod 700 "$dir"
    # Which tree the cluster belongs to, for whoever looks in $SC_PG_STATE_ROOT.
    printf '%s\n' "$SC_ROOT" >"$dir/project"
}

sc_pg_bindir() {
    local d
    for d in /usr/lib/postgresql/*/bin; do
        [ -x "$d/pg_ctl" ] && { echo "$d"; return; }
    done
    command -v pg_ctl >/dev/null && { dirname "$(command -v pg_ctl)"; return; }
    return 1
}

sc_pg_external() {
    [ -n "${PGHOST:-}${PGPORT:-}${PGUSER:-}${ODOO_RC:-}" ]
}

sc_db_settings() {
    # SC_DB_* for an external server: PG*, overridden by db_host/db_port/db_user/db_password
    # of ODOO_RC's [options] when set there (Odoo writes False for "not set"), as Odoo does.
    SC_DB_HOST="${PGHOST:-}"; SC_DB_PORT="${PGPORT:-}"; SC_DB_USER="${PGUSER:-}"; SC_DB_PASSWORD="${PGPASSWORD:-}"
    [ -n "${ODOO_RC:-}" ] || return 0
    [ -f "$ODOO_RC" ] || die "ODOO_RC=$ODOO_RC is not a file. Point ODOO_RC at an Odoo config, or unset it."
    local assignments
    assignments="$("$SC_PY" - "$ODOO_RC" <<'PY'
import configparser
import shlex
import sys

parser = configparser.RawConfigParser()
parser.read(sys.argv[1])
for key, var in (("db_host", "HOST"), ("db_port", "PORT"), ("db_user", "USER"),
                 ("db_password", "PASSWORD")):
    value = parser.get("options", key, fallback="").strip()
    if value and value != "False":
        print(f"SC_DB_{var}={shlex.quote(value)}")
PY
)" || die "Could not read the [options] of ODOO_RC=$ODOO_RC (is it an Odoo config?)."
    eval "$assignments"
}

# Python snippets below connect with connect(), which reads SC_DB_* from the environment
# (never pasted into the code, so any password works).
SC_PY_CONNECT='
import os

import psycopg2


def connect(dbname="postgres"):
    return psycopg2.connect(
        dbname=dbname,
        **{
            key: os.environ[f"SC_DB_{key.upper()}"]
            for key in ("host", "port", "user", "password")
            if os.environ.get(f"SC_DB_{key.upper()}")
        },
    )
'
sc_py_db() {
    # Run the Python of stdin after SC_PY_CONNECT, with SC_DB_* in its environment.
    local code
    code="$SC_PY_CONNECT$(cat)"
    SC_DB_HOST="${SC_DB_HOST:-}" SC_DB_PORT="${SC_DB_PORT:-}" SC_DB_USER="${SC_DB_USER:-}" \
        SC_DB_PASSWORD="${SC_DB_PASSWORD:-}" "$SC_PY" -c "$code" "$@"
}

sc_postgres() {
    if sc_pg_external; then
        SC_PG_EXTERNAL=1
        sc_db_settings
        say "Using the PostgreSQL server given by PG*/ODOO_RC (${SC_DB_HOST:-socket}:${SC_DB_PORT:-5432})"
        sc_py_db <<'PY' || die "PostgreSQL is unreachable with the settings given (PGHOST/PGPORT/PGUSER/PGPASSWORD, or db_host/db_port/db_user/db_password in ODOO_RC). Check that the server runs and accepts this user, or unset them to let setup start its own cluster."
connect().close()
PY
        return
    fi
    SC_PG_EXTERNAL=0
    local bindir
    if ! bindir="$(sc_pg_bindir)"; then
        say "PostgreSQL binaries missing: installing Debian's postgresql package"
        [ "$(id -u)" = 0 ] || die "PostgreSQL is not installed. Run: sudo apt-get install postgresql (or set PGHOST/PGUSER to use an existing server)."
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
            || die "apt-get install postgresql failed."
        # Debian starts a system cluster on install; we do not use it.
        bindir="$(sc_pg_bindir)" || die "PostgreSQL installed but pg_ctl not found."
    fi
    SC_PG_BIN="$bindir"
    mkdir -p "$SC_LOCAL"
    if [ "$(id -u)" = 0 ]; then
        id "$SC_PG_OS_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$SC_PG_OS_USER"
    fi
    sc_pg_paths
    mkdir -p "$SC_PGDATA" "$SC_PGSOCK"
    if [ "$(id -u)" = 0 ]; then
        chown "$SC_PG_OS_USER" "$SC_PGDATA" "$SC_PGSOCK"
        # A cluster left in .local/pgdata by an older setup, which opened the directories
        # above it to others; we no longer do, so say what to do if they are closed.
        sc_pg_as test -x "$SC_PGDATA" -a -x "$SC_PGSOCK" \
            || die "The cluster in $SC_PGDATA is out of reach of the '$SC_PG_OS_USER' user: a directory above it is not searchable by others (older setups opened them; this one changes nothing outside the project). Allow it (chmod o+x on those directories), or run as a non-root user who owns the tree."
    fi
    chmod 700 "$SC_PGDATA"
    local dbuser
    dbuser="$( [ "$(id -u)" = 0 ] && echo "$SC_PG_OS_USER" || id -un)"
    if [ ! -f "$SC_PGDATA/PG_VERSION" ]; then
        say "Initialising a PostgreSQL cluster in $SC_PGDATA"
        sc_pg_as "$bindir/initdb" -D "$SC_PGDATA" -U "$dbuser" --auth=trust -E UTF8 --locale=C.UTF-8 >"$SC_LOCAL/initdb.log" 2>&1 \
            || die "initdb failed, see .local/initdb.log"
        cat >>"$SC_PGDATA/postgresql.conf" <<CONF
# student-care: socket only, in $SC_PGSOCK
listen_addresses = ''
unix_socket_directories = '$SC_PGSOCK'
shared_buffers = 512MB
work_mem = 32MB
maintenance_work_mem = 256MB
max_wal_size = 4GB
CONF
    fi
    # Clusters made before durability was the default carry fsync/synchronous_commit/
    # full_page_writes = off: drop those lines (once) so the server is crash-safe again.
    local durable_fixed=0
    if grep -qE "$SC_PG_NONDURABLE" "$SC_PGDATA/postgresql.conf"; then
        say "Turning PostgreSQL durability back on in $SC_PGDATA (fsync, synchronous_commit, full_page_writes)"
        sc_pg_as sed -i -E "/$SC_PG_NONDURABLE/d" "$SC_PGDATA/postgresql.conf" \
            || die "Could not edit $SC_PGDATA/postgresql.conf; remove its 'fsync = off', 'synchronous_commit = off' and 'full_page_writes = off' lines by hand."
        durable_fixed=1
    fi
    SC_PG_STARTED=0
    if ! sc_pg_as "$bindir/pg_ctl" -D "$SC_PGDATA" status >/dev/null 2>&1; then
        SC_PG_STARTED=1
        say "Starting PostgreSQL ($SC_PGDATA, socket in $SC_PGSOCK)"
        sc_pg_as "$bindir/pg_ctl" -D "$SC_PGDATA" -l "$SC_PGDATA/server.log" -w -t 60 start >/dev/null \
            || die "PostgreSQL did not start; see $SC_PGDATA/server.log"
    elif [ "$durable_fixed" = 1 ]; then
        # All three settings take effect on reload (no restart, so other users stay connected).
        sc_pg_as "$bindir/pg_ctl" -D "$SC_PGDATA" reload >/dev/null \
            || die "PostgreSQL did not reload its configuration; restart it: $bindir/pg_ctl -D $SC_PGDATA restart"
    fi
    SC_DB_HOST="$SC_PGSOCK"; SC_DB_PORT="5432"; SC_DB_USER="$dbuser"; SC_DB_PASSWORD=""
    sc_pg_check_durable
    if [ "$durable_fixed" = 1 ]; then
        # What was written while fsync was off may still sit in the OS cache: flush it now
        # that fsync is on (PostgreSQL's documented way back from fsync = off).
        sc_pg_as "$bindir/initdb" --sync-only -D "$SC_PGDATA" >/dev/null 2>&1 || sync
    fi
}


sc_pg_check_durable() {
    # The served cluster must be crash-safe. A reload is asynchronous: ask for a few seconds.
    sc_py_db <<'PY' || die "PostgreSQL in $SC_PGDATA runs without durability (see above). Remove the setting named there (postgresql.conf, postgresql.auto.conf: ALTER SYSTEM RESET ...) and restart: $SC_PG_BIN/pg_ctl -D $SC_PGDATA restart"
import sys, time
names = ("fsync", "synchronous_commit", "full_page_writes")
for attempt in range(20):
    conn = connect()
    cur = conn.cursor()
    cur.execute("SELECT name, setting, source, sourcefile FROM pg_settings WHERE name = ANY(%s)", (list(names),))
    off = [row for row in cur.fetchall() if row[1] == "off"]
    conn.close()
    if not off:
        sys.exit(0)
    time.sleep(0.25)
for name, _setting, source, sourcefile in off:
    print(f"  {name} = off (from {sourcefile or source})", file=sys.stderr)
sys.exit(1)
PY
}

sc_pg_stop() {
    # Stop the project's cluster only if this script started it (another ./setup/run may use it).
    [ "${SC_PG_EXTERNAL:-1}" = 0 ] && [ "${SC_PG_STARTED:-0}" = 1 ] || return 0
    sc_pg_as "$SC_PG_BIN/pg_ctl" -D "$SC_PGDATA" -m fast -w stop >/dev/null 2>&1 || true
}

# The master password of Odoo's database manager for the served instance: random, made on
# first use and kept outside git in .local/master-password (mode 600). The configs get only
# its hash. Sets SC_MASTER_PASSWORD_CREATED=1 on the run that made it.
SC_MASTER_PASSWORD_FILE="$SC_LOCAL/master-password"
sc_master_password() {
    SC_MASTER_PASSWORD_CREATED=0
    mkdir -p "$SC_LOCAL"
    if [ ! -s "$SC_MASTER_PASSWORD_FILE" ]; then
        (umask 077 && "$SC_PY" -c 'import secrets; print(secrets.token_urlsafe(24))' >"$SC_MASTER_PASSWORD_FILE.new" \
            && mv "$SC_MASTER_PASSWORD_FILE.new" "$SC_MASTER_PASSWORD_FILE") \
            || die "Could not write .local/master-password."
        SC_MASTER_PASSWORD_CREATED=1
    fi
    chmod 600 "$SC_MASTER_PASSWORD_FILE"
    SC_MASTER_PASSWORD_HASH="$("$SC_PY" - "$SC_MASTER_PASSWORD_FILE" <<'PY'
import sys

from passlib.context import CryptContext

with open(sys.argv[1]) as handle:
    password = handle.read().strip()
print(CryptContext(schemes=["pbkdf2_sha512"], pbkdf2_sha512__rounds=600_000).hash(password))
PY
)" || die "Could not hash the master password (passlib missing from .venv?)."
}

# Odoo configuration file for our add-ons and the database server chosen above.
# Secure by default, whoever calls it: the database manager is off (list_db = False), the
# server listens on 127.0.0.1 (SC_HTTP_INTERFACE to change it), and the master password is
# SC_MASTER_PASSWORD_HASH (see sc_master_password) or empty, which Odoo treats as "refuse
# every master-password request". The file is readable by its owner only.
sc_odoo_conf() {
    local conf="$1" db="$2" logfile="${3:-}"
    mkdir -p "$SC_LOCAL/filestore"
    (umask 077 && : >"$conf")
    chmod 600 "$conf"
    if [ -n "${ODOO_RC:-}" ] && [ -f "${ODOO_RC}" ]; then
        # Start from the user's config; override what we must.
        # Its list_db, admin_passwd and http_interface too: secure defaults are not optional.
        local ours='addons_path|db_name|dbfilter|logfile|http_port|http_interface|data_dir|list_db|admin_passwd'
        [ -z "${SC_PROXY_MODE:-}" ] || ours="$ours|proxy_mode"
        grep -vE "^\\s*($ours)\\s*=" "$ODOO_RC" >>"$conf" || true
    else
        {
            echo "[options]"
            # Only what we know; libpq takes the rest from the PG* variables.
            [ -z "${SC_DB_HOST:-}" ] || echo "db_host = $SC_DB_HOST"
            [ -z "${SC_DB_PORT:-}" ] || echo "db_port = $SC_DB_PORT"
            [ -z "${SC_DB_USER:-}" ] || echo "db_user = $SC_DB_USER"
            [ -z "${SC_DB_PASSWORD:-}" ] || echo "db_password = $SC_DB_PASSWORD"
        } >>"$conf"
    fi
    cat >>"$conf" <<CONF
addons_path = ${ODOO_SRC}/addons,${SC_ADDONS}
data_dir = ${SC_LOCAL}/filestore
db_name = ${db}
dbfilter = ^${db}\$
list_db = False
admin_passwd = ${SC_MASTER_PASSWORD_HASH:-}
http_interface = ${SC_HTTP_INTERFACE:-127.0.0.1}
http_port = ${SC_HTTP_PORT:-8069}
logfile = ${logfile}
CONF
    [ -z "${SC_PROXY_MODE:-}" ] || echo "proxy_mode = $( [ "$SC_PROXY_MODE" = 1 ] && echo True || echo False )" >>"$conf"
}

sc_workers() {
    # SC_WORKERS as a number (0 when unset), or a clear error.
    local workers="${SC_WORKERS:-0}"
    case "$workers" in
        '' | *[!0-9]*) die "SC_WORKERS=$workers is not a number of worker processes (e.g. SC_WORKERS=4, or 0 for one process)." ;;
    esac
    echo "$((10#$workers))"
}

sc_odoo_workers() {
    # Odoo's multi-process mode for the served config "$1": SC_WORKERS HTTP worker
    # processes, the live-update bus (websocket) on its own gevent port, and scheduled jobs
    # in cron workers of their own (Odoo locks each job, so none runs twice at once).
    # 0 or unset: one threaded process, the simple default.
    local conf="$1" workers
    workers="$(sc_workers)" || exit 1
    [ "$workers" -gt 0 ] || return 0
    local gevent_port="${SC_GEVENT_PORT:-8072}"
    sc_port_free "$gevent_port" || die "Port $gevent_port (live updates with workers) is in use. Set SC_GEVENT_PORT to a free one."
    cat >>"$conf" <<CONF
workers = $workers
gevent_port = $gevent_port
max_cron_threads = ${SC_CRON_WORKERS:-1}
limit_time_real = ${SC_LIMIT_TIME_REAL:-600}
CONF
}

sc_odoo() {
    # odoo-bin with our venv; stays in the foreground.
    (cd "$ODOO_SRC" && exec "$SC_PY" odoo-bin "$@")
}

sc_bootstrap() {
    sc_venv
    sc_odoo_src
    sc_postgres
}

sc_db_exists() {
    sc_py_db "$1" <<'PY'
import sys
conn = connect()
cur = conn.cursor()
cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (sys.argv[1],))
sys.exit(0 if cur.fetchone() else 1)
PY
}

sc_db_create_empty() {
    # An empty database made by Odoo's own code, as odoo-bin would make it; the next
    # odoo-bin -i initialises it. Lets a caller set per-database options before the install.
    (cd "$ODOO_SRC" && "$SC_PY" - "$1" "$2" <<'PY')
import sys

import odoo
from odoo.tools import config

config.parse_config(["-c", sys.argv[1], "--log-level=warn"])
odoo.service.db._create_empty_database(sys.argv[2])
PY
}

sc_db_set() {
    # ALTER DATABASE db SET name = value (new sessions of that database only).
    sc_py_db "$1" "$2" "$3" <<'PY'
import sys
from psycopg2 import sql
conn = connect()
conn.autocommit = True
conn.cursor().execute(sql.SQL("ALTER DATABASE {} SET {} = {}").format(
    sql.Identifier(sys.argv[1]), sql.Identifier(sys.argv[2]), sql.Literal(sys.argv[3])))
PY
}

sc_db_drop() {
    sc_py_db "$1" <<'PY'
import sys
from psycopg2 import sql
conn = connect()
conn.autocommit = True
conn.cursor().execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(sys.argv[1])))
PY
}

sc_port_free() {
    # Busy means something accepts connections there (a closed server's TIME_WAIT is fine).
    "$SC_PY" - "$1" <<'PY'
import socket, sys
s = socket.socket()
s.settimeout(1)
sys.exit(1 if s.connect_ex(("127.0.0.1", int(sys.argv[1]))) == 0 else 0)
PY
}
