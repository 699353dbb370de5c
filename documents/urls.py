from django.urls import path

from . import views

urlpatterns = [
    path(
        "van-ban/in/<slug:kind>/<int:target_pk>/", views.document_request, name="document_request"
    ),
    path("van-ban/<int:pk>/", views.document_detail, name="document_detail"),
    path("ke-hoach/<int:pk>/xem-truoc/", views.plan_preview, name="plan_preview"),
    path(
        "hoi-nghi/<int:conference_pk>/bao-cao-tong-ket/xem-truoc/",
        views.report_preview,
        name="report_preview",
    ),
    path("van-ban/<int:pk>/tien-do/", views.document_progress, name="document_progress"),
    path("van-ban/<int:pk>/tai-ve/", views.document_download, name="document_download"),
    path("van-ban/<int:pk>/trang-<int:page>.png", views.document_preview, name="document_preview"),
    path("van-ban/<int:pk>/tao-lai/", views.document_retry, name="document_retry"),
    path("hoi-nghi/<int:pk>/van-ban/", views.conference_documents, name="conference_documents"),
    path(
        "van-ban/ky-so/<slug:kind>/<int:pk>/tai-len/",
        views.signed_copy_upload,
        name="signed_copy_upload",
    ),
    path(
        "van-ban/ky-so/<slug:kind>/<int:pk>/ban-chinh-thuc/",
        views.signed_official_download,
        name="signed_official_download",
    ),
    path(
        "don-vi/<int:unit_pk>/mau-in/<slug:kind>/",
        views.certificate_settings,
        name="certificate_settings",
    ),
]
