@participants
Feature: What a lead provider may do to the training it delivers
  A lead provider can tell the service that a participant it trains has withdrawn, is
  taking a break (deferred), has come back (resumed), or has moved to another schedule,
  perhaps in another cohort. Each acts on the latest training the lead provider gives the
  participant in that role. Training that has not yet run for a whole day cannot be
  withdrawn or deferred. A mentor whose completed declaration is received is no longer
  funded and their training ends; if that declaration is voided, they are funded again.

  Background:
    Given Ambition Institute works with Oak Primary in 2024 and 2025, and in 2022 whose payments are frozen
    And it is 20 November 2025

  Rule: Training that has run for at least a day can be withdrawn, once

    Scenario: An ECT who started last month is withdrawn
      Given an ECT has trained with Ambition Institute since 20 October 2025
      When Ambition Institute withdraws the ECT because they moved school
      Then the ECT's training is withdrawn because they moved school
      And the ECT's training finishes on 20 November 2025
      And the ECT has left

    Scenario: Training that starts next week cannot be withdrawn
      Given an ECT will train with Ambition Institute from 27 November 2025
      When Ambition Institute withdraws the ECT because they moved school
      Then the action is refused because the participant has not trained for a day yet

    Scenario: Training that started today cannot be withdrawn until tomorrow
      Given an ECT has trained with Ambition Institute since 20 November 2025
      When Ambition Institute withdraws the ECT because they moved school
      Then the action is refused until tomorrow

    Scenario: Training already withdrawn cannot be withdrawn again
      Given an ECT has trained with Ambition Institute since 20 October 2025
      And Ambition Institute has withdrawn the ECT because they moved school
      When Ambition Institute withdraws the ECT because they moved school
      Then the action is refused because the participant is already withdrawn

  Rule: Only a mentor can be withdrawn because they no longer mentor

    Scenario: An ECT cannot be withdrawn for no longer mentoring
      Given an ECT has trained with Ambition Institute since 20 October 2025
      When Ambition Institute withdraws the ECT because they no longer mentor
      Then the action is refused because of the reason

    Scenario: A mentor can be withdrawn for no longer mentoring
      Given a mentor has trained with Ambition Institute since 20 October 2025
      When Ambition Institute withdraws the mentor because they no longer mentor
      Then the mentor's training is withdrawn because they no longer mentor

  Rule: A lead provider acts only on training it gives in that role

    Scenario: A mentor's course for someone trained only as an ECT is not recognised
      Given an ECT has trained with Ambition Institute since 20 October 2025
      When Ambition Institute withdraws the ECT from mentor training because they moved school
      Then the action is refused because the course is not recognised

    Scenario: Another lead provider's participant is unknown to Ambition Institute
      Given an ECT has trained with Best Practice Network since 20 October 2025
      When Ambition Institute withdraws the ECT because they moved school
      Then the action is refused because the course is not recognised

  Rule: Training that has run for at least a day can be deferred, unless already deferred or withdrawn

    Scenario: An ECT takes parental leave
      Given an ECT has trained with Ambition Institute since 20 October 2025
      When Ambition Institute defers the ECT for parental leave
      Then the ECT's training is deferred for parental leave
      And the ECT's training finishes on 20 November 2025

    Scenario: Deferred training cannot be deferred again
      Given an ECT has trained with Ambition Institute since 20 October 2025
      And Ambition Institute has deferred the ECT for parental leave
      When Ambition Institute defers the ECT for parental leave
      Then the action is refused because the participant is already deferred

    Scenario: Withdrawn training cannot be deferred
      Given an ECT has trained with Ambition Institute since 20 October 2025
      And Ambition Institute has withdrawn the ECT because they moved school
      When Ambition Institute defers the ECT for parental leave
      Then the action is refused because the participant is already withdrawn

    Scenario: Deferred training can be withdrawn
      Given an ECT has trained with Ambition Institute since 20 October 2025
      And Ambition Institute has deferred the ECT for parental leave
      When Ambition Institute withdraws the ECT because they moved school
      Then the ECT's training is withdrawn because they moved school

  Rule: Resuming starts new training from today, on the same partnership and schedule

    Scenario: A deferred ECT resumes the next day
      Given an ECT has trained with Ambition Institute since 20 October 2025
      And Ambition Institute has deferred the ECT for parental leave
      And it is 21 November 2025
      When Ambition Institute resumes the ECT
      Then the ECT has new training from 21 November 2025 on the same partnership and schedule
      And the ECT's earlier training stays deferred, finishing on 20 November 2025

    Scenario: Training cannot resume on the day it finished
      Given an ECT has trained with Ambition Institute since 20 October 2025
      And Ambition Institute has deferred the ECT for parental leave
      When Ambition Institute resumes the ECT
      Then the action is refused until tomorrow

    Scenario: Active training cannot be resumed
      Given an ECT has trained with Ambition Institute since 20 October 2025
      When Ambition Institute resumes the ECT
      Then the action is refused because the participant is already active

    Scenario: A participant who has left the school cannot resume
      Given an ECT trained with Ambition Institute from 1 September 2025 until they left the school on 10 November 2025, withdrawn
      When Ambition Institute resumes the ECT
      Then the action is refused because the participant is no longer at the school

  Rule: A schedule change moves training to another schedule the participant's role allows

    Scenario: Training that started last month ends yesterday and starts again today on the new schedule
      Given an ECT has trained with Ambition Institute since 20 October 2025
      When Ambition Institute moves the ECT to the ecf-standard-january schedule
      Then the ECT's training from 20 October 2025 finishes on 19 November 2025
      And the ECT has new training from 20 November 2025 on the ecf-standard-january schedule of 2025

    Scenario: Training that starts today changes schedule where it stands
      Given an ECT has trained with Ambition Institute since 20 November 2025
      When Ambition Institute moves the ECT to the ecf-standard-january schedule
      Then the ECT has one training, from 20 November 2025 on the ecf-standard-january schedule of 2025

    Scenario Outline: Schedules a participant cannot move to
      Given <participant> has trained with Ambition Institute since 20 October 2025
      When Ambition Institute moves the <role> to the <schedule> schedule
      Then the action is refused because of the schedule

      Examples:
        | participant | role   | schedule                |
        | an ECT      | ECT    | ecf-standard-september  |
        | an ECT      | ECT    | ecf-replacement-january |
        | a mentor    | mentor | ecf-reduced-september   |
        | an ECT      | ECT    | ecf-unknown-september   |

  Rule: A cohort change needs a partnership with the school that year, and a frozen cohort takes back only its own

    Scenario: A new schedule in a frozen cohort the participant has always been in is refused
      Given an ECT has trained with Ambition Institute since 1 September 2022 in the 2022 cohort
      When Ambition Institute moves the ECT to the ecf-extended-september schedule
      Then the action is refused because of the cohort

    Scenario: Moving to a cohort without a partnership at the school is refused
      Given an ECT has trained with Ambition Institute since 20 October 2025
      When Ambition Institute moves the ECT to the ecf-standard-september schedule of 2023
      Then the action is refused because of the cohort

    Scenario: Moving into a frozen cohort the participant was never in is refused
      Given an ECT has trained with Ambition Institute since 20 October 2025
      When Ambition Institute moves the ECT to the ecf-standard-september schedule of 2022
      Then the action is refused because of the cohort

    Scenario: Leaving a frozen cohort is remembered, and returning to it forgets
      Given an ECT has trained with Ambition Institute since 1 September 2022 in the 2022 cohort
      When Ambition Institute moves the ECT to the ecf-standard-september schedule of 2025
      Then the ECT is remembered as having left the frozen 2022 cohort
      When Ambition Institute moves the ECT to the ecf-standard-september schedule of 2022
      Then the ECT is not remembered as having left a frozen cohort

  Rule: A participant who has completed, left or been withdrawn keeps their schedule

    Scenario: An ECT whose induction is complete cannot move to an extended schedule
      Given an ECT has trained with Ambition Institute since 20 October 2025
      And the ECT's induction was completed on 15 November 2025
      When Ambition Institute moves the ECT to the ecf-extended-september schedule
      Then the action is refused because the participant has completed their training

    Scenario: A completion TRS alone knows of does not keep an ECT on their schedule
      Given an ECT has trained with Ambition Institute since 20 October 2025
      And TRS alone says the ECT's induction was completed on 15 November 2025
      When Ambition Institute moves the ECT to the ecf-extended-september schedule
      Then the ECT has new training from 20 November 2025 on the ecf-extended-september schedule of 2025

    Scenario: An ECT whose induction is complete can move to a reduced schedule, in place
      Given an ECT has trained with Ambition Institute since 20 October 2025
      And the ECT's induction was completed on 15 November 2025
      When Ambition Institute moves the ECT to the ecf-reduced-september schedule
      Then the ECT has one training, from 20 October 2025 on the ecf-reduced-september schedule of 2025

    Scenario: A withdrawn ECT who has left keeps their schedule
      Given an ECT has trained with Ambition Institute since 20 October 2025
      And Ambition Institute has withdrawn the ECT because they moved school
      And it is 21 November 2025
      When Ambition Institute moves the ECT to the ecf-standard-january schedule
      Then the action is refused because the participant has left

  Rule: A mentor's completed declaration ends their funded training, until it is voided

    Scenario: A completed declaration is received for a mentor, then voided
      Given a mentor has trained with Ambition Institute since 1 September 2025
      When a completed declaration dated 3 November 2025 is received for the mentor
      Then the mentor is no longer funded from 3 November 2025 because their completed declaration was received
      And the mentor's training from 1 September 2025 finishes on 3 November 2025
      When the mentor's completed declaration is voided
      Then the mentor is funded again
      And the mentor has new training from 4 November 2025 on the same partnership and schedule
