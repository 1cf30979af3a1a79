"""The project's rules for GitHub Actions workflows, checked on a workflow's YAML text.

zizmor audits for known weaknesses; these are our own rules on top: every action pinned to a full commit SHA with
the release it is in a comment (so Dependabot can update it), nothing granted by default, write access only for
the job that publishes, no credentials left in the checkout, and a deploy that is never cancelled halfway. Pull
requests, forks' included, run with the `pull_request` event only (never `pull_request_target` or `workflow_run`,
which run a fork's change with the repository's own rights), and what a run uploads is kept for a set number of days.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml

# `uses: owner/repo[/path]@<40 hex> # v1.2.3` (the comment may carry a longer version such as v1.2.3-beta).
PINNED_USES = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}\s+#\s*v\d+\.\d+\.\d+\S*\s*$")
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<rest>.*)$")
# The jobs allowed to write, and exactly what each may write.
DEPLOY_PERMISSIONS = {"pages": "write", "id-token": "write"}
PRIVILEGED_TRIGGERS = ("pull_request_target", "workflow_run")


def load(text: str) -> dict[str, Any]:
    workflow = yaml.safe_load(text)
    if not isinstance(workflow, dict):
        raise ValueError("a workflow must be a YAML mapping")
    return workflow


def jobs(workflow: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found = workflow.get("jobs") or {}
    return {name: job for name, job in found.items() if isinstance(job, dict)}


def uses_values(workflow: dict[str, Any]) -> list[str]:
    """Every `uses:` of a job (reusable workflow) or a step, as YAML reads it."""
    found = []
    for job in jobs(workflow).values():
        if "uses" in job:
            found.append(str(job["uses"]))
        found += [str(step["uses"]) for step in job.get("steps") or [] if isinstance(step, dict) and "uses" in step]
    return found


def unpinned_uses(text: str) -> list[str]:
    """Every `uses:` line that is not a full commit SHA followed by a `# vX.Y.Z` comment (local actions are ours)."""
    problems = []
    # Comments are lost in parsing, so the pins are read line by line; YAML's own count catches any other spelling.
    lines = [line for line in text.splitlines() if USES_LINE.match(line)]
    if len(lines) != len(uses_values(load(text))):
        problems.append("some `uses:` is not written as one `uses: ...` line per step; write one per line")
    for number, line in enumerate(text.splitlines(), start=1):
        match = USES_LINE.match(line)
        if not match:
            continue
        rest = match["rest"].strip()
        if rest.startswith("./"):
            continue
        if not PINNED_USES.match(rest):
            problems.append(f"line {number}: `uses: {rest}` is not pinned as <action>@<40-hex SHA> # vX.Y.Z")
    return problems


def writes(permissions: object) -> bool:
    """Whether a `permissions:` value grants any write access."""
    if isinstance(permissions, str):
        return permissions == "write-all"
    if isinstance(permissions, dict):
        return any(value == "write" for value in permissions.values())
    return False


def writing_jobs(workflow: dict[str, Any]) -> dict[str, object]:
    """The jobs that can write, with their permissions (a job without its own inherits the workflow's)."""
    default = workflow.get("permissions")
    return {
        name: job.get("permissions", default)
        for name, job in jobs(workflow).items()
        if writes(job.get("permissions", default))
    }


def checkouts_keeping_credentials(workflow: dict[str, Any]) -> Iterator[str]:
    for name, job in jobs(workflow).items():
        for step in job.get("steps") or []:
            uses = str(step.get("uses", ""))
            if (
                uses.startswith("actions/checkout@")
                and (step.get("with") or {}).get("persist-credentials") is not False
            ):
                yield name


def triggers(workflow: dict[Any, Any]) -> list[str]:
    """The events that start a workflow (YAML 1.1 reads the key `on` as True)."""
    found = workflow.get(True, workflow.get("on"))
    if isinstance(found, str):
        return [found]
    return [str(event) for event in found or []]


def uploads_without_retention(workflow: dict[str, Any]) -> Iterator[str]:
    for name, job in jobs(workflow).items():
        for step in job.get("steps") or []:
            uploads = str(step.get("uses", "")).startswith("actions/upload-artifact@")
            if uploads and not (step.get("with") or {}).get("retention-days"):
                yield name


def violations(text: str) -> list[str]:
    """What is wrong with one workflow; empty when it follows every rule."""
    workflow = load(text)
    problems = unpinned_uses(text)
    if workflow.get("permissions", None) != {}:
        problems.append(f"top-level permissions must be {{}}, not {workflow.get('permissions', 'missing')!r}")
    for name, permissions in writing_jobs(workflow).items():
        if permissions != DEPLOY_PERMISSIONS:
            problems.append(f"job {name!r} has write permissions {permissions!r}; only a deploy job may write")
            continue
        job = jobs(workflow)[name]
        environment = job.get("environment")
        if (environment.get("name") if isinstance(environment, dict) else environment) != "github-pages":
            problems.append(f"job {name!r} deploys outside the github-pages environment")
        concurrency = job.get("concurrency")
        if not isinstance(concurrency, dict) or concurrency.get("cancel-in-progress") is not False:
            problems.append(f"job {name!r} needs a concurrency group with cancel-in-progress: false")
    problems += [
        f"job {name!r} checks out without persist-credentials: false"
        for name in checkouts_keeping_credentials(workflow)
    ]
    problems += [
        f"the event {event!r} runs with the repository's rights"
        for event in triggers(workflow)
        if event in PRIVILEGED_TRIGGERS
    ]
    problems += [
        f"job {name!r} uploads an artifact without retention-days" for name in uploads_without_retention(workflow)
    ]
    return problems
