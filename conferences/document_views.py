"""The views of a conference document edited on one page (the budget estimate, the summary
report), built from the document's selectors, predicates and services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.views import attempt, require, save_form

from .selectors import get_conference


class DocumentPage:
    """The views of one conference document edited on one page (the budget estimate, the
    summary report) share their steps: fetch the document through its scoped selector (404),
    check a predicate (403), call one service with the document and the user, come back.

    `fetch(user, conference_pk)`: the document, or 404. `page(request, document, *, bound,
    status)`: the page, showing again a form the user sent (`bound`: {key: form}). `url_name`:
    the page's URL, reversed with the document's conference. `keyword`: the services' name for
    the document ("estimate", "report")."""

    def __init__(self, *, fetch, page, url_name: str, keyword: str) -> None:
        self.fetch = fetch
        self.page = page
        self.url_name = url_name
        self.keyword = keyword

    def back(self, document) -> HttpResponse:
        return redirect(self.url_name, document.conference_id)

    def save(self, request, document, form, key, service, success: str, **kwargs):
        """A form of the page sent: when saved (see save_form), back to the page; otherwise
        the page again with the form as typed and its errors (400)."""

        def call(data):
            return service(**{self.keyword: document}, by=request.user, **kwargs, **data)

        if save_form(request, form, call, success):
            return self.back(document)
        return self.page(request, document, bound={key: form}, status=400)

    def start_view(self, *, existing, allowed, create, success: str, template: str):
        """The view that starts the document (<conference_pk>): its page when the conference
        has one (`existing(conference)`); else `allowed(user, conference)` or 403, and a POST
        calls `create` (conference, by)."""

        @login_required
        def view(request, conference_pk: int):
            conference = get_conference(request.user, conference_pk)
            if existing(conference):
                return redirect(self.url_name, conference.pk)
            require(allowed(request.user, conference))
            if request.method == "POST" and attempt(
                request, lambda: create(conference=conference, by=request.user), success
            ):
                return redirect(self.url_name, conference.pk)
            return render(request, template, {"conference": conference})

        return view

    def step_view(self, allowed, service, success: str, *, form_class=None, invalid: str = ""):
        """The view of a workflow button (send, approve, return, issue), POST to
        <conference_pk>: `allowed(user, document)` or 403, then the service, with the fields
        of `form_class` when the button sends a form (a reason, a date); a form that does not
        validate is the message `invalid`, and nothing is done."""

        @login_required
        @require_POST
        def view(request, conference_pk: int):
            document = self.fetch(request.user, conference_pk)
            form = form_class(request.POST) if form_class else None
            if form is not None and not form.is_valid():
                messages.error(request, invalid)
                return self.back(document)
            require(allowed(request.user, document))
            fields = form.cleaned_data if form is not None else {}
            attempt(
                request,
                lambda: service(**{self.keyword: document}, by=request.user, **fields),
                success,
            )
            return self.back(document)

        return view
