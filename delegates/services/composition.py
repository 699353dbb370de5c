"""Writes for the plan side: categories, conference-wide rules, the round (deadline)."""

from typing import Any

from django.db import IntegrityError, transaction

from conferences.services import diff_fields, log_activity
from core.errors import DomainError
from core.errors import require_permission as require

from ..models import CompositionRule, DelegateCategory, DelegateRound, TargetKind
from ..permissions import can_manage_delegates
from .common import clean_text

NO_RIGHT = "Bạn không có quyền sửa thành phần đại biểu của hội nghị này."


def _check_target(fields: dict[str, Any]) -> dict[str, Any]:
    """Fill the target fields consistently for the kind, or say what is missing."""
    kind = fields.get("target_kind", TargetKind.EXACT)
    low, high, share = (
        fields.get("target_min"),
        fields.get("target_max"),
        fields.get("share_percent"),
    )
    if kind == TargetKind.EXACT:
        if low is None:
            raise DomainError("Hãy ghi số lượng.", field="target_min")
        return {**fields, "target_max": low, "share_percent": None}
    if kind == TargetKind.RANGE:
        if low is None and high is None:
            raise DomainError("Hãy ghi số lượng từ, đến (hoặc một trong hai).", field="target_min")
        if low is not None and high is not None and high < low:
            raise DomainError("Số “đến” phải không nhỏ hơn số “từ”.", field="target_max")
        return {**fields, "share_percent": None}
    if kind == TargetKind.SHARE:
        if share is None or not 1 <= share <= 100:
            raise DomainError("Tỷ lệ phải từ 1 đến 100%.", field="share_percent")
        return {**fields, "target_min": None, "target_max": None}
    return {**fields, "target_min": None, "target_max": None, "share_percent": None}


MAX_DEPTH = 2  # three levels: a line, its sub-lines and theirs


def _depth(category) -> int:
    depth = 0
    while category.parent_id is not None:
        category, depth = category.parent, depth + 1
    return depth


def _height(category) -> int:
    """How many levels of sub-lines hang below `category`."""
    children = list(category.sublines.all()) if category is not None and category.pk else []
    return 1 + max(_height(c) for c in children) if children else 0


def _check_parent(conference, category, parent) -> None:
    if parent is None:
        return
    if parent.conference_id != conference.pk:
        raise DomainError("Chỉ đặt dòng con dưới một thành phần của hội nghị này.", field="parent")
    if category is not None and parent.pk == category.pk:
        raise DomainError("Không đặt một thành phần làm dòng con của chính nó.", field="parent")
    if _depth(parent) + 1 + _height(category) > MAX_DEPTH:
        raise DomainError(
            "Thành phần đại biểu chỉ có ba cấp: dòng chính, dòng con và ý của dòng con.",
            field="parent",
        )


@transaction.atomic
def save_category(
    *, conference, by, category: DelegateCategory | None = None, **fields
) -> DelegateCategory:
    """Create (category=None) or change a category.
    Side effects: the category row, an activity entry."""
    require(can_manage_delegates(by, conference), NO_RIGHT)
    fields = _check_target(clean_text(fields))
    _check_parent(conference, category, fields.get("parent"))
    if not fields.get("title"):
        raise DomainError("Hãy ghi tên thành phần.", field="title")
    if fields.get("is_honoree_category"):
        others = DelegateCategory.objects.filter(conference=conference, is_honoree_category=True)
        if category is not None:
            others = others.exclude(pk=category.pk)
        if others.exists():
            raise DomainError(
                f"Hội nghị đã có thành phần được khen thưởng: “{others.first().title}”.",
                field="is_honoree_category",
            )
    if category is None:
        category = DelegateCategory.objects.create(conference=conference, **fields)
        changes, action, verb = {}, "delegate_category.created", "Thêm"
    else:
        changes = diff_fields(category, fields)
        for name, value in fields.items():
            setattr(category, name, value)
        category.save()
        action, verb = "delegate_category.updated", "Sửa"
    log_activity(
        actor=by,
        conference=conference,
        action=action,
        summary=f"{verb} thành phần đại biểu “{category.title}”",
        target=category,
        changes=changes,
    )
    return category


