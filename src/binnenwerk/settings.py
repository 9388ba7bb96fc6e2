"""Settings, read from the environment with safe defaults.

DEBUG is off unless asked for; SECRET_KEY is required when serving outside debug
mode. Command-line work (import, export, counting) runs with a throw-away key
because it signs nothing.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if DEBUG:
        SECRET_KEY = "django-insecure-alleen-voor-de-demo"
    elif env.bool("BINNENWERK_CLI", default=False):
        SECRET_KEY = get_random_secret_key()
    else:
        raise ImproperlyConfigured("SECRET_KEY ontbreekt: zet de omgevingsvariabele SECRET_KEY.")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "auditlog",
    "axes",
    "django_htmx",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "binnenwerk.accounts",
    "binnenwerk.organisation",
    "binnenwerk.people",
    "binnenwerk.jobs",
    "binnenwerk.imports",
    "binnenwerk.monitor",
    "binnenwerk.recruitment",
    "binnenwerk.contracts",
    "binnenwerk.coaching",
    "binnenwerk.outflow",
    "binnenwerk.absence",
    "binnenwerk.opportunities",
    "binnenwerk.survey",
    "binnenwerk.reports",
    "binnenwerk.demo",
    "binnenwerk.api",
    "binnenwerk.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "binnenwerk.api.middleware.RefuseNulCharacters",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # No page without login except the login page (views opt out with @login_not_required).
    "binnenwerk.web.middleware.LoginRequiredExceptApi",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last: counts failed logins and locks out (django-axes).
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:dashboard"
LOGOUT_REDIRECT_URL = "web:login"
# Lockout after repeated failed logins: per user name and address, for an hour.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "web/locked.html"
AXES_VERBOSE = False

ROOT_URLCONF = "binnenwerk.urls"
WSGI_APPLICATION = "binnenwerk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "binnenwerk.web.context.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": env.db_url(
        "DATABASE_URL", default=f"sqlite:///{PROJECT_DIR / 'binnenwerk.sqlite3'}"
    ),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT: its compile time (0.6 s for the dashboard's teams query at 100,000 people)
    # costs more than it saves on queries of this size (benchmarks/RESULTS.md).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL keeps readers (the web pages) going while an import writes. Reading the file through
    # memory mapping and a 64 MiB page cache took the counter's one-date query at 100,000 people
    # from 0.77 s to 0.51 s (the system calls of page reads were half of it).
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
        " PRAGMA mmap_size=1073741824; PRAGMA cache_size=-65536;"
    )

# Drawn charts and dashboard figures are cached by their data; set CACHE_URL (e.g.
# filecache:///var/tmp/binnenwerk) to share them between processes.
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://binnenwerk")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(PROJECT_DIR / "staticfiles"))

SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 8  # a working day
# The goal Binnenwerk works towards (seeds: "Op naar 1500 Binnenwerk-banen!").
BANEN_DOEL = env.int("BANEN_DOEL", default=1500)
# The contract clock (issue 6): the chain rule of art. 7:668a BW as settings, because a
# collective agreement may be stricter; and how far ahead the worklist looks.
KETEN_MAX_CONTRACTEN = env.int("KETEN_MAX_CONTRACTEN", default=3)
KETEN_MAX_MAANDEN = env.int("KETEN_MAX_MAANDEN", default=36)
KETEN_ONDERBREKING_MAANDEN = env.int("KETEN_ONDERBREKING_MAANDEN", default=6)
CONTRACTKLOK_WEKEN = env.int("CONTRACTKLOK_WEKEN", default=8)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

# The REST API (issue 7): tokens or the session, the web's roles and scope, problem+json errors.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "binnenwerk.api.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["binnenwerk.api.permissions.RolePermission"],
    "DEFAULT_THROTTLE_CLASSES": ["binnenwerk.api.throttling.PerTokenThrottle"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["binnenwerk.api.parsers.StrictJSONParser"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.SearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "binnenwerk.api.pagination.Pagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "binnenwerk.api.problems.problem_exception_handler",
    "SEARCH_PARAM": "zoek",
    "ORDERING_PARAM": "volgorde",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
API_THROTTLE_RATE = env.str("API_THROTTLE_RATE", default="600/minute")
API_TOKEN_MAX_DAGEN = env.int("API_TOKEN_MAX_DAGEN", default=365)
SPECTACULAR_SETTINGS = {
    "TITLE": "Binnenwerk API",
    "DESCRIPTION": (
        "Personen, dienstverbanden, plaatsingen, teams en de banenteller van Binnenwerk. "
        "Aanmelden met een persoonlijk API-token (Authorization: Bearer …) of de sessie; "
        "elke rol ziet wat hij ook in de webapplicatie ziet."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "binnenwerk.api.schema.optional_role_fields",
        "binnenwerk.api.schema.add_problem_responses",
    ],
    "ENUM_NAME_OVERRIDES": {
        "ContractSoortEnum": "binnenwerk.people.constants.ContractSoort",
        "OrganisatieSoortEnum": "binnenwerk.organisation.constants.OrganisatieSoort",
        "KandidaatFaseEnum": "binnenwerk.recruitment.constants.Fase",
        "KansFaseEnum": "binnenwerk.opportunities.constants.Fase",
    },
}

# The Binnenwerk job: one baan is 25.5 hours a week (DOMAIN.md).
BAAN_UREN = "25.5"
