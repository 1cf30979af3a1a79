"""The GitHub workflows and Dependabot settings follow the project's rules (tests/workflow_policy.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from sitebuild import ROOT
from workflow_policy import load, violations, writing_jobs

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
SHA = "3d3c42e5aac5ba805825da76410c181273ba90b1"

# A workflow that follows every rule; each bad sample below breaks one.
GOOD = f"""
on: push
permissions: {{}}
jobs:
  build:
    runs-on: ubuntu-24.04
    permissions:
      contents: read
    steps:
      - uses: actions/checkout@{SHA} # v7.0.1
        with:
          persist-credentials: false
      - uses: ./.github/actions/local
      - uses: actions/upload-artifact@{SHA} # v7.0.0
        with:
          path: site/
          retention-days: 5
  deploy:
    needs: build
    runs-on: ubuntu-24.04
    permissions:
      pages: write
      id-token: write
    environment:
      name: github-pages
    concurrency:
      group: pages
      cancel-in-progress: false
    steps:
      - uses: actions/deploy-pages@{SHA} # v5.0.0
"""


def test_there_is_a_workflow() -> None:
    assert WORKFLOWS, "no workflow in .github/workflows"


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_follows_the_rules(workflow: Path) -> None:
    assert violations(workflow.read_text(encoding="utf-8")) == []


def test_only_the_deploy_job_can_write() -> None:
    writers = {(path.name, job) for path in WORKFLOWS for job in writing_jobs(load(path.read_text(encoding="utf-8")))}
    assert writers == {("site.yml", "deploy")}


def test_pull_requests_are_checked_and_only_main_is_deployed() -> None:
    workflow = load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    triggers = workflow[True]
    assert set(triggers) == {"pull_request", "push", "workflow_dispatch", "schedule"}
    assert triggers["push"]["branches"] == ["main"]
    build_steps = workflow["jobs"]["build"]["steps"]
    assert any(step.get("run") == "make test" for step in build_steps)
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert "pull_request" in deploy["if"] and "refs/heads/main" in deploy["if"]


def test_scheduled_runs_publish_posts_that_came_due_and_nothing_else() -> None:
    workflow = load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    (schedule,) = workflow[True]["schedule"]
    minute, hour, *every_day = schedule["cron"].split()
    assert minute.isdigit() and hour == "*" and every_day == ["*", "*", "*"], "at least hourly"
    due, build = workflow["jobs"]["due"], workflow["jobs"]["build"]
    assert due["if"] == "github.event_name == 'schedule'"
    assert due["permissions"] == {"contents": "read", "actions": "read"}
    assert [step.get("run") for step in due["steps"]][-1] == "make due"
    # A scheduled run builds only when `make due` found something, and skips what its push already tested.
    assert build["needs"] == "due" and "needs.due.outputs.due == 'true'" in build["if"]
    assert "github.event_name != 'schedule'" in build["if"]
    test_step = next(step for step in build["steps"] if step.get("run") == "make test")
    assert test_step["if"] == "github.event_name != 'schedule'"
    assert any(step.get("run") == "make build" and "if" not in step for step in build["steps"])


def test_the_checker_accepts_a_good_workflow() -> None:
    assert violations(GOOD) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ((f"actions/checkout@{SHA} # v7.0.1", "actions/checkout@v7"), "line 10: `uses: actions/checkout@v7`"),
        ((f"@{SHA} # v7.0.1", f"@{SHA}"), f"line 10: `uses: actions/checkout@{SHA}` is not pinned"),
        ((f"@{SHA} # v7.0.1", f"@{SHA[:7]} # v7.0.1"), "line 10"),
        ((f"@{SHA} # v5.0.0", f"@{SHA} # latest"), "line 30: `uses: actions/deploy-pages@"),
        (("permissions: {}", "permissions: write-all"), "top-level permissions must be {}"),
        (("permissions: {}\n", ""), "top-level permissions must be {}, not 'missing'"),
        (("contents: read", "contents: write"), "job 'build' has write permissions"),
        (("pages: write", "pages: write\n      contents: write"), "job 'deploy' has write permissions"),
        (("cancel-in-progress: false", "cancel-in-progress: true"), "cancel-in-progress: false"),
        (("name: github-pages", "name: preview"), "outside the github-pages environment"),
        (("persist-credentials: false", "persist-credentials: true"), "job 'build' checks out without"),
        (
            (f"- uses: actions/deploy-pages@{SHA} # v5.0.0", f"- {{uses: actions/deploy-pages@{SHA}}}"),
            "one `uses: ...` line per step",
        ),
        (("on: push", "on: pull_request_target"), "the event 'pull_request_target' runs with the repository's rights"),
        (("on: push", "on: [push, workflow_run]"), "the event 'workflow_run'"),
        (("          retention-days: 5\n", ""), "job 'build' uploads an artifact without retention-days"),
    ],
)
def test_the_checker_rejects_a_bad_workflow(change: tuple[str, str], expected: str) -> None:
    old, new = change
    assert old in GOOD
    problems = violations(GOOD.replace(old, new, 1))
    assert any(expected in problem for problem in problems), problems


def test_a_pull_request_gets_a_preview_and_writers_problems_come_first() -> None:
    workflow = load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    runs = [step.get("run") for step in steps]
    # The build (the writers' checks, their workflow commands and summary) before the long test run.
    assert runs.index("make build") < runs.index("make test")
    preview = [step for step in steps if step.get("if") == "github.event_name == 'pull_request'"]
    assert [step.get("run") or step["uses"].split("@")[0] for step in preview] == [
        "make pr-screenshots",
        "actions/upload-artifact",
        "actions/upload-artifact",
        ".venv/bin/python scripts/pr_preview.py summary",
    ]
    site, screenshots = preview[1], preview[2]
    assert (site["with"]["path"], screenshots["with"]["path"]) == ("site/", "screenshots/")
    days = workflow["env"]["PREVIEW_RETENTION_DAYS"]
    assert isinstance(days, int) and 1 <= days <= 7, "a few days"
    for upload in (site, screenshots):
        assert upload["with"]["retention-days"] == "${{ env.PREVIEW_RETENTION_DAYS }}"
    # The links reach the script through its environment, never pasted into the command.
    assert preview[3]["env"] == {
        "SITE_ARTIFACT_URL": f"${{{{ steps.{site['id']}.outputs.artifact-url }}}}",
        "SCREENSHOTS_ARTIFACT_URL": f"${{{{ steps.{screenshots['id']}.outputs.artifact-url }}}}",
        "RETENTION_DAYS": "${{ env.PREVIEW_RETENTION_DAYS }}",
    }


def test_dependabot_updates_pip_and_actions_weekly_in_groups() -> None:
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    updates = {update["package-ecosystem"]: update for update in config["updates"]}
    assert set(updates) == {"pip", "github-actions"}
    for update in updates.values():
        assert update["schedule"]["interval"] == "weekly"
        assert update["groups"], "each ecosystem's updates come as one grouped pull request"
