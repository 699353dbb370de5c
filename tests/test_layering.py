"""The import-linter contracts of pyproject.toml (run by `make lint`): they hold on the tree,
and each one fails when a copy of the tree breaks it with a single import."""

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# The packages the contracts name, as pyproject.toml lists them.
ROOT_PACKAGES = tuple(
    tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["importlinter"]["root_packages"]
)
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint(root: Path) -> subprocess.CompletedProcess:
    """lint-imports as `make lint` runs it, on the tree at `root` (its pyproject.toml), with a
    wide console so no line of the report is wrapped."""
    env = {**os.environ, "COLUMNS": "250", "NO_COLOR": "1"}
    env.pop("PYTHONPATH", None)
    return subprocess.run(
        [LINT_IMPORTS, "--no-logo", "--no-cache"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _python_only(folder: str, names: list[str]) -> set[str]:
    """copytree's ignore: keep the folders and the Python files, nothing else."""
    return {
        n
        for n in names
        if n == "__pycache__" or not (n.endswith(".py") or Path(folder, n).is_dir())
    }


def _copy_tree(target: Path) -> Path:
    for package in ROOT_PACKAGES:
        shutil.copytree(REPO / package, target / package, ignore=_python_only)
    shutil.copy(REPO / "pyproject.toml", target / "pyproject.toml")
    return target


def test_layering_contracts_kept_on_the_tree():
    result = _lint(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 6 kept, 0 broken." in result.stdout


def test_layering_copy_without_mutation_kept(tmp_path):
    """The copy the mutations below start from passes, so each failure is the mutation's."""
    result = _lint(_copy_tree(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr


APPS_ONE_WAY = "Apps build one way: province, then ceremony | reports | finance, then delegates | honorees | assignments, conferences, core"

# (file, the import added to it, the contracts it breaks, the import the report names)
MUTATIONS = [
    pytest.param(
        "honorees/views/decisions.py",
        "from documents.builders.decisions import DecisionBuilder",
        ("The apps reach documents only through documents.services",),
        "honorees.views.decisions -> documents.builders.decisions",
        id="app-imports-a-builder",
    ),
    pytest.param(
        "documents/engine/blocks.py",
        "from django.conf import settings",
        ("documents.engine imports neither Django nor the rest of the project",),
        "documents.engine.blocks -> django",
        id="engine-imports-django",
    ),
    pytest.param(
        "documents/builders/decisions.py",
        "from honorees.services import issue_decision",
        ("documents reads the apps only through their selectors (and permissions, models)",),
        "documents.builders.decisions -> honorees.services",
        id="documents-reads-past-selectors",
    ),
    pytest.param(
        "conferences/home.py",
        "from assignments.selectors import board_assignments",
        (APPS_ONE_WAY,),
        "conferences.home -> assignments.selectors",
        id="conferences-imports-an-app",
    ),
    pytest.param(
        "delegates/hooks.py",
        "from honorees.selectors import get_round",
        (APPS_ONE_WAY,),
        "delegates.hooks -> honorees.selectors",
        id="apps-import-each-other",
    ),
    pytest.param(
        "honorees/views/rounds.py",
        "from conferences.plans.views import plan_detail",
        ("No app imports another app's views",),
        "honorees.views.rounds -> conferences.plans.views",
        id="app-imports-other-views",
    ),
    pytest.param(
        "core/views.py",
        "from documents.services import request_document",
        ("core imports no app of the project", APPS_ONE_WAY),  # and core -> conferences through it
        "core.views -> documents.services",
        id="core-imports-an-app",
    ),
]


@pytest.mark.parametrize(("path", "line", "contracts", "chain"), MUTATIONS)
def test_layering_contract_broken_by_one_import(tmp_path, path, line, contracts, chain):
    root = _copy_tree(tmp_path)
    module = root / path
    module.write_text(module.read_text() + f"\n{line}  # noqa\n")
    result = _lint(root)
    assert result.returncode == 1, result.stdout + result.stderr
    summary = f"Contracts: {6 - len(contracts)} kept, {len(contracts)} broken."
    assert summary in result.stdout, result.stdout
    broken = result.stdout.split("Broken contracts", 1)[1]
    assert all(f"{name} BROKEN" in result.stdout for name in contracts), result.stdout
    assert chain in broken, result.stdout
