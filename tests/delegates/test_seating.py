"""The seating plan: the hall's set-up, automatic placement (leaders in front, honourees on
the aisle in stage order, nobody who declined), moves by hand (swaps, kept by a second
automatic placement), the constraints, the printed chart and place cards, the seat at the
check-in desk, and the grid's query count."""

import io
import re

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from pypdf import PdfReader

from core.errors import DomainError
from core.vntext import name_sort_key
from delegates import selectors, services
from delegates.models import HallBlock, InvitationStatus, Seat, SeatingPlan, Source
from documents.models import GeneratedDocument
from documents.services import request_document
from tests.delegates.factories import CategoryFactory, DelegateFactory
from tests.printed import normal
from tests.queries import page_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def hall(setup):
    """Three categories in the plan's order (leaders first, then the base, then the
    honourees) and a hall of 3 blocks, 4 rows of 5 seats, the first row reserved."""
    conference = setup["conference"]
    leaders = CategoryFactory(conference=conference, title="Đại biểu lãnh đạo", order=0)
    honourees = CategoryFactory(
        conference=conference,
        title="Đại biểu được khen thưởng",
        order=9,
        target_kind="none",
        target_min=None,
        is_honoree_category=True,
    )
    services.set_up_hall(
        conference=conference, blocks=3, rows=4, seats_per_row=5, reserved_rows=1,
        by=setup["staff"],
    )  # fmt: skip
    return {**setup, "leaders": leaders, "honourees": honourees}


def _person(hall, category, name, **fields):
    return DelegateFactory(
        conference=hall["conference"], category=category, full_name=name, **fields
    )


def _seat_of(delegate) -> Seat | None:
    return Seat.objects.select_related("block").filter(delegate=delegate).first()


def _place(hall, **kw):
    return services.place_automatically(conference=hall["conference"], by=hall["staff"], **kw)


def test_set_up_hall_makes_named_blocks_and_every_seat(hall):
    plan = SeatingPlan.objects.get(conference=hall["conference"])
    blocks = list(plan.blocks.all())
    assert [b.name for b in blocks] == ["Khu A (bên trái)", "Khu B (giữa)", "Khu C (bên phải)"]
    assert [b.aisle_side for b in blocks] == ["right", "both", "left"]
    for block in blocks:
        positions = set(block.seats.values_list("row", "number"))
        assert positions == {(r, n) for r in range(1, 5) for n in range(1, 6)}
        assert set(block.seats.filter(reserved=True).values_list("row", flat=True)) == {1}
    # The leaders' category is the default front category.
    assert list(plan.front_categories.all()) == [hall["leaders"]]


def test_quick_set_up_from_the_page(client, setup):
    client.force_login(setup["staff"])
    url = reverse("delegates_seating_setup", args=[setup["conference"].pk])
    data = {"quick": "1", "blocks": "2", "rows": "12", "seats_per_row": "10", "reserved_rows": "0"}
    response = client.post(url, data)
    assert response.status_code == 302
    assert Seat.objects.filter(block__plan__conference=setup["conference"]).count() == 240
    names = HallBlock.objects.values_list("name", flat=True)
    assert sorted(names) == ["Khu A (bên trái)", "Khu B (bên phải)"]


