#!/usr/bin/env bash
# The main job on the example case: install what is missing, then check the dossier and build
# everything renders/ holds from it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/argmap build claims/mynumber-card.yaml -o renders/ --brief-side jichiroren
