from django.urls import path

from . import views

urlpatterns = [
    path("hoi-nghi/<int:conference_pk>/ke-hoach/", views.plan_start, name="plan_start"),
    path("ke-hoach/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("ke-hoach/<int:pk>/phan-dau/", views.plan_header, name="plan_header"),
    path("ke-hoach/<int:pk>/them-muc/", views.section_add, name="plan_section_add"),
    path("ke-hoach/<int:pk>/sap-xep/", views.sections_reorder, name="plan_sections_reorder"),
    path("ke-hoach/<int:pk>/gui-duyet/", views.plan_submit, name="plan_submit"),
    path("ke-hoach/<int:pk>/duyet/", views.plan_review, name="plan_review"),
    path("ke-hoach/<int:pk>/gop-y/", views.plan_comment, name="plan_comment"),
    path("ke-hoach/<int:pk>/phe-duyet/", views.plan_approve, name="plan_approve"),
    path("ke-hoach/<int:pk>/tra-lai/", views.plan_return, name="plan_return"),
    path("ke-hoach/<int:pk>/kiem-tra/", views.plan_check, name="plan_check"),
    path("ke-hoach/<int:pk>/ban-hanh/", views.plan_issue, name="plan_issue"),
    path("ke-hoach/<int:pk>/sua-doi/", views.plan_amend, name="plan_amend"),
    path("muc-ke-hoach/<int:pk>/sua/", views.section_edit, name="plan_section_edit"),
    path(
        "muc-ke-hoach/<int:pk>/chuyen/<str:direction>/",
        views.section_move,
        name="plan_section_move",
    ),
    path("muc-ke-hoach/<int:pk>/xoa/", views.section_delete, name="plan_section_delete"),
]
