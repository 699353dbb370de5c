"""Web benchmark: the site as deployed (gunicorn, 3 workers, DEBUG=false, PostgreSQL) under
concurrent logged-in users in a realistic mix, at the demo size and at province size.

Run: ``PYTHONPATH=. .venv/bin/python bench/bench_web.py [--quick]``

For each size the script makes a PostgreSQL database (``BENCH_DATABASE_URL``, default
``postgres://postgres@127.0.0.1:5432``), migrates it, loads the demo data and, for the large
size, ``seed_scale`` (100 communes of 30 units, a conference with 2,000 delegates and 5,000
nominations in 3 rounds, 9 council members, 300 duties). It serves the database with gunicorn
and runs the mix for a fixed time: office staff (home, conference, plan and its preview, round,
tally, delegate register, duty board), leaders, council members (their queue, and a vote on one
dossier), unit submitters (their round and delegate pages), agency reporters (their duties) and
the check-in desk (name search). Sessions are made directly (the login form's throttle is not
what is measured). Both sizes run in the same invocation; the output ends with
``<name> <value> <unit>`` lines: per page p95 at each size, ``web_p95_ms`` (large),
``web_p95_demo_ms``, ``web_p95_large_over_demo`` (the bar: at most 2) and the spread of p95
over the run's halves. ``--quick`` runs fewer users for less time on a smaller province.
"""

# ruff: noqa: S310 - the bench opens only its own gunicorn at 127.0.0.1
from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
BASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432")
SIZES = {
    "full": ["--communes", "100", "--units-per-commune", "30", "--delegates", "2000",
             "--nominations", "5000", "--council", "9", "--duties", "300"],
    "quick": ["--communes", "30", "--units-per-commune", "10", "--delegates", "600",
              "--nominations", "1500", "--council", "9", "--duties", "100"],
}  # fmt: skip
# Virtual users per role out of 50 (scaled for fewer users).
MIX = {"staff": 12, "leader": 4, "council": 9, "submitter": 15, "reporter": 5, "checkin": 5}


