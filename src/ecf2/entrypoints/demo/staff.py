"""One DfE staff user per role of the admin and finance console (inductions-trs (c.5))."""

from __future__ import annotations

from ecf2.domain.shared.errors import NotFound
from ecf2.domain.staff import DfeStaffUser, StaffRole
from ecf2.entrypoints.demo.refs import UowFactory
from ecf2.entrypoints.demo.summary import Tally, tally

STAFF_USERS = (
    DfeStaffUser(email="alex.morgan@education.gov.uk", name="Alex Morgan", role=StaffRole.ADMIN),
    DfeStaffUser(
        email="una.mensah@education.gov.uk", name="Una Mensah", role=StaffRole.USER_MANAGER
    ),
    DfeStaffUser(
        email="frances.hale@education.gov.uk", name="Frances Hale", role=StaffRole.FINANCE
    ),
    DfeStaffUser(email="sam.okoro@education.gov.uk", name="Sam Okoro", role=StaffRole.PRODUCT_TEAM),
)


def seed(uow_factory: UowFactory) -> list[Tally]:
    created = 0
    with uow_factory() as uow:
        for user in STAFF_USERS:
            try:
                uow.dfe_staff_users.get_by_email(user.email)
            except NotFound:
                uow.dfe_staff_users.add(
                    DfeStaffUser(email=user.email, name=user.name, role=user.role)
                )
                created += 1
        uow.commit()
    return [tally("DfE staff users", len(STAFF_USERS), created)]
