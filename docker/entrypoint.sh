#!/bin/sh
# Chooses the process this container runs. exec keeps the Node process as tini's direct child,
# so SIGTERM from `docker stop` reaches it and in-flight work finishes or goes back to the queue.
set -e
role="${1:-api}"
[ $# -gt 0 ] && shift
case "$role" in
  api)     exec node dist/apps/api/src/main.js "$@" ;;
  worker)  exec node dist/apps/worker/src/main.js "$@" ;;
  migrate) exec node dist/apps/cli/src/main.js migrate "$@" ;;
  cli)     exec node dist/apps/cli/src/main.js "$@" ;;
  all)     exec node dist/apps/launcher/src/main.js "$@" ;;
  *) echo "usage: idv api|worker|migrate|all|cli <command> [options]" >&2; exit 2 ;;
esac
