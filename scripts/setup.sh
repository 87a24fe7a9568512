#!/usr/bin/env bash
# Install what argmap needs on a Debian machine where only Python is certain (run as root):
# the Graphviz binary and a CJK font when missing, and argmap itself in .venv/.
#   scripts/setup.sh          what the main command needs
#   scripts/setup.sh --test   and what the tests need
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

packages=()
command -v dot >/dev/null 2>&1 || packages+=(graphviz)
if ! { command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; }; then
  packages+=(fonts-noto-cjk)
fi
# the browser tests drive Debian's Chromium (never a downloaded browser)
if [ $want_test -eq 1 ] && [ ! -x /usr/bin/chromium ]; then
  packages+=(chromium)
fi
# the print tests read Chromium's PDFs with poppler (page count, page images, text per page)
if [ $want_test -eq 1 ] && ! command -v pdftoppm >/dev/null 2>&1; then
  packages+=(poppler-utils)
fi
if [ ${#packages[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "argmap needs: ${packages[*]} (run as root, or: sudo apt-get install ${packages[*]})" >&2
    exit 1
  fi
  echo "installing ${packages[*]} with apt-get" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  if ! python3 -m venv .venv 2>/dev/null; then
    # Debian's own python3 keeps venv in a separate package
    rm -rf .venv
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    python3 -m venv .venv
  fi
fi
extra=""
[ $want_test -eq 1 ] && extra="[test]"
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".${extra}"

# --- Argdown CLI (tests only) -------------------------------------------------------------------
# The tests check every Argdown export against Argdown's own parser, @argdown/cli, pinned by
# tests/argdown-cli/package.json and its lock file and installed into tests/argdown-cli/node_modules
# (git-ignored). Needs node and npm; without them those tests are skipped and say why.
if [ $want_test -eq 1 ]; then
  cli=tests/argdown-cli
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "node/npm not found: the tests that run the Argdown CLI will be skipped" >&2
  elif [ ! -x "$cli/node_modules/.bin/argdown" ] \
      || [ "$cli/package-lock.json" -nt "$cli/node_modules/.package-lock.json" ]; then
    echo "installing the Argdown CLI with npm into $cli/node_modules" >&2
    (cd "$cli" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) \
      || echo "could not install the Argdown CLI: the tests that run it will be skipped" >&2
  fi
fi
# --- end of the Argdown CLI -------------------------------------------------------------------
