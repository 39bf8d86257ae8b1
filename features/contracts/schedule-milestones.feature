@contracts
Feature: The dates of a schedule's milestones
  Each schedule of a contract period has a milestone for each kind of declaration: the first
  day a declaration of that kind may be dated and, for some, a milestone date after which
  it may not. Finance can change both dates.

  Background:
    Given the 2025 contract period runs from 1 June 2025 to 31 May 2026
    And the started milestone of the 2025 standard September schedule runs from 1 June 2025 to 31 December 2025

  Rule: A milestone starts on or after 1 June of its contract period's year, and its milestone date, if any, is after its start

    Scenario Outline: New dates for a milestone
      When finance change the started milestone of the 2025 standard September schedule to run from <start> to <end>
      Then <outcome>

      Examples:
        | start          | end              | outcome                                                        |
        | 1 June 2025    | 31 January 2026  | the change is made                                             |
        | 1 June 2025    | no milestone date | the change is made                                            |
        | 31 May 2025    | 31 December 2025 | it is refused because it starts before its contract period     |
        | 1 January 2026 | 1 January 2026   | it is refused because the milestone date is not after its start |
        | 1 January 2026 | 31 December 2025 | it is refused because the milestone date is not after its start |

    Scenario: A refused change leaves the milestone as it was
      When finance change the started milestone of the 2025 standard September schedule to run from 31 May 2025 to 31 December 2025
      Then the started milestone of the 2025 standard September schedule runs from 1 June 2025 to 31 December 2025
