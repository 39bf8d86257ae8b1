@participants
Feature: A school changes a mentor's details
  A school can correct the name a mentor is known by, change the email address it gave for
  them, and change the lead provider of their mentor training, by the same rules as for an
  ECT. Each change is recorded in the mentor's history. Today is 21 August 2026.

  Background:
    Given contract periods 2022 to 2026, with payments frozen in 2022
    And a state-funded school "Hilltop Primary" and an independent school "Oakfield House"
    And TRS knows Maria Lopez, TRN "7000010", born 10 May 1980, NINO "JS000010A"
    And Maria Lopez has been a mentor at "Hilltop Primary" since 1 September 2024 with email "maria@school.example"

  Rule: A new name is a different name; changing both first and last names must be confirmed

    Scenario Outline: New names
      When "Hilltop Primary" gives the new name "<name>" for Maria Lopez
      Then the new name is <verdict>

      Examples:
        | name          | verdict                                      |
        | MARIA LOPEZ   | refused as the same name                     |
        | Maria Garcia  | accepted without further confirmation        |
        | Marie Lopes   | accepted once the school confirms the person |

    Scenario: The name is changed
      When "Hilltop Primary" changes Maria Lopez's name to "Maria Garcia"
      Then Maria Lopez is known as "Maria Garcia"
      And "teacher_name_updated_by_user" is recorded for Maria Lopez

  Rule: A new email address is different and not one another teacher is still using

    Scenario: The email address is changed
      When "Hilltop Primary" changes Maria Lopez's email address to "maria.lopez@school.example"
      Then Maria Lopez's email address at "Hilltop Primary" is "maria.lopez@school.example"
      And "teacher_email_address_updated" is recorded for Maria Lopez

    Scenario: Changing to the same address in another case
      When "Hilltop Primary" changes Maria Lopez's email address to "Maria@School.Example"
      Then the change is refused as no change

    Scenario: Changing to another teacher's address at a school they have not left
      Given TRS knows Kirsty Mclean, TRN "7000006", born 6 March 1996, NINO "JS000006A"
      And Kirsty Mclean has been an ECT at "Oakfield House" since 1 September 2025 with email "kirsty@school.example"
      When "Hilltop Primary" changes Maria Lopez's email address to "KIRSTY@school.example"
      Then the email address is refused as in use

  Rule: The mentor's new lead provider trains in the contract period of their training

    Scenario: Changing the lead provider of mentor training under way
      Given Maria Lopez has had mentor training with "Ambition Institute" in 2025 since 1 September 2025
      When "Hilltop Primary" changes Maria Lopez's lead provider to "Best Practice Network"
      Then Maria Lopez's only training at "Hilltop Primary" is with "Best Practice Network" in 2025 from 21 August 2026
      And "teacher_training_lead_provider_updated" is recorded for Maria Lopez

    Scenario: The same lead provider
      Given Maria Lopez has had mentor training with "Ambition Institute" in 2025 since 1 September 2025
      When "Hilltop Primary" changes Maria Lopez's lead provider to "Ambition Institute"
      Then the change of lead provider is refused as no change

    Scenario: A lead provider that does not train in that contract period
      Given Maria Lopez has had mentor training with "Ambition Institute" in 2026 since 1 September 2025
      When "Hilltop Primary" changes Maria Lopez's lead provider to "Best Practice Network"
      Then the change of lead provider is refused as not training ECTs then

    Scenario: A mentor without mentor training has no lead provider to change
      When "Hilltop Primary" changes Maria Lopez's lead provider to "Best Practice Network"
      Then the change of lead provider is refused as they have no provider-led training

  Rule: Only the school's own mentors

    Scenario: Another school's mentor
      When "Oakfield House" changes Maria Lopez's name to "Maria Garcia"
      Then the mentor is not found at that school
