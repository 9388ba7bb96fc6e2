"""Settings, read from the environment with safe defaults.

DEBUG is off unless asked for; SECRET_KEY is required when serving outside debug
mode. Command-line work (import, export, counting) runs with a throw-away key
because it signs nothing.
"""

from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if DEBUG:
        # bandit B105: the demo's key, used only with DJANGO_DEBUG on.
        SECRET_KEY = "django-insecure-alleen-voor-de-demo"  # nosec B105
    elif env.bool("BINNENWERK_CLI", default=False):
        SECRET_KEY = get_random_secret_key()
    else:
        raise ImproperlyConfigured("SECRET_KEY ontbreekt: zet de omgevingsvariabele SECRET_KEY.")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    # The admin for the reference data only, by role (web/admin_site.py).
    "binnenwerk.web.apps.BinnenwerkAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "csp",
    "auditlog",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
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
    "binnenwerk.privacy_export",
    "binnenwerk.retention",
    "binnenwerk.demo",
    "binnenwerk.api",
    "binnenwerk.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "binnenwerk.web.middleware.PermissionsPolicy",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "binnenwerk.api.middleware.RefuseNulCharacters",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Second step for administrators and HR after a password (django-otp; web/two_factor.py).
    "django_otp.middleware.OTPMiddleware",
    "binnenwerk.web.two_factor.SecondStepRequired",
    # No page without login except the login page (views opt out with @login_not_required).
    "binnenwerk.web.middleware.LoginRequiredExceptApi",
    # The privacy officer sees the access log only: 404 everywhere else (least privilege).
    "binnenwerk.web.least_privilege.AccessLogOnly",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Notices of account changes made by others, and a one-time password replaced first.
    "binnenwerk.web.password_change.AccountNotices",
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
# Lockout after repeated failed logins: per user name AND client address together, for an
# hour; failures from one address never lock the account for a colleague at another address.
# The address is the client's behind TRUSTED_PROXY_COUNT proxies (binnenwerk/client_address.py).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "binnenwerk.client_address.client_address"
AXES_LOCKOUT_TEMPLATE = "web/locked.html"
AXES_VERBOSE = False

# --- Client address and the survey's codes (issue 18, items 6 and 10) ------------------------
# TRUSTED_PROXY_COUNT: how many reverse proxies in front of the app append to X-Forwarded-For
# (nginx with `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;`: 1). 0: no proxy,
# REMOTE_ADDR is the client and the header is ignored. The client is the address that many
# hops from the right of the header; what a client wrote into it itself is never used. One rule
# for the login lockout, the API's throttle (NUM_PROXIES below), the survey and the access log.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT moet 0 (geen proxy) of meer zijn.")
# Wrong survey codes: at most this many per client address and per browser session within the
# window; then the start page asks to wait (no code is checked meanwhile).
ONDERZOEK_CODE_POGINGEN_ADRES = env.int("ONDERZOEK_CODE_POGINGEN_ADRES", default=10)
ONDERZOEK_CODE_POGINGEN_SESSIE = env.int("ONDERZOEK_CODE_POGINGEN_SESSIE", default=5)
ONDERZOEK_CODE_WACHTTIJD_MINUTEN = env.int("ONDERZOEK_CODE_WACHTTIJD_MINUTEN", default=15)
# Answers in progress are kept encrypted (Fernet) in the session, and refused this many minutes
# after the last answer; the anonymous answering session itself expires then too.
ONDERZOEK_CONCEPT_MINUTEN = env.int("ONDERZOEK_CONCEPT_MINUTEN", default=60)

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
    # SQLite has no row locks (select_for_update does nothing): a transaction takes the write
    # lock when it begins, so that of two saves of the same record the second waits and then
    # sees the first (a 412 or a refused form, as on PostgreSQL) instead of "database is
    # locked" halfway.
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"

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

