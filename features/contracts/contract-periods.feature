@contracts
Feature: Contract periods set up by finance
  Each contract period is a year that lead providers are contracted and paid for, named by
  the year it starts in. Finance set its first and last days and its switches: whether
  schools can register for it, whether payments are frozen, whether mentors are funded at a
  flat rate, whether detailed evidence is asked for and whether uplift fees are paid.

  Background:
    Given the 2025 contract period runs from 1 June 2025 to 31 May 2026

  Rule: Each year from 2020 has at most one contract period

    Scenario: A new year
      When finance add the 2026 contract period from 1 June 2026 to 31 May 2027
      Then the change is made
      And the 2026 contract period runs from 1 June 2026 to 31 May 2027

    Scenario: A year that already has a contract period
      When finance add the 2025 contract period from 1 June 2026 to 31 May 2027
      Then it is refused because there is already a contract period for that year

    Scenario: A year before 2020
      When finance add the 2019 contract period from 1 June 2019 to 31 May 2020
      Then it is refused because contract periods start in 2020

  Rule: A contract period ends on or after the day it starts, and no two contract periods share a day

    Scenario Outline: Adding a contract period
      When finance add the 2026 contract period from <first day> to <last day>
      Then <outcome>

      Examples:
        | first day    | last day     | outcome                                                            |
        | 1 June 2026  | 31 May 2027  | the change is made                                                 |
        | 1 June 2026  | 1 June 2026  | the change is made                                                 |
        | 31 May 2026  | 31 May 2027  | it is refused because it shares days with another contract period  |
        | 1 June 2026  | 31 May 2026  | it is refused because it ends before it starts                     |

    Scenario: Moving a contract period over another
      Given the 2026 contract period runs from 1 June 2026 to 31 May 2027
      When finance change the 2026 contract period to run from 1 May 2026 to 31 May 2027
      Then it is refused because it shares days with another contract period
      And the 2026 contract period runs from 1 June 2026 to 31 May 2027

  Rule: Payments are frozen from the moment finance freeze them, and an earlier freeze keeps its moment

    Scenario: Freezing payments
      Given it is 23 November 2026
      When finance freeze payments for the 2025 contract period
      Then payments for the 2025 contract period are frozen from 23 November 2026

    Scenario: Changing a contract period whose payments are already frozen
      Given it is 23 November 2026
      And finance froze payments for the 2025 contract period
      And it is 1 December 2026
      When finance change the 2025 contract period to run from 1 June 2025 to 30 May 2026
      Then payments for the 2025 contract period are frozen from 23 November 2026
