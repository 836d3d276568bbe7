"""A property computed once per object and kept, without a lock.

Python 3.11's ``functools.cached_property`` holds one lock per property, shared by every object of the class, for
as long as the value is computed: threads evaluating at once wait for each other's groupings, and a process forked
while another thread held that lock leaves the child waiting on it forever. The values cached here are pure
functions of an immutable object, so two threads that compute one at the same time get equal values and either
may be kept: no lock is needed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

S = TypeVar("S")
T = TypeVar("T")


class cached_property(Generic[S, T]):
    """Like ``functools.cached_property``: computed on first access and stored in the object's ``__dict__``,
    which later reads find before the descriptor; never locked."""

    def __init__(self, func: Callable[[S], T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type[Any] | None = None) -> cached_property[S, T]: ...

    @overload
    def __get__(self, instance: S, owner: type[Any] | None = None) -> T: ...

    def __get__(self, instance: S | None, owner: type[Any] | None = None) -> T | cached_property[S, T]:
        if instance is None:
            return self
        value = self.func(instance)
        # Written straight into __dict__, as functools does: a frozen dataclass's __setattr__ would refuse it.
        instance.__dict__[self.name] = value
        return value
