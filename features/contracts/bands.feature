@contracts
Feature: A lead provider's bands in a contract period
  Declarations a lead provider is paid for fill its bands in order: band A first, then B,
  and so on. Each band holds a number of declarations, its capacity, and every contract of
  the lead provider for that contract period prices the same bands.

  Background:
    Given the 2026 contract period runs from 1 June 2026 to 31 May 2027
    And Ambition Institute is contracted in the 2026 contract period
    And it is 1 March 2026

  Rule: Bands are lettered in the order they are added, and each starts after the declarations of the bands before it

    Scenario: Adding bands
      When finance add a band of 2000 declarations for Ambition Institute in 2026
      And finance add a band of 1000 declarations for Ambition Institute in 2026
      And finance add a band of 500 declarations for Ambition Institute in 2026
      Then Ambition Institute's bands in 2026 are
        | band | declarations |
        | A    | 1 to 2000    |
        | B    | 2001 to 3000 |
        | C    | 3001 to 3500 |

  Rule: Only the last band can be changed or removed, and a band's capacity can only increase

    Background:
      Given Ambition Institute's bands in 2026 hold 2000 and 1000 declarations

    Scenario Outline: Changing a band's capacity
      When finance change band <band> of Ambition Institute in 2026 to <capacity> declarations
      Then <outcome>

      Examples:
        | band | capacity | outcome                                                  |
        | B    | 1500     | the change is made                                       |
        | B    | 1000     | the change is made                                       |
        | B    | 999      | it is refused because a band's capacity can only increase |
        | A    | 2500     | it is refused because only the last band can change      |

    Scenario: Removing the last band
      When finance remove band B of Ambition Institute in 2026
      Then the change is made
      And Ambition Institute's bands in 2026 are
        | band | declarations |
        | A    | 1 to 2000    |

    Scenario: Removing a band that is not the last
      When finance remove band A of Ambition Institute in 2026
      Then it is refused because only the last band can change

  Rule: Bands can be added or removed only while the lead provider has no contract and the contract period has not started

    Scenario: The contract period has started
      Given it is 1 June 2026
      When finance add a band of 500 declarations for Ambition Institute in 2026
      Then it is refused because the contract period has started

    Scenario: The lead provider has a contract
      Given Teach First has a contract for the 2026 contract period
      When finance add a band of 500 declarations for Teach First in 2026
      Then it is refused because the lead provider has a contract

  Rule: No band can change once payments for the contract period are frozen

    Scenario: Payments are frozen
      Given Ambition Institute's bands in 2026 hold 2000 and 1000 declarations
      And finance froze payments for the 2026 contract period
      When finance change band B of Ambition Institute in 2026 to 1500 declarations
      Then it is refused because payments for the contract period are frozen
