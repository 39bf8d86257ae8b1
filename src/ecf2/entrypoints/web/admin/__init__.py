"""Pages for DfE staff: the admin console's home and what every admin page shares."""
