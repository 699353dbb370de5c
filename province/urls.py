from django.urls import path

from . import views

app_name = "province"

urlpatterns = [
    path("tinh/", views.index, name="index"),
    path("tinh/khoa-api/", views.token_list, name="token_list"),
    path("tinh/khoa-api/<int:pk>/thu-hoi/", views.token_revoke, name="token_revoke"),
    path("tinh/<int:pk>/", views.rollup, name="rollup"),
    path("tinh/<int:pk>/xuat-excel/", views.rollup_export, name="rollup_export"),
    path("tinh/<int:pk>/thong-ke/", views.statistics, name="statistics"),
    path("tinh/<int:pk>/thong-ke/xuat-excel/", views.statistics_export, name="statistics_export"),
    path("tinh/<int:pk>/thong-ke/xuat-pdf/", views.statistics_pdf, name="statistics_pdf"),
    path("tinh/<int:pk>/sap-nhap/", views.successions, name="successions"),
    path("tinh/<int:pk>/sap-nhap/nhap-excel/", views.successions_import, name="successions_import"),
    path(
        "tinh/<int:pk>/sap-nhap/<int:succession_pk>/bo/",
        views.succession_remove,
        name="succession_remove",
    ),
    path("tinh/<int:pk>/don-vi/<int:unit_pk>/", views.commune, name="commune"),
]
