@participants
Feature: Which schools are eligible and which can use the service
  What the service knows of a school comes from Get Information about Schools (GIAS), the
  register of schools in England. From it the service works out which schools it brings
  in, which are eligible for funded training, and which can sign in. GIAS says what type
  of establishment each school is, whether it is open, closed, proposed to close or
  proposed to open, and whether an independent school has section 41 approval. Whether a
  school is in England follows from its type: Welsh establishments, British schools
  overseas, offshore schools and service children's education are not.

  Rule: An open school in England of an eligible type is eligible

    Scenario Outline: Eligible types of school
      Given GIAS lists a school of type "<type>" that is open
      When the school's eligibility is worked out
      Then the school is eligible

      Examples:
        | type                           |
        | Community school               |
        | Voluntary aided school         |
        | Academy converter              |
        | Free schools                   |
        | Studio schools                 |
        | Pupil referral unit            |
        | Local authority nursery school |
        | Children's centre              |
        | Further education              |
        | Non-maintained special school  |

    Scenario: Secure units are eligible, unlike in the previous service
      Given GIAS lists a school of type "Secure units" that is open
      When the school's eligibility is worked out
      Then the school is eligible

  Rule: Only a school that is open or proposed to close is eligible

    Scenario Outline: A school's status in GIAS
      Given GIAS lists a school of type "Community school" that is <status>
      When the school's eligibility is worked out
      Then the school <verdict>

      Examples:
        | status            | verdict         |
        | open              | is eligible     |
        | proposed to close | is eligible     |
        | proposed to open  | is not eligible |
        | closed            | is not eligible |

  Rule: An independent school is eligible only with section 41 approval

    Scenario Outline: Independent schools with and without section 41 approval
      Given GIAS lists a school of type "<type>" that is open
      And the school <approval> section 41 approval
      When the school's eligibility is worked out
      Then the school <verdict>

      Examples:
        | type                             | approval      | verdict         |
        | Other independent school         | has           | is eligible     |
        | Other independent school         | does not have | is not eligible |
        | Other independent special school | has           | is eligible     |
        | Other independent special school | does not have | is not eligible |

  Rule: Some types of establishment are never eligible, even with section 41 approval

    Scenario Outline: Types that are not eligible
      Given GIAS lists a school of type "<type>" that is open
      And the school has section 41 approval
      When the school's eligibility is worked out
      Then the school is not eligible

      Examples:
        | type                                              |
        | Offshore schools                                  |
        | Service children's education                      |
        | Miscellaneous                                     |
        | Higher education institutions                     |
        | Welsh establishment                               |
        | British schools overseas                          |
        | Online provider                                   |
        | Institution funded by other government department |

  Rule: A type of establishment GIAS does not use is refused

    Scenario: An unknown type of establishment
      Given GIAS lists a school of type "Boarding house" that is open
      When the school's eligibility is worked out
      Then the school is refused because "Boarding house" is not a type of establishment GIAS uses

  Rule: DfE can mark a school as eligible whatever GIAS says

    Scenario: A school GIAS does not count as eligible
      Given GIAS lists a school of type "Miscellaneous" that is open
      When the school's eligibility is worked out
      Then the school is not eligible

    Scenario: A DfE admin marks the school as eligible
      Given GIAS lists a school of type "Miscellaneous" that is open
      And a DfE admin has marked the school as eligible
      When the school's eligibility is worked out
      Then the school is eligible

  Rule: Only schools in England that are open, or closed since 2020, and of an eligible or independent type are brought in from GIAS

    Scenario Outline: Which schools are brought in
      Given GIAS lists a school of type "<type>" that is <status>
      And the school <closed>
      When the GIAS data is imported
      Then the school <verdict>

      Examples:
        | type                     | status           | closed                      | verdict                     |
        | Community school         | open             | has not closed              | is brought into the service |
        | Community school         | proposed to open | has not closed              | is brought into the service |
        | Other independent school | open             | has not closed              | is brought into the service |
        | Online provider          | open             | has not closed              | is left out of the service  |
        | Welsh establishment      | open             | has not closed              | is left out of the service  |
        | Community school         | closed           | closed on 1 January 2020    | is brought into the service |
        | Community school         | closed           | closed on 31 December 2019  | is left out of the service  |
        | Community school         | closed           | has no closing date in GIAS | is left out of the service  |

  Rule: A school GIAS lists as closed or proposed to open cannot sign in

    Scenario Outline: A school's status in GIAS decides whether it can sign in
      Given GIAS lists a school of type "Community school" that is <status>
      And the school still has teachers in training
      When someone from the school signs in
      Then they <verdict>

      Examples:
        | status            | verdict                           |
        | open              | can use the service               |
        | proposed to close | can use the service               |
        | proposed to open  | are refused access to the service |
        | closed            | are refused access to the service |

  Rule: An independent school without section 41 approval can use the service only while it still has teachers in training, and cannot register new ECTs

    Scenario: An independent school without approval and with no one in training
      Given GIAS lists a school of type "Other independent school" that is open
      And the school does not have section 41 approval
      And the school has no teachers in training
      When someone from the school signs in
      Then they are refused access to the service

    Scenario: An independent school without approval that still has teachers in training
      Given GIAS lists a school of type "Other independent school" that is open
      And the school does not have section 41 approval
      And the school still has teachers in training
      When someone from the school signs in
      Then they can use the service
      But they cannot register new ECTs

    Scenario: An independent school with section 41 approval
      Given GIAS lists a school of type "Other independent special school" that is open
      And the school has section 41 approval
      And the school has no teachers in training
      When someone from the school signs in
      Then they can use the service
      And they can register new ECTs

    Scenario: A state-funded school needs no approval
      Given GIAS lists a school of type "Academy converter" that is open
      And the school has no teachers in training
      When someone from the school signs in
      Then they can use the service
      And they can register new ECTs
