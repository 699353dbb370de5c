app_name = "ceremony"

urlpatterns: list = []
