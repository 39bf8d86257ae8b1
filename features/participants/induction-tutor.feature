@participants
Feature: A school confirms its induction tutor each contract period
  Before registering or changing ECTs and mentors, a school confirms who its induction tutor
  is for the current contract period (or, between periods, the next one). It can say the
  tutor is the same, or name a new one; a newly named tutor is emailed once the change is
  saved. Today is 21 August 2026, in the 2026 contract period.

  Background:
    Given contract periods 2022 to 2026, with payments frozen in 2022
    And a state-funded school "Hilltop Primary" and an independent school "Oakfield House"

  Rule: The tutor must be confirmed for the current contract period

    Scenario Outline: When the school must confirm its tutor
      Given "Hilltop Primary" last confirmed its induction tutor for <year>
      Then "Hilltop Primary" <verdict> confirm its induction tutor before registering or changing ECTs and mentors

      Examples:
        | year  | verdict       |
        | 2025  | must          |
        | never | must          |
        | 2026  | need not      |

  Rule: Confirming the same tutor records the confirmation without emailing them

    Scenario: The tutor is still the tutor
      Given "Hilltop Primary" has Jane Smith as induction tutor, last confirmed for 2025
      When "Hilltop Primary" confirms Jane Smith is still its induction tutor
      Then Jane Smith is the induction tutor of "Hilltop Primary" for 2026
      And "school_induction_tutor_confirmed" is recorded for "Hilltop Primary"
      And nobody is emailed about the induction tutor

  Rule: A new tutor is saved, recorded and emailed

    Scenario: The school names a new tutor
      Given "Hilltop Primary" has Jane Smith as induction tutor, last confirmed for 2025
      When "Hilltop Primary" names Tom Brown, "tom.brown@hilltop.example", as its induction tutor
      Then Tom Brown is the induction tutor of "Hilltop Primary" for 2026
      And "school_induction_tutor_updated" is recorded for "Hilltop Primary"
      And "tom.brown@hilltop.example" is emailed that they are the induction tutor of "Hilltop Primary"

    Scenario: A school without a tutor names one
      Given "Hilltop Primary" last confirmed its induction tutor for never
      When "Hilltop Primary" names Tom Brown, "tom.brown@hilltop.example", as its induction tutor
      Then Tom Brown is the induction tutor of "Hilltop Primary" for 2026

    Scenario: Saying the tutor changed but giving the same details
      Given "Hilltop Primary" has Jane Smith as induction tutor, last confirmed for 2025
      When "Hilltop Primary" names Jane Smith, "jane.smith@hilltop.example", as its induction tutor
      Then the induction tutor is refused as unchanged
      And nobody is emailed about the induction tutor

    Scenario: A school without a tutor cannot confirm one
      Given "Hilltop Primary" last confirmed its induction tutor for never
      When "Hilltop Primary" confirms its induction tutor is unchanged
      Then the induction tutor is refused as unknown

  Rule: The tutor has a name of at most 70 characters and an email GOV.UK Notify accepts

    Scenario Outline: Tutor details
      When a school gives its induction tutor as <name> with email <email>
      Then the induction tutor is <verdict>

      Examples:
        | name                 | email                      | verdict                          |
        | Tom Brown            | tom.brown@hilltop.example  | accepted                         |
        | nobody               | tom.brown@hilltop.example  | refused for a missing name       |
        | a 71 character name  | tom.brown@hilltop.example  | refused for a name too long      |
        | Tom Brown            | tom.brown@hilltop          | refused for a badly formed email |
        | Tom Brown            | nothing                    | refused for a missing email      |
