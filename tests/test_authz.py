"""Runs the authorisation harness (tests/authz.py) over every URL of the project, and the POST
harness over every URL that takes a POST."""

import functools
import inspect
import re

import pytest
from django.urls import get_resolver, reverse

from tests.authz import CASES, EXEMPT_PREFIXES, LOGIN_REDIRECT, PERSONAS, load_cases
from tests.cast import build_cast

load_cases()

STATE_CASES = [case for case in CASES if case.state is not None]
ANSWER_CASES = [case for case in CASES if case.state is None]
# What a view (or a helper of its module that it calls) does when it takes a POST.
TAKES_POST = re.compile(r"require_POST|request\.POST|request\.FILES|request\.method")


def _named_urls(resolver=None, namespace="") -> dict:
    """URL name -> view, for every named URL of the project."""
    resolver = resolver or get_resolver()
    views = {}
    for pattern in resolver.url_patterns:
        if hasattr(pattern, "url_patterns"):
            ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            views |= _named_urls(pattern, ns)
        elif pattern.name:
            views[namespace + pattern.name] = pattern.callback
    return views


def _reads_post(function, seen: set) -> bool:
    """Whether `function`, or a function of its own module that it calls, handles a POST."""
    seen.add(function)
    source = inspect.getsource(function)
    if TAKES_POST.search(source):
        return True
    module = inspect.getmodule(function)
    for name in set(re.findall(r"(?<![.\w])(\w+)\(", source)):
        helper = getattr(module, name, None)
        if (
            inspect.isfunction(helper)
            and helper.__module__ == module.__name__
            and helper not in seen
            and _reads_post(helper, seen)
        ):
            return True
    return False


def takes_post(view) -> bool:
    view_class = getattr(view, "view_class", None)
    if view_class is not None:
        return hasattr(view_class, "post")
    view = inspect.unwrap(view)
    while isinstance(view, functools.partial):  # e.g. django-ninja's operation views
        view = inspect.unwrap(view.func)
    return _reads_post(view, set())


def _post_urls() -> list[str]:
    return sorted(
        name
        for name, view in _named_urls().items()
        if not name.startswith(EXEMPT_PREFIXES) and takes_post(view)
    )


def test_authz_every_url_has_a_case():
    covered = {case.name for case in CASES}
    missing = sorted(
        n for n in _named_urls() if n not in covered and not n.startswith(EXEMPT_PREFIXES)
    )
    assert not missing, f"URLs without an authorisation case: {missing}"


def test_post_harness_every_post_url_has_a_state_case():
    covered = {case.name for case in STATE_CASES}
    missing = [name for name in _post_urls() if name not in covered]
    assert not missing, f"URLs taking a POST without a state case (tests/authz.py): {missing}"


def test_post_harness_finds_the_views_that_take_a_post():
    """The detection is not vacuous: form views, POST-only views and Django's auth views."""
    post_urls = _post_urls()
    for name in ("unit_edit", "delegates_category_create", "plan_submit", "login", "logout"):
        assert name in post_urls
    for name in ("unit_list", "plan_detail", "home", "document_download", "healthz"):
        assert name not in post_urls


def _request(client, case, persona, world, kwargs):
    user = world["users"][persona]
    if user is not None:
        client.force_login(user)
    url = reverse(case.name, kwargs=kwargs) + case.query
    data = case.data(world) if case.data else {}
    return url, data


def _assert_answer(response, case, persona):
    expected = case.expected(persona)
    if expected == LOGIN_REDIRECT:
        assert response.status_code == 302 and response.url.startswith(reverse("login")), (
            f"{persona} should be sent to log in, got {response.status_code}"
        )
    else:
        assert response.status_code == expected, f"{persona} on {case.name}: {response.status_code}"


def _case_id(case):
    return f"{case.name}-{CASES.index(case)}"


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("case", ANSWER_CASES, ids=_case_id)
def test_authz_answer_matches_expectation(client, case, persona):
    world = build_cast()
    url, data = _request(client, case, persona, world, case.kwargs(world))
    _assert_answer(getattr(client, case.method)(url, data), case, persona)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("case", STATE_CASES, ids=_case_id)
def test_post_changes_state_only_for_allowed_personas(client, case, persona):
    world = build_cast()
    kwargs = case.kwargs(world)
    url, data = _request(client, case, persona, world, kwargs)
    if case.prepare:
        case.prepare(client, world, kwargs)
    before = case.state(world, kwargs)

    response = client.post(url, data)

    _assert_answer(response, case, persona)
    after = case.state(world, kwargs)
    if case.changes_state(persona):
        assert after != before, f"{persona}'s POST to {case.name} changed nothing: {before!r}"
    else:
        assert after == before, f"{persona}'s POST to {case.name}: {before!r} -> {after!r}"
