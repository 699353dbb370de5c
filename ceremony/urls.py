from django.urls import path

from . import views

app_name = "ceremony"

BASE = "hoi-nghi/<int:conference_pk>/le-trao-thuong/"
urlpatterns = [
    path(BASE, views.ceremony_script, name="script"),
    path(f"{BASE}luot/<int:number>/", views.ceremony_group, name="group"),
    path(f"{BASE}luot/<int:number>/tao-lai/", views.ceremony_regenerate, name="regenerate"),
    path(f"{BASE}nguoi-duoc-khen/", views.honouree_list, name="honourees"),
    path(f"{BASE}nguoi-duoc-khen/<int:line_pk>/", views.honouree_profile, name="profile"),
    path(f"{BASE}anh/<int:line_pk>.jpg", views.honouree_photo, name="photo"),
    path(f"{BASE}anh-nen.jpg", views.slides_background, name="background"),
    path(f"{BASE}trinh-chieu/tao-pptx/", views.slides_pptx, name="pptx"),
    path("hoi-nghi/<int:conference_pk>/trinh-chieu/", views.slides_show, name="slides"),
    path(f"{BASE}bang-vinh-danh/tao-zip/", views.board_export, name="board_export"),
    path("vinh-danh/<int:conference_pk>/", views.honour_board, name="board"),
]
