"""Reading the curated data files under ``extractors/data``, validated, with errors that name the line."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import DataFileError

M = TypeVar("M", bound=BaseModel)

DATA_DIR = Path(str(resources.files("extractors") / "data"))


def data_path(name: str) -> Path:
    return DATA_DIR / name


def _first_error(err: ValidationError) -> str:
    e = err.errors()[0]
    field = ".".join(str(p) for p in e["loc"]) or "record"
    return f"field {field!r}: {e['msg']}"


def read_yaml(name: str, model: type[M]) -> M:
    """Read ``data/<name>`` as YAML and validate it as ``model``."""
    path = data_path(name)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as err:
        raise DataFileError(str(path), f"cannot read YAML: {err}".splitlines()[0]) from None
    try:
        return model.model_validate(raw)
    except ValidationError as err:
        raise DataFileError(str(path), _first_error(err)) from None


def read_jsonl(name: str | Path, model: type[M]) -> list[M]:
    """Read a JSON Lines data file, one validated record a line; blank and ``//`` lines are skipped."""
    path = name if isinstance(name, Path) else data_path(name)
    records: list[M] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise DataFileError(str(path), f"cannot read: {err.strerror}") from None
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            records.append(model.model_validate(json.loads(line)))
        except json.JSONDecodeError as err:
            raise DataFileError(str(path), f"not JSON: {err.msg}", number) from None
        except ValidationError as err:
            raise DataFileError(str(path), _first_error(err), number) from None
    return records
