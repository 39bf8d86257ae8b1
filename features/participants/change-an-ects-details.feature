@participants
Feature: A school changes an ECT's details
  A school can correct the name an ECT is known by, and change the email address and working
  pattern it gave for them. Each change must be a real change, and each is recorded in the
  ECT's history. Today is 21 August 2026.

  Background:
    Given contract periods 2022 to 2026, with payments frozen in 2022
    And a state-funded school "Hilltop Primary" and an independent school "Oakfield House"
    And TRS knows Kirsty Mclean, TRN "7000006", born 6 March 1996, NINO "JS000006A"
    And Kirsty Mclean has been an ECT at "Hilltop Primary" since 1 September 2025 with email "kirsty@school.example"

  Rule: A new name is a different name; changing both first and last names must be confirmed

    Scenario Outline: New names
      When "Hilltop Primary" gives the new name "<name>" for Kirsty Mclean
      Then the new name is <verdict>

      Examples:
        | name           | verdict                                       |
        | Kirsty McLean  | refused as the same name                      |
        | Kirsty Smith   | accepted without further confirmation         |
        | Kirstie Mclean | accepted without further confirmation         |
        | Christie Smith | accepted once the school confirms the person  |
        | Kírsty Smith   | accepted without further confirmation         |

    Scenario: The name is changed
      When "Hilltop Primary" changes Kirsty Mclean's name to "Kirsty Smith"
      Then Kirsty Mclean is known as "Kirsty Smith"
      And "teacher_name_updated_by_user" is recorded for Kirsty Mclean

  Rule: A new email address is different and not one another teacher is still using

    Scenario: The email address is changed
      When "Hilltop Primary" changes Kirsty Mclean's email address to "kirsty.mclean@school.example"
      Then Kirsty Mclean's email address at "Hilltop Primary" is "kirsty.mclean@school.example"
      And "teacher_email_address_updated" is recorded for Kirsty Mclean

    Scenario: Changing to the same address in another case
      When "Hilltop Primary" changes Kirsty Mclean's email address to "KIRSTY@school.example"
      Then the change is refused as no change

    Scenario: Changing to another teacher's address at a school they have not left
      Given TRS knows Priya Sharma, TRN "7000005", born 5 March 1996, NINO "JS000005A"
      And Priya Sharma has been a mentor at "Oakfield House" since 1 September 2025 with email "x@y.org"
      When "Hilltop Primary" changes Kirsty Mclean's email address to "X@Y.ORG"
      Then the email address is refused as in use

  Rule: A new working pattern is different from the current one

    Scenario: The working pattern is changed, then the same one is refused
      When "Hilltop Primary" changes Kirsty Mclean's working pattern to part time
      Then Kirsty Mclean works part time at "Hilltop Primary"
      And "teacher_working_pattern_updated" is recorded for Kirsty Mclean
      When "Hilltop Primary" changes Kirsty Mclean's working pattern to part time
      Then the change is refused as no change

  Rule: A new appropriate body is one the school may choose, other than the current one

    Scenario: The appropriate body is changed, then the same one is refused
      When "Hilltop Primary" changes Kirsty Mclean's appropriate body to "Ashfield Teaching School Hub"
      Then Kirsty Mclean's appropriate body at "Hilltop Primary" is "Ashfield Teaching School Hub"
      And "teacher_appropriate_body_changed" is recorded for Kirsty Mclean
      When "Hilltop Primary" changes Kirsty Mclean's appropriate body to "Ashfield Teaching School Hub"
      Then the change is refused as no change

    Scenario Outline: Which appropriate bodies a school may change to
      Given TRS knows Priya Sharma, TRN "7000005", born 5 March 1996, NINO "JS000005A"
      And Priya Sharma has been an ECT at "<school>" since 1 September 2025
      When "<school>" changes Priya Sharma's appropriate body to "<body>"
      Then the new appropriate body is <verdict>

      Examples:
        | school          | body                         | verdict                    |
        | Hilltop Primary | ISTIP                        | refused for the school     |
        | Hilltop Primary | Westshire County Council     | refused for the school     |
        | Oakfield House  | ISTIP                        | accepted                   |
        | Oakfield House  | Ashfield Teaching School Hub | accepted                   |
        | Oakfield House  | Westshire County Council     | refused for the school     |

  Rule: Only the ECT's own school changes their details

    Scenario: Another school cannot change them
      When "Oakfield House" changes Kirsty Mclean's email address to "kirsty.mclean@school.example"
      Then the ECT is not found at that school
