@payments
Feature: Voiding a declaration, or clawing it back once paid
  Finance may void a declaration that a lead provider should not be paid for. A declaration
  not yet paid is simply voided, and still shows as voided on the statement it was on. A
  declaration already paid cannot be unpaid: the payment is clawed back on the lead
  provider's next output statement in the same contract period whose deadline has not
  passed, and the void is refused when there is none.

  Background:
    Given Ambition Institute's 2025 contract has these statements
      | statement     | kind        | status |
      | August 2026   | output      | paid   |
      | October 2026  | service fee | open   |
      | November 2026 | output      | open   |
      | January 2027  | output      | open   |
      | April 2027    | output      | open   |

  Rule: A declaration not yet paid is voided, and stays on its statement as a voided declaration

    Scenario Outline: Voiding a declaration that has not been paid
      Given it is 1 September 2026
      And a started declaration <where>
      When finance void the declaration, confirming it
      Then the declaration is voided
      And the declaration <still where>
      And finance are recorded as having voided it on 1 September 2026

      Examples:
        | where                                                  | still where                               |
        | waiting for funding                                    | is on no statement                        |
        | eligible for payment on the November 2026 statement    | is still on the November 2026 statement   |

    Scenario: Voiding a payable declaration
      Given a started declaration eligible for payment on the November 2026 statement
      And it is 1 November 2026
      And the daily payment step has run
      When finance void the declaration, confirming it
      Then the declaration is voided
      And the declaration is still on the November 2026 statement

  Rule: A paid declaration is clawed back on the next output statement of the same lead provider and contract period whose deadline has not passed

    Scenario Outline: Voiding a paid declaration
      Given a started declaration paid on the August 2026 statement
      And it is <today>
      When finance void the declaration, confirming it
      Then the declaration is awaiting clawback on the <statement> statement
      And the declaration is still paid on the August 2026 statement
      And finance are recorded as having voided it on <today>

      Examples:
        | today            | statement     |
        | 1 September 2026 | November 2026 |
        | 31 October 2026  | November 2026 |
        | 1 November 2026  | January 2027  |
        | 31 March 2027    | April 2027    |

    Scenario: No output statement is left to claw it back on
      Given Ambition Institute's 2026 contract has these statements
        | statement   | kind   | status |
        | August 2027 | output | open   |
      And a started declaration paid on the August 2026 statement
      And it is 1 April 2027
      When finance void the declaration, confirming it
      Then the void is refused because there is no output statement left to claw it back on
      And the declaration is still paid on the August 2026 statement

  Rule: Finance confirm the void, and a declaration already voided or being clawed back cannot be voided

    Scenario: The void is not confirmed
      Given a started declaration eligible for payment on the November 2026 statement
      When finance void the declaration without confirming it
      Then the void is refused because it was not confirmed
      And the declaration is still eligible for payment on the November 2026 statement

    Scenario Outline: A declaration that cannot be voided again
      Given it is 1 September 2026
      And a started declaration <where>
      When finance void the declaration, confirming it
      Then the declaration cannot be voided because it is <status>

      Examples:
        | where                                                              | status            |
        | that has been voided                                               | voided            |
        | paid on the August 2026 statement and awaiting clawback            | awaiting-clawback |
