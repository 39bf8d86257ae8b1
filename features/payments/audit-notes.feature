@payments
Feature: Audit notes on a statement
  Finance may write a note on any statement to explain its figures, for example why a
  declaration moved between statements. Notes are kept in the order they were written and
  are never changed afterwards.

  Background:
    Given Ambition Institute's 2025 contract has these statements
      | statement     | kind        | status  |
      | August 2026   | output      | paid    |
      | October 2026  | service fee | open    |

  Rule: A note says something, and every note finance add is recorded

    Scenario: Notes on a paid statement and on a service fee statement
      When finance add the note "Two declarations moved here from June" to the August 2026 statement
      And finance add the note "Checked against the contract" to the August 2026 statement
      And finance add the note "Service fee agreed by email" to the October 2026 statement
      Then the August 2026 statement has the notes "Two declarations moved here from June" and "Checked against the contract"
      And finance are recorded as adding 3 notes

    Scenario: A note that says nothing
      When finance add the note "   " to the August 2026 statement
      Then the note is refused because it says nothing
      And the August 2026 statement has no notes
