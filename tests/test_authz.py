"""Runs the authorisation harness (tests/authz.py) over every URL of the project."""

import importlib
import pkgutil

import pytest
from django.urls import get_resolver, reverse

import tests
from tests.authz import CASES, EXEMPT_PREFIXES, LOGIN_REDIRECT, PERSONAS, build_world

for module in pkgutil.iter_modules(tests.__path__):
    if module.ispkg:
        try:
            importlib.import_module(f"tests.{module.name}.authz_cases")
        except ModuleNotFoundError as exc:
            if exc.name != f"tests.{module.name}.authz_cases":
                raise


def _named_urls(resolver=None, namespace="") -> set[str]:
    resolver = resolver or get_resolver()
    names = set()
    for pattern in resolver.url_patterns:
        if hasattr(pattern, "url_patterns"):
            ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= _named_urls(pattern, ns)
        elif pattern.name:
            names.add(namespace + pattern.name)
    return names


def test_authz_every_url_has_a_case():
    covered = {case.name for case in CASES}
    missing = sorted(
        n for n in _named_urls() if n not in covered and not n.startswith(EXEMPT_PREFIXES)
    )
    assert not missing, f"URLs without an authorisation case: {missing}"


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.name}-{CASES.index(c)}")
def test_authz_answer_matches_expectation(client, case, persona):
    world = build_world()
    user = world["users"][persona]
    if user is not None:
        client.force_login(user)
    url = reverse(case.name, kwargs=case.kwargs(world)) + case.query
    data = case.data(world) if case.data else {}
    before = case.state(world) if case.state else None
    response = getattr(client, case.method)(url, data)
    expected = case.expected(persona)
    if case.state and not case.may_change(persona):
        assert case.state(world) == before, f"{persona} on {case.name} changed {before!r}"
    if expected == LOGIN_REDIRECT:
        assert response.status_code == 302 and response.url.startswith(reverse("login")), (
            f"{persona} should be sent to log in, got {response.status_code}"
        )
    else:
        assert response.status_code == expected, f"{persona} on {case.name}: {response.status_code}"
