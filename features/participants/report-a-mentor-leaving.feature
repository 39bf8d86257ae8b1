@participants
Feature: A school reports that a mentor is leaving
  The leaving date is the mentor's last day at the school, on the same terms as an ECT's.
  Their time, training and mentorships at that school finish on that day; their time at
  other schools goes on. Today is 21 August 2026.

  Background:
    Given contract periods 2022 to 2026, with payments frozen in 2022
    And a state-funded school "Hilltop Primary" and an independent school "Oakfield House"
    And TRS knows Kirsty Mclean, TRN "7000006", born 6 March 1996, NINO "JS000006A"
    And TRS knows Maria Lopez, TRN "7000010", born 10 May 1980, NINO "JS000010A"
    And Maria Lopez has been a mentor at "Hilltop Primary" since 1 September 2024 with email "maria@school.example"
    And Kirsty Mclean has been an ECT at "Hilltop Primary" since 1 September 2025 mentored by Maria Lopez

  Rule: The leaving date is within four months and at least two days after they started

    Scenario Outline: Mentor leaving dates
      When "Hilltop Primary" says mentor Maria Lopez's last day there is <day>
      Then the leaving is <verdict>

      Examples:
        | day               | verdict                            |
        | 22 December 2026  | refused as too far ahead           |
        | 21 December 2026  | recorded                           |
        | 2 September 2024  | refused as too soon after starting |

  Rule: Their time and mentorships at the school end on the leaving date

    Scenario: A mentor leaving on a date still to come
      Given Maria Lopez has been a mentor at "Oakfield House" since 1 September 2024 with email "maria.o@school.example"
      When "Hilltop Primary" says mentor Maria Lopez's last day there is 31 October 2026
      Then Maria Lopez's time as a mentor at "Hilltop Primary" ended on 31 October 2026
      And Maria Lopez is still a mentor at "Oakfield House"
      And Kirsty Mclean's mentorship with Maria Lopez ended on 31 October 2026
      And "teacher_left_school_as_mentor" is recorded for Maria Lopez
      And "teacher_finishes_being_mentored" is recorded for Kirsty Mclean

    Scenario: Mentoring due to start after the mentor's last day is removed
      Given TRS knows Sam Green, TRN "7000040", born 7 March 1996, NINO "JS000040A"
      And Sam Green has been an ECT at "Hilltop Primary" since 1 September 2025, provider-led with "Ambition Institute" in 2025
      And Sam Green is to be mentored by Maria Lopez from 1 November 2026
      When "Hilltop Primary" says mentor Maria Lopez's last day there is 31 October 2026
      Then the leaving is recorded
      And Sam Green has no mentorship with Maria Lopez
      And Kirsty Mclean's mentorship with Maria Lopez ended on 31 October 2026

    Scenario: Another school cannot report the mentor leaving
      When "Oakfield House" says mentor Maria Lopez's last day there is 31 October 2026
      Then the mentor is not found at that school
