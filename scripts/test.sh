#!/usr/bin/env bash
# Install what the tests need, then run them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
.venv/bin/python -m mypy  # type-check argmap/ (settings in pyproject.toml [tool.mypy])
exec .venv/bin/python -m pytest "$@"
