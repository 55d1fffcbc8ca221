"""Progress of a long command: a bar in a terminal, a plain line now and then when logged to a file."""

from __future__ import annotations

import shutil
import time

PLAIN_EVERY = 10.0  # seconds between plain lines


class Progress:
    def __init__(self, label: str, stream, unit: str = "items"):
        self.label, self.stream, self.unit = label, stream, unit
        self.terminal = hasattr(stream, "isatty") and stream.isatty()
        self.bar = None
        self.started = self.last_line = time.monotonic()
        self.last_text = ""

    def show(self, done: int, total: int | None = None, postfix: str = "") -> None:
        if self.terminal:
            self._bar(done, total, postfix)
        elif time.monotonic() - self.last_line >= PLAIN_EVERY:
            self._line(done, total, postfix)

    def close(self, done: int | None = None, total: int | None = None, postfix: str = "") -> None:
        """End the bar; when logged, a last line (if something was said since the last one)."""
        if self.bar is not None:
            self.bar.close()
            self.bar = None
        elif not self.terminal and done is not None:
            self._line(done, total, postfix)

    def _bar(self, done: int, total: int | None, postfix: str) -> None:
        if self.bar is None:
            from tqdm import tqdm

            # A terminal that reports no size (a fresh pseudo-terminal) makes tqdm draw nothing at all.
            size = shutil.get_terminal_size(fallback=(100, 24))
            self.bar = tqdm(
                total=total, desc=self.label, unit=f" {self.unit}", file=self.stream,
                ncols=size.columns or 100, nrows=size.lines or 24,
            )  # fmt: skip
        if total is not None and self.bar.total != total:
            self.bar.total = total
        self.bar.set_postfix_str(postfix, refresh=False)
        self.bar.update(done - self.bar.n)  # update(), not n=: tqdm measures the rate from updates

    def _line(self, done: int, total: int | None, postfix: str) -> None:
        elapsed = time.monotonic() - self.started
        rate = done / elapsed if elapsed > 0 else 0
        text = f"{self.label}: {done:,}" + (f" of {total:,}" if total else "") + f" {self.unit}"
        if rate:
            text += f", {rate:,.0f}/s"
            if total and total > done:
                text += f", about {(total - done) / rate:,.0f} s left"
        if postfix:
            text += f"; {postfix}"
        if text != self.last_text:
            self.stream.write(text + "\n")
            self.stream.flush()
        self.last_text, self.last_line = text, time.monotonic()


def nothing(n: int = 1) -> None:
    """The progress callback of a call nobody watches."""


class Steps:
    """A long command of several steps, each counted on its own bar (or its own plain lines):
    `advance = steps.step("fingerprints", total)`, then `advance(n)` as work is done."""

    def __init__(self, label: str, stream):
        self.label, self.stream = label, stream
        self.current: Progress | None = None
        self.done = 0
        self.total: int | None = None

    def step(self, name: str, total: int | None = None):
        self.close()
        self.current, self.done, self.total = Progress(f"{self.label}: {name}", self.stream), 0, total
        self.current.show(0, total)

        def advance(n: int = 1) -> None:
            self.done += n
            self.current.show(self.done, self.total)

        return advance

    def close(self) -> None:
        if self.current is not None:
            self.current.close(self.done, self.total)
            self.current = None
