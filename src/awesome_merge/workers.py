"""What the processes a run starts share: whether this platform can fork them, and Ctrl-C left to the
main process (which reports it in one line and ends them; a worker's own traceback would only add noise)."""

from __future__ import annotations

import multiprocessing
import signal
import sys


def can_fork() -> bool:
    """Forked processes inherit what this one holds without pickling it; only Linux forks safely."""
    return sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods()


def leave_interrupts_to_parent() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
