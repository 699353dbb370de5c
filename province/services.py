"""Writes of the province app: API tokens (the roll-up itself only reads)."""

from django.db import transaction
from django.utils import timezone

from conferences.models import Unit, User
from conferences.services import log_activity
from core.errors import DomainError, require_permission
from core.vntext import nfc

from .models import ApiToken, hash_token, new_raw_token
from .permissions import can_manage_tokens


@transaction.atomic
def create_api_token(*, unit: Unit, name: str, by: User) -> tuple[ApiToken, str]:
    """A new token reading `unit`'s subtree. Returns the row and the raw key, which is shown
    once and never stored. Side effects: the token row, a log entry."""
    require_permission(
        can_manage_tokens(by, unit), "Chỉ quản trị người dùng của đơn vị được tạo khóa API."
    )
    name = nfc(name) or ""
    if not name:
        raise DomainError("Hãy ghi tên hệ thống sẽ dùng khóa này.", field="name")
    raw = new_raw_token()
    token = ApiToken.objects.create(
        unit=unit, name=name, token_hash=hash_token(raw), hint=raw[:12], created_by=by
    )
    log_activity(
        actor=by,
        action="api_token.created",
        summary=f"Tạo khóa API “{name}” cho {unit.name}",
        target=token,
        scope_unit=unit,
    )
    return token, raw


@transaction.atomic
def revoke_api_token(*, token: ApiToken, by: User) -> ApiToken:
    """The token stops working at once. Side effects: the token row, a log entry."""
    token = ApiToken.objects.select_for_update().select_related("unit").get(pk=token.pk)
    require_permission(
        can_manage_tokens(by, token.unit), "Chỉ quản trị người dùng của đơn vị được thu hồi khóa."
    )
    if token.revoked:
        raise DomainError("Khóa này đã được thu hồi.")
    token.revoked, token.revoked_at = True, timezone.now()
    token.save(update_fields=["revoked", "revoked_at"])
    log_activity(
        actor=by,
        action="api_token.revoked",
        summary=f"Thu hồi khóa API “{token.name}” của {token.unit.name}",
        target=token,
        scope_unit=token.unit,
    )
    return token


def authenticate_token(raw: str) -> ApiToken | None:
    """The live token for this key, or None. Notes the time of use (at most once a minute,
    so reads do not write on every call)."""
    token = (
        ApiToken.objects.filter(token_hash=hash_token(raw), revoked=False)
        .select_related("unit")
        .first()
    )
    if token is None or not token.unit.active:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