# Production (issue 11): HTTPS only, behind a TLS-terminating proxy. `manage.py check --deploy`
# is clean with DJANGO_DEBUG off, a SECRET_KEY of 50+ random characters and ALLOWED_HOSTS.
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
# No script reads the CSRF cookie: forms carry the token, the API docs get it from the page.
CSRF_COOKIE_HTTPONLY = True
# Lax, not Strict: a link to the app from mail or another site must arrive signed in.
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 8  # a working day
# Origins (scheme and host) whose forms may post here, e.g. https://binnenwerk.example.nl.
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SECURE_SSL_REDIRECT = not DEBUG and env.bool("SECURE_SSL_REDIRECT", default=True)
# Trust X-Forwarded-Proto only when the proxy in front sets it (and strips what clients send):
# otherwise any client could claim HTTPS.
if env.bool("SECURE_PROXY_SSL_HEADER", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# HSTS for a year, subdomains included. Preload only matters once the registrable domain itself
# is submitted to the browsers' preload list (hstspreload.org takes no subdomains); turn it off
# with SECURE_HSTS_PRELOAD=0 when the domain's owner does not want that.
SECURE_HSTS_SECONDS = 0 if DEBUG else env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Browser features the app never uses, switched off for every page (web/middleware.py).
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}
# Content-Security-Policy (django-csp): every script, style, image and font comes from the app
# itself; no inline script or style, no eval. Charts are SVG with presentation attributes
# (web/charts.py). Only the API's documentation pages get more (api/urls.py says why).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}
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
    # The role first (401/404/403), then the query: parameters the operation's schema does
    # not list, empty or repeated ones are refused (400) on every endpoint (api/contract.py).
    "DEFAULT_PERMISSION_CLASSES": [
        "binnenwerk.api.permissions.RolePermission",
        "binnenwerk.api.permissions.KnownQueryParameters",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["binnenwerk.api.throttling.PerTokenThrottle"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["binnenwerk.api.parsers.StrictJSONParser"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.SearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "binnenwerk.api.pagination.Pagination",
    "DEFAULT_SCHEMA_CLASS": "binnenwerk.api.contract.ContractSchema",
    "EXCEPTION_HANDLER": "binnenwerk.api.problems.problem_exception_handler",
    "SEARCH_PARAM": "zoek",
    "ORDERING_PARAM": "volgorde",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    # Anonymous requests are throttled per client address: the same rule as client_address.py.
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
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

# Retention (issue 11): how long personal data is kept after the event; `binnenwerk opschonen`
# deletes or anonymises what is older (retention/). People: 7 years, the fiscal retention of
# payroll data (art. 52 AWR); candidates: 4 weeks, with consent 1 year (NVP Sollicitatiecode).
RETENTION = {
    "coaching_jaren": env.int("RETENTION_COACHING_JAREN", default=2),
    "verzuim_jaren": env.int("RETENTION_VERZUIM_JAREN", default=2),
    "kandidaat_weken": env.int("RETENTION_KANDIDAAT_WEKEN", default=4),
    "kandidaat_toestemming_jaren": env.int("RETENTION_KANDIDAAT_TOESTEMMING_JAREN", default=1),
    "inzage_jaren": env.int("RETENTION_INZAGE_JAREN", default=5),
    "medewerker_jaren": env.int("RETENTION_MEDEWERKER_JAREN", default=7),
}

# --- BSN encryption, privacy-safe logs and error reports (issue 11, item 3) -------------------
# BSN_SLEUTELS: comma-separated Fernet keys; the FIRST encrypts, every one decrypts (rotation:
# put a new key first, run `binnenwerk bsn-sleutels-roteren`, then drop the old key).
# BSN_ZOEKSLEUTEL: a separate secret for the keyed hash (HMAC-SHA256) that BSN lookups use.
# Without them, fixed development keys are derived below for debug mode, the tests
# (BINNENWERK_ONTWIKKELSLEUTELS=1) and command-line work on a SQLite file: anyone can derive
# them, so they protect nothing. Command-line work on PostgreSQL (production) and serving in
# production stop with ImproperlyConfigured instead, so that no real BSN is ever encrypted
# with a public key.
BSN_SLEUTELS = env.list("BSN_SLEUTELS", default=[])
BSN_ZOEKSLEUTEL = env.str("BSN_ZOEKSLEUTEL", default="")
if not BSN_SLEUTELS or not BSN_ZOEKSLEUTEL:
    _sqlite_cli = env.bool("BINNENWERK_CLI", default=False) and DATABASES["default"][
        "ENGINE"
    ].endswith("sqlite3")
    if DEBUG or _sqlite_cli or env.bool("BINNENWERK_ONTWIKKELSLEUTELS", default=False):
        from binnenwerk.crypto import development_keys

        _dev_sleutels, _dev_zoeksleutel = development_keys("binnenwerk-ontwikkeling")
        BSN_SLEUTELS = BSN_SLEUTELS or _dev_sleutels
        BSN_ZOEKSLEUTEL = BSN_ZOEKSLEUTEL or _dev_zoeksleutel
    else:
        raise ImproperlyConfigured(
            "BSN_SLEUTELS of BSN_ZOEKSLEUTEL ontbreekt: zet beide omgevingsvariabelen "
            "(zie de README, 'BSN-sleutels')."
        )

# Logs never show a BSN: every handler masks nine digits that pass the 11-proef.
_logging: dict[str, dict[str, dict[str, object]]] = LOGGING  # type: ignore[assignment]
_logging.setdefault("filters", {})["bsn_maskeren"] = {"()": "binnenwerk.privacy.MaskBSNFilter"}
for _handler in _logging["handlers"].values():
    _handler["filters"] = [*_handler.get("filters", []), "bsn_maskeren"]  # type: ignore[misc]
# Error reports hide BSN, indication, absence and coaching fields and the keys above.
DEFAULT_EXCEPTION_REPORTER_FILTER = "binnenwerk.privacy.PrivacyExceptionReporterFilter"

# --- Login for the Rijk (issue 11, item 2): OpenID Connect, two-factor, unlock ----------------
# Two-factor (TOTP) for administrators and HR who sign in with a password; a Rijksaccount (OIDC)
# brings the Rijk's own MFA. On by default, off in the demo (DEBUG) and in the tests.
TWEE_FACTOR_VERPLICHT = env.bool("TWEE_FACTOR_VERPLICHT", default=not DEBUG)
OTP_TOTP_ISSUER = "Binnenwerk"
# OpenID Connect (mozilla-django-oidc), on when OIDC_RP_CLIENT_ID is set; then the client
# secret and the provider's endpoints are required. OIDC_ROLLEN maps values of the claims named
# in OIDC_ROLLEN_CLAIM to roles ("urn:…:hr=personeelszaken,urn:…:beheer=beheerder"); a user
# with none of them is refused. The user name is the claim OIDC_GEBRUIKERSNAAM_CLAIM.
OIDC_RP_CLIENT_ID = env.str("OIDC_RP_CLIENT_ID", default="")
OIDC_ENABLED = bool(OIDC_RP_CLIENT_ID)
OIDC_ROLLEN_CLAIM = env.list("OIDC_ROLLEN_CLAIM", default=["roles", "groups"])
OIDC_ROLLEN = env.str("OIDC_ROLLEN", default="")
OIDC_GEBRUIKERSNAAM_CLAIM = env.str("OIDC_GEBRUIKERSNAAM_CLAIM", default="email")
OIDC_RP_SCOPES = env.str("OIDC_RP_SCOPES", default="openid email profile")
OIDC_RP_SIGN_ALGO = env.str("OIDC_RP_SIGN_ALGO", default="RS256")
OIDC_USE_PKCE = True
OIDC_CALLBACK_CLASS = "binnenwerk.accounts.oidc.RijksCallbackView"
if OIDC_ENABLED:
    OIDC_RP_CLIENT_SECRET = env.str("OIDC_RP_CLIENT_SECRET")
    OIDC_OP_AUTHORIZATION_ENDPOINT = env.str("OIDC_OP_AUTHORIZATION_ENDPOINT")
    OIDC_OP_TOKEN_ENDPOINT = env.str("OIDC_OP_TOKEN_ENDPOINT")
    OIDC_OP_USER_ENDPOINT = env.str("OIDC_OP_USER_ENDPOINT")
    OIDC_OP_JWKS_ENDPOINT = env.str("OIDC_OP_JWKS_ENDPOINT", default="") or None
    OIDC_TIMEOUT = env.int("OIDC_TIMEOUT", default=10)
    AUTHENTICATION_BACKENDS = [
        *AUTHENTICATION_BACKENDS,
        "binnenwerk.accounts.oidc.RijksOIDCBackend",
    ]

# --- The bounded reader of every upload (issue 18) -------------------------------------------
# Import files (binnenwerk import, /import/, the monitor's import) are read within these limits
# and refused beyond them with a located message (binnenwerk.imports.limits). The defaults admit
# a synthetic organisation of 100,000 people (530,000 rows, at most 224,000 in one sheet, 2.8
# million cells; a 15 MB workbook of 141 MB XML) with a margin. Sizes in bytes; rows per sheet;
# cells in the whole upload; cell length in characters (at most 131,072).
IMPORT_MAX_UPLOAD_BYTES = env.int("IMPORT_MAX_UPLOAD_BYTES", default=100 * 1024 * 1024)
IMPORT_MAX_INFLATED_BYTES = env.int("IMPORT_MAX_INFLATED_BYTES", default=512 * 1024 * 1024)
IMPORT_MAX_ZIP_ENTRIES = env.int("IMPORT_MAX_ZIP_ENTRIES", default=1000)
IMPORT_MAX_ZIP_RATIO = env.int("IMPORT_MAX_ZIP_RATIO", default=200)
IMPORT_MAX_ROWS = env.int("IMPORT_MAX_ROWS", default=1_000_000)
IMPORT_MAX_COLUMNS = env.int("IMPORT_MAX_COLUMNS", default=100)
IMPORT_MAX_CELLS = env.int("IMPORT_MAX_CELLS", default=5_000_000)
IMPORT_MAX_CELL_LENGTH = env.int("IMPORT_MAX_CELL_LENGTH", default=32_767)
IMPORT_ERRORS_LISTED = env.int("IMPORT_ERRORS_LISTED", default=1000)
IMPORT_MONITOR_MAX_UPLOAD_BYTES = env.int("IMPORT_MONITOR_MAX_UPLOAD_BYTES", default=1024 * 1024)
# The web import keeps a checked file here (0600 in a 0700 folder) until it is confirmed;
# empty: binnenwerk-uploads in the system's temporary folder.
IMPORT_UPLOAD_DIR = env.str("IMPORT_UPLOAD_DIR", default="")
# binnenwerk restore refuses a backup whose members declare more than this when unpacked, or
# one that unpacks to more than RESTORE_MAX_ZIP_RATIO times its packed size, before unpacking.
RESTORE_MAX_BYTES = env.int("RESTORE_MAX_BYTES", default=64 * 1024**3)
RESTORE_MAX_ZIP_RATIO = env.int("RESTORE_MAX_ZIP_RATIO", default=200)
