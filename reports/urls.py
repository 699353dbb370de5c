from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("hoi-nghi/<int:conference_pk>/bao-cao-tong-ket/", views.report_detail, name="detail"),
    path("hoi-nghi/<int:conference_pk>/bao-cao-tong-ket/lap/", views.report_start, name="start"),
    path(
        "hoi-nghi/<int:conference_pk>/bao-cao-tong-ket/phan-dau/",
        views.report_header,
        name="header",
    ),
    path(
        "hoi-nghi/<int:conference_pk>/bao-cao-tong-ket/them-muc/",
        views.section_add,
        name="section_add",
    ),
    path("bao-cao-tong-ket/muc/<int:pk>/", views.section_edit, name="section_edit"),
    path(
        "bao-cao-tong-ket/muc/<int:pk>/chuyen/<str:direction>/",
        views.section_move,
        name="section_move",
    ),
    path("bao-cao-tong-ket/muc/<int:pk>/xoa/", views.section_delete, name="section_delete"),
    path(
        "hoi-nghi/<int:conference_pk>/bao-cao-tong-ket/gui-duyet/",
        views.report_submit,
        name="submit",
    ),
    path(
        "hoi-nghi/<int:conference_pk>/bao-cao-tong-ket/duyet/",
        views.report_approve,
        name="approve",
    ),
    path(
        "hoi-nghi/<int:conference_pk>/bao-cao-tong-ket/tra-lai/",
        views.report_return,
        name="return",
    ),
    path(
        "hoi-nghi/<int:conference_pk>/bao-cao-tong-ket/ban-hanh/",
        views.report_issue,
        name="issue",
    ),
]
