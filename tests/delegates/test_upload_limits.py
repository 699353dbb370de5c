"""The delegate import shares the bounded reader: a zip bomb is refused, nothing written."""

import pytest

from core.errors import DomainError
from delegates import services
from delegates.models import Delegate
from tests.delegates.test_import import HEADERS
from tests.files import raw_xlsx, xlsx_bomb

pytestmark = pytest.mark.django_db


def _import(s, data):
    return services.import_unit_delegates(
        conference=s["conference"], unit=s["school_a"], data=data, by=s["submitter_a"],
        dry_run=False,
    )  # fmt: skip


def test_delegate_import_zip_bomb_refused_nothing_written(setup):
    with pytest.raises(DomainError, match="Tệp khi giải nén quá lớn"):
        _import(setup, xlsx_bomb(HEADERS))
    assert Delegate.objects.count() == 0


def test_delegate_import_too_many_rows_refused_nothing_written(setup, settings):
    settings.IMPORT_EXPORT_MAX_ROWS = 5
    rows = [["Đại biểu cơ sở", "", f"Nguyễn Văn {i}", "Nam", "1980"] for i in range(12)]
    with pytest.raises(DomainError, match=r"quá nhiều dòng \(tối đa 5 dòng dữ liệu\)"):
        _import(setup, raw_xlsx(HEADERS, rows))
    assert Delegate.objects.count() == 0
