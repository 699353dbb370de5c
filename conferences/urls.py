from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("don-vi/", views.unit_list, name="unit_list"),
    path("don-vi/nhap-excel/", views.unit_import, name="unit_import"),
    path("don-vi/danh-muc-hanh-chinh/", views.official_units_load, name="official_units_load"),
    path("don-vi/mau-excel/", views.unit_template, name="unit_template"),
    path("don-vi/tim/", views.unit_search, name="unit_search"),
    path("don-vi/<int:pk>/", views.unit_detail, name="unit_detail"),
    path("don-vi/<int:pk>/don-vi-con/", views.unit_children, name="unit_children"),
    path("don-vi/<int:pk>/sua/", views.unit_edit, name="unit_edit"),
    path("don-vi/<int:pk>/tham-muu/", views.unit_drafting_for, name="unit_drafting_for"),
    path("don-vi/<int:pk>/chuyen/", views.unit_move, name="unit_move"),
    path("don-vi/<int:parent_pk>/them-don-vi/", views.unit_create, name="unit_create"),
    path("don-vi/<int:pk>/xuat-excel/", views.unit_export, name="unit_export"),
    path("don-vi/<int:pk>/them-nguoi-dung/", views.member_add, name="member_add"),
    path("vai-tro/<int:pk>/go/", views.membership_remove, name="membership_remove"),
    path("vai-tro/<int:pk>/mo-khoa/", views.member_unlock, name="member_unlock"),
    path("hoi-nghi/", views.conference_list, name="conference_list"),
    path("hoi-nghi/them/", views.conference_create, name="conference_create"),
    path("hoi-nghi/<int:pk>/", views.conference_detail, name="conference_detail"),
    path("hoi-nghi/<int:pk>/sua/", views.conference_edit, name="conference_edit"),
    path("nhat-ky/", views.activity_list, name="activity_list"),
]
