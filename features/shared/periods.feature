@shared
Feature: Periods of time
  Placements at schools, training, mentoring and inductions are each a period of days.
  The first and the last day both belong to the period. A period with no last day is
  still going on.

  Rule: A period cannot finish before it starts

    Scenario: A period that finishes on the day it starts lasts one day
      When a period runs from 1 September 2025 to 1 September 2025
      Then the period is accepted

    Scenario: A period that finishes before it starts is refused
      When a period runs from 1 September 2025 to 31 August 2025
      Then the period is refused because it finishes before it starts

  Rule: Two periods overlap when they share at least one day

    Scenario Outline: Overlapping and following periods
      Given a period from <first start> to <first finish>
      When another period runs from <second start> to <second finish>
      Then the two periods <overlap>

      Examples:
        | first start      | first finish     | second start   | second finish    | overlap        |
        | 1 September 2025 | 31 July 2026     | 1 August 2026  | ongoing          | do not overlap |
        | 1 September 2025 | 31 July 2026     | 31 July 2026   | ongoing          | overlap        |
        | 1 September 2025 | ongoing          | 1 January 2030 | 31 December 2030 | overlap        |
        | 1 September 2025 | 31 December 2025 | 1 January 2025 | 31 August 2025   | do not overlap |
        | 1 September 2025 | 31 December 2025 | 1 January 2025 | 1 September 2025 | overlap        |
        | 1 September 2025 | 31 December 2025 | 1 October 2025 | 31 October 2025  | overlap        |

  Rule: One period contains another when every day of the other is inside it

    Scenario Outline: Training must sit inside the placement it belongs to
      Given a period from <outer start> to <outer finish>
      When another period runs from <inner start> to <inner finish>
      Then the first period <contains> the second

      Examples:
        | outer start      | outer finish | inner start      | inner finish    | contains         |
        | 1 September 2025 | 31 July 2026 | 1 September 2025 | 31 July 2026    | contains         |
        | 1 September 2025 | 31 July 2026 | 31 August 2025   | 31 July 2026    | does not contain |
        | 1 September 2025 | 31 July 2026 | 1 September 2025 | ongoing         | does not contain |
        | 1 September 2025 | ongoing      | 1 January 2026   | ongoing         | contains         |
        | 1 September 2025 | ongoing      | 1 January 2026   | 1 February 2026 | contains         |

  Rule: A period is current on every day from its first to its last

    Scenario Outline: Is the period current on a day?
      Given a period from 1 September 2025 to <finish>
      Then on <day> the period <is current>

      Examples:
        | finish       | day              | is current     |
        | 31 July 2026 | 31 August 2025   | is not current |
        | 31 July 2026 | 1 September 2025 | is current     |
        | 31 July 2026 | 31 July 2026     | is current     |
        | 31 July 2026 | 1 August 2026    | is not current |
        | ongoing      | 1 January 2040   | is current     |

