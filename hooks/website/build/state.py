"""What a hook keeps from one event to the next within one language's build, held in one explicit object."""

from __future__ import annotations

from typing import Generic, TypeVar

Value = TypeVar("Value")


class BuildState(Generic[Value]):
    """A value a hook makes at the start of each language's build and reads in its later events. mkdocs-static-i18n
    builds the languages one after the other in one process: `start` replaces the previous language's value, so none
    carries over."""

    def __init__(self, what: str) -> None:
        self._what = what
        self._value: Value | None = None

    def start(self, value: Value) -> Value:
        self._value = value
        return value

    def clear(self) -> None:
        self._value = None

    @property
    def current(self) -> Value:
        if self._value is None:
            raise RuntimeError(f"{self._what}: read before the build made it")
        return self._value

    @property
    def started(self) -> bool:
        return self._value is not None
