"""Adapters: the database, TRS, DfE Sign-in, GIAS and Notify."""
