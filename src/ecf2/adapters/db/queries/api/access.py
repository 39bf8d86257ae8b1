"""Who a presented API token belongs to (lead-provider-api-v3 §1.2)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import attrs
from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from ecf2.adapters.db.contracts_rows import ApiTokenRow, LeadProviderRow
from ecf2.adapters.db.queries.listing import ReadModel

# A token's last use is kept to the minute: a busy client does not write on every request.
LAST_USED_PRECISION = timedelta(minutes=1)
# A token's holder is remembered this long in each process, so a busy client's requests
# skip the look-up (a seventh of a declaration's server time); a revoked token is refused
# within this time.
HOLDER_KEPT_FOR = timedelta(seconds=2)


# Built once: every API request runs it.
_HOLDER = (
    select(ApiTokenRow.id, ApiTokenRow.last_used_at, LeadProviderRow.id, LeadProviderRow.name)
    .join(LeadProviderRow, LeadProviderRow.id == ApiTokenRow.lead_provider_id)
    .where(ApiTokenRow.token_digest == bindparam("digest"), ApiTokenRow.revoked_at.is_(None))
)


@attrs.frozen
class TokenHolder:
    lead_provider_id: int
    lead_provider_name: str


class RecentHolders:
    """The holders of the tokens presented in the last few seconds, by digest. Kept by the
    request's own time, so a request sent as if at another time (§1.9) neither keeps a
    holder beyond those seconds nor is answered from one kept at another time."""

    def __init__(self, kept_for: timedelta = HOLDER_KEPT_FOR) -> None:
        self._kept_for = kept_for
        self._holders: dict[str, tuple[datetime, TokenHolder]] = {}

    def get(self, digest: str, now: datetime) -> TokenHolder | None:
        kept = self._holders.get(digest)
        if kept is None or not kept[0] <= now < kept[0] + self._kept_for:
            return None
        return kept[1]

    def keep(self, digest: str, holder: TokenHolder, now: datetime) -> None:
        # Only holders of live tokens are kept, so there are never more than tokens.
        self._holders[digest] = (now, holder)


class SqlApiAccess(ReadModel):
    def __init__(
        self, session_factory: Callable[[], Session], recent: RecentHolders | None = None
    ) -> None:
        super().__init__(session_factory)
        self._recent = recent if recent is not None else RecentHolders(kept_for=timedelta())

    def holder_of(self, digest: str, now: datetime) -> TokenHolder | None:
        """The lead provider whose unrevoked token has this digest, noting that it was used."""
        holder = self._recent.get(digest, now)
        if holder is None:
            holder = self._look_up(digest, now)
            if holder is not None:
                self._recent.keep(digest, holder, now)
        return holder

    def _look_up(self, digest: str, now: datetime) -> TokenHolder | None:
        with self._session_factory() as session:
            found = session.execute(_HOLDER, {"digest": digest}).first()
            if found is None:
                return None
            token_id, last_used_at, lead_provider_id, name = found
            if last_used_at is None or now - last_used_at >= LAST_USED_PRECISION:
                session.execute(
                    update(ApiTokenRow).where(ApiTokenRow.id == token_id).values(last_used_at=now)
                )
                session.commit()
        return TokenHolder(lead_provider_id, name)
