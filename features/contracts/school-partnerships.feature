@contracts
Feature: Lead providers confirming partnerships with schools
  A lead provider confirms that it will train a school's early career teachers and mentors
  with one of its delivery partners in a contract period. Schools may register their
  participants with a lead provider before any partnership exists; those participants
  join the partnership when the lead provider confirms it.

  Background:
    Given contract periods from 2023 to 2026, each running from 1 June to the following 31 May
    And today is 20 November 2025
    And Ambition Institute works with Alpha Partners in 2025 and in 2026
    And Oak Primary is eligible for funding

  Rule: A partnership is for a contract period that exists, has started and is open

    Scenario: A partnership for the current contract period
      When Ambition Institute confirms a partnership with Oak Primary and Alpha Partners for 2025
      Then the partnership is confirmed

    Scenario: A contract period that does not exist
      When Ambition Institute confirms a partnership with Oak Primary and Alpha Partners for 2030
      Then the partnership is refused because the contract period is not one we know
      And the partnership is refused because the delivery partner does not work with the lead provider in that contract period

    Scenario: A contract period that has not started yet
      When Ambition Institute confirms a partnership with Oak Primary and Alpha Partners for 2026
      Then the partnership is refused because the contract period has not started yet

    Scenario: A closed contract period
      Given registration for the 2023 contract period is closed
      And Ambition Institute works with Alpha Partners in 2023
      When Ambition Institute confirms a partnership with Oak Primary and Alpha Partners for 2023
      Then the partnership is refused because the contract period is closed

  Rule: The school must be eligible for funding and not train only school-led participants that year

    Scenario: A school that is not eligible for funding
      Given Elm Academy is not eligible for funding
      When Ambition Institute confirms a partnership with Elm Academy and Alpha Partners for 2025
      Then the partnership is refused because the school is not eligible for funding

    Scenario: A school that registered only school-led participants that year
      Given Willow School is eligible for funding
      And Willow School registered only school-led participants for 2025
      When Ambition Institute confirms a partnership with Willow School and Alpha Partners for 2025
      Then the partnership is refused because the school has only school-led participants

  Rule: A lead provider has at most one partnership with a school in a contract period

    Scenario: A second partnership, even with another delivery partner
      Given Ambition Institute works with Beta Partners in 2025
      And Ambition Institute has confirmed a partnership with Oak Primary and Alpha Partners for 2025
      When Ambition Institute confirms a partnership with Oak Primary and Beta Partners for 2025
      Then the partnership is refused because the lead provider already has a partnership with the school that year

    Scenario: A school no longer eligible is refused on both counts when already partnered
      Given Ambition Institute has confirmed a partnership with Oak Primary and Alpha Partners for 2025
      And Oak Primary is no longer eligible for funding
      When Ambition Institute confirms a partnership with Oak Primary and Alpha Partners for 2025
      Then the partnership is refused because the school is not eligible for funding
      And the partnership is refused because the lead provider already has a partnership with the school that year

    Scenario: Another lead provider may partner the same school in the same year
      Given Best Practice Network works with Beta Partners in 2025
      And Ambition Institute has confirmed a partnership with Oak Primary and Alpha Partners for 2025
      When Best Practice Network confirms a partnership with Oak Primary and Beta Partners for 2025
      Then the partnership is confirmed

  Rule: The delivery partner must work with the lead provider in that contract period

    Scenario: A delivery partner the lead provider works with only in another year
      Given Ambition Institute works with Gamma Partners in 2024
      When Ambition Institute confirms a partnership with Oak Primary and Gamma Partners for 2025
      Then the partnership is refused because the delivery partner does not work with the lead provider in that contract period

  Rule: Participants registered with the lead provider before the partnership join it

    Scenario: The school's participants registered with this lead provider for that year join
      Given Oak Primary registered an ECT and a mentor with Ambition Institute for 2025
      And Oak Primary registered an ECT with Best Practice Network for 2025
      And Oak Primary registered an ECT with Ambition Institute for 2024
      When Ambition Institute confirms a partnership with Oak Primary and Alpha Partners for 2025
      Then the partnership is confirmed
      And 2 participants train in the new partnership
      And each of them is recorded as having joined the partnership

    Scenario: A refused partnership takes in nobody
      Given Oak Primary registered an ECT and a mentor with Ambition Institute for 2025
      When Ambition Institute confirms a partnership with Oak Primary and Alpha Partners for 2030
      Then no participant trains in a new partnership

  Rule: A partnership can move to another delivery partner working with the lead provider that year

    Background:
      Given Ambition Institute works with Beta Partners in 2025
      And Ambition Institute works with Gamma Partners in 2024
      And Ambition Institute has confirmed a partnership with Oak Primary and Alpha Partners for 2025

    Scenario: Moving to another delivery partner
      When Ambition Institute moves the partnership to Beta Partners
      Then the partnership is with Beta Partners

    Scenario: Moving to the delivery partner it already has
      When Ambition Institute moves the partnership to Alpha Partners
      Then the move is refused because the school is already in partnership with that delivery partner

    Scenario: Moving to a delivery partner that does not work with the lead provider that year
      When Ambition Institute moves the partnership to Gamma Partners
      Then the move is refused because the delivery partner does not work with the lead provider in that contract period
