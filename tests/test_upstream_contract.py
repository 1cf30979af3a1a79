"""The contract with MkDocs, Material for MkDocs and mkdocs-static-i18n (hooks/website/upstream.py): the installed
versions are those the seam was read against, every private or undocumented name it relies on is still there with
the shape it relies on, and each copied Material template differs from Material's only by our intended lines.

When an upgrade (Dependabot proposes them weekly) breaks one of these, this test says which name changed and why the
site needs it, before any page looks different. These tests run first (tests/conftest.py).
"""

from __future__ import annotations

import importlib
import inspect
from importlib.metadata import version
from pathlib import Path
from typing import Any

import material
import pytest
from sitebuild import ROOT
from website.upstream import COPIED_PARTIALS, READ_AGAINST, RELIED_ON, CopiedPartial, Reliance

pytestmark = pytest.mark.contract

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"


def resolve(dotted: str) -> Any:
    """The module, or the class inside a module, that a dotted path names."""
    parts = dotted.split(".")
    for split in range(len(parts), 0, -1):
        try:
            found: Any = importlib.import_module(".".join(parts[:split]))
        except ModuleNotFoundError:
            continue
        for name in parts[split:]:
            found = getattr(found, name)
        return found
    raise ModuleNotFoundError(dotted)


def assigned_by_the_class(owner: type, name: str) -> bool:
    """Whether the class, or a class it inherits from, assigns `self.<name>` in its code."""
    return any(f"self.{name} =" in source_of(klass) for klass in owner.__mro__)


def source_of(klass: type) -> str:
    """A class's source; empty for one with none to read (object, typing's Generic)."""
    try:
        return inspect.getsource(klass)
    except (OSError, TypeError):
        return ""


def parameters(function: Any) -> list[str]:
    return [name for name in inspect.signature(function).parameters if name != "self"]


def shape_problem(reliance: Reliance) -> str | None:
    """What differs from the shape we rely on, in words; None when it is as we read it."""
    try:
        owner = resolve(reliance.owner)
    except (ImportError, AttributeError) as error:
        return f"{reliance.owner} cannot be imported ({error})"
    kind, _, detail = reliance.shape.partition(" ")
    if kind == "context":
        source = inspect.getsource(getattr(owner, reliance.name))
        return None if f'context["{detail}"]' in source else f"{reliance.name} no longer sets the template's {detail}"
    if not hasattr(owner, reliance.name) and kind != "attribute":
        return f"{reliance.name} is gone"
    value = getattr(owner, reliance.name, None)
    if kind == "attribute":
        return None if assigned_by_the_class(owner, reliance.name) else f"{reliance.name} is no longer set"
    if kind == "property":
        return None if isinstance(value, property) else f"{reliance.name} is no longer a property"
    if kind == "class":
        return None if inspect.isclass(value) else f"{reliance.name} is no longer a class"
    if kind == "object":
        return None
    if kind == "settable":
        return None if inspect.isfunction(value) else f"{reliance.name} is no longer a plain method"
    expected = [part.strip() for part in reliance.shape.split("(", 1)[1].rstrip(")").split(",") if part.strip()]
    if not callable(value):
        return f"{reliance.name} is no longer callable"
    found = parameters(value)
    return None if found == expected else f"{reliance.name} takes ({', '.join(found)}), not ({', '.join(expected)})"


@pytest.mark.parametrize("distribution", sorted(READ_AGAINST))
def test_the_installed_version_is_the_one_the_seam_was_read_against(distribution: str) -> None:
    installed = version(distribution)
    assert installed == READ_AGAINST[distribution], (
        f"{distribution} {installed} is installed; hooks/website/upstream.py was read against "
        f"{READ_AGAINST[distribution]}. Read what changed in each name of RELIED_ON and COPIED_PARTIALS (the other "
        "tests here name any that broke), then set READ_AGAINST to the new version."
    )


@pytest.mark.parametrize("reliance", RELIED_ON, ids=lambda r: f"{r.owner.rsplit('.', 1)[-1]}.{r.name}-{r.shape}")
def test_each_name_we_rely_on_has_the_shape_we_rely_on(reliance: Reliance) -> None:
    problem = shape_problem(reliance)
    assert problem is None, f"{reliance.owner}: {problem}. The site relies on it: {reliance.why}."


def test_the_checker_notices_a_changed_name() -> None:
    """The checks above can fail: a name that is not there, a method with other parameters, an attribute never set."""
    owner = "mkdocs_static_i18n.plugin.I18n"
    assert shape_problem(Reliance(owner, "current_languages", "attribute", "")) == "current_languages is no longer set"
    assert shape_problem(Reliance(owner, "get_language_config", "method(language)", "")) == (
        "get_language_config takes (locale), not (language)"
    )
    assert shape_problem(Reliance(owner, "on_page_context", "context i18n_page_language", "")) is not None
    assert shape_problem(Reliance("material.plugins.blog.plugin.Blog", "blog", "attribute", "")) is not None


def changed_lines(partial: CopiedPartial) -> list[tuple[str, str]]:
    """The lines of our copy that differ from Material's, paired in order, the comment at the top of each left out."""

    def body(text: str) -> list[str]:
        return [line.strip() for line in text.split("-#}", 1)[-1].splitlines() if line.strip()]

    theirs = body((MATERIAL_TEMPLATES / partial.path).read_text(encoding="utf-8"))
    ours = body((ROOT / "overrides" / partial.path).read_text(encoding="utf-8"))
    assert len(theirs) == len(ours), f"overrides/{partial.path} has {len(ours)} lines, Material's {len(theirs)}"
    return [(mine, upstream) for upstream, mine in zip(theirs, ours, strict=True) if mine != upstream]


@pytest.mark.parametrize("partial", COPIED_PARTIALS, ids=lambda p: p.path)
def test_a_copied_template_differs_from_materials_only_by_our_lines(partial: CopiedPartial) -> None:
    expected = [(ours, theirs) for theirs, ours in partial.changes]
    assert changed_lines(partial) == expected, (
        f"overrides/{partial.path} no longer matches Material's {partial.path} but for our change ({partial.why}): "
        "Material changed it; copy Material's new version and apply our lines again."
    )


def test_every_copy_of_a_material_template_is_listed() -> None:
    """A template in overrides/ with Material's name either extends Material's (main.html, 404.html) or is listed
    in COPIED_PARTIALS, or is our own markup (the footer's copyright with the filing numbers)."""
    own = {"partials/copyright.html", "404.html", "main.html"}
    copies = {
        path.relative_to(ROOT / "overrides").as_posix()
        for path in (ROOT / "overrides").rglob("*.html")
        if (MATERIAL_TEMPLATES / path.relative_to(ROOT / "overrides")).is_file()
    }
    assert copies - own == {partial.path for partial in COPIED_PARTIALS}
