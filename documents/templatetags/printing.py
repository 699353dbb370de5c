"""Print buttons for any page: `{% load printing %}`, then
`{% print_buttons "delegate_list" conference "In danh sách" %}`. The buttons show only to users
the document's builder lets print it (the same predicate the service checks)."""

from django import template

from ..builders import get_builder

register = template.Library()

FORMAT_LABELS = {"pdf": "PDF", "docx": "DOCX", "zip": "ZIP từng người: DOCX và PDF"}


def _allowed(context, kind: str, target) -> bool:
    builder = get_builder(kind)
    request = context.get("request")
    user = getattr(request, "user", None)
    return bool(builder and user and target and builder.can_request(user, target))


@register.simple_tag(takes_context=True)
def can_print(context, kind: str, target) -> bool:
    """`{% can_print "quota_notice" conference as can_print_notice %}`."""
    return _allowed(context, kind, target)


@register.inclusion_tag("documents/_print_buttons.html", takes_context=True)
def print_buttons(
    context, kind: str, target, label: str, formats=None, preview=0, testid="", **params
):
    """`formats`: "pdf,docx" ("" for none; default every format of the kind); `preview`: a
    number of pages for a "Xem trước" button; `testid`: the buttons' test id when the page has
    two sets of the same kind; other keywords are sent as the builder's params."""
    if not _allowed(context, kind, target):
        return {"hidden": True}
    offered = get_builder(kind).formats
    wanted = offered if formats is None else [f for f in str(formats).split(",") if f]
    request = context.get("request")
    return {
        "kind": kind,
        "target": target,
        "label": label,
        "formats": [(f, FORMAT_LABELS.get(f, f.upper())) for f in wanted if f in offered],
        "params": [(name, "" if value is None else value) for name, value in params.items()],
        "preview": preview,
        "testid": testid,
        "request": request,
        "back": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }
