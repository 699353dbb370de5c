from django.urls import path, register_converter

from . import views


class DirectionConverter:
    regex = "len|xuong"

    def to_python(self, value: str) -> str:
        return "up" if value == "len" else "down"

    def to_url(self, value: str) -> str:
        return "len" if value in ("up", "len") else "xuong"


register_converter(DirectionConverter, "direction")

urlpatterns = [
    path(
        "hoi-nghi/<int:conference_pk>/phan-cong/",
        views.assignment_board,
        name="assignment_board",
    ),
    path(
        "hoi-nghi/<int:conference_pk>/phan-cong/them/",
        views.assignment_create,
        name="assignment_create",
    ),
    path(
        "hoi-nghi/<int:conference_pk>/tien-do/",
        views.timeline,
        name="assignment_timeline",
    ),
    path(
        "hoi-nghi/<int:conference_pk>/moc-thoi-gian/them/",
        views.milestone_create,
        name="milestone_create",
    ),
    path("phan-cong/<int:pk>/sua/", views.assignment_edit, name="assignment_edit"),
    path("phan-cong/<int:pk>/xoa/", views.assignment_delete, name="assignment_delete"),
    path(
        "phan-cong/<int:pk>/chuyen/<direction:direction>/",
        views.assignment_move,
        name="assignment_move",
    ),
    path("phan-cong/<int:pk>/ap-dung-mau/", views.template_apply, name="template_apply"),
    path("phan-cong/<int:assignment_pk>/them-nhiem-vu/", views.duty_create, name="duty_create"),
    path("phan-cong/<int:assignment_pk>/sap-xep/", views.duty_reorder, name="duty_reorder"),
    path("phan-cong/<int:pk>/nhiem-vu/", views.assignment_duties, name="assignment_duties"),
    path("nhiem-vu/cua-toi/", views.my_duties, name="my_duties"),
    path("nhiem-vu/don-vi/<int:unit_pk>/", views.unit_duties, name="unit_duties"),
    path("nhiem-vu/<int:pk>/", views.duty_report, name="duty_report"),
    path("nhiem-vu/<int:pk>/sua/", views.duty_edit, name="duty_edit"),
    path("nhiem-vu/<int:pk>/xoa/", views.duty_delete, name="duty_delete"),
    path("nhiem-vu/<int:pk>/chuyen/<direction:direction>/", views.duty_move, name="duty_move"),
    path("bao-cao-nhiem-vu/<int:pk>/tep/", views.update_file, name="duty_update_file"),
    path("moc-thoi-gian/<int:pk>/sua/", views.milestone_edit, name="milestone_edit"),
    path("moc-thoi-gian/<int:pk>/xoa/", views.milestone_delete, name="milestone_delete"),
    path(
        "moc-thoi-gian/<int:pk>/chuyen/<direction:direction>/",
        views.milestone_move,
        name="milestone_move",
    ),
]