# --- the child: one size, one database ---------------------------------------------------------
def child(size: str, quick: bool, users: int, seconds: float, out: Path) -> None:
    db_name = f"thidua_bench_web_{size}"
    _recreate_database(db_name)
    env = {**os.environ, "DATABASE_URL": f"{BASE_URL}/{db_name}", "DEBUG": "false",
           "SECRET_KEY": "bench-" + "x" * 50, "ALLOWED_HOSTS": "127.0.0.1,localhost",
           "SECURE_COOKIES": "false", "STATIC_ROOT": str(out.parent / "static"),
           "MEDIA_ROOT": str(out.parent / f"media-{size}"),
           "DJANGO_SETTINGS_MODULE": "config.settings", "PYTHONPATH": str(ROOT)}  # fmt: skip
    os.environ.update(env)
    Path(env["MEDIA_ROOT"]).mkdir(parents=True, exist_ok=True)
    run = lambda *a: subprocess.run([PY, "manage.py", *a], cwd=ROOT, env=env, check=True)  # noqa: E731
    run("migrate", "--noinput", "-v0")
    run("seed_demo", "--quiet-logins")
    if size == "large":
        run("seed_scale", *SIZES["quick" if quick else "full"])
    if not (out.parent / "static").exists():
        run("collectstatic", "--noinput", "-v0")
    import django

    django.setup()
    plan = _plan_of_work(users)
    port = _free_port()
    server = subprocess.Popen(  # noqa: S603
        [PY, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "3",
         "--timeout", "60", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        _wait_for(f"http://127.0.0.1:{port}/healthz")
        results = _load(f"http://127.0.0.1:{port}", plan, seconds)
    finally:
        server.terminate()
        server.wait(timeout=30)
    out.write_text(json.dumps(results))


def _recreate_database(name: str) -> None:
    import psycopg

    with psycopg.connect(f"{BASE_URL}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def _session_for(user) -> str:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = next(
        b for b in settings.AUTHENTICATION_BACKENDS if "axes" not in b.lower()
    )
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


def _plan_of_work(users: int) -> list[dict]:
    """Each virtual user: a session and the pages its role opens (GET paths, or POST votes)."""
    from django.db.models import Count
    from django.urls import reverse

    from assignments.models import Assignment
    from conferences.models import Conference, Membership, Plan, Role
    from delegates.models import Delegate
    from honorees.models import Nomination

    conference = (
        Conference.objects.annotate(n=Count("nomination_rounds__nominations"))
        .order_by("-n", "pk")
        .first()
    )
    round = conference.nomination_rounds.annotate(n=Count("nominations")).order_by("-n").first()
    organiser = conference.organiser
    plan = Plan.objects.filter(conference=conference).first()
    step = organiser.steplen
    above = [organiser.path[:i] for i in range(step, len(organiser.path) + 1, step)]

    def people(role, **where):
        found = Membership.objects.filter(role=role, **where).select_related("user", "unit")
        return list(found[:40])

    staff = people(Role.STAFF, unit=organiser)
    leaders = people(Role.LEADER, unit=organiser) or staff
    council = people(Role.COUNCIL, unit__path__in=above) or staff
    units = Nomination.objects.filter(round=round).values("unit").distinct()
    submitters = people(Role.SUBMITTER, unit__in=units) or staff
    agencies = Assignment.objects.filter(conference=conference).values("unit")
    reporters = people(Role.REPORTER, unit__in=agencies) or people(Role.REPORTER) or staff
    names = list(
        Delegate.objects.filter(conference=conference).values_list("full_name", flat=True)[:500]
    )
    queue = list(
        Nomination.objects.filter(round=round, status="submitted").values_list("pk", flat=True)[
            :2000
        ]
    )

    c, r = conference.pk, round.pk
    office_pages = [("home", reverse("home")), ("conference", reverse("conference_detail", args=[c])),
                    ("round", reverse("honorees:round_detail", args=[r])),
                    ("tally", reverse("honorees:review_tally", args=[r])),
                    ("register", reverse("delegates_register", args=[c])),
                    ("duty_board", reverse("assignment_board", args=[c]))]  # fmt: skip
    if plan is not None:
        office_pages += [("plan", reverse("plan_detail", args=[plan.pk])),
                         ("plan_preview", reverse("plan_preview", args=[plan.pk]))]  # fmt: skip
    work = {
        "staff": (staff, lambda m: office_pages),
        "leader": (leaders, lambda m: [("home", reverse("home")),
                                       ("conference", reverse("conference_detail", args=[c]))]
                   + ([("plan", reverse("plan_detail", args=[plan.pk]))] if plan else [])),
        "council": (council, lambda m: [("council", reverse("honorees:council_list", args=[r])),
                                        ("vote", reverse("honorees:council_votes", args=[r]))]),
        "submitter": (submitters, lambda m: [
            ("home", reverse("home")),
            ("unit_round", reverse("honorees:unit_round", args=[r, m.unit_id])),
            ("unit_delegates", reverse("delegates_unit", args=[c, m.unit_id]))]),
        "reporter": (reporters, lambda m: [("home", reverse("home")), ("my_duties", reverse("my_duties"))]),
        "checkin": (staff, lambda m: [("checkin_search", reverse("delegates_checkin_search", args=[c]))]),
    }  # fmt: skip
    plan_of_work = []
    for role, share in MIX.items():
        members, pages = work[role]
        for i in range(max(1, round_share(share, users))):
            m = members[i % len(members)]
            plan_of_work.append({"role": role, "cookie": _session_for(m.user), "pages": pages(m),
                                 "names": names, "queue": queue})  # fmt: skip
    return plan_of_work


def round_share(share: int, users: int) -> int:
    return int(share * users / sum(MIX.values()) + 0.5)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str) -> None:
    for _ in range(300):
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer {url}")


def _load(base: str, plan: list[dict], seconds: float) -> dict:
    """Every virtual user loops over its pages until the time is up; (page, ms, second)."""
    samples: list[tuple[str, float, float]] = []
    errors: list[str] = []
    lock = threading.Lock()
    start = time.monotonic() + 2  # a short warm-up: every worker has served a page
    stop = start + seconds

    def user(work: dict) -> None:
        rng = random.Random(work["cookie"])
        opener = urllib.request.build_opener()
        opener.addheaders = [("Cookie", f"sessionid={work['cookie']}")]
        csrf = _csrf(opener, base, work)
        while time.monotonic() < stop:
            name, path = rng.choice(work["pages"])
            request = _request(base, name, path, work, rng, csrf)
            began = time.monotonic()
            try:
                with opener.open(request, timeout=60) as response:  # noqa: S310
                    response.read()
                status = response.status
            except urllib.error.HTTPError as exc:
                exc.read()
                status = exc.code
            elapsed = (time.monotonic() - began) * 1000
            if status >= 400 and status != 404:
                errors.append(f"{name} {status}")
            if began >= start:
                with lock:
                    samples.append((name, elapsed, began - start))

    threads = [threading.Thread(target=user, args=(w,)) for w in plan]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        print(f"{len(errors)} answers with an error, e.g. {sorted(set(errors))[:5]}")
    return {"samples": samples, "seconds": seconds, "users": len(plan), "errors": len(errors)}


def _csrf(opener, base: str, work: dict) -> str:
    """A CSRF token for the council's vote (read from the cookie Django sets on a page)."""
    if work["role"] != "council":
        return ""
    with opener.open(base + work["pages"][0][1], timeout=60) as response:  # noqa: S310
        cookies = response.headers.get_all("Set-Cookie") or []
        body = response.read().decode()
    for cookie in cookies:
        if cookie.startswith("csrftoken="):
            token = cookie.split(";")[0].split("=", 1)[1]
            opener.addheaders = [("Cookie", f"sessionid={work['cookie']}; csrftoken={token}")]
            return token
    marker = 'name="csrfmiddlewaretoken" value="'
    return body.split(marker, 1)[1].split('"', 1)[0] if marker in body else ""


def _request(base, name, path, work, rng, csrf) -> urllib.request.Request:
    if name == "checkin_search":
        word = rng.choice(work["names"] or ["an"]).split()[-1]
        return urllib.request.Request(f"{base}{path}?q={urllib.parse.quote(word[:4])}")
    if name == "vote" and work["queue"]:
        pk = rng.choice(work["queue"])
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": csrf, "only": pk,
                                       f"choice-{pk}": rng.choice(["agree", "disagree"])})  # fmt: skip
        return urllib.request.Request(
            base + path, data=data.encode(), headers={"Referer": base + path}, method="POST"
        )
    return urllib.request.Request(base + path)


