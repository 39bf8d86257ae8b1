@payments
Feature: A lead provider declares that a participant reached a point in their training
  A declaration tells the service that a participant started, was retained in or completed
  their training on a date, so that the lead provider can be paid for it. Each event is
  paid once. A declaration is refused when its event was already declared, when it is
  dated in the future or outside the window the participant's schedule gives the event,
  or when it is for training the lead provider does not give. For each part of a
  declaration only the first problem found is given, and some checks are left out once an
  earlier one has failed.

  Background:
    Given Ambition Institute trains at Oak Primary in 2024 and 2025 on the standard September schedule
    And it is 20 November 2025

  Rule: Each event is declared once

    Scenario: A started declaration is recorded
      Given an ECT has been training with Ambition Institute since 1 September 2025
      When Ambition Institute declares that the ECT started on 1 October 2025
      Then the declaration is recorded

    Scenario: A second declaration for the same event is refused
      Given an ECT has been training with Ambition Institute since 1 September 2025
      And Ambition Institute has declared that the ECT started on 1 October 2025
      When Ambition Institute declares that the ECT started on 2 October 2025
      Then the declaration is refused because the event was already declared

    Scenario: The same declaration sent again is answered with the first
      Given an ECT has been training with Ambition Institute since 1 September 2025
      And Ambition Institute has declared that the ECT started on 1 October 2025
      When Ambition Institute declares that the ECT started on 1 October 2025
      Then the first declaration is given back

    Scenario: A repeated event dated in the future is refused only as a repeat
      Given an ECT has been training with Ambition Institute since 1 September 2025
      And Ambition Institute has declared that the ECT started on 1 October 2025
      When Ambition Institute declares that the ECT started on 1 January 2026
      Then the declaration is refused because the event was already declared

  Rule: A declaration is dated in the past, within its event's window on the schedule

    Scenario: A declaration dated in the future is refused
      Given an ECT has been training with Ambition Institute since 1 September 2025
      When Ambition Institute declares that the ECT started on 21 November 2025
      Then the declaration is refused because it is dated in the future

    Scenario: A 2024 start declared after the window for starts closed is refused
      Given an ECT has been training with Ambition Institute since 1 September 2024
      When Ambition Institute declares that the ECT started on 2 January 2025
      Then the declaration is refused because it is outside the schedule's window

    Scenario: A date and time without a time zone is read as London time
      Given an ECT has been training with Ambition Institute since 1 September 2024
      When Ambition Institute declares that the ECT was retained (second) at 11.30pm on 31 July 2025, with no time zone given
      Then the declaration is recorded

  Rule: From 2025, mentors are paid for starting and completing, and events follow each other in order

    Scenario: A retained declaration for a mentor who began in 2025 is refused
      Given a mentor has been training with Ambition Institute since 1 September 2025
      When Ambition Institute declares that the mentor was retained (first) on 1 October 2025
      Then the declaration is refused because mentors from 2025 are paid for starting and completing only

    Scenario: A completion dated before the start is refused
      Given an ECT has been training with Ambition Institute since 1 September 2025
      And Ambition Institute has declared that the ECT started on 1 October 2025
      When Ambition Institute declares that the ECT completed on 15 September 2025
      Then the declaration is refused because it is out of order with the participant's other declarations

  Rule: Only training the lead provider gives, and gave up to the date, can be declared for

    Scenario: Training awaiting the lead provider's confirmation of a partnership cannot be declared for
      Given an ECT has been training since 1 September 2025 with Ambition Institute chosen by the school but not yet confirmed
      When Ambition Institute declares that the ECT started on 1 October 2025
      Then the declaration is refused because the participant is not recognised
      And nothing is recorded

    Scenario: A participant who withdrew cannot be declared for after the withdrawal
      Given an ECT has been training with Ambition Institute since 1 September 2024
      And the ECT withdrew from training with Ambition Institute on 1 March 2025
      When Ambition Institute declares that the ECT was retained (first) on 2 March 2025
      Then the declaration is refused because the participant withdrew before that date

  Rule: No declarations are taken for a cohort whose payments are frozen

    Scenario: A participant training in a frozen cohort cannot be declared for
      Given an ECT has been training with Ambition Institute since 1 September 2024
      And payments for the 2024 cohort froze on 16 June 2025
      When Ambition Institute declares that the ECT started on 1 October 2024
      Then the declaration is refused because the cohort's payments are frozen

    Scenario: Payments that will freeze later do not stop a declaration yet
      Given an ECT has been training with Ambition Institute since 1 September 2024
      And payments for the 2024 cohort will freeze on 16 June 2026
      When Ambition Institute declares that the ECT started on 1 October 2024
      Then the declaration is recorded
