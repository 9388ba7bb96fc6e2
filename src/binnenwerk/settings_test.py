"""Settings for the test suite: the real settings with a throw-away key and fast hashing."""

import os

os.environ.setdefault("BINNENWERK_CLI", "1")

from binnenwerk.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
