"""The one clock of the build and of the writers' tools: what time it is, for deciding which posts are published.

`SITE_NOW` (an ISO 8601 moment with its offset, e.g. 2026-12-01T01:31:00+00:00) stands in for the machine's clock;
the tests set it, so that nothing they check depends on when or where they run. Nothing else reads the time of day.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

ENVIRONMENT_VARIABLE = "SITE_NOW"
_EXAMPLE = "expected e.g. 2026-12-01T01:31:00+00:00"


class ClockError(ValueError):
    """SITE_NOW is set but is not a moment with an offset."""


def now() -> datetime:
    """The current moment, aware, in UTC."""
    value = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
    if not value:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as error:
        raise ClockError(f"{ENVIRONMENT_VARIABLE}={value!r}: {error}; {_EXAMPLE}") from None
    if moment.tzinfo is None:
        raise ClockError(f"{ENVIRONMENT_VARIABLE}={value!r} has no offset; {_EXAMPLE}")
    return moment.astimezone(UTC)
