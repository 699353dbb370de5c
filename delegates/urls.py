from django.urls import path

from .views import allocation, checkin, composition, register, seating, units

P = "hoi-nghi/<int:conference_pk>/dai-bieu/"

urlpatterns = [
    path(P, composition.composition, name="delegates_composition"),
    path(P + "kiem-tra/", composition.composition_checks, name="delegates_checks"),
    path(P + "thanh-phan/them/", composition.category_create, name="delegates_category_create"),
    path(P + "thanh-phan/<int:pk>/sua/", composition.category_edit, name="delegates_category_edit"),
    path(
        P + "thanh-phan/<int:pk>/xoa/",
        composition.category_delete,
        name="delegates_category_delete",
    ),
    path(
        P + "thanh-phan/<int:pk>/so-luong/",
        composition.category_target,
        name="delegates_category_target",
    ),
    path(P + "quy-dinh/them/", composition.rule_create, name="delegates_rule_create"),
    path(P + "quy-dinh/<int:pk>/xoa/", composition.rule_delete, name="delegates_rule_delete"),
    path(P + "han-dang-ky/", composition.round_edit, name="delegates_round_edit"),
    path(P + "phan-bo/", allocation.allocation, name="delegates_allocation"),
    path(P + "phan-bo/thong-bao/", allocation.allocation_notify, name="delegates_notify"),
    path(P + "don-vi/<int:unit_pk>/", units.unit_page, name="delegates_unit"),
    path(
        P + "don-vi/<int:unit_pk>/mau-excel/", units.unit_template, name="delegates_unit_template"
    ),
    path(P + "don-vi/<int:unit_pk>/nhap-excel/", units.unit_import, name="delegates_unit_import"),
    path(P + "danh-sach/", register.register, name="delegates_register"),
    path(P + "danh-sach/xuat-excel/", register.register_export, name="delegates_export"),
    path(P + "giay-moi/", register.invitations, name="delegates_invitations"),
    path(
        P + "giay-moi/ngay-ky/",
        register.invitation_date,
        name="delegates_invitation_date",
    ),
    path(P + "them/", register.delegate_create, name="delegates_create"),
    path(P + "<int:pk>/sua/", register.delegate_edit, name="delegates_edit"),
    path(P + "<int:pk>/xoa/", register.delegate_delete, name="delegates_delete"),
    path(P + "<int:pk>/gop/<int:other_pk>/", register.delegate_merge, name="delegates_merge"),
    path(P + "<int:pk>/tinh-trang/", register.delegate_status, name="delegates_status"),
    path(P + "tinh-trang/", register.delegate_status_bulk, name="delegates_status_bulk"),
    path(P + "bao-cao/", register.composition_report, name="delegates_report"),
    path(P + "don-tiep/", checkin.checkin, name="delegates_checkin"),
    path(P + "don-tiep/tim/", checkin.checkin_search, name="delegates_checkin_search"),
    path(P + "don-tiep/so-lieu/", checkin.checkin_counts, name="delegates_checkin_counts"),
    path(P + "don-tiep/ma/", checkin.check_in_token, name="delegates_check_in_token"),
    path(P + "don-tiep/<int:pk>/co-mat/", checkin.check_in, name="delegates_check_in"),
    path(P + "don-tiep/<int:pk>/bo-co-mat/", checkin.undo_check_in, name="delegates_check_in_undo"),
    path(P + "cho-ngoi/", seating.seating, name="delegates_seating"),
    path(P + "cho-ngoi/thiet-lap/", seating.seating_setup, name="delegates_seating_setup"),
    path(P + "cho-ngoi/tu-dong/", seating.seating_auto, name="delegates_seating_auto"),
    path(P + "cho-ngoi/chuyen/", seating.seating_move, name="delegates_seating_move"),
    path(P + "cho-ngoi/danh-sach/", seating.seating_list, name="delegates_seating_list"),
]
