from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from conferences.accounts import PasswordResetView
from conferences.forms import LoginForm
from province.api import api

auth_patterns = [
    path(
        "dang-nhap/",
        auth_views.LoginView.as_view(
            redirect_authenticated_user=True, authentication_form=LoginForm
        ),
        name="login",
    ),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("doi-mat-khau/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "doi-mat-khau/xong/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("quen-mat-khau/", PasswordResetView.as_view(), name="password_reset"),
    path(
        "quen-mat-khau/da-gui/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "dat-lai-mat-khau/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "dat-lai-mat-khau/xong/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

admin.site.site_header = "Quản trị hệ thống thi đua - khen thưởng"
admin.site.site_title = "Quản trị hệ thống"

urlpatterns = [
    path("tai-khoan/", include(auth_patterns)),
    path("quan-tri/", admin.site.urls),
    path("", include("conferences.urls")),
    path("", include("conferences.plans.urls")),
    path("", include("delegates.urls")),
    path("", include("honorees.urls")),
    path("", include("assignments.urls")),
    path("", include("documents.urls")),
    path("", include("core.urls")),
    path("", include("ceremony.urls")),
    path("", include("reports.urls")),
    path("", include("finance.urls")),
    path("", include("province.urls")),
    path("api/v1/", api.urls),
]
