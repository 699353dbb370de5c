"""One settings module for every environment, driven by environment variables.

Defaults are safe for development on one machine: a SQLite file and Celery on kombu's
filesystem transport (no server needed). Production sets DATABASE_URL, REDIS_URL,
SECRET_KEY, DEBUG=false and ALLOWED_HOSTS; nothing exists only in production.
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


class Env(environ.Env):
    """django-environ, where a variable set to nothing (`STATIC_ROOT=` as .env.example lists
    them) counts as not set and takes its default, instead of an empty path (the current
    folder), an empty database URL or `false`."""

    def get_value(self, var, *args, **kwargs):
        name = f"{self.prefix}{var}"
        if self.ENVIRON.get(name) != "":
            return super().get_value(var, *args, **kwargs)
        empty = self.ENVIRON.pop(name)
        try:
            return super().get_value(var, *args, **kwargs)
        finally:
            self.ENVIRON[name] = empty


env = Env()
Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str(
    "SECRET_KEY", default="dev-only-insecure-key-change-me" if DEBUG else environ.Env.NOTSET
)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# A form refused by the CSRF check gets a Vietnamese page (templates/403_csrf.html).
CSRF_FAILURE_VIEW = "config.views.csrf_failure"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "django_filters",
    "import_export",
    "treebeard",
    "core",
    "axes",
    "conferences",
    "delegates",
    "honorees",
    "assignments",
    "documents",
    "ceremony",
    "reports",
    "finance",
    "province",
    "ninja",  # serves its docs page from its own static files, not a CDN
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "core.middleware.NormalizeInputMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "core.middleware.BadParameterMiddleware",
    # Last: turns a login refused for too many failures into the login page with a message.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "conferences.context_processors.navigation",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web process and the worker share the file: wait for locks instead of failing,
    # take the write lock up front, and let readers work during writes (WAL).
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Auth -----------------------------------------------------------------------------------
AUTH_USER_MODEL = "conferences.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
# A login lasts this many seconds (default: a working day of 8 hours).
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 3600)
# django-axes counts failed logins per user name and client address, before the password check.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# 0: locked until an administrator unlocks the account.
LOGIN_LOCKOUT_MINUTES = env.int("LOGIN_LOCKOUT_MINUTES", default=60)
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_LOCKOUT_MINUTES) if LOGIN_LOCKOUT_MINUTES else None
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "conferences.accounts.login_username"
AXES_LOCKOUT_CALLABLE = "conferences.accounts.lockout_response"
AXES_VERBOSE = False  # conferences.accounts logs lockouts in Vietnamese
# Password reset emails: at most this many an hour for one account (and one typed address),
# and this many requests an hour from one client address.
PASSWORD_RESET_EMAILS_PER_HOUR = env.int("PASSWORD_RESET_EMAILS_PER_HOUR", default=3)
PASSWORD_RESET_REQUESTS_PER_HOUR = env.int("PASSWORD_RESET_REQUESTS_PER_HOUR", default=10)
# The public verification page (/xac-minh/): lookups per minute from one address.
VERIFICATION_LOOKUPS_PER_MINUTE = env.int("VERIFICATION_LOOKUPS_PER_MINUTE", default=30)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Language and time ----------------------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
# Numbers grouped 1.500.000 where Django groups them (intcomma): core/formats/vi.
FORMAT_MODULE_PATH = ["core.formats"]
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

# --- Static and media -------------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
# Production: hashed names (cached for a year) and gzip/brotli copies, made by collectstatic.
# The manifest is strict: a file that names a missing one (a source map, a font) fails
# collectstatic instead of every page that links it.
PRODUCTION_STATIC_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": PRODUCTION_STATIC_STORAGE
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

# --- Email ----------------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="thidua@localhost")
# The address people open the site at: links in e-mails are built from it.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Celery, cache --------------------------------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_WORKER_MAX_TASKS_PER_CHILD = env.int("CELERY_WORKER_MAX_TASKS_PER_CHILD", default=200)
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_TASK_ROUTES = {"documents.tasks.*": {"queue": "documents"}}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A request to print answers within seconds when the broker is down (the row then shows the
# failure and a retry button) instead of retrying the publish for long.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 1,
}
# On SIGTERM (with REMAP_SIGTERM=SIGQUIT in the worker's environment, see README) a worker
# gives running tasks this many seconds, then hands them back to the queue and exits:
# a deploy or a reboot never waits for a 30-minute render.
CELERY_WORKER_SOFT_SHUTDOWN_TIMEOUT = env.float("CELERY_WORKER_SOFT_SHUTDOWN_TIMEOUT", default=5.0)
# Longer than the longest job, or Redis hands an unacknowledged task out again (field notes).
CELERY_VISIBILITY_TIMEOUT = env.int("CELERY_VISIBILITY_TIMEOUT", default=4 * 3600)

if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_VISIBILITY_TIMEOUT}
    CELERY_RESULT_BACKEND = REDIS_URL
    CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_VISIBILITY_TIMEOUT}
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    BROKER_DIR = Path(env.str("CELERY_BROKER_DIR", default=str(VAR_DIR / "broker")))
    # kombu's filesystem transport needs its folders before the first message is sent.
    (BROKER_DIR / "processed").mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(BROKER_DIR),
        "data_folder_out": str(BROKER_DIR),
        "processed_folder": str(BROKER_DIR / "processed"),
        # Exchange tables; kombu's default is "control" in the working directory.
        "control_folder": str(BROKER_DIR / "control"),
        "store_processed": False,
        # kombu polls the folder; 1 s (the default) gives about 2 tasks a second (field notes).
        "polling_interval": 0.05,
    }
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }

# --- Forms and UI ---------------------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
IMPORT_EXPORT_SKIP_ADMIN_ACTION_EXPORT_UI = False

# --- Security (production) --------------------------------------------------------------------
# `manage.py check --deploy` reports nothing with the production variables of the README
# (DEBUG=false, SECRET_KEY, BEHIND_TLS_PROXY=true); tests/test_deploy.py holds that.
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
BEHIND_TLS_PROXY = env.bool("BEHIND_TLS_PROXY", default=False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_TLS_PROXY else None
# Off by default: the TLS proxy (nginx) answers plain HTTP with its own redirect, and the
# health check is asked over plain HTTP on the host itself.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Browsers keep to HTTPS for this long once they have seen the site over HTTPS (the header is
# sent on HTTPS responses only).
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
# Login and password-reset throttling count by client address: behind the proxy, the one it
# appends to X-Forwarded-For.
AXES_CLIENT_IP_CALLABLE = "conferences.accounts.client_ip"
SECURE_CONTENT_TYPE_NOSNIFF = True
# No page is shown in a frame, except the plan preview inside the plan editor (its view says so).
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp), in every environment: scripts, styles, fonts, images
# and frames from this site only; no inline script, event handler or style attribute (the
# templates use static/js/app.js and static/css/app.css instead). A <style> element carrying
# the response's nonce is allowed: the plan preview, laid out by the document engine, uses one.
# Bootstrap's stylesheet draws a few icons as data: images.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
SILENCED_SYSTEM_CHECKS = [
    # The HSTS preload list takes whole registered domains (a province's gov.vn), a decision
    # for the domain's owner, not for this application; SECURE_HSTS_PRELOAD=true opts in.
    "security.W021",
]
if BEHIND_TLS_PROXY and not SECURE_SSL_REDIRECT:
    # Behind the proxy the redirect to HTTPS is the proxy's (README, Production deployment).
    SILENCED_SYSTEM_CHECKS.append("security.W008")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "fontTools": {"level": "WARNING"},
        "weasyprint": {"level": "ERROR"},
        # django-axes reports every login in English; conferences.accounts logs lockouts.
        "axes": {"level": "WARNING"},
    },
}

# --- Excel import/export (django-import-export) -------------------------------------------------
IMPORT_EXPORT_IMPORT_IGNORE_BLANK_LINES = True
# Exports go through core.importing.export_xlsx, which writes formula-like text as text
# (a list opened in Excel runs nothing); this flag covers the admin's export too.
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = True
IMPORT_EXPORT_MAX_ROWS = env.int("IMPORT_EXPORT_MAX_ROWS", default=20000)
# A file with more rows than this is checked and written by the worker, with a progress bar.
IMPORT_BACKGROUND_ROWS = env.int("IMPORT_BACKGROUND_ROWS", default=300)

# --- Documents ------------------------------------------------------------------------------
# Generated files are deleted this long after they are made (they can be made again).
DOCUMENTS_EXPIRE_HOURS = env.int("DOCUMENTS_EXPIRE_HOURS", default=72)
# An Excel list longer than this is written by the worker, with a progress bar; a shorter one
# downloads at once.
EXPORT_IN_WORKER_ROWS = env.int("EXPORT_IN_WORKER_ROWS", default=3000)
# The largest signed PDF (bản ký số) a văn thư may upload.
SIGNED_COPY_MAX_BYTES = env.int("SIGNED_COPY_MAX_BYTES", default=20 * 1024 * 1024)
# A render that kills its worker this many times is marked failed instead of looping.
DOCUMENTS_MAX_ATTEMPTS = env.int("DOCUMENTS_MAX_ATTEMPTS", default=3)
# A rendering job whose worker has not refreshed its lease for this long lost its worker
# (kill -9, a crash): it is queued again (or failed after DOCUMENTS_MAX_ATTEMPTS).
DOCUMENTS_LEASE_SECONDS = env.int("DOCUMENTS_LEASE_SECONDS", default=180)

# --- Assignments ----------------------------------------------------------------------------
from celery.schedules import crontab  # noqa: E402

# Agencies are reminded of duties due within this many days (and of late ones), once a day.
ASSIGNMENTS_REMINDER_DAYS = env.int("ASSIGNMENTS_REMINDER_DAYS", default=3)
# The hour (Vietnam time, CELERY_TIMEZONE) at which Celery beat sends the daily reminders.
ASSIGNMENTS_REMINDER_HOUR = env.int("ASSIGNMENTS_REMINDER_HOUR", default=7)
CELERY_BEAT_SCHEDULE = globals().get("CELERY_BEAT_SCHEDULE", {})
CELERY_BEAT_SCHEDULE["assignments-send-due-reminders"] = {
    "task": "assignments.tasks.task_send_due_reminders",
    "schedule": crontab(minute=0, hour=ASSIGNMENTS_REMINDER_HOUR),
}
# Agencies asked for their opinion (xác nhận, hiệp y) are reminded, with the duties, of the
# answers still missing: from this many days before the deadline to CLEARANCE_OVERDUE_DAYS after.
CLEARANCE_REMINDER_DAYS = env.int("CLEARANCE_REMINDER_DAYS", default=2)
CLEARANCE_OVERDUE_DAYS = env.int("CLEARANCE_OVERDUE_DAYS", default=7)
CELERY_BEAT_SCHEDULE["honorees-send-clearance-reminders"] = {
    "task": "honorees.tasks.task_send_clearance_reminders",
    "schedule": crontab(minute=5, hour=ASSIGNMENTS_REMINDER_HOUR),
}
# Renders whose worker died are found within a minute of their lease expiring.
CELERY_BEAT_SCHEDULE["documents-recover-stalled"] = {
    "task": "documents.tasks.task_recover_stalled_documents",
    "schedule": 60.0,
}
# Generated files past DOCUMENTS_EXPIRE_HOURS are removed every hour.
CELERY_BEAT_SCHEDULE["documents-purge-expired"] = {
    "task": "documents.tasks.task_purge_expired_documents",
    "schedule": crontab(minute=15),
}
# Import jobs (and their uploaded files) are removed three days after they were made.
CELERY_BEAT_SCHEDULE["core-purge-import-jobs"] = {
    "task": "core.tasks.task_purge_import_jobs",
    "schedule": crontab(minute=45),
}
