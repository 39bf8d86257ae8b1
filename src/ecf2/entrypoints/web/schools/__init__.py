"""Pages for school users: their ECTs and mentors (participants-and-schools §3)."""
