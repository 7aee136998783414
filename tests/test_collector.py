"""The collector policy: reading a file pauses the collector and leaves it as it found it."""

from __future__ import annotations

import gc
from pathlib import Path

from awesome_merge.collector import paused_gc
from awesome_merge.parse import parse_file


def test_parse_file_leaves_the_collector_as_it_found_it(tmp_path: Path) -> None:
    source = tmp_path / "list.md"
    source.write_text("# Papers\n\n- [A Title of a Paper](https://arxiv.org/abs/2401.00001)\n")
    was = gc.isenabled()
    try:
        for enabled in (True, False):
            (gc.enable if enabled else gc.disable)()
            assert parse_file(source).entries
            assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_nested_pauses_leave_the_collector_to_the_outermost() -> None:
    was = gc.isenabled()
    gc.enable()
    try:
        with paused_gc():
            with paused_gc():
                assert not gc.isenabled()
            assert not gc.isenabled()  # the inner pause found it off
        assert gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()
