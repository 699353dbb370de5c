"""Writes for the delegates app. Each service is atomic, checks permission and state, writes
and logs; side effects are listed in each docstring.

Interfaces for other apps:
- `upsert_honoree_delegate(*, conference, source_key, full_name, is_collective, by, ...)`
  and `remove_honoree_delegate(*, conference, source_key, by)` (see delegates.services.honorees).
- `mark_invited(*, conference, delegates, by)`: after invitations are printed.
"""

from .allocation import (
    allocate_seats,
    allocation_outbox,
    claim_seat,
    notice_audience,
    notify_units,
    save_allocation_grid,
)
from .composition import (
    delete_category,
    delete_rule,
    save_category,
    save_rule,
    set_invitation_date,
    set_round,
)
from .honorees import remove_honoree_delegate, upsert_honoree_delegate
from .importing import import_unit_delegates
from .invitations import mark_printed_invitations, print_invitations
from .register import (
    add_delegate,
    add_delegates,
    change_invitation_status,
    change_invitation_statuses,
    check_in,
    check_in_by_token,
    mark_invited,
    merge_delegates,
    remove_delegate,
    undo_check_in,
    update_delegate,
)
from .seating import (
    move_delegate,
    place_automatically,
    save_hall,
    set_up_hall,
)

__all__ = [
    "move_delegate",
    "place_automatically",
    "save_hall",
    "set_up_hall",
    "print_invitations",
    "mark_printed_invitations",
    "add_delegate",
    "add_delegates",
    "allocate_seats",
    "allocation_outbox",
    "change_invitation_status",
    "change_invitation_statuses",
    "check_in",
    "check_in_by_token",
    "claim_seat",
    "delete_category",
    "delete_rule",
    "import_unit_delegates",
    "mark_invited",
    "notice_audience",
    "notify_units",
    "remove_delegate",
    "remove_honoree_delegate",
    "save_allocation_grid",
    "save_category",
    "save_rule",
    "set_invitation_date",
    "set_round",
    "merge_delegates",
    "undo_check_in",
    "update_delegate",
    "upsert_honoree_delegate",
]
