from django.urls import path

from . import views

app_name = "honorees"

urlpatterns = [
    path("hoi-nghi/<int:conference_pk>/khen-thuong/", views.round_list, name="round_list"),
    path(
        "hoi-nghi/<int:conference_pk>/khen-thuong/mo-dot/", views.round_create, name="round_create"
    ),
    path("khen-thuong/dot/<int:pk>/", views.round_detail, name="round_detail"),
    path("khen-thuong/dot/<int:pk>/sua/", views.round_edit, name="round_edit"),
    path("khen-thuong/dot/<int:pk>/trang-thai/", views.round_state, name="round_state"),
    path("khen-thuong/dot/<int:pk>/chi-tieu/", views.round_quotas, name="round_quotas"),
    path("khen-thuong/dot/<int:pk>/xuat-excel/", views.round_export, name="round_export"),
    path("khen-thuong/dot/<int:pk>/mau-excel/", views.round_template, name="round_template"),
    path("khen-thuong/dot/<int:pk>/binh-xet/", views.council_list, name="council_list"),
    path("khen-thuong/dot/<int:pk>/binh-xet/ghi/", views.council_votes, name="council_votes"),
    path("khen-thuong/dot/<int:pk>/ket-qua-binh-xet/", views.review_tally, name="review_tally"),
    path("khen-thuong/dot/<int:pk>/phien-hop/", views.council_sitting, name="council_sitting"),
    path(
        "khen-thuong/dot/<int:pk>/phien-hop/phieu-van-ban/",
        views.council_written_votes,
        name="council_written_votes",
    ),
    path(
        "khen-thuong/dot/<int:pk>/phien-hop/chot/",
        views.council_finalise,
        name="council_finalise",
    ),
    path(
        "khen-thuong/dot/<int:pk>/so-luong-duoc-khen/",
        views.round_award_limits,
        name="round_award_limits",
    ),
    path(
        "khen-thuong/dot/<int:pk>/dai-bieu-cap-tren/", views.delegates_above, name="delegates_above"
    ),
    path(
        "khen-thuong/dot/<int:pk>/dai-bieu-cap-tren/xuat-excel/",
        views.delegates_export,
        name="delegates_export",
    ),
    path(
        "khen-thuong/dot/<int:pk>/quyet-dinh/them/", views.decision_create, name="decision_create"
    ),
    path("khen-thuong/dot/<int:pk>/don-vi/<int:unit_pk>/", views.unit_round, name="unit_round"),
    path(
        "khen-thuong/dot/<int:pk>/don-vi/<int:unit_pk>/them/<str:kind>/",
        views.nomination_create,
        name="nomination_create",
    ),
    path(
        "khen-thuong/dot/<int:pk>/don-vi/<int:unit_pk>/nhap-excel/",
        views.nomination_import,
        name="nomination_import",
    ),
    path("khen-thuong/ho-so/<int:pk>/", views.nomination_detail, name="nomination_detail"),
    path("khen-thuong/ho-so/<int:pk>/sua/", views.nomination_edit, name="nomination_edit"),
    path("khen-thuong/ho-so/<int:pk>/gui/", views.nomination_submit, name="nomination_submit"),
    path("khen-thuong/ho-so/<int:pk>/rut/", views.nomination_withdraw, name="nomination_withdraw"),
    path(
        "khen-thuong/ho-so/<int:pk>/khoi-phuc/", views.nomination_restore, name="nomination_restore"
    ),
    path("khen-thuong/ho-so/<int:pk>/tra-lai/", views.nomination_return, name="nomination_return"),
    path("khen-thuong/ho-so/<int:pk>/bo-phieu/", views.nomination_vote, name="nomination_vote"),
    path(
        "khen-thuong/ho-so/<int:pk>/chot-ket-qua/",
        views.nomination_finalise,
        name="nomination_finalise",
    ),
    path(
        "khen-thuong/ho-so/<int:pk>/dai-bieu/",
        views.nomination_delegate,
        name="nomination_delegate",
    ),
    path("khen-thuong/ho-so/<int:pk>/tep/", views.nomination_dossier, name="nomination_dossier"),
    path(
        "khen-thuong/ho-so/<int:pk>/xet-vuot-dieu-kien/",
        views.nomination_override,
        name="nomination_override",
    ),
    path("khen-thuong/xet-vuot/<int:pk>/bo/", views.override_withdraw, name="override_withdraw"),
    path("khen-thuong/ho-so/<int:pk>/tinh-trang/", views.nomination_flags, name="nomination_flags"),
    path("khen-thuong/dot/<int:pk>/xin-y-kien/", views.clearance_list, name="clearance_list"),
    path("khen-thuong/dot/<int:pk>/xin-y-kien/gui/", views.clearance_send, name="clearance_send"),
    path("khen-thuong/xin-y-kien/", views.clearance_inbox, name="clearance_inbox"),
    path("khen-thuong/xin-y-kien/<int:pk>/", views.clearance_detail, name="clearance_detail"),
    path(
        "khen-thuong/xin-y-kien/tra-loi/<int:pk>/",
        views.clearance_answer,
        name="clearance_answer",
    ),
    path(
        "khen-thuong/xin-y-kien/xu-ly/<int:pk>/",
        views.clearance_resolve,
        name="clearance_resolve",
    ),
    path("khen-thuong/quyet-dinh/<int:pk>/", views.decision_detail, name="decision_detail"),
    path("khen-thuong/quyet-dinh/<int:pk>/sua/", views.decision_edit, name="decision_edit"),
    path("khen-thuong/quyet-dinh/<int:pk>/duyet/", views.decision_approve, name="decision_approve"),
    path("khen-thuong/quyet-dinh/<int:pk>/tra-lai/", views.decision_return, name="decision_return"),
    path("khen-thuong/quyet-dinh/<int:pk>/kiem-tra/", views.decision_check, name="decision_check"),
    path("khen-thuong/quyet-dinh/<int:pk>/ban-hanh/", views.decision_issue, name="decision_issue"),
    # After issue: verification codes, revocation, reissue, handover; the staff lookup.
    path(
        "khen-thuong/quyet-dinh/<int:pk>/giay-khen/", views.decision_awards, name="decision_awards"
    ),
    path(
        "khen-thuong/quyet-dinh/<int:pk>/cong-khai/",
        views.decision_publication,
        name="decision_publication",
    ),
    path("khen-thuong/quyet-dinh/<int:pk>/thu-hoi/", views.decision_revoke, name="decision_revoke"),
    path(
        "khen-thuong/quyet-dinh/<int:pk>/cap-lai/<int:line_pk>/",
        views.line_reissue,
        name="line_reissue",
    ),
    path(
        "khen-thuong/quyet-dinh/<int:pk>/ban-giao/",
        views.decision_handover,
        name="decision_handover",
    ),
    path(
        "khen-thuong/nhan-giay-khen/<str:source_key>/",
        views.checkin_handover,
        name="checkin_handover",
    ),
    path("khen-thuong/tra-cuu/", views.award_lookup, name="award_lookup"),
    # Public, no login: the verification page of a code printed with a QR code.
    path("xac-minh/", views.verify_form, name="verify_form"),
    path("xac-minh/<str:code>/", views.verify_code, name="verify_code"),
    path("xac-minh/<str:code>/giay-khen.png", views.verify_image, name="verify_image"),
    path("xac-minh/<str:code>/ban-ky-so.pdf", views.verify_signed, name="verify_signed"),
]
