import unicodedata

from django.http import HttpResponse, QueryDict
from django.shortcuts import render

from .vntext import strip_invisible
from .web import BadParameter

# Secrets are compared byte for byte: never rewrite them.
_UNTOUCHED = ("password", "csrfmiddlewaretoken")


def _normalise(query: QueryDict) -> QueryDict:
    copy = query.copy()
    for key, values in copy.lists():
        if any(word in key for word in _UNTOUCHED):
            continue
        copy.setlist(key, [strip_invisible(unicodedata.normalize("NFC", v)) for v in values])
    copy._mutable = False
    return copy


class NormalizeInputMiddleware:
    """Every text a user sends arrives in NFC, without invisible characters.

    Vietnamese text comes in both composed (NFC) and decomposed (NFD, e.g. from macOS or some
    Vietnamese input methods) forms that look the same but compare, sort and search differently.
    Control characters (NUL included), bidirectional overrides and zero-width characters are
    removed from every field of every form (`vntext.strip_invisible`): nobody types them, and
    they break e-mail headers, Excel files and what a reader sees. Passwords are left byte for
    byte (a NUL there is refused by the form, in Vietnamese: see locale/). Trimming is left to
    the forms, so text areas keep their line breaks and tabs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.GET:
            request.GET = _normalise(request.GET)
        if request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            request.POST = _normalise(request.POST)
        return self.get_response(request)


class BadParameterMiddleware:
    """A `web.BadParameter` raised by a view becomes a 400 page with its Vietnamese message."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, BadParameter):
            return None
        if getattr(request, "htmx", False):
            return HttpResponse(exception.message, status=400)
        context = {"message": exception.message}
        return render(request, "conferences/bad_parameter.html", context, status=400)
