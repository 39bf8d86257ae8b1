"""The emails the service has queued, as the embedded demo shows them: with no GOV.UK
Notify behind it, this is where a demo visitor sees what would have been sent (e.2)."""

from __future__ import annotations

from litestar import get
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.response import Template

from ecf2.adapters.db.queries.emails import SqlEmailOutboxReads
from ecf2.adapters.notify.wording import wording
from ecf2.settings import Environment, Settings

SHOWN = 50


@get("/demo/emails", sync_to_thread=True, include_in_schema=False)
def demo_emails(
    settings: NamedDependency[Settings], email_outbox_reads: NamedDependency[SqlEmailOutboxReads]
) -> Template:
    # Emails carry people's names and addresses: only the embedded demo shows them.
    if settings.env is not Environment.DEVELOPMENT:
        raise NotFoundException()
    emails = [(outbox, wording(outbox.email)) for outbox in email_outbox_reads.newest(SHOWN)]
    return Template("demo/emails.html", context={"emails": emails})
