"""The `awesome-merge` console script (and `python -m awesome_merge`).

Why a module of its own: Ctrl-C must give one line and exit status 130 at any moment, also while Python
is still importing click and pandas; so the handler is set before anything heavy is imported.
"""

from __future__ import annotations

import signal
import sys
from types import FrameType

INTERRUPTED = 130  # 128 + SIGINT, what shells report for a command stopped by Ctrl-C
INTERRUPTED_MESSAGE = "interrupted: outputs left as they were"


class Interrupted(BaseException):
    """Ctrl-C, raised past click (which would turn a KeyboardInterrupt into "Aborted!" and status 1);
    `finally` blocks still run, so no half-written output stays behind."""


def _interrupt(_signum: int, _frame: FrameType | None) -> None:
    raise Interrupted


def main() -> None:
    previous = signal.signal(signal.SIGINT, _interrupt)
    try:
        from .cli import main as command

        command.main(prog_name="awesome-merge")
    except (Interrupted, KeyboardInterrupt):
        print(INTERRUPTED_MESSAGE, file=sys.stderr)
        sys.exit(INTERRUPTED)
    finally:
        signal.signal(signal.SIGINT, previous)


if __name__ == "__main__":
    main()
