@contracts
Feature: The schedule for training with a lead provider
  Training with a lead provider follows a schedule, which sets when the lead provider may
  declare each stage of the training. A schedule is standard, extended, reduced or
  replacement, and begins in September, January or April. Schools do not choose it: it is
  worked out when the training starts, within a contract period (1 June to the following
  31 May).

  Background:
    Given contract periods from 2024 to 2028, each running from 1 June to the following 31 May

  Rule: The schedule begins in September for June to October, January for November to February, and April for March to May

    Scenario Outline: Training that starts on or after today
      Given today is 1 June 2026
      When an ECT's training with a lead provider starts on <start date>
      Then the training goes on the standard <month> schedule of the <year> contract period

      Examples:
        | start date       | month     | year |
        | 1 June 2026      | September | 2026 |
        | 31 October 2026  | September | 2026 |
        | 1 November 2026  | January   | 2026 |
        | 28 February 2027 | January   | 2026 |
        | 1 March 2027     | April     | 2026 |
        | 31 May 2027      | April     | 2026 |
        | 1 June 2027      | September | 2027 |
        | 28 February 2028 | January   | 2027 |
        | 29 February 2028 | January   | 2027 |
        | 1 March 2028     | April     | 2027 |

  Rule: The month and the contract period come from the later of the training start and today

    Scenario Outline: Training that started before today
      Given today is <today>
      When a mentor's training with a lead provider starts on 1 December 2025
      Then the training goes on the standard <month> schedule of the <year> contract period

      Examples:
        | today           | month     | year |
        | 1 December 2025 | January   | 2025 |
        | 1 March 2026    | April     | 2025 |
        | 21 August 2026  | September | 2026 |

  Rule: An ECT moved out of a contract period with frozen payments goes on the extended September schedule of 2024

    Scenario Outline: A moved ECT's training starts in any month
      Given today is 21 August 2026
      And the ECT has been moved to the 2024 contract period because payments for their previous training are frozen
      When an ECT's training with a lead provider starts on <start date>
      Then the training goes on the extended September schedule of the 2024 contract period

      Examples:
        | start date       |
        | 1 September 2026 |
        | 1 December 2026  |
        | 1 April 2027     |

  Rule: A mentor taking over from a mentor whose training of the ECT has already been declared goes on a replacement schedule

    Scenario: A replacement mentor
      Given today is 21 August 2026
      And the mentor takes over an ECT whose lead provider has already declared training with an earlier mentor
      When a mentor's training with a lead provider starts on 5 January 2027
      Then the training goes on the replacement January schedule of the 2026 contract period

  Rule: Any other training goes on a standard schedule

    Scenario: A mentor who is not replacing anyone
      Given today is 21 August 2026
      When a mentor's training with a lead provider starts on 5 January 2027
      Then the training goes on the standard January schedule of the 2026 contract period

    Scenario: An ECT who has not been moved
      Given today is 21 August 2026
      When an ECT's training with a lead provider starts on 5 January 2027
      Then the training goes on the standard January schedule of the 2026 contract period

  Rule: A schedule can only be chosen within a contract period

    Scenario: Training that starts after the last contract period
      Given today is 21 August 2026
      When an ECT's training with a lead provider starts on 1 September 2031
      Then no schedule is chosen because there is no contract period for 1 September 2031

  Rule: ECTs are never on a replacement schedule and mentors are never on a reduced schedule

    Scenario Outline: A lead provider moves a teacher onto another schedule
      When a lead provider moves <teacher> onto the <kind> <month> schedule
      Then the schedule is <verdict>

      Examples:
        | teacher  | kind        | month     | verdict                                                  |
        | an ECT   | replacement | January   | refused because ECTs are never on a replacement schedule |
        | an ECT   | reduced     | April     | accepted                                                 |
        | an ECT   | extended    | September | accepted                                                 |
        | an ECT   | standard    | January   | accepted                                                 |
        | a mentor | reduced     | April     | refused because mentors are never on a reduced schedule  |
        | a mentor | replacement | September | accepted                                                 |
        | a mentor | extended    | January   | accepted                                                 |
        | a mentor | standard    | April     | accepted                                                 |
