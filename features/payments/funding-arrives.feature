@payments
Feature: Declarations waiting for a teacher's funding eligibility
  A lead provider may declare training for a teacher who is not yet eligible for funded
  training. The declaration then waits, without payment. The first time the teacher
  becomes eligible for funded training in that role (as an ECT or as a mentor), that day
  is recorded for good, and their waiting declarations in that role become eligible for
  payment on the lead provider's next output statement.

  Background:
    Given Ambition Institute's 2025 contract has these statements
      | statement      | kind        | status  |
      | November 2026  | output      | open    |
      | January 2027   | output      | open    |

  Rule: When an ECT first becomes eligible for funded training, their waiting ECT declarations become eligible for payment

    Scenario: Eligibility arrives for an ECT with a waiting declaration
      Given an ECT training with Ambition Institute has a started declaration submitted before they were eligible for funding
      And it is 1 September 2026
      When the teacher first becomes eligible for funded training as an ECT
      Then the declaration is eligible for payment on the November 2026 statement
      And the teacher's first eligibility for funded training as an ECT is recorded as 1 September 2026

    Scenario: Eligibility as a mentor leaves the teacher's ECT declarations waiting
      Given an ECT training with Ambition Institute has a started declaration submitted before they were eligible for funding
      And it is 1 September 2026
      When the teacher first becomes eligible for funded training as a mentor
      Then the declaration is still waiting for funding

  Rule: The first day of eligibility is never moved

    Scenario: Eligibility recorded a second time
      Given an ECT training with Ambition Institute has a started declaration submitted before they were eligible for funding
      And it is 1 September 2026
      And the teacher first becomes eligible for funded training as an ECT
      And it is 1 December 2026
      When the teacher first becomes eligible for funded training as an ECT
      Then the teacher's first eligibility for funded training as an ECT is recorded as 1 September 2026
      And the teacher's funding eligibility is recorded once in the audit trail

  Rule: A declaration left waiting although its teacher is eligible catches up the next day

    Scenario: The payments side was not told that eligibility arrived
      Given an ECT training with Ambition Institute has a started declaration submitted before they were eligible for funding
      And it is 1 September 2026
      And the teacher's eligibility as an ECT was recorded without the waiting declarations being told
      And it is 2 November 2026
      When the daily catch-up of waiting declarations runs
      Then the declaration is eligible for payment on the January 2027 statement
