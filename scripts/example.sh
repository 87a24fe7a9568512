#!/usr/bin/env bash
# The main job on the example case: install what is missing, then check the dossier and build
# everything renders/ holds from it, with the record of what the maps were drawn with
# (renders/environment.json: Graphviz, the text libraries, the font files).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/argmap build claims/mynumber-card.yaml -o renders/ --brief-side jichiroren
.venv/bin/python -m argmap.maps.environment renders/environment.json
