"""Who a presented API token belongs to (lead-provider-api-v3 §1.2)."""

from __future__ import annotations

from datetime import datetime, timedelta

import attrs
from sqlalchemy import bindparam, select, update

from ecf2.adapters.db.contracts_rows import ApiTokenRow, LeadProviderRow
from ecf2.adapters.db.queries.listing import ReadModel

# A token's last use is kept to the minute: a busy client does not write on every request.
LAST_USED_PRECISION = timedelta(minutes=1)


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


class SqlApiAccess(ReadModel):
    def holder_of(self, digest: str, now: datetime) -> TokenHolder | None:
        """The lead provider whose unrevoked token has this digest, noting that it was used."""
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
