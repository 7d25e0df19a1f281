"""A small progress bar on stderr, for the bulk commands (twinning-export) and make bench."""

import sys
import time


class Progress:
    """``with Progress("profiles", 2000) as bar: ... bar.step()``."""

    WIDTH = 30

    def __init__(self, label: str, total: int, stream=sys.stderr):
        self.label, self.total, self.stream = label, max(total, 1), stream
        # Redrawn 4 times a second on a terminal, every 30 s into a log file.
        self.every = 0.25 if stream.isatty() else 30.0
        self.done = 0
        self.started = self.shown = time.perf_counter()

    def __enter__(self):
        self._show(force=True)
        return self

    def __exit__(self, *exc):
        self._show(force=True)
        self.stream.write("\n")
        self.stream.flush()

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def step(self, n: int = 1) -> None:
        self.done += n
        self._show()

    def _show(self, force: bool = False) -> None:
        now = time.perf_counter()
        if not force and now - self.shown < self.every and self.done < self.total:
            return
        self.shown = now
        elapsed = now - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        left = (self.total - self.done) / rate if rate else 0.0
        filled = int(self.WIDTH * min(self.done, self.total) / self.total)
        bar = "#" * filled + "." * (self.WIDTH - filled)
        self.stream.write(
            f"\r{self.label:<26} [{bar}] {self.done:>7}/{self.total:<7} "
            f"{rate:7.1f}/s  {elapsed:6.0f}s elapsed, ~{left:5.0f}s left "
        )
        self.stream.flush()
