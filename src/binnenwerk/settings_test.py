"""Settings for the test suite: the real settings with a throw-away key and fast hashing."""

import os

os.environ.setdefault("BINNENWERK_CLI", "1")
# Fictitious people only: the development BSN keys, also for the tests' subprocesses.
os.environ.setdefault("BINNENWERK_ONTWIKKELSLEUTELS", "1")

from binnenwerk.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# The test client speaks plain HTTP: no redirect to HTTPS (production keeps it on).
SECURE_SSL_REDIRECT = False

# Password logins without a second step, as in the demo; tests of two-factor switch it on.
TWEE_FACTOR_VERPLICHT = False
