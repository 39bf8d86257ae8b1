@participants
Feature: A school reports that an ECT is leaving
  The leaving date is the ECT's last day at the school. Their training and mentorship there
  finish on that day; anything starting on or after it is removed. Today is 21 August 2026.

  Background:
    Given contract periods 2022 to 2026, with payments frozen in 2022
    And a state-funded school "Hilltop Primary" and an independent school "Oakfield House"
    And TRS knows Kirsty Mclean, TRN "7000006", born 6 March 1996, NINO "JS000006A"
    And Kirsty Mclean has been an ECT at "Hilltop Primary" since 1 September 2025, provider-led with "Ambition Institute" in 2025 and mentored

  Rule: The leaving date is within four months and at least two days after they started

    Scenario Outline: Leaving dates
      When "Hilltop Primary" reports Kirsty Mclean leaving on <day>
      Then the leaving is <verdict>

      Examples:
        | day               | verdict                          |
        | 22 December 2026  | refused as too far ahead         |
        | 21 December 2026  | recorded                         |
        | 2 September 2025  | refused as too soon after starting |
        | 3 September 2025  | recorded                         |

  Rule: Their time, training and mentorship at the school end on the leaving date

    Scenario: A leaving date still to come
      When "Hilltop Primary" reports Kirsty Mclean leaving on 31 October 2026
      Then Kirsty Mclean is at "Hilltop Primary" until 31 October 2026 as the school reported, with their training and mentorship ending then
      And "teacher_left_school_as_ect" is recorded for Kirsty Mclean

    Scenario: Mentoring due to start after the leaving date is removed
      Given TRS knows Sam Green, TRN "7000040", born 7 March 1996, NINO "JS000040A"
      And TRS knows Maria Lopez, TRN "7000010", born 10 May 1980, NINO "JS000010A"
      And Maria Lopez has been a mentor at "Hilltop Primary" since 1 September 2024 with email "maria@school.example"
      And Sam Green has been an ECT at "Hilltop Primary" since 1 September 2025, provider-led with "Ambition Institute" in 2025
      And Sam Green is to be mentored by Maria Lopez from 1 November 2026
      When "Hilltop Primary" reports Sam Green leaving on 31 October 2026
      Then the leaving is recorded
      And Sam Green has no mentorship with Maria Lopez

    Scenario: Another school cannot report them leaving
      When "Oakfield House" reports Kirsty Mclean leaving on 31 October 2026
      Then the ECT is not found at that school
