"""Steps every context's scenarios share."""
