"""The repository depends on nothing of one machine: no tracked file names an absolute path
outside the repository (a developer's home, a work folder, a temporary folder), so a clone in
any folder runs every test, bench and command. System paths of Debian packages (/usr, /etc,
/var/lib) are not machine-specific and stay allowed."""

import re
import subprocess
from pathlib import Path

import pytest

from tests.fixtures import PLANS_DIR

ROOT = Path(__file__).resolve().parents[1]
# A path starts at a quote, a space, a bracket, "=" or the line start, never inside a URL
# ("https://host/home/" has a word character before "/home/").
MACHINE_PATH = re.compile(r"(?<![\w.~:/-])/(?:work|home|root|tmp|Users|mnt)/[^\s\"'`)]*")
REFERENCE_PLANS = (
    "duc-giang-2020-2025-dien-hinh-tien-tien.txt",
    "thanh-tri-2024-nguoi-tot-viec-tot.txt",
    "van-yen-2020-2025-dien-hinh-tien-tien.txt",
)


def _tracked_files() -> list[str]:
    listing = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    return [name for name in listing.decode().split("\0") if name]


def machine_paths(text: str) -> list[str]:
    return MACHINE_PATH.findall(text)


def test_machine_path_pattern_finds_absolute_paths_only():
    # The sample paths are joined here so that this file names none itself.
    shared = "/" + "work/shared/x.txt"
    text = f'P = Path("{shared}")\ncd /home/dev/app\nsee https://example.vn/home/\n'
    text += "ROOT / 'tests' / 'tmp'; /usr/share/fonts; var/tmp/; `/tmp/x`"
    assert machine_paths(text) == [shared, "/home/dev/app", "/tmp/x"]


def test_repository_names_no_absolute_path_outside_it():
    this_file = Path(__file__).resolve().relative_to(ROOT).as_posix()
    found = []
    for name in _tracked_files():
        path = ROOT / name
        if name == this_file or not path.is_file():
            continue
        data = path.read_bytes()
        if b"\0" in data:  # binary files (images, fonts, workbooks)
            continue
        found += [f"{name}: {hit}" for hit in machine_paths(data.decode("utf-8", "replace"))]
    assert not found, "absolute paths outside the repository:\n" + "\n".join(found)


@pytest.mark.parametrize("name", REFERENCE_PLANS)
def test_reference_plans_are_tracked_fixtures(name):
    tracked = set(_tracked_files())
    assert (PLANS_DIR / name).relative_to(ROOT).as_posix() in tracked
