@participants
Feature: A school assigns a mentor to an ECT, or changes their mentor
  The mentor is one of the school's mentors with no leaving date. A provider-led ECT's
  mentor who is eligible for funding and has no mentor training anywhere first gets
  provider-led training. The ECT has one mentor at a time. Today is 21 August 2026.

  Background:
    Given contract periods 2022 to 2026, with payments frozen in 2022
    And a state-funded school "Hilltop Primary" and an independent school "Oakfield House"
    And TRS knows Kirsty Mclean, TRN "7000006", born 6 March 1996, NINO "JS000006A"
    And TRS knows Maria Lopez, TRN "7000010", born 10 May 1980, NINO "JS000010A"
    And TRS knows Peter Lawson, TRN "7000030", born 7 March 1990, NINO "JS000030A"
    And Kirsty Mclean has been an ECT at "Hilltop Primary" since 1 September 2025, provider-led with "Ambition Institute" in 2025
    And Maria Lopez has been a mentor at "Hilltop Primary" since 1 September 2024 with email "maria@school.example"

  Rule: An eligible mentor with no mentor training first gets provider-led training (scenario 21)

    Scenario: The eligibility step, then training with the ECT's lead provider
      When "Hilltop Primary" asks whether Maria Lopez needs funded training to mentor Kirsty Mclean
      Then funded training is offered first
      When "Hilltop Primary" assigns Maria Lopez to mentor Kirsty Mclean, trained by "Ambition Institute"
      Then Maria Lopez mentors Kirsty Mclean from 21 August 2026
      And Maria Lopez has provider-led mentor training with "Ambition Institute" in 2026 from 1 September 2024
      And "teacher_starts_training_period" is recorded for Maria Lopez

    Scenario: A mentor no longer eligible for funding is simply assigned
      Given Maria Lopez completed mentor training during the early roll-out
      When "Hilltop Primary" asks whether Maria Lopez needs funded training to mentor Kirsty Mclean
      Then funded training is not offered
      When "Hilltop Primary" assigns Maria Lopez to mentor Kirsty Mclean
      Then Maria Lopez has no mentor training at "Hilltop Primary"
      And Maria Lopez mentors Kirsty Mclean from 21 August 2026

  Rule: The ECT has one mentor at a time (scenario 22)

    Background:
      Given Peter Lawson has been a mentor at "Hilltop Primary" since 1 September 2024 with email "peter@school.example"

    Scenario: A new mentor from today ends the current mentorship yesterday
      Given Kirsty Mclean has been mentored by Peter Lawson since 1 January 2026
      When "Hilltop Primary" assigns Maria Lopez to mentor Kirsty Mclean
      Then Kirsty Mclean's mentorship with Peter Lawson ended on 20 August 2026
      And Maria Lopez mentors Kirsty Mclean from 21 August 2026
      And "teacher_finishes_being_mentored" is recorded for Kirsty Mclean

    Scenario: A mentorship that started today is replaced
      Given Kirsty Mclean has been mentored by Peter Lawson since 21 August 2026
      When "Hilltop Primary" assigns Maria Lopez to mentor Kirsty Mclean
      Then Kirsty Mclean has no mentorship with Peter Lawson
      And Maria Lopez mentors Kirsty Mclean from 21 August 2026

  Rule: The mentor is another teacher at the school

    Scenario: A mentor at another school only
      Given Peter Lawson has been a mentor at "Oakfield House" since 1 September 2024 with email "peter@school.example"
      When "Hilltop Primary" assigns Peter Lawson to mentor Kirsty Mclean
      Then the assignment is refused as the mentor is not at the school

    Scenario: An ECT who also mentors cannot mentor themself
      Given Kirsty Mclean has been a mentor at "Hilltop Primary" since 1 September 2025 with email "kirsty@school.example"
      When "Hilltop Primary" assigns Kirsty Mclean to mentor Kirsty Mclean
      Then the assignment is refused as a teacher cannot mentor themself

  Rule: Assigning and changing mentors close while the new contract period is set up (§2.8)

    Scenario: No mentor can be assigned in the first fortnight of June
      Given the date is now 5 June 2026
      When "Hilltop Primary" assigns Maria Lopez to mentor Kirsty Mclean
      Then the assignment is refused as mentor changes are closed until the new contract period is set up
