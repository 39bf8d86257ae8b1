"""Question journeys (wizards) for GOV.UK pages: one question per page, answers kept in
the session until the last page sends them to one service call. See journey.py."""
