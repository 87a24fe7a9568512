#!/usr/bin/env bash
# Install what the tests need, then run them. With arguments, they go to pytest as they are.
# Without, the whole suite runs, then the tests that compare output with committed golden files
# run again under another PYTHONHASHSEED: the goldens must not depend on the hash seed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
.venv/bin/python -m mypy  # type-check argmap/ (settings in pyproject.toml [tool.mypy])
if [ $# -gt 0 ]; then
  exec .venv/bin/python -m pytest "$@"
fi
echo "PYTHONHASHSEED=1: the whole suite" >&2
PYTHONHASHSEED=1 .venv/bin/python -m pytest
echo "PYTHONHASHSEED=2: the golden tests again" >&2
PYTHONHASHSEED=2 .venv/bin/python -m pytest -m golden
