"""What is made from the clusters alone, kept while they stay the same objects.

Under `make serve` an edit to a news item leaves every cluster as it was,
and the preview's load cache (model/load_cache.py) then hands the build the
very same cluster and vocabulary objects as the last one. What is computed
from them alone (the open data set, the similar-cluster index) is then the
same too: `SameInputs` keeps the last result with the objects it was made
from and gives it again while a build asks with the same objects (by
identity: records are never changed once loaded) and equal plain values. A
full build loads new objects, so it always computes afresh.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Generic, TypeVar

Result = TypeVar("Result")


class SameInputs(Generic[Result]):
    def __init__(self) -> None:
        self._objects: tuple[object, ...] = ()
        self._values: tuple[object, ...] = ()
        self._result: Result | None = None
        self._kept = False

    def get(self, objects: Sequence[object], values: tuple[object, ...], compute: Callable[[], Result]) -> Result:
        """`compute()`, or the last result if `objects` are the last ones (each
        the same object) and `values` equal the last ones."""
        same = (
            self._kept
            and len(objects) == len(self._objects)
            and values == self._values
            and all(one is other for one, other in zip(objects, self._objects, strict=True))
        )
        if not same:
            self._result, self._objects, self._values, self._kept = compute(), tuple(objects), values, True
        return self._result  # type: ignore[return-value]


class PerKey(Generic[Result]):
    """`SameInputs` for many results, one per key (a cluster's embed, a sector's feed)."""

    def __init__(self) -> None:
        self._kept: dict[Hashable, SameInputs[Result]] = {}

    def get(self, key: Hashable, objects: Sequence[object], values: tuple[object, ...], compute: Callable[[], Result]) -> Result:
        return self._kept.setdefault(key, SameInputs()).get(objects, values, compute)
