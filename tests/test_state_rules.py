"""Keeps the state machines in one place each: no module of the apps outside the transition
modules sets a status, and no template compares one (templates get booleans)."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = (
    "assignments", "conferences", "config", "core", "delegates", "documents", "honorees", "province",
    "reports", "finance",
)  # fmt: skip
STATE_FIELDS = {"status", "state", "invitation_status"}
# The one module per app that holds its tables and the functions that move its models.
TRANSITION_MODULES = {
    "assignments/workflow.py",
    "conferences/plans/workflow.py",
    "core/workflow.py",
    "delegates/workflow.py",
    "documents/workflow.py",
    "honorees/workflow.py",
    "honorees/clearance_workflow.py",
    "reports/workflow.py",
    "finance/workflow.py",
}
TEMPLATE_COMPARISON = re.compile(r"\b\w*(?:status|state)\s*(?:==|!=|not\s+in\b|in\b)")


def _targets(node: ast.AST):
    if isinstance(node, ast.Tuple | ast.List):
        for element in node.elts:
            yield from _targets(element)
    elif isinstance(node, ast.Starred):
        yield from _targets(node.value)
    else:
        yield node


def _names_a_state(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and node.value in STATE_FIELDS


def _call_writes_state(call: ast.Call) -> bool:
    func = call.func
    if isinstance(func, ast.Name) and func.id == "setattr":
        return len(call.args) > 1 and _names_a_state(call.args[1])
    if not isinstance(func, ast.Attribute):
        return False
    if func.attr == "update":
        return any(k.arg in STATE_FIELDS for k in call.keywords)
    if func.attr == "bulk_update":
        named = [*call.args[1:2], *(k.value for k in call.keywords if k.arg == "fields")]
        return any(_names_a_state(e) for f in named for e in getattr(f, "elts", []))
    if func.attr in ("update_or_create", "get_or_create"):
        defaults = [k.value for k in call.keywords if k.arg in ("defaults", "create_defaults")]
        return any(_names_a_state(key) for d in defaults for key in getattr(d, "keys", []))
    return False


def state_writes(source: str) -> list[int]:
    """Lines of `source` that set a status or state of an existing object: an attribute
    assignment (plain, augmented, in a tuple), setattr with the field's name, a queryset
    update, a bulk update or the defaults of update_or_create. Creating a row is not one."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign):
            targets = [t for target in node.targets for t in _targets(target)]
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = list(_targets(node.target))
        elif isinstance(node, ast.Call) and _call_writes_state(node):
            lines.append(node.lineno)
            continue
        else:
            continue
        if any(isinstance(t, ast.Attribute) and t.attr in STATE_FIELDS for t in targets):
            lines.append(node.lineno)
    return sorted(lines)


def _app_modules():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


@pytest.mark.parametrize(
    "source",
    [
        "plan.status = 'issued'",
        "plan.status, plan.number = 'issued', 3",
        "round.state: str = 'closed'",
        "setattr(delegate, 'invitation_status', 'invited')",
        "Nomination.objects.filter(pk=1).update(status='awarded')",
        "Duty.objects.bulk_update(duties, ['status'])",
        "Duty.objects.bulk_update(duties, fields=('done_at', 'status'))",
        "Plan.objects.update_or_create(pk=1, defaults={'status': 'draft'})",
    ],
)
def test_state_scan_finds_every_way_of_setting_a_status(source):
    assert state_writes(source) == [1]


@pytest.mark.parametrize(
    "source",
    [
        "Plan.objects.create(status='issued')",
        "Plan.objects.filter(status='draft').update(subject='x')",
        "if plan.status == 'draft': pass",
        "status = plan.status",
        "setattr(plan, name, value)",
    ],
)
def test_state_scan_leaves_reads_and_creation_alone(source):
    assert state_writes(source) == []


def test_scan_reads_the_apps_and_every_transition_module_exists():
    modules = {path.relative_to(ROOT).as_posix() for path in _app_modules()}
    assert len(modules) > 100
    assert modules >= TRANSITION_MODULES


def test_no_module_outside_the_transition_modules_sets_a_status():
    found = [
        f"{path.relative_to(ROOT).as_posix()}:{line}"
        for path in _app_modules()
        if path.relative_to(ROOT).as_posix() not in TRANSITION_MODULES
        for line in state_writes(path.read_text(encoding="utf-8"))
    ]
    assert found == [], "a status is set outside its transition function"


def test_every_transition_module_sets_a_status():
    for module in TRANSITION_MODULES:
        assert state_writes((ROOT / module).read_text(encoding="utf-8")), module


def test_no_template_compares_a_status():
    found = [
        f"{path.relative_to(ROOT).as_posix()}:{number}: {line.strip()[:120]}"
        for path in sorted((ROOT / "templates").rglob("*.html"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if TEMPLATE_COMPARISON.search(line)
    ]
    assert found == [], "templates get booleans from the predicates, not status strings"


@pytest.mark.parametrize(
    ("line", "compares"),
    [
        ("{% if n.status == 'submitted' %}", True),
        ("{% if round.state != 'closed' %}", True),
        ("{% if n.status in 'draft submitted' %}", True),
        ('{% if d.invitation_status == "declined" %}', True),
        ('<span data-status="{{ n.status }}">{{ n.get_status_display }}</span>', False),
        ("{% for value, label in statuses %}", False),
        ("{% if value == filter_status %}selected{% endif %}", False),
    ],
)
def test_template_check_tells_a_comparison_from_a_display(line, compares):
    assert bool(TEMPLATE_COMPARISON.search(line)) == compares