@transaction.atomic
def delete_category(*, category: DelegateCategory, by) -> None:
    """Side effects: deletes the category with its sub-lines and seat allocations; an
    activity entry. Refused while delegates are registered in it."""
    conference = category.conference
    require(can_manage_delegates(by, conference), NO_RIGHT)
    if category.delegates.exists() or any(s.delegates.exists() for s in category.sublines.all()):
        raise DomainError(
            f"Thành phần “{category.title}” đã có đại biểu; hãy chuyển hoặc xóa đại biểu trước."
        )
    log_activity(
        actor=by,
        conference=conference,
        action="delegate_category.deleted",
        summary=f"Xóa thành phần đại biểu “{category.title}”",
        target=conference,
    )
    category.delete()


def _check_rule(fields: dict[str, Any]) -> dict[str, Any]:
    if fields["kind"] == CompositionRule.Kind.TOTAL:
        low, high = fields.get("total_min"), fields.get("total_max")
        if low is None and high is None:
            raise DomainError(
                "Hãy ghi tổng số tối thiểu, tối đa (hoặc một trong hai).", field="total_max"
            )
        if low is not None and high is not None and high < low:
            raise DomainError("Tổng số tối đa phải không nhỏ hơn tối thiểu.", field="total_max")
        return {**fields, "attribute": "", "min_percent": None, "max_percent": None}
    if not fields.get("attribute"):
        raise DomainError("Hãy chọn tiêu chí cơ cấu.", field="attribute")
    low, high = fields.get("min_percent"), fields.get("max_percent")
    if low is None and high is None:
        raise DomainError("Hãy ghi tỷ lệ tối thiểu hoặc tối đa.", field="min_percent")
    if any(v is not None and v > 100 for v in (low, high)):
        raise DomainError("Tỷ lệ không quá 100%.", field="min_percent")
    return {**fields, "total_min": None, "total_max": None}


@transaction.atomic
def save_rule(*, conference, by, rule: CompositionRule | None = None, **fields) -> CompositionRule:
    """Create or change a conference-wide rule. Side effects: the rule row, an activity entry."""
    require(can_manage_delegates(by, conference), NO_RIGHT)
    fields = _check_rule(clean_text(fields))
    if rule is None:
        rule = CompositionRule.objects.create(conference=conference, **fields)
    else:
        for name, value in fields.items():
            setattr(rule, name, value)
        rule.save()
    log_activity(
        actor=by,
        conference=conference,
        action="composition_rule.saved",
        summary=f"Lưu quy định “{rule}”",
        target=rule,
    )
    return rule


@transaction.atomic
def delete_rule(*, rule: CompositionRule, by) -> None:
    """Side effects: deletes the rule, an activity entry."""
    conference = rule.conference
    require(can_manage_delegates(by, conference), NO_RIGHT)
    log_activity(
        actor=by,
        conference=conference,
        action="composition_rule.deleted",
        summary=f"Xóa quy định “{rule}”",
        target=conference,
    )
    rule.delete()


@transaction.atomic
def set_round(*, conference, by, **fields) -> DelegateRound:
    """Set the deadline, the note to units and the plan's line marker.
    Side effects: the round row (created if missing), an activity entry."""
    return _update_round(
        conference=conference, by=by, fields=fields, summary="Sửa hạn và lưu ý đăng ký đại biểu"
    )


def set_invitation_date(
    *, conference, by, invitation_place: str, invitation_date, invitation_day_blank: bool
) -> DelegateRound:
    """Set the place and date line the invitations print (mẫu 1.7).
    Side effects: the round row (created if missing), an activity entry."""
    fields = {
        "invitation_place": invitation_place,
        "invitation_date": invitation_date,
        "invitation_day_blank": invitation_day_blank,
    }
    return _update_round(
        conference=conference, by=by, fields=fields, summary="Sửa địa danh, ngày ký giấy mời"
    )


def _update_round(*, conference, by, fields: dict, summary: str) -> DelegateRound:
    require(can_manage_delegates(by, conference), NO_RIGHT)
    fields = clean_text(fields)
    try:
        delegate_round, _created = DelegateRound.objects.get_or_create(conference=conference)
    except IntegrityError:  # created by a concurrent request
        delegate_round = DelegateRound.objects.get(conference=conference)
    changes = diff_fields(delegate_round, fields)
    for name, value in fields.items():
        setattr(delegate_round, name, value)
    delegate_round.save()
    log_activity(
        actor=by,
        conference=conference,
        action="delegate_round.updated",
        summary=summary,
        target=delegate_round,
        changes=changes,
    )
    return delegate_round
