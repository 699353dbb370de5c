from django.urls import path

from . import views

app_name = "finance"

urlpatterns = [
    path("hoi-nghi/<int:conference_pk>/kinh-phi/", views.estimate_detail, name="estimate"),
    path("hoi-nghi/<int:conference_pk>/kinh-phi/lap/", views.estimate_start, name="estimate_start"),
    path(
        "hoi-nghi/<int:conference_pk>/kinh-phi/to-trinh/",
        views.estimate_header,
        name="estimate_header",
    ),
    path("hoi-nghi/<int:conference_pk>/kinh-phi/them-dong/", views.line_add, name="line_add"),
    path("kinh-phi/dong/<int:pk>/", views.line_edit, name="line_edit"),
    path("kinh-phi/dong/<int:pk>/thuc-chi/", views.line_actual, name="line_actual"),
    path("kinh-phi/dong/<int:pk>/xoa/", views.line_delete, name="line_delete"),
    path(
        "hoi-nghi/<int:conference_pk>/kinh-phi/trinh/",
        views.estimate_submit,
        name="estimate_submit",
    ),
    path(
        "hoi-nghi/<int:conference_pk>/kinh-phi/duyet/",
        views.estimate_approve,
        name="estimate_approve",
    ),
    path(
        "hoi-nghi/<int:conference_pk>/kinh-phi/tra-lai/",
        views.estimate_return,
        name="estimate_return",
    ),
    path("quy-thi-dua/", views.fund_ledger, name="fund"),
]
