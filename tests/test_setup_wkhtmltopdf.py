# Copyright 2026 Student Care
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""./setup/run and ./setup/test install Debian's wkhtmltopdf when it is missing."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# What sourcing setup/lib.sh and calling sc_wkhtmltopdf run, besides the stubs below.
TOOLS = ("bash", "dirname", "ls", "cut", "paste", "mkdir", "chmod")
APT_GET = """#!/bin/bash
echo "$@" >>"{log}"
if [ "$1" != update ]; then
    printf '#!/bin/bash\\necho wkhtmltopdf 0.12.6\\n' >"{bin}/wkhtmltopdf"
    chmod +x "{bin}/wkhtmltopdf"
fi
"""


@pytest.mark.parametrize("script", ["run", "test"])
def test_scripts_get_wkhtmltopdf_before_odoo_starts(script):
    text = (ROOT / "setup" / script).read_text()
    calls = [m.start() for m in re.finditer(r"^sc_wkhtmltopdf$", text, re.M)]
    assert calls, f"setup/{script} does not call sc_wkhtmltopdf"
    assert calls[0] < text.index("\nsc_odoo "), f"setup/{script} starts Odoo first"


def _machine_without_wkhtmltopdf(tmp_path, uid):
    """A PATH with only the tools the setup needs, a fake apt-get and an `id -u` of uid."""
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    for tool in TOOLS:
        (fake_bin / tool).symlink_to(shutil.which(tool))
    log = tmp_path / "apt-get.log"
    stubs = {
        "id": f"#!/bin/bash\necho {uid}\n",
        "apt-get": APT_GET.format(log=log, bin=fake_bin),
    }
    for name, body in stubs.items():
        (fake_bin / name).write_text(body)
        (fake_bin / name).chmod(0o755)
    env = {
        "PATH": str(fake_bin),
        "HOME": str(tmp_path),
        "XDG_RUNTIME_DIR": str(tmp_path / "xdg"),
    }
    result = subprocess.run(
        [str(fake_bin / "bash"), "-c", 'source setup/lib.sh && sc_wkhtmltopdf && echo "ready"'],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return result, log


def test_root_installs_debian_wkhtmltopdf(tmp_path):
    result, log = _machine_without_wkhtmltopdf(tmp_path, uid=0)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ready"
    calls = log.read_text().splitlines()
    assert calls[0].startswith("update")
    assert calls[1].startswith("install") and calls[1].endswith(" wkhtmltopdf"), calls


def test_other_users_are_told_what_to_install(tmp_path):
    result, log = _machine_without_wkhtmltopdf(tmp_path, uid=1000)
    assert result.returncode != 0
    assert "sudo apt-get install wkhtmltopdf" in result.stderr
    assert not log.exists()
