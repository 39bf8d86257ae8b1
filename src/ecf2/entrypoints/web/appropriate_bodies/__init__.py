"""Pages for appropriate body users: the ECTs whose induction they are responsible for
(inductions-trs-sign-in-admin (a.12))."""
