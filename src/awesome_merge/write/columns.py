"""A frame's values as plain Python lists, for writers that work column by column.

Why not iterate the frame: element access on a pandas extension array runs Python per cell (`iterrows`
builds a Series per row, `itertuples` and `to_dict` index each array per value); `to_numpy(object)` hands
the same values over in one step: Python str, int, float or bool, and the column's own missing marker.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["column_values", "records"]


def column_values(frame: pd.DataFrame, position: int) -> list[object]:
    """The values of the column at `position`, as iterating it gives them."""
    return frame.iloc[:, position].to_numpy(dtype=object).tolist()


def records(frame: pd.DataFrame) -> list[dict[str, object]]:
    """One dict per row, column name -> value (as `to_dict("records")`, a later name winning)."""
    names = [str(c) for c in frame.columns]
    columns = [column_values(frame, k) for k in range(len(names))]
    if not columns:
        return [{} for _ in range(len(frame))]
    return [dict(zip(names, row, strict=True)) for row in zip(*columns, strict=True)]