def test_edit_block_resizes_its_seats_and_frees_those_cut(client, hall):
    delegate = _person(hall, hall["category"], "Trần Văn Cuối")
    block_b = HallBlock.objects.get(name="Khu B (giữa)")
    services.move_delegate(
        delegate=delegate, seat=block_b.seats.get(row=4, number=5), by=hall["staff"]
    )
    blocks = list(HallBlock.objects.order_by("order"))
    data = {
        "stage_label": "SÂN KHẤU CHÍNH",
        "front_categories": [hall["leaders"].pk],
        "form-TOTAL_FORMS": "4",
        "form-INITIAL_FORMS": "3",
    }
    for i, b in enumerate(blocks):
        rows = 3 if b == block_b else b.rows
        data |= {
            f"form-{i}-id": b.pk, f"form-{i}-name": b.name, f"form-{i}-rows": rows,
            f"form-{i}-seats_per_row": b.seats_per_row, f"form-{i}-aisle_side": b.aisle_side,
            f"form-{i}-reserved_rows": 1,
        }  # fmt: skip
    data |= {"form-3-aisle_side": "both", "form-3-reserved_rows": "0"}
    client.force_login(hall["staff"])
    response = client.post(reverse("delegates_seating_setup", args=[hall["conference"].pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert block_b.seats.count() == 15 and HallBlock.objects.count() == 3
    assert _seat_of(delegate) is None
    assert SeatingPlan.objects.get().stage_label == "SÂN KHẤU CHÍNH"


def test_auto_placement_leaders_in_front_honourees_on_aisle_in_stage_order(hall):
    from core import extensions

    leaders = [_person(hall, hall["leaders"], f"Lãnh Đạo {c}") for c in "ABCDEFGHIJKLMNOPQ"]
    base = [_person(hall, hall["category"], f"Cơ Sở {c}") for c in "ABCD"]
    honourees = [
        _person(
            hall,
            hall["honourees"],
            f"Khen Thưởng {c}",
            source=Source.HONOREE,
            source_key=f"honorees.nomination:{i}",
        )
        for i, c in enumerate("ABCD", start=1)
    ]
    declined = _person(
        hall, hall["category"], "Từ Chối", invitation_status=InvitationStatus.DECLINED
    )
    # The stage order (the decision's list) reversed from the names' order.
    stage = {f"honorees.nomination:{i}": 5 - i for i in range(1, 5)}
    extensions.register_stage_order(provider := lambda conference: stage)
    try:
        result = _place(hall)
    finally:
        extensions._stage_orders.remove(provider)

    assert result.placed == 25 and result.unplaced == 0
    assert _seat_of(declined) is None
    # 15 reserved seats (row 1): the first 15 leaders; the two others in row 2.
    leader_seats = [_seat_of(d) for d in leaders]
    assert sorted(s.row for s in leader_seats) == [1] * 15 + [2, 2]
    assert all(s.reserved for s in leader_seats[:15])
    # Honourees: on the aisle, in stage order (D first), front to back.
    seats = [_seat_of(d) for d in reversed(honourees)]
    assert all(s.block.aisle_distance(s.number) == 0 for s in seats)
    keys = [(s.row, abs(s.block.order - 2), s.block.order, s.number) for s in seats]
    assert keys == sorted(keys)
    assert seats[0].row == 2
    # The base behind or beside, never in the reserved row.
    assert all(not _seat_of(d).reserved for d in base)


def test_auto_placement_present_only_skips_the_absent(hall):
    here = _person(hall, hall["category"], "Có Mặt", present_at="2026-12-18T08:00:00+07:00")
    away = _person(hall, hall["category"], "Vắng Mặt")
    _place(hall, present_only=True)
    assert _seat_of(here) is not None and _seat_of(away) is None


def test_auto_placement_twice_gives_the_same_plan(hall):
    for i in range(8):
        _person(hall, hall["category"], f"Đại Biểu {i}")
    _place(hall)
    first = sorted(Seat.objects.filter(delegate__isnull=False).values_list("pk", "delegate_id"))
    _place(hall)
    again = sorted(Seat.objects.filter(delegate__isnull=False).values_list("pk", "delegate_id"))
    assert first == again


def test_move_to_an_occupied_seat_swaps_and_persists(hall):
    a = _person(hall, hall["category"], "Người A")
    b = _person(hall, hall["category"], "Người B")
    _place(hall)
    seat_a, seat_b = _seat_of(a), _seat_of(b)
    services.move_delegate(delegate=a, seat=seat_b, by=hall["staff"])
    assert _seat_of(a).pk == seat_b.pk and _seat_of(b).pk == seat_a.pk
    assert set(Seat.objects.filter(by_hand=True).values_list("pk", flat=True)) == {
        seat_a.pk,
        seat_b.pk,
    }


def test_second_auto_placement_keeps_manual_moves_unless_redo_all(hall):
    people = [_person(hall, hall["category"], f"Người {i}") for i in range(6)]
    _place(hall)
    far = Seat.objects.get(block__order=3, row=4, number=5)
    services.move_delegate(delegate=people[0], seat=far, by=hall["staff"])
    late = _person(hall, hall["category"], "Người Đến Sau")
    result = _place(hall)
    assert result.kept == 1
    assert _seat_of(people[0]).pk == far.pk
    assert _seat_of(late) is not None
    _place(hall, redo_all=True)
    assert _seat_of(people[0]).pk != far.pk
    assert not Seat.objects.filter(by_hand=True).exists()


def test_move_view_by_the_form_and_by_drag(client, hall):
    a = _person(hall, hall["category"], "Người Kéo")
    client.force_login(hall["staff"])
    url = reverse("delegates_seating_move", args=[hall["conference"].pk])
    block_c = HallBlock.objects.get(order=3)
    data = {"delegate": a.pk, "block": block_c.pk, "row": 3, "number": 2, "from": "list"}
    response = client.post(url, data)
    assert response.url == reverse("delegates_seating_list", args=[hall["conference"].pk])
    assert _seat_of(a).label == "Khu C – Hàng 3 – Ghế 2"
    target = Seat.objects.get(block__order=1, row=2, number=4)
    html = client.post(url, {"delegate": a.pk, "seat": target.pk}, HTTP_HX_REQUEST="true")
    assert _seat_of(a).pk == target.pk
    assert f'data-delegate="{a.pk}"' in html.content.decode()
    refused = client.post(url, {"delegate": a.pk, "block": block_c.pk, "row": 9, "number": 1})
    assert refused.status_code == 302 and _seat_of(a).pk == target.pk


def test_one_seat_per_delegate_and_one_delegate_per_seat(hall):
    a = _person(hall, hall["category"], "Người Một")
    first, second = Seat.objects.filter(block__order=1, row=2)[:2]
    first.delegate = a
    first.save()
    second.delegate = a
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()
    with pytest.raises(IntegrityError), transaction.atomic():
        Seat.objects.create(block=first.block, row=first.row, number=first.number)


def test_declined_delegate_cannot_be_moved_in(hall):
    gone = _person(hall, hall["category"], "Người Từ Chối", invitation_status="declined")
    with pytest.raises(DomainError, match="từ chối"):
        services.move_delegate(delegate=gone, seat=Seat.objects.first(), by=hall["staff"])


def test_only_office_staff_move(hall):
    a = _person(hall, hall["category"], "Người Ba")
    with pytest.raises(DomainError):
        services.move_delegate(delegate=a, seat=Seat.objects.first(), by=hall["leader"])
    assert _seat_of(a) is None


def _pdf_lines(document) -> list[str]:
    document.refresh_from_db()
    assert document.status == GeneratedDocument.Status.READY, document.error
    reader = PdfReader(io.BytesIO(document.file.read()))
    return [line for page in reader.pages for line in page.extract_text().splitlines()]


def test_printed_chart_holds_each_name_in_its_seat(hall, django_capture_on_commit_callbacks):
    people = [_person(hall, hall["category"], f"Lê Văn {n}") for n in ("An", "Bình", "Cúc")]
    people += [_person(hall, hall["leaders"], f"Hà Thị {n}") for n in ("Dung", "Em")]
    _place(hall)
    far = Seat.objects.get(block__order=3, row=4, number=5)
    services.move_delegate(delegate=people[0], seat=far, by=hall["staff"])
    with django_capture_on_commit_callbacks(execute=True):
        document = request_document(
            kind="seating_chart",
            target=hall["conference"],
            fmt="pdf",
            by=hall["staff"],
            params={"paper": "A3"},
        )
    lines = [normal(line) for line in _pdf_lines(document)]
    assert "sơ đồ chỗ ngồi" in lines and "sân khấu" in lines
    # Each hall row is one line: its number, the names left to right, its number again.
    for row in range(1, 5):
        seats = Seat.objects.filter(row=row, delegate__isnull=False).order_by(
            "block__order", "number"
        )
        names = " ".join(s.delegate.full_name for s in seats)
        expected = normal(f"{row} {names} {row}")
        assert expected in lines, (expected, lines)
    assert normal(f"4 {people[0].full_name} 4") in lines
    # The last page: everyone in name order with their seat, for the ushers.
    assert "danh sách chỗ ngồi" in lines
    text = normal(" ".join(lines))
    assert normal(f"{people[0]} {people[0].unit_label}: Khu C – Hàng 4 – Ghế 5") in text
    by_name = sorted(people, key=lambda p: name_sort_key(p.full_name))
    order = [text.index(normal(str(p))) for p in by_name]
    assert order == sorted(order)


def test_place_cards_one_per_delegate(hall, django_capture_on_commit_callbacks):
    people = [
        _person(hall, hall["category"], f"Nguyễn Thị {n}", position="Bí thư chi bộ")
        for n in ("Hoa", "Lan", "Mai")
    ]
    _place(hall)
    with django_capture_on_commit_callbacks(execute=True):
        document = request_document(
            kind="place_cards", target=hall["conference"], fmt="pdf", by=hall["staff"]
        )
    document.refresh_from_db()
    assert document.status == GeneratedDocument.Status.READY, document.error
    pages = PdfReader(io.BytesIO(document.file.read())).pages
    assert len(pages) == len(people)
    for page, seat in zip(pages, Seat.objects.filter(delegate__isnull=False), strict=True):
        text = " ".join(page.extract_text().split())
        assert seat.delegate.full_name in text and "Bí thư chi bộ" in text
        assert seat.label in text


def test_place_cards_eight_to_a_sheet(hall, django_capture_on_commit_callbacks):
    for i in range(9):
        _person(hall, hall["category"], f"Phạm Văn Số {i}")
    _place(hall)
    with django_capture_on_commit_callbacks(execute=True):
        document = request_document(
            kind="place_cards",
            target=hall["conference"],
            fmt="pdf",
            by=hall["staff"],
            params={"layout": "sheet"},
        )
    document.refresh_from_db()
    pages = PdfReader(io.BytesIO(document.file.read())).pages
    assert len(pages) == 2
    text = " ".join(p.extract_text() for p in pages)
    assert len(re.findall(r"Phạm Văn Số \d", text)) == 9


def test_check_in_page_shows_the_seat(client, hall):
    a = _person(hall, hall["category"], "Đỗ Văn Đến")
    services.move_delegate(
        delegate=a, seat=Seat.objects.get(block__order=2, row=2, number=5), by=hall["staff"]
    )
    client.force_login(hall["staff"])
    c = hall["conference"].pk
    found = client.get(reverse("delegates_checkin_search", args=[c]), {"q": "do van den"})
    assert "Ghế: Khu B, hàng 2, ghế 5" in found.content.decode()
    checked = client.post(reverse("delegates_check_in", args=[c, a.pk]))
    assert "Ghế: Khu B, hàng 2, ghế 5" in checked.content.decode()
    scanned = client.post(
        reverse("delegates_check_in_token", args=[c]), {"token": a.invitation_token}
    )
    assert "Ghế: Khu B, hàng 2, ghế 5" in scanned.content.decode()


def test_lists_name_the_seat_of_the_plan_before_the_written_zone(client, hall):
    """The register's Excel and the printed delegate list say where each one sits: the seat
    of the plan when placed, otherwise the zone the office wrote."""
    import io

    from openpyxl import load_workbook

    from delegates.selectors import delegates_for_invitations
    from documents.builders.lists import delegate_groups

    placed = _person(hall, hall["category"], "Đỗ Văn Đến", seat_or_zone="Khu A")
    _person(hall, hall["category"], "Lê Thị Hoa", seat_or_zone="Khu khách mời")
    services.move_delegate(
        delegate=placed, seat=Seat.objects.get(block__order=2, row=2, number=5), by=hall["staff"]
    )
    conference = hall["conference"]
    rows = [
        (row["name"], row["note"])
        for group in delegate_groups([hall["category"]], delegates_for_invitations(conference))
        for row in group["rows"]
    ]
    assert ("Đỗ Văn Đến", "Khu B, hàng 2, ghế 5") in rows
    assert ("Lê Thị Hoa", "Khu khách mời") in rows
    client.force_login(hall["staff"])
    response = client.get(reverse("delegates_export", args=[conference.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    column = header.index("Chỗ ngồi, khu vực")
    seats = [r[column] for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert "Khu B, hàng 2, ghế 5" in seats and "Khu khách mời" in seats


def test_seating_page_queries_constant_with_300_delegates(client, setup):
    conference = setup["conference"]
    services.set_up_hall(
        conference=conference, blocks=3, rows=12, seats_per_row=10, by=setup["staff"]
    )
    client.force_login(setup["staff"])
    url = reverse("delegates_seating", args=[conference.pk])
    categories = [CategoryFactory(conference=conference) for _ in range(3)]
    _person({"conference": conference}, categories[0], "Người Đầu Tiên")
    _place({"conference": conference, "staff": setup["staff"]})
    client.get(url)
    one, html, _ = page_queries(client, url)
    assert "N.Đ. Tiên" in html
    for i in range(299):
        _person({"conference": conference}, categories[i % 3], f"Trần Văn Người {i}")
    _place({"conference": conference, "staff": setup["staff"]})
    many, html, _ = page_queries(client, url)
    assert one == many
    assert html.count('class="seat-person"') == 300


def test_seating_list_and_selectors_read_the_hall(client, hall):
    a = _person(hall, hall["category"], "Vũ Thị Xem")
    _place(hall)
    assert selectors.unseated_delegates(hall["conference"]) == []
    client.force_login(hall["leader"])
    page = client.get(reverse("delegates_seating_list", args=[hall["conference"].pk]))
    assert _seat_of(a).label in page.content.decode()
    assert "Chuyển đến ghế" not in page.content.decode()  # the leader sees, does not move


def test_demo_conference_has_a_hall_with_delegates_placed():
    from io import StringIO

    from django.core.management import call_command

    call_command("seed_demo", "--quiet-logins", stdout=StringIO())
    plan = SeatingPlan.objects.get(conference__organiser__code="HP-TH")
    seated = Seat.objects.filter(block__plan=plan, delegate__isnull=False)
    assert plan.blocks.count() == 3 and seated.count() >= 20
    # Its guests (the front category) sit in the reserved front row.
    front = plan.front_categories.get()
    assert front.title == "Đại biểu cấp trên"
    assert set(seated.filter(delegate__category=front).values_list("row", flat=True)) == {1}
    call_command("seed_demo", "--quiet-logins", stdout=StringIO())  # idempotent
    assert Seat.objects.filter(block__plan=plan, delegate__isnull=False).count() == seated.count()


def test_stage_order_from_the_awards_places_collectives_first_by_award_form(hall):
    """The awards app's provider (honorees.selectors.stage_order, registered in its
    AppConfig): collectives before individuals, by the award form's catalogue order, then by
    name; a draft is not on stage."""
    from honorees.selectors import stage_order
    from tests.honorees.factories import NominationFactory, RoundFactory, award

    low, high = sorted((award("gk-xa"), award("ldtt")), key=lambda f: (f.order, f.name))
    rnd = RoundFactory(conference=hall["conference"])

    def nominee(name, form, kind="individual", status="approved"):
        fields = {"collective_name": name} if kind == "collective" else {"full_name": name}
        return NominationFactory(round=rnd, kind=kind, proposed_award=form, status=status, **fields)

    made = [
        nominee("Lê Văn An", high),
        nominee("Lê Văn Yên", low),
        nominee("Tổ sản xuất A", high, kind="collective"),
        nominee("Tổ sản xuất Z", low, kind="collective"),
    ]
    draft = nominee("Lê Văn Nháp", low, status="draft")
    expected = [made[3], made[2], made[1], made[0]]
    order = stage_order(hall["conference"])
    assert f"honorees.nomination:{draft.pk}" not in order
    assert sorted(order, key=order.get) == [f"honorees.nomination:{n.pk}" for n in expected]
    people = [
        _person(
            hall,
            hall["honourees"],
            n.display_name,
            source=Source.HONOREE,
            source_key=f"honorees.nomination:{n.pk}",
            is_collective=n.kind == "collective",
        )
        for n in made
    ]
    _place(hall)
    seats = [_seat_of(people[made.index(n)]) for n in expected]
    keys = [(s.row, abs(s.block.order - 2), s.block.order, s.number) for s in seats]
    assert keys == sorted(keys) and all(s.block.aisle_distance(s.number) == 0 for s in seats)


def test_auto_place_view_reports_what_it_did(client, hall):
    for name in ("Người Một", "Người Hai"):
        _person(hall, hall["category"], name)
    client.force_login(hall["staff"])
    url = reverse("delegates_seating_auto", args=[hall["conference"].pk])
    page = client.post(url, follow=True).content.decode()
    assert "Đã xếp chỗ: 2 đại biểu có chỗ." in page
    assert Seat.objects.filter(delegate__isnull=False).count() == 2


def test_seating_page_without_a_hall_says_to_set_it_up(client, setup):
    client.force_login(setup["staff"])
    page = client.get(reverse("delegates_seating", args=[setup["conference"].pk]))
    assert "Chưa có hội trường" in page.content.decode()
    url = reverse("delegates_seating_auto", args=[setup["conference"].pk])
    refused = client.post(url, follow=True).content.decode()
    assert "Hãy thiết lập hội trường" in refused
    assert not SeatingPlan.objects.exists()


def test_seating_list_queries_constant(client, hall):
    from tests.factories import UnitFactory
    from tests.queries import assert_queries_constant

    client.force_login(hall["staff"])

    def add(i):
        unit = UnitFactory(parent=hall["office"], name=f"Thôn Số {i}")
        d = _person(hall, CategoryFactory(conference=hall["conference"]), f"Người {i}", unit=unit)
        _place(hall)
        return _seat_of(d).label

    url = reverse("delegates_seating_list", args=[hall["conference"].pk])
    assert_queries_constant(client, url, add)
