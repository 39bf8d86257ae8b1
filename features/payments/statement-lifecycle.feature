@payments
Feature: A lead provider's statements, from open to payable to paid
  Each lead provider has a statement for every month of a contract. Output statements pay
  for the training lead providers declare; service fee statements pay only the monthly
  service fee. A statement is due by the last day of the month before its month and paid
  on the 25th. Once its deadline has passed, an output statement becomes payable with the
  declarations that are eligible for payment on it, and finance then authorise it for
  payment.

  Background:
    Given Ambition Institute's 2025 contract has these statements
      | statement      | kind        | status  |
      | August 2026    | output      | paid    |
      | October 2026   | service fee | open    |
      | November 2026  | output      | open    |
      | December 2026  | service fee | open    |
      | January 2027   | output      | open    |
      | April 2027     | output      | open    |

  Rule: A declaration waiting for funding lands, once funding arrives, on the output statement with the earliest deadline on or after that day

    Scenario Outline: Funding eligibility arrives for an ECT
      Given an ECT training with Ambition Institute has a started declaration waiting for funding
      And it is <today>
      When the ECT becomes eligible for funding
      Then the declaration is eligible for payment on the <statement> statement

      Examples:
        | today            | statement     |
        | 1 September 2026 | November 2026 |
        | 31 October 2026  | November 2026 |
        | 1 November 2026  | January 2027  |
        | 31 December 2026 | January 2027  |
        | 31 March 2027    | April 2027    |

    Scenario: Funding arrives after the last output statement's deadline
      Given an ECT training with Ambition Institute has a started declaration waiting for funding
      And it is 1 April 2027
      When the ECT becomes eligible for funding
      Then the declaration is still waiting for funding

    Scenario: Only that lead provider's statements in that contract period are considered
      Given Ambition Institute's 2026 contract has these statements
        | statement     | kind   | status |
        | January 2027  | output | open   |
      And Teach First's 2025 contract has these statements
        | statement     | kind   | status |
        | December 2026 | output | open   |
      And an ECT training with Ambition Institute has a started declaration waiting for funding
      And it is 1 December 2026
      When the ECT becomes eligible for funding
      Then the declaration is eligible for payment on Ambition Institute's 2025 January 2027 statement

  Rule: Every day, each open output statement whose deadline has passed becomes payable, with the declarations eligible for payment on it

    Scenario Outline: The daily step on either side of the deadline
      Given the November 2026 statement has 3 declarations eligible for payment
      And it is <today>
      When the daily payment step runs
      Then the November 2026 statement is <statement status>
      And the declarations on the November 2026 statement are <declaration status>

      Examples:
        | today           | statement status | declaration status |
        | 30 October 2026 | open             | eligible           |
        | 31 October 2026 | open             | eligible           |
        | 1 November 2026 | payable          | payable            |

    Scenario: Service fee statements are not made payable by the daily step
      Given it is 1 January 2027
      When the daily payment step runs
      Then the December 2026 statement is open
      And the November 2026 statement is payable

    Scenario: The system is recorded as making statements and declarations payable
      Given the November 2026 statement has 2 declarations eligible for payment
      And it is 1 November 2026
      When the daily payment step runs
      Then the system is recorded as making the November 2026 statement payable
      And the system is recorded as making 2 declarations payable

  Rule: Finance authorise a payable output statement for payment once its deadline has passed, confirming the assurance checks are done

    Background:
      Given a declaration paid on the August 2026 statement is awaiting clawback on the November 2026 statement
      And the November 2026 statement has 2 declarations eligible for payment
      And it is 1 November 2026
      And the daily payment step has run

    Scenario: Authorising pays the payable declarations and claws back those awaiting clawback, all at once
      Given it is 2 November 2026
      When finance authorise the November 2026 statement for payment, confirming the assurance checks are done
      Then the November 2026 statement is paid
      And the November 2026 statement is recorded as authorised for payment on 2 November 2026
      And the declarations on the November 2026 statement are paid
      And the declaration awaiting clawback is clawed back
      And finance are recorded as authorising the November 2026 statement for payment
      And finance are recorded as paying 2 declarations and clawing back 1

    Scenario Outline: Authorisation is refused
      Given it is 2 November 2026
      And <situation>
      When finance authorise the <statement> statement for payment, <confirming>
      Then the authorisation is refused because <reason>
      And the November 2026 statement is <status>

      Examples:
        | situation                                            | statement     | confirming                                       | reason                                                | status  |
        | nothing else has happened                            | November 2026 | without confirming the assurance checks          | the assurance checks have not been confirmed          | payable |
        | nothing else has happened                            | January 2027  | confirming the assurance checks are done         | its deadline has not passed                           | payable |
        | nothing else has happened                            | October 2026  | confirming the assurance checks are done         | it is a service fee statement                         | payable |
        | nothing else has happened                            | August 2026   | confirming the assurance checks are done         | it has already been authorised for payment            | payable |
        | finance have authorised the November 2026 statement  | November 2026 | confirming the assurance checks are done         | it has already been authorised for payment            | paid    |

    Scenario: A payable statement with nothing to pay or claw back cannot be authorised
      Given it is 1 February 2027
      And the daily payment step has run
      When finance authorise the January 2027 statement for payment, confirming the assurance checks are done
      Then the authorisation is refused because it has no declarations to pay or claw back
      And the January 2027 statement is payable

    Scenario: An output statement the daily step has not yet made payable cannot be authorised
      Given it is 1 February 2027
      When finance authorise the January 2027 statement for payment, confirming the assurance checks are done
      Then the authorisation is refused because it is not payable yet
      And the January 2027 statement is open
