"""DfE staff users: who may use the admin and finance console."""

from ecf2.domain.staff.model import FINANCE_ROLES, DfeStaffUser, StaffRole

__all__ = ["FINANCE_ROLES", "DfeStaffUser", "StaffRole"]
