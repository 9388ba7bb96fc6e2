#!/bin/sh
# The container's entry point: `serve` (the default) migrates the database, then runs gunicorn
# (`binnenwerk serve`); any other command runs as `binnenwerk …` (e.g. `banen --peildatum …`).
set -eu
[ "$#" -gt 0 ] || set -- serve
if [ "$1" = "serve" ]; then
    binnenwerk migrate --no-input
fi
exec binnenwerk "$@"
