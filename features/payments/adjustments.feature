@payments
Feature: Additional adjustments to a statement
  Finance may add a manual payment or deduction to an output statement, for example for
  an extra training event. Each adjustment says what it is for and how much, positive or
  negative. Adjustments change only while the statement has not been paid, and each
  addition, change and removal is recorded.

  Background:
    Given Ambition Institute's 2025 contract has these statements
      | statement     | kind        | status  |
      | August 2026   | output      | paid    |
      | October 2026  | service fee | open    |
      | November 2026 | output      | payable |
      | January 2027  | output      | open    |
    And it is 2 November 2026

  Rule: An adjustment's amount is not zero and lies between minus one million and one million pounds

    Scenario Outline: Amounts at and beyond the limits
      When finance add an adjustment "Extra training event" of <amount> to the November 2026 statement
      Then the adjustment is <outcome>

      Examples:
        | amount     | outcome                                                        |
        | 2500       | added                                                          |
        | -250.50    | added                                                          |
        | 0.01       | added                                                          |
        | 1000000    | added                                                          |
        | -1000000   | added                                                          |
        | 0          | refused because the amount must not be zero                    |
        | 1000001    | refused because the amount must be within a million pounds     |
        | -1000000.01 | refused because the amount must be within a million pounds    |

  Rule: An adjustment says what it is for, in at most 500 characters

    Scenario Outline: What the adjustment is for
      When finance add an adjustment of 100 described in <length> characters to the November 2026 statement
      Then the adjustment is <outcome>

      Examples:
        | length | outcome                                                       |
        | 1      | added                                                         |
        | 500    | added                                                         |
        | 501    | refused because the description is too long                   |
        | 0      | refused because the description is missing                    |

  Rule: Adjustments change only on output statements that have not been paid

    Scenario Outline: Adding to different statements
      When finance add an adjustment "Extra training event" of 2500 to the <statement> statement
      Then the adjustment is <outcome>

      Examples:
        | statement     | outcome                                                   |
        | January 2027  | added                                                     |
        | November 2026 | added                                                     |
        | October 2026  | refused because the statement cannot be adjusted          |
        | August 2026   | refused because the statement cannot be adjusted          |

    Scenario: Changing and removing an adjustment before the statement is paid
      Given the November 2026 statement has an adjustment "Extra training event" of 2500
      When finance change the adjustment to "Extra training events" of 3000
      And finance remove the adjustment
      Then the November 2026 statement has no adjustments
      And finance are recorded as adding, changing and removing the adjustment

    Scenario: A paid statement's adjustments are frozen
      Given the November 2026 statement has an adjustment "Extra training event" of 2500
      And a declaration paid on the August 2026 statement is awaiting clawback on the November 2026 statement
      And finance have authorised the November 2026 statement
      When finance change the adjustment to "Extra training events" of 3000
      Then the adjustment is refused because the statement cannot be adjusted
      And the November 2026 statement has an adjustment "Extra training event" of 2500
