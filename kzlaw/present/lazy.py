"""Views registered on first need: showing a version imports no analysis module."""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["once"]


def once(register: Callable[[], None]) -> Callable[[], bool]:
    """A function that calls ``register`` the first time it is called and says whether it did.

    A format's ``render`` falls back to it: when no view is registered for a result, it registers the views of the
    analysis results (importing their modules) and tries again, once.

    >>> calls = []
    >>> load = once(lambda: calls.append(1))
    >>> load(), load(), calls
    (True, False, [1])
    """
    done: list[bool] = []

    def load() -> bool:
        if done:
            return False
        done.append(True)
        register()
        return True

    return load