# --- the parent: both sizes, the figures ---------------------------------------------------------
def p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=20)[-1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--users", type=int)
    parser.add_argument("--seconds", type=float)
    parser.add_argument("--child", choices=["demo", "large"])
    parser.add_argument("--out")
    args = parser.parse_args()
    users = args.users or (20 if args.quick else 50)
    seconds = args.seconds or (10 if args.quick else 40)
    if args.child:
        child(args.child, args.quick, users, seconds, Path(args.out))
        return
    figures = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in ("demo", "large"):
            out = Path(folder) / f"{size}.json"
            command = [PY, __file__, "--child", size, "--out", str(out), "--users", str(users),
                       "--seconds", str(seconds)] + (["--quick"] if args.quick else [])  # fmt: skip
            subprocess.run(command, cwd=ROOT, check=True)  # noqa: S603
            figures[size] = json.loads(out.read_text())
    report(figures, users, seconds)


def report(figures: dict, users: int, seconds: float) -> None:
    lines = []
    overall = {}
    for size, data in figures.items():
        samples = data["samples"]
        by_page: dict[str, list[float]] = {}
        for name, ms, _ in samples:
            by_page.setdefault(name, []).append(ms)
        all_ms = [ms for _, ms, _ in samples]
        overall[size] = p95(all_ms)
        print(f"{size}: {len(samples)} requests from {users} users in {seconds:.0f} s "
              f"({len(samples) / seconds:.1f}/s), p50 {statistics.median(all_ms):.0f} ms, "
              f"p95 {overall[size]:.0f} ms")  # fmt: skip
        for name in sorted(by_page):
            values = by_page[name]
            print(f"  {name:16} n={len(values):5} p50 {statistics.median(values):6.0f} ms "
                  f"p95 {p95(values):6.0f} ms")  # fmt: skip
            lines.append(f"web_{size}_{name}_p95_ms {p95(values):.0f} ms")
        halves = [[ms for _, ms, t in samples if (t < seconds / 2) == first] for first in (1, 0)]
        lines.append(f"web_p95_{size}_halves_ms {p95(halves[0]):.0f}/{p95(halves[1]):.0f} ms")
    lines.append(f"web_p95_demo_ms {overall['demo']:.0f} ms")
    lines.append(f"web_p95_ms {overall['large']:.0f} ms")
    ratio = overall["large"] / overall["demo"] if overall["demo"] else float("inf")
    lines.append(f"web_p95_large_over_demo {ratio:.2f} x")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
