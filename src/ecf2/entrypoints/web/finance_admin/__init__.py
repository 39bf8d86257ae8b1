"""The finance console's contract pages: contract periods, schedules and milestones,
lead providers contracted in each period, their bands and contracts."""
