@payments
Feature: The declarations a statement lists
  Finance can download the declarations behind an output statement. The list matches the
  statement's figures: it holds the declarations the statement pays for and claws back, but
  only as many of each type as the lead provider's bands took, and every declaration voided
  on it.

  Background:
    Given Ambition Institute's 2025 contract has these statements
      | statement     | kind   | status  |
      | August 2026   | output | paid    |
      | November 2026 | output | payable |
    And Ambition Institute's bands hold 2 and 1 declarations

  Rule: A statement lists as many declarations of each type as its bands took, earliest first, and every declaration voided on it

    Scenario: More declarations than the bands hold
      Given 5 started declarations are eligible for payment on the November 2026 statement
      And one declaration voided on the November 2026 statement
      When finance list the declarations of the November 2026 statement
      Then the list holds the 3 earliest declarations eligible for payment and the voided one

    Scenario: Declarations paid earlier fill the bands first
      Given 2 started declarations were paid on the August 2026 statement
      And 5 started declarations are eligible for payment on the November 2026 statement
      When finance list the declarations of the November 2026 statement
      Then the list holds the 1 earliest declaration eligible for payment

    Scenario: Declarations clawed back on the statement are listed
      Given 2 started declarations paid on the August 2026 statement are awaiting clawback on the November 2026 statement
      When finance list the declarations of the November 2026 statement
      Then the list holds the 2 declarations awaiting clawback
