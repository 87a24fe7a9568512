"""The JSON Schema of a dossier file, for editors (yaml-language-server) and other tools."""

from __future__ import annotations

import json
from typing import Any

from .dossier import Dossier

__all__ = ["SCHEMA_ID", "dossier_schema", "schema_text"]

SCHEMA_ID = "https://argmap.invalid/schema/dossier.schema.json"


def dossier_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every dossier file follows."""
    schema = Dossier.model_json_schema(by_alias=True, mode="validation")
    schema["properties"]["$schema"] = {"type": "string", "description": "This schema's address."}
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "argmap dossier"
    return schema


def schema_text() -> str:
    """The schema as deterministic JSON text."""
    return json.dumps(dossier_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
