@shared
Feature: Periods of time
  Placements at schools, training, mentoring and inductions are each a period of days.
  The first and the last day both belong to the period. A period with no last day is
  still going on.

  Rule: A period cannot finish before it starts

    Scenario: A period that finishes on the day it starts lasts one day
      When a period runs from 2025-09-01 to 2025-09-01
      Then the period is accepted

    Scenario: A period that finishes before it starts is refused
      When a period runs from 2025-09-01 to 2025-08-31
      Then the period is refused because it finishes before it starts

  Rule: Two periods overlap when they share at least one day

    Scenario Outline: Overlapping and following periods
      Given a period from <first start> to <first finish>
      When another period runs from <second start> to <second finish>
      Then the two periods <overlap>

      Examples:
        | first start | first finish | second start | second finish | overlap      |
        | 2025-09-01  | 2026-07-31   | 2026-08-01   | ongoing       | do not overlap |
        | 2025-09-01  | 2026-07-31   | 2026-07-31   | ongoing       | overlap      |
        | 2025-09-01  | ongoing      | 2030-01-01   | 2030-12-31    | overlap      |
        | 2025-09-01  | 2025-12-31   | 2025-01-01   | 2025-08-31    | do not overlap |
        | 2025-09-01  | 2025-12-31   | 2025-01-01   | 2025-09-01    | overlap      |
        | 2025-09-01  | 2025-12-31   | 2025-10-01   | 2025-10-31    | overlap      |

  Rule: One period contains another when every day of the other is inside it

    Scenario Outline: Training must sit inside the placement it belongs to
      Given a period from <outer start> to <outer finish>
      When another period runs from <inner start> to <inner finish>
      Then the first period <contains> the second

      Examples:
        | outer start | outer finish | inner start | inner finish | contains         |
        | 2025-09-01  | 2026-07-31   | 2025-09-01  | 2026-07-31   | contains         |
        | 2025-09-01  | 2026-07-31   | 2025-08-31  | 2026-07-31   | does not contain |
        | 2025-09-01  | 2026-07-31   | 2025-09-01  | ongoing      | does not contain |
        | 2025-09-01  | ongoing      | 2026-01-01  | ongoing      | contains         |
        | 2025-09-01  | ongoing      | 2026-01-01  | 2026-02-01   | contains         |

  Rule: A period is current on every day from its first to its last

    Scenario Outline: Is the period current on a day?
      Given a period from 2025-09-01 to <finish>
      Then on <day> the period <is current>

      Examples:
        | finish     | day        | is current     |
        | 2026-07-31 | 2025-08-31 | is not current |
        | 2026-07-31 | 2025-09-01 | is current     |
        | 2026-07-31 | 2026-07-31 | is current     |
        | 2026-07-31 | 2026-08-01 | is not current |
        | ongoing    | 2040-01-01 | is current     |
