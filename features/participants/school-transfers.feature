@participants
Feature: Which moves between schools a lead provider is told about
  When a participant finishes at a school, the lead provider that trained them there and
  the one that trains them at their next school are told of the move. The move is to a
  new provider when the two lead providers differ, to a new school when they are the
  same, and its destination is unknown while no next school has been recorded. It is
  incomplete until both the leaving date and the joining date have passed. A lead provider
  asking what has changed since a time is told of the moves whose training with it was
  recorded, or started or finished on another date, since then.

  Background:
    Given Ambition Institute and Best Practice Network both work with Oak Primary and Elm Academy in 2025
    And it is 20 November 2025

  Rule: A move to another school is a transfer, to a new provider or to a new school

    Scenario: An ECT moves to a school where another lead provider trains them
      Given an ECT trained with Ambition Institute at Oak Primary from 1 September 2025 to 31 October 2025
      And the ECT then trains with Best Practice Network at Elm Academy from 3 November 2025
      Then Ambition Institute is told of a move to a new provider, complete
      And Best Practice Network is told of a move to a new provider, complete

    Scenario: An ECT moves to a school where the same lead provider trains them
      Given an ECT trained with Ambition Institute at Oak Primary from 1 September 2025 to 31 October 2025
      And the ECT then trains with Ambition Institute at Elm Academy from 3 November 2025
      Then Ambition Institute is told of a move to a new school, complete
      And Best Practice Network is told of no moves

    Scenario: An ECT leaves and no next school has been recorded
      Given an ECT trained with Ambition Institute at Oak Primary from 1 September 2025 to 31 October 2025
      Then Ambition Institute is told of a move to an unknown destination, complete

    Scenario: A move that has not happened yet is incomplete
      Given an ECT trained with Ambition Institute at Oak Primary from 1 September 2025 to 14 December 2025
      And the ECT then trains with Best Practice Network at Elm Academy from 15 December 2025
      Then Ambition Institute is told of a move to a new provider, incomplete
      And Best Practice Network is told of a move to a new provider, incomplete

  Rule: Some changes are not moves between schools

    Scenario: A change of training within the same school is not a move
      Given an ECT trained with Ambition Institute at Oak Primary from 1 September 2025 to 31 October 2025
      And the ECT then trains with Ambition Institute at Oak Primary from 1 November 2025
      Then Ambition Institute is told of no moves

    Scenario: A teacher who completed their induction and then left has not moved
      Given an ECT trained with Ambition Institute at Oak Primary from 1 September 2025 to 31 October 2025
      And the ECT passed their induction on 31 October 2025
      Then Ambition Institute is told of no moves

  Rule: Asked what changed since a time, a lead provider is told of the moves whose training with it changed since

    Scenario: Only the lead provider whose training changed is told of it
      Given it is 5 November 2025
      And an ECT trained with Ambition Institute at Oak Primary from 1 September 2025 to 31 October 2025
      And the ECT then trains with Best Practice Network at Elm Academy from 3 November 2025
      And it is 15 November 2025
      When the ECT's training with Best Practice Network is to finish on 30 November 2025
      Then asked for changes since 10 November 2025, Ambition Institute is told of no moves
      And asked for changes since 10 November 2025, Best Practice Network is told of a move to a new provider, complete
      And both lead providers are told the move last changed on 15 November 2025

    Scenario: A move recorded before the time is not news
      Given it is 5 November 2025
      And an ECT trained with Ambition Institute at Oak Primary from 1 September 2025 to 31 October 2025
      And the ECT then trains with Best Practice Network at Elm Academy from 3 November 2025
      Then asked for changes since 10 November 2025, Ambition Institute is told of no moves
      And asked for changes since 1 November 2025, Ambition Institute is told of a move to a new provider, complete
