"""Writes for assignments. Each service is atomic, checks permission and state, writes, logs
and lists its side effects. Re-exported here so callers write `services.create_duty(...)`."""

from .editing import (
    apply_duty_template,
    create_assignment,
    create_duty,
    create_milestone,
    delete_assignment,
    delete_duty,
    delete_milestone,
    move_assignment,
    move_duty,
    move_milestone,
    reorder_duties,
    update_assignment,
    update_duty,
    update_milestone,
)
from .reminders import send_due_reminders
from .status import update_duty_status

__all__ = [
    "apply_duty_template",
    "create_assignment",
    "create_duty",
    "create_milestone",
    "delete_assignment",
    "delete_duty",
    "delete_milestone",
    "move_assignment",
    "move_duty",
    "move_milestone",
    "reorder_duties",
    "send_due_reminders",
    "update_assignment",
    "update_duty",
    "update_duty_status",
    "update_milestone",
]
