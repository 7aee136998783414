"""Exit statuses and messages as the README's table documents them: one row, one test."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from awesome_merge.cli import main, plural

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
ONE = "# A list\n\n- [A Made Up Study Of Invented Widgets](https://arxiv.org/abs/2401.00001)\n"
TWO = ONE + "- [Another Invented Study Of Imaginary Gadgets](https://arxiv.org/abs/2401.00002)\n"


def invoke(*args: str | Path) -> tuple[int, list[str], str]:
    """Exit status, the stderr lines and stdout of one in-process run."""
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr.strip().splitlines(), result.stdout


def lists(tmp_path: Path, **texts: str | bytes) -> Path:
    folder = tmp_path / "lists"
    folder.mkdir(exist_ok=True)
    for name, text in texts.items():
        target = folder / name
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8")
    return folder


def test_a_missing_source_exits_4_naming_it_and_writes_nothing(tmp_path: Path) -> None:
    code, err, _ = invoke(tmp_path / "no-such-list.md", "-o", tmp_path / "out")
    assert code == 4
    assert len(err) == 1 and err[0].startswith("error: ") and "no-such-list.md" in err[0]
    assert "--allow-missing" in err[0]
    assert not (tmp_path / "out").exists()


def test_allow_missing_warns_about_the_missing_source_and_merges_the_rest(tmp_path: Path) -> None:
    folder = lists(tmp_path, **{"a.md": ONE})
    code, err, _ = invoke(folder, tmp_path / "gone.md", "-o", tmp_path / "out", "--allow-missing")
    assert code == 0, err
    assert any(line.startswith("warning: ") and "gone.md" in line for line in err)
    assert (tmp_path / "out" / "papers.csv").is_file()


def test_allow_missing_with_nothing_left_still_exits_4(tmp_path: Path) -> None:
    code, err, _ = invoke(tmp_path / "gone.md", "-o", tmp_path / "out", "--allow-missing")
    assert code == 4 and err[-1].startswith("error: ")
    assert not (tmp_path / "out").exists()


def test_a_binary_file_given_directly_is_one_error_line_and_exit_4(tmp_path: Path) -> None:
    folder = lists(tmp_path, **{"image.md": PNG})
    code, err, _ = invoke(folder / "image.md", "-o", tmp_path / "out")
    assert code == 4
    assert len(err) == 1, err
    assert err[0].startswith("error: ") and err[0].count("error:") == 1  # no doubled prefix
    assert "image.md" in err[0] and "binary" in err[0]


def test_a_url_as_source_says_how_to_merge_a_list_from_the_web(tmp_path: Path) -> None:
    code, err, _ = invoke("https://example.org/someone/awesome-list", "-o", tmp_path / "out")
    assert code == 2
    assert len(err) == 1
    assert "https://example.org/someone/awesome-list" in err[0]  # as typed, not "https:/example.org"
    assert "--fetch" in err[0] and "[[source]]" in err[0] and "no such file" not in err[0]


def test_ctrl_c_inside_the_run_is_one_line_and_exit_130(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import awesome_merge.pipeline as pipeline

    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "merge", interrupted)
    code, err, _ = invoke(lists(tmp_path, **{"a.md": ONE}), "-o", tmp_path / "out")
    assert code == 130
    assert err == ["interrupted: outputs left as they were"]
    assert not (tmp_path / "out").exists()


def test_ctrl_c_while_the_command_is_still_starting_is_one_line_and_exit_130(tmp_path: Path) -> None:
    """The first half second (Python importing pandas) used to print a traceback: the signal is sent as
    soon as the command has said something, which is before the heavy imports."""
    folder = lists(tmp_path, **{"a.md": TWO * 2000})
    script = Path(sys.executable).parent / "awesome-merge"
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    proc = subprocess.Popen(
        [str(script), str(folder), str(tmp_path / "gone.md"), "--allow-missing", "-o", str(tmp_path / "out")],
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env=env,
    )
    assert proc.stderr is not None
    first = proc.stderr.readline()  # the warning about gone.md: the command is running, pandas not loaded
    os.killpg(proc.pid, signal.SIGINT)
    rest = proc.stderr.read()
    assert proc.wait(timeout=60) == 130
    assert "gone.md" in first
    assert rest.strip().splitlines() == ["interrupted: outputs left as they were"], rest
    assert not (tmp_path / "out").exists()


def test_counts_in_the_summary_are_singular_and_plural_as_english_has_them(tmp_path: Path) -> None:
    one = lists(tmp_path, **{"a.md": ONE})
    _, err, _ = invoke(one, "-o", tmp_path / "out1")
    assert "merged 1 entry from 1 list into 1 paper (0 duplicates); 0 pairs to review" in err[-1]
    two = lists(tmp_path, **{"b.md": ONE})
    _, err, _ = invoke(two, "-o", tmp_path / "out2")
    assert "merged 2 entries from 2 lists into 1 paper (1 duplicate)" in err[-1]
    assert [plural(n, "pair") for n in (0, 1, 2)] == ["0 pairs", "1 pair", "2 pairs"]
    assert plural(1, "entry") == "1 entry" and plural(2, "entry") == "2 entries"


def test_the_readme_and_help_give_the_same_exit_statuses() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("Exit status", 1)[1].split("\n\n", 2)[1]
    documented = {int(code) for code in re.findall(r"^\|\s*(\d+)\s*\|", table, re.M)}
    assert documented == {0, 1, 2, 3, 4, 130}
    _, _, out = invoke("--help")
    helped = {int(code) for code in re.findall(r"^\s+(\d+)\s{2,}\S", out.split("Exit status", 1)[1], re.M)}
    assert helped == documented


def test_a_failed_strict_fetch_is_one_error_line_naming_the_source_and_the_http_status(
    tmp_path: Path,
) -> None:
    """The error line must say which list failed and why: in a scheduled run's log it is the line read."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Gone(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Gone)
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    try:
        folder = lists(tmp_path, **{"widgets.md": ONE})
        url = f"http://127.0.0.1:{server.server_port}/widgets.md"
        (folder / "awesome-merge.toml").write_text(f'[[source]]\nname = "widgets"\nurl = "{url}"\n')
        code, err, _ = invoke(folder, "-o", tmp_path / "out", "--fetch", "--strict", "-q")
    finally:
        server.shutdown()
        server.server_close()
    assert code == 1
    line = err[-1]  # the error line itself says it, without the warnings above it
    assert line.startswith("error: --strict:") and "widgets" in line and "HTTP 404" in line
