@contracts
Feature: The contract period a registration goes into
  When a school registers an early career teacher (ECT) or a mentor for training with a
  lead provider, the training is counted, scheduled and paid for in one contract period.
  Contract periods run from 1 June to the following 31 May and take the year they start
  in as their name. In these examples today is 21 August 2026, so the current contract
  period is 2026.

  Background:
    Given today is 21 August 2026
    And contract periods from 2021 to 2026, each running from 1 June to the following 31 May
    And payments for the 2021 contract period were frozen on 18 June 2024
    And payments for the 2022 contract period were frozen on 16 June 2025

  Rule: A registration goes into the contract period containing the start date, or the current one when that is earlier

    Scenario: An ECT who started at the school last year is trained in this year's contract period
      When a school registers an ECT starting at the school on 1 September 2025
      Then the registration goes into the 2026 contract period

    Scenario Outline: Start dates either side of the edges of contract periods
      Given registration for the 2027 contract period is open
      When a school registers an ECT starting at the school on <start date>
      Then the registration goes into the <year> contract period

      Examples:
        | start date       | year |
        | 31 May 2026      | 2026 |
        | 1 June 2026      | 2026 |
        | 1 September 2026 | 2026 |
        | 31 May 2027      | 2026 |
        | 1 June 2027      | 2027 |

    Scenario: A mentor who started before any contract period is trained in the current one
      When a school registers a mentor starting at the school on 1 September 2019
      Then the registration goes into the 2026 contract period

  Rule: A start date in a future contract period can be registered only once registration for that period has opened

    Scenario: Registration for next year's contract period has not opened yet
      Given there is a 2027 contract period, not yet open for registration
      When a school registers an ECT starting at the school on 1 July 2027
      Then the registration is refused because registration for that contract period has not opened yet

    Scenario: Registration for next year's contract period has opened
      Given registration for the 2027 contract period is open
      When a school registers an ECT starting at the school on 1 July 2027
      Then the registration goes into the 2027 contract period

    Scenario: There is no contract period for next year yet
      Given there is no 2027 contract period
      When a school registers an ECT starting at the school on 1 July 2027
      Then the registration is refused because registration for that contract period has not opened yet

    Scenario Outline: A start date up to today is registered even when registration has closed
      Given registration for the 2026 contract period is closed
      When a school registers an ECT starting at the school on <start date>
      Then the registration goes into the 2026 contract period

      Examples:
        | start date     |
        | 1 June 2026    |
        | 21 August 2026 |

    Scenario: A teacher who trained before still needs registration to have opened
      Given there is a 2027 contract period, not yet open for registration
      And the teacher's previous training with a lead provider was in the 2025 contract period
      When a school registers an ECT starting at the school on 1 July 2027
      Then the registration is refused because registration for that contract period has not opened yet

  Rule: An ECT cannot start at a school before the contract period two before the current one began

    Scenario: An ECT whose start date is too early
      When a school registers an ECT starting at the school on 31 May 2024
      Then the registration is refused because the start date is before 1 June 2024

    Scenario Outline: The earliest start date moves on with the current contract period
      Given today is <today>
      When a school registers an ECT starting at the school on <start date>
      Then the start date is <verdict>

      Examples:
        | today          | start date  | verdict                             |
        | 21 August 2026 | 31 May 2024 | refused as earlier than 1 June 2024 |
        | 21 August 2026 | 1 June 2024 | accepted                            |
        | 1 June 2026    | 31 May 2024 | refused as earlier than 1 June 2024 |
        | 31 May 2026    | 31 May 2023 | refused as earlier than 1 June 2023 |
        | 31 May 2026    | 1 June 2023 | accepted                            |

  Rule: Previous training with a lead provider keeps its contract period while that period's payments are not frozen

    Scenario: An ECT moving school keeps the contract period and schedule of their training
      Given the teacher's previous training with a lead provider was in the 2025 contract period
      When a school registers an ECT starting at the school on 1 October 2026
      Then the registration goes into the 2025 contract period
      And the ECT keeps the schedule of their previous training

    Scenario: A mentor keeps the contract period of their training but not its schedule
      Given the teacher's previous training with a lead provider was in the 2025 contract period
      When a school registers a mentor starting at the school on 1 October 2026
      Then the registration goes into the 2025 contract period
      And the mentor does not keep the schedule of their previous training

    Scenario Outline: A contract period counts as frozen from the day its payments are frozen
      Given today is <today>
      And the teacher's previous training with a lead provider was in the 2022 contract period
      When a school registers an ECT starting at the school on 1 September 2025
      Then the registration goes into the <year> contract period

      Examples:
        | today        | year |
        | 15 June 2025 | 2022 |
        | 16 June 2025 | 2024 |

  Rule: An ECT whose previous training is in a contract period with frozen payments moves to 2024 on the extended schedule

    Scenario Outline: An ECT from a frozen contract period is registered again
      Given the teacher's previous training with a lead provider was in the <previous year> contract period
      When a school registers an ECT starting at the school on 1 September 2026
      Then the registration goes into the 2024 contract period
      And the ECT is moved out of the frozen contract period
      And the ECT's training goes on the extended September schedule of the 2024 contract period

      Examples:
        | previous year |
        | 2021          |
        | 2022          |

  Rule: Mentors are never moved out of a contract period with frozen payments

    Scenario Outline: A mentor from a frozen contract period is registered again
      Given the teacher's previous training with a lead provider was in the <previous year> contract period
      When a school registers a mentor starting at the school on 1 September 2026
      Then the registration goes into the 2026 contract period
      And the mentor is not moved out of the frozen contract period

      Examples:
        | previous year |
        | 2021          |
        | 2022          |
