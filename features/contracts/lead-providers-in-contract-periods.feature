@contracts
Feature: Lead providers contracted in a contract period
  A lead provider is contracted in a contract period once; its bands and contracts for that
  year belong to that contract.

  Background:
    Given the 2026 contract period runs from 1 June 2026 to 31 May 2027

  Rule: A lead provider is contracted at most once in each contract period

    Scenario: Contracting a lead provider
      When finance contract Ambition Institute in the 2026 contract period
      Then the change is made
      And Ambition Institute is contracted in the 2026 contract period with no bands

    Scenario: Contracting it again
      Given Ambition Institute is contracted in the 2026 contract period
      When finance contract Ambition Institute in the 2026 contract period
      Then it is refused because the lead provider is already contracted in that contract period
