from django.urls import path

from . import job_views

urlpatterns = [
    path("nhap-excel/<int:pk>/", job_views.import_job, name="import_job"),
    path("nhap-excel/<int:pk>/tien-do/", job_views.import_job_progress, name="import_job_progress"),
    path("nhap-excel/<int:pk>/chay/", job_views.import_job_run, name="import_job_run"),
    path("nhap-excel/<int:pk>/ghi/", job_views.import_held_write, name="import_held_write"),
]
