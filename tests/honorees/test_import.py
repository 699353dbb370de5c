import pytest

from core.errors import DomainError
from core.importing import read_xlsx
from honorees import services
from honorees.excel import template_xlsx
from honorees.models import Nomination, NominationEvent, RoundQuota
from honorees.resources import COLUMNS
from tests.honorees.factories import NominationFactory
from tests.honorees.xlsx import date_cell, person_row, workbook


def _import(office, rows, *, dry_run=False, **kw):
    return services.import_nominations(
        round=office["round"], unit=office["school"], data=workbook(rows, **kw),
        by=office["submitter"], dry_run=dry_run,
    )  # fmt: skip


def test_import_dry_run_previews_and_writes_nothing(office):
    report = _import(office, [person_row(1), person_row(2)], dry_run=True)
    assert report.ok and report.details == {"individuals": 2, "collectives": 0, "households": 0}
    assert Nomination.objects.count() == 0


def test_import_submits_every_row_with_events(office):
    collective = person_row(3, **{"Cá nhân/Tập thể": "Tập thể", "Họ và tên": "Tổ khối 5",
                                  "Năm sinh": None, "Người đứng đầu (tập thể)": "Lê Văn A",
                                  "Số thành viên (tập thể)": 8.0})  # fmt: skip
    report = _import(office, [person_row(1), person_row(2), collective])
    assert report.ok, report.errors
    assert Nomination.objects.filter(status="submitted").count() == 3
    group = Nomination.objects.get(kind="collective")
    assert (group.collective_name, group.full_name, group.member_count) == ("Tổ khối 5", "", 8)
    assert NominationEvent.objects.filter(to_status="submitted").count() == 3


@pytest.mark.parametrize("typed", [1975, "1975", 1975.0, " 1975 ", date_cell(1975)])
def test_import_reads_years_as_offices_type_them(office, typed):
    _import(office, [person_row(1, **{"Năm sinh": typed})])
    assert Nomination.objects.get().birth_year == 1975


def test_import_normalises_text_to_nfc_and_trims(office):
    _import(office, [person_row(1, **{"Họ và tên": "  Nguye\u0302\u0303n Thi\u0323 Hoa  "})])
    assert Nomination.objects.get().full_name == "Nguyễn Thị Hoa"


def test_import_reports_every_error_by_row_and_column(office):
    rows = [
        person_row(1, **{"Năm sinh": "năm bảy lăm"}),
        person_row(2, **{"Giới tính (Nam/Nữ)": "Khác", "Hình thức đề nghị": "Huân chương"}),
        person_row(3, **{"Tóm tắt thành tích": None}),
    ]
    errors = [str(e) for e in _import(office, rows).errors]
    assert any(e.startswith("Dòng 2, cột “Năm sinh”") for e in errors)
    assert any(e.startswith("Dòng 3, cột “Giới tính (Nam/Nữ)”") for e in errors)
    assert any(e.startswith("Dòng 3, cột “Hình thức đề nghị”") for e in errors)
    assert any(e.startswith("Dòng 4, cột “Tóm tắt thành tích”") for e in errors)
    assert Nomination.objects.count() == 0


def test_import_flags_duplicates_in_file_and_in_round(office):
    NominationFactory(round=office["round"], unit=office["village"], full_name="Trần Văn Cũ",
                      birth_year=1970, status="submitted")  # fmt: skip
    rows = [
        person_row(1, **{"Họ và tên": "Lê Thị Trùng", "Năm sinh": 1980}),
        person_row(2, **{"Họ và tên": "LÊ THỊ TRÙNG", "Năm sinh": "1980"}),
        person_row(3, **{"Họ và tên": "Tran Van Cu", "Năm sinh": 1970}),
    ]
    errors = [str(e) for e in _import(office, rows).errors]
    assert "Dòng 3, cột “Họ và tên”: Trùng với dòng 2 trong tệp." in errors
    assert (
        "Dòng 4, cột “Họ và tên”: “Trần Văn Cũ” đã được đề nghị trong đợt này (đơn vị Thôn Đông)."
        in errors
    )


def test_import_refuses_rows_over_quota_counting_existing(office):
    NominationFactory(round=office["round"], unit=office["school"], status="submitted")
    rows = [person_row(i) for i in range(1, 4)]  # quota 3, one already sent
    errors = [str(e) for e in _import(office, rows).errors]
    assert errors == [
        "Dòng 4: Vượt chỉ tiêu: đơn vị được đề nghị tối đa 3 cá nhân; hồ sơ này là cá nhân thứ 4."
    ]
    assert Nomination.objects.count() == 1


def test_import_missing_column_is_refused(office):
    with pytest.raises(DomainError, match="Tệp thiếu cột"):
        _import(office, [person_row(1)], columns=[c for c in COLUMNS if c != "Năm sinh"])


def test_template_has_columns_dropdowns_and_instructions(office):
    from io import BytesIO

    import openpyxl

    book = openpyxl.load_workbook(BytesIO(template_xlsx(office["round"])))
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]] == COLUMNS
    formulas = {dv.formula1 for dv in sheet.data_validations.dataValidation}
    assert '"Nam,Nữ"' in formulas and '"Cá nhân,Tập thể,Hộ gia đình"' in formulas
    assert "Hướng dẫn" in book.sheetnames
    names = [r[0].value for r in book["Danh mục"].iter_rows(min_row=2)]
    assert "Giấy khen của Chủ tịch UBND xã" in names
    assert read_xlsx(template_xlsx(office["round"])).headers == COLUMNS


def test_import_5000_rows_with_one_bad_row_writes_nothing_then_fixed_imports(office):
    RoundQuota.objects.filter(pk=office["quota"].pk).update(max_individuals=5000)
    rows = [person_row(i) for i in range(1, 5001)]
    rows[3456]["Năm sinh"] = "19x5"
    report = _import(office, rows)
    assert [(e.row, e.column) for e in report.errors] == [(3458, "Năm sinh")]
    assert Nomination.objects.count() == 0
    rows[3456]["Năm sinh"] = 1975
    report = _import(office, rows)
    assert report.ok and report.new == 5000
    assert Nomination.objects.filter(status="submitted").count() == 5000


def test_import_reads_headers_typed_decomposed(office):
    import unicodedata

    columns = [unicodedata.normalize("NFD", c) for c in COLUMNS]
    rows = [
        {
            nfd: person_row(1)[c]
            for nfd, c in zip(columns, COLUMNS, strict=True)
            if c in person_row(1)
        }
    ]

    report = _import(office, rows, columns=columns)

    assert report.ok, report.errors
    assert Nomination.objects.get().full_name == "Nguyễn Văn Thử 1"
