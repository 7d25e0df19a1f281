"""Real processes for the scale-out tests: a demo site on FileStorage, a throwaway
PostgreSQL cluster, the site migrated into RelStorage, and `make run` serving two Zope
instances on RelStorage or on ZEO.

Run with `make test-scaleout` (marker `scaleout`; the default `make test` deselects them).
"""

from pathlib import Path
from tests.payloads import valid_payloads

import os
import pytest
import requests
import shutil
import signal
import socket
import subprocess
import time


ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "bin"
ADMIN_PASSWORD = "scaleout-admin-secret"
DEMO_PASSWORD = "twinning-demo"
READY_SECONDS = 240


def run(*args, env=None, timeout=600, **kwargs) -> subprocess.CompletedProcess:
    """Run a command in the checkout; fail the test with its output when it fails."""
    result = subprocess.run(
        [str(a) for a in args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        **kwargs,
    )
    if result.returncode != 0:
        pytest.fail(
            f"{' '.join(map(str, args))} exited {result.returncode}\n"
            f"--- stdout\n{result.stdout[-4000:]}\n--- stderr\n{result.stderr[-4000:]}"
        )
    return result


def free_port(pair: bool = False) -> int:
    """A free loopback port; with pair, one whose next port is free too."""
    for _ in range(100):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if not pair:
            return port
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port + 1))
            except OSError:
                continue
        return port
    raise RuntimeError("no free port pair")


# These tests use no Plone test layer: override tests/conftest.py's autouse fixtures that
# keep the layers set up for the session (20 s of set-up for nothing here).
@pytest.fixture(scope="session")
def _keep_functional_session():
    pass


@pytest.fixture(scope="session")
def _keep_integration_session():
    pass


@pytest.fixture(scope="session")
def work(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("scaleout")


@pytest.fixture(scope="session")
def demo_var(work) -> Path:
    """The demo site on the embedded FileStorage (what `make run` makes), plus an image."""
    instance, var = work / "demo-instance", work / "demo-var"
    run(
        BIN / "python",
        "scripts/instance.py",
        "--instance",
        instance,
        "--var",
        var,
        "--port",
        free_port(),
        env={"STORAGE": "filestorage"},
    )
    env = {"ADMIN_PASSWORD": ADMIN_PASSWORD, "PYTHONPATH": str(ROOT)}
    conf = instance / "etc" / "zope.conf"
    run(BIN / "zconsole", "run", conf, "scripts/create_site.py", env=env)
    run(BIN / "zconsole", "run", conf, "tests/scaleout/add_image.py", env=env)
    return var


@pytest.fixture(scope="session")
def pg(work):
    """A throwaway PostgreSQL cluster (scripts/pg_cluster.sh); call it with a database name
    to get that database's DSN (created when missing)."""
    directory = work / "pg"

    def database(name: str) -> str:
        return run("bash", "scripts/pg_cluster.sh", "start", directory, name).stdout.strip()

    yield database
    subprocess.run(["bash", "scripts/pg_cluster.sh", "remove", str(directory)], cwd=ROOT)


@pytest.fixture(scope="session")
def migrated(work, demo_var, pg):
    """`make migrate-to-relstorage` on a copy of the demo site's var; returns the DSN,
    the command's output and the source var (the copy, left as it was)."""
    var = work / "migrate-var"
    shutil.copytree(demo_var, var, ignore=shutil.ignore_patterns("*.lock", "*.tmp"))
    dsn = pg("migrated")
    started = time.monotonic()
    result = run("make", "migrate-to-relstorage", f"VAR_DIR={var}", env={"PG_DSN": dsn})
    return {
        "dsn": dsn,
        "output": result.stdout + result.stderr,
        "var": var,
        "seconds": time.monotonic() - started,
    }


class Cluster:
    """`make run` with INSTANCES=2 on a storage: instance A on port, B on port + 1."""

    def __init__(self, work: Path, storage: str, var: Path, env: dict):
        self.storage = storage
        self.instance = work / f"{storage}-instance"
        self.var = var
        self.port = free_port(pair=True)
        self.a = f"http://127.0.0.1:{self.port}/Plone"
        self.b = f"http://127.0.0.1:{self.port + 1}/Plone"
        self.log_path = work / f"{storage}-run.log"
        self.env = {
            **os.environ,
            "STORAGE": storage,
            "INSTANCES": "2",
            "PORT": str(self.port),
            "ADMIN_PASSWORD": ADMIN_PASSWORD,
            **env,
        }
        self.process = None

    def start(self):
        self.log = open(self.log_path, "w")  # noqa: SIM115 - the server writes to it until stop() closes it
        self.process = subprocess.Popen(
            ["make", "run", f"INSTANCE_DIR={self.instance}", f"VAR_DIR={self.var}"],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, as in a terminal
        )
        deadline = time.monotonic() + READY_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"make run ended ({self.process.returncode}):\n{self.tail()}")
            if all(self._answers(url) for url in (self.a, self.b)):
                return
            time.sleep(1)
        pytest.fail(f"make run did not serve both instances in {READY_SECONDS} s:\n{self.tail()}")

    @staticmethod
    def _answers(url: str) -> bool:
        try:
            return requests.get(url, timeout=5).status_code == 200
        except requests.RequestException:
            return False

    def tail(self) -> str:
        return self.log_path.read_text(errors="replace")[-5000:]

    def stop(self) -> int | None:
        """Ctrl-C, as in a terminal: SIGINT to the process group. Returns make's exit code."""
        if self.process is None or self.process.poll() is not None:
            return self.process and self.process.returncode
        os.killpg(self.process.pid, signal.SIGINT)
        try:
            return self.process.wait(timeout=90)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
            return None
        finally:
            self.log.close()

    def client(self, which: str, userid: str) -> "Client":
        """A REST client of instance "A" or "B", logged in as a demo user."""
        return Client(self.a if which == "A" else self.b, userid)


class Client:
    """requests with a base URL (an instance's /Plone), JSON and basic auth."""

    def __init__(self, base: str, userid: str):
        self.base = base
        self.http = requests.Session()
        self.http.headers.update({"Accept": "application/json"})
        self.http.auth = (userid, DEMO_PASSWORD)

    def url(self, path: str) -> str:
        return path if path.startswith("http") else self.base + path

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.http.get(self.url(path), timeout=60, **kwargs)

    def post(self, path: str, json=None) -> requests.Response:
        return self.http.post(self.url(path), json=json, timeout=60)


def process_alive(pattern: str) -> list[str]:
    """Command lines of the running processes that contain pattern."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            text = cmdline.read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if pattern in text:
            found.append(text)
    return found


@pytest.fixture(scope="session")
def relstorage_cluster(work, pg):
    """Two instances on RelStorage; `make run` creates the demo site in PostgreSQL."""
    cluster = Cluster(work, "relstorage", work / "relstorage-var", {"PG_DSN": pg("served")})
    cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def zeo_cluster(work, demo_var):
    """Two instances as clients of a ZEO server that serves a copy of the demo FileStorage."""
    var = work / "zeo-var"
    shutil.copytree(demo_var, var, ignore=shutil.ignore_patterns("*.lock", "*.tmp"))
    cluster = Cluster(work, "zeo", var, {"ZEO_ADDRESS": f"127.0.0.1:{free_port()}"})
    cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture
def payloads():
    return valid_payloads()
