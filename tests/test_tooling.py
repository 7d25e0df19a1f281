"""Without root, `make test` skips what needs a missing tool and says so in one line: the
`ensure` verb of scripts/chromium.sh and scripts/pg_cluster.sh, run as an ordinary user."""

from pathlib import Path

import os
import pytest
import shutil
import subprocess
import tempfile


ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def scripts():
    """A copy of scripts/ that ``nobody`` can read, wherever the checkout is."""
    directory = Path(tempfile.mkdtemp(prefix="twinning-scripts-"))
    directory.chmod(0o755)
    for name in ("chromium.sh", "pg_cluster.sh"):
        shutil.copy(ROOT / "scripts" / name, directory / name)
        (directory / name).chmod(0o755)
    yield directory
    shutil.rmtree(directory)


def as_ordinary_user(*command: str, env: dict) -> subprocess.CompletedProcess:
    """Run ``command`` as a user who is not root (``nobody`` when the tests run as root)."""
    if os.geteuid() == 0:
        if not shutil.which("runuser"):
            pytest.fail("runuser is needed to run the scripts as an ordinary user")
        command = ("runuser", "-u", "nobody", "--", "env", *(f"{k}={v}" for k, v in env.items()), *command)
        env = {}
    return subprocess.run(
        command, cwd="/", env={**os.environ, **env}, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(
    "script, env, skipped",
    [
        ("chromium.sh", {"CHROMIUM": "/nonexistent/chromium"}, "the browser tests (tests/browser)"),
        (
            "pg_cluster.sh",
            {"PG_LIB": "/nonexistent/postgresql"},
            "the scale-out tests (tests/scaleout",
        ),
    ],
)
def test_missing_tool_without_root_is_skipped_in_one_line(scripts, script, env, skipped):
    result = as_ordinary_user("bash", str(scripts / script), "ensure", env=env)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert f"skipping {skipped}" in lines[0]
    assert "needs root" in lines[0]


def test_install_without_root_still_fails(scripts):
    """`make chromium` (the install verb) is an explicit request: it fails, it does not skip."""
    result = as_ordinary_user(
        "bash", str(scripts / "chromium.sh"), "install", env={"CHROMIUM": "/nonexistent/chromium"}
    )
    assert result.returncode == 1
    assert "installing needs root" in result.stderr
