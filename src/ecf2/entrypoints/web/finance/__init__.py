"""The finance console: lead providers' statements, their adjustments and authorisation,
and voiding declarations (finance-and-payments §8; inductions-trs-sign-in-admin (d.1))."""
