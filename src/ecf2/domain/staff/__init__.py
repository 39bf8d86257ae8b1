"""DfE staff users: who may use the admin and finance console."""
