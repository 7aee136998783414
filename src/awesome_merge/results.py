"""Reading a run's CSV outputs back with the right types: `read_outputs("output/")["papers"]`.

Why not plain `pd.read_csv`: it guesses types, so the arXiv id `2410.11540` becomes the float `2410.1154`, a
DOI column of digits loses its zeros, and a year column with one blank becomes floats (2024.0).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

__all__ = ["NUMBER_COLUMNS", "read_csv_output", "read_outputs"]

# Columns the tool writes as numbers; every other column is text (identifiers included).
NUMBER_COLUMNS = {
    "year": "Int64",
    "n_entries": "Int64",
    "line": "Int64",
    "a_line": "Int64",
    "b_line": "Int64",
    "score": "Float64",
}
# The writer prefixes a cell that a spreadsheet would run as a formula with `'`; reading undoes it.
_FORMULA_START = ("'=", "'+", "'-", "'@", "'\t", "'\r")


def _unguard(value: str) -> str:
    return value[1:] if value.startswith(_FORMULA_START) else value


def read_csv_output(path: str | Path) -> pd.DataFrame:
    """One CSV the tool wrote: text columns as pandas strings (empty cells ""), number columns nullable."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    for column in frame.columns:
        if column in NUMBER_COLUMNS:
            numbers = pd.to_numeric(frame[column].replace("", None), errors="coerce")
            frame[column] = numbers.astype(NUMBER_COLUMNS[column])
        else:
            frame[column] = frame[column].map(_unguard).astype("string")
    return frame


def read_outputs(folder: str | Path) -> dict[str, pd.DataFrame]:
    """Every CSV in a run's output folder, by file stem: `papers`, `dedup_report`, `review`, ..."""
    return {path.stem: read_csv_output(path) for path in sorted(Path(folder).glob("*.csv"))}
