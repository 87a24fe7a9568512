#!/usr/bin/env bash
# Install what argmap needs on a Debian machine where only Python is certain (run as root):
# argmap itself in .venv/, then with apt-get whatever is missing of the Graphviz binary,
# fontconfig and the fonts the maps name (the packages argmap.maps.fonts lists).
#   scripts/setup.sh          what the main command needs
#   scripts/setup.sh --test   and what the tests need (Python test packages, Chromium)
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "argmap needs: $* (run as root, or: sudo apt-get install $*)" >&2
    exit 1
  fi
  echo "installing $* with apt-get" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if [ ! -x .venv/bin/python ]; then
  if ! python3 -m venv .venv 2>/dev/null; then
    # Debian's own python3 keeps venv in a separate package
    rm -rf .venv
    apt_install python3-venv
    python3 -m venv .venv
  fi
fi
extra=""
[ $want_test -eq 1 ] && extra="[test]"
# constraints.txt pins the packages whose versions change the bytes of renders/
.venv/bin/python -m pip install -q --disable-pip-version-check -c scripts/constraints.txt \
  -e ".${extra}"

packages=()
command -v dot >/dev/null 2>&1 || packages+=(graphviz)
command -v fc-match >/dev/null 2>&1 || packages+=(fontconfig)
# every font a map names, from its one table (all of them when fontconfig is not there yet)
mapfile -t fonts < <(.venv/bin/python -c \
  'from argmap.maps.fonts import missing_packages; print(*missing_packages(), sep="\n")')
for package in "${fonts[@]}"; do
  [ -n "$package" ] && packages+=("$package")
done
# the browser tests drive Debian's Chromium (never a downloaded browser) through Playwright,
# whose driver (a Node.js binary) needs libatomic
if [ $want_test -eq 1 ]; then
  [ -x /usr/bin/chromium ] || packages+=(chromium)
  # the print tests read Chromium's PDFs with poppler (page count, page images, text per page)
  command -v pdftoppm >/dev/null 2>&1 || packages+=(poppler-utils)
  libraries=$(ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null || true)
  [[ $libraries == *libatomic.so.1* ]] || packages+=(libatomic1)
fi
if [ ${#packages[@]} -gt 0 ]; then
  apt_install "${packages[@]}"
fi

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
