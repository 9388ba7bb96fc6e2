#!/usr/bin/env python
"""Django's manage.py; `binnenwerk` (src/binnenwerk/cli.py) is the friendlier entry point."""

import os
import sys

if __name__ == "__main__":
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "binnenwerk.settings")
    os.environ.setdefault("BINNENWERK_CLI", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
