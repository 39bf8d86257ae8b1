@contracts
Feature: The flat rate a contract pays for mentors
  From 2025, contracts pay lead providers for ECTs by bands and for mentors at a flat rate:
  half of the price per mentor when their training starts and half when it is completed.
  Earlier contracts price mentors in the bands with ECTs. Finance can change the price per
  mentor and the mentor recruitment target, which is shown but changes no payment.

  Background:
    Given the 2025 contract period runs from 1 June 2025 to 31 May 2026
    And it is 23 November 2026

  Rule: Only a contract that pays mentors at a flat rate has one to change, and its price is more than nothing

    Scenario Outline: Changing the flat rate
      Given Ambition Institute has a contract for 2025 paying £1000 per mentor for 300 mentors
      When finance change Ambition Institute's 2025 flat rate to <price> per mentor for <target> mentors
      Then <outcome>

      Examples:
        | price    | target | outcome                                                       |
        | £1200.50 | 350    | Ambition Institute's 2025 contract pays £1200.50 per mentor    |
        | £0       | 350    | it is refused because the price per mentor must be more than 0 |
        | £1200    | 0      | it is refused because the recruitment target must be more than 0 |

    Scenario: A contract that prices mentors in the bands
      Given Teach First has a contract for the 2025 contract period
      When finance change Teach First's 2025 flat rate to £1200 per mentor for 350 mentors
      Then it is refused because the contract has no flat rate for mentors

  Rule: A contract stops changing once payments for its contract period are frozen

    Scenario: Payments are frozen
      Given Ambition Institute has a contract for 2025 paying £1000 per mentor for 300 mentors
      And finance froze payments for the 2025 contract period
      When finance change Ambition Institute's 2025 flat rate to £1200 per mentor for 300 mentors
      Then it is refused because payments for the contract period are frozen
      And Ambition Institute's 2025 contract pays £1000.00 per mentor
