"""DfE staff users: who may use the admin and finance console."""

from ecf2.domain.staff.model import DfeStaffUser, StaffRole

__all__ = ["DfeStaffUser", "StaffRole"]
