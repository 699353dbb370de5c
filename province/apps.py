from django.apps import AppConfig


class ProvinceConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "province"
    verbose_name = "Tổng hợp cấp tỉnh"
