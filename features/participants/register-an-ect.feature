@participants
Feature: A school registers an early career teacher
  A school finds the teacher in the Teaching Record System (TRS) by their teacher reference
  number (TRN) and date of birth, checks they can be registered, gives their email address,
  school start date, working pattern, appropriate body and training programme, and the
  service places them at the school and starts their training. Contract periods run from
  1 June to 31 May; today is 21 August 2026, in the 2026 contract period.

  Background:
    Given contract periods 2022 to 2026, with payments frozen in 2022
    And a state-funded school "Hilltop Primary" and an independent school "Oakfield House"

  Rule: The teacher is found by TRN, then by National Insurance number if the date of birth differs

    Scenario: A TRN that TRS does not know
      When "Hilltop Primary" looks for TRN "7000002" born on 2 March 1996
      Then the teacher is not found

    Scenario: The date of birth differs, so the National Insurance number is asked for
      Given TRS knows Kirsty Mclean, TRN "7000006", born 6 March 1996, NINO "JS000006A"
      When "Hilltop Primary" looks for TRN "7000006" born on 7 March 1996
      Then the National Insurance number is asked for
      When "Hilltop Primary" looks for TRN "7000006" born on 7 March 1996 with NINO "js 00 00 06 a"
      Then Kirsty Mclean is found
      When "Hilltop Primary" looks for TRN "7000006" born on 7 March 1996 with NINO "AB123456C"
      Then the teacher is not found

    Scenario Outline: A TRN is typed with spaces or without its leading zeros
      When a school types the TRN "<typed>"
      Then the TRN is "<stored>"

      Examples:
        | typed   | stored  |
        | 12 345  | 0012345 |
        | 1234567 | 1234567 |

    Scenario Outline: A TRN must have 5 to 7 digits
      When a school types the TRN "<typed>"
      Then the TRN is refused

      Examples:
        | typed    |
        | 1234     |
        | 12345678 |

    Scenario Outline: The teacher must be between 18 and 100 years old
      Given TRS knows Kirsty Mclean, TRN "7000006", born 6 March 1996, NINO "JS000006A"
      When "Hilltop Primary" looks for TRN "7000006" born on <born>
      Then the date of birth is refused

      Examples:
        | born             |
        | 22 August 2008   |
        | 20 August 1926   |

    Scenario: TRS cannot be reached
      Given TRS cannot be reached
      When "Hilltop Primary" looks for TRN "7000006" born on 6 March 1996
      Then the school is asked to try again later

  Rule: Some teachers cannot be registered as ECTs

    Scenario Outline: Finished, exempt or prohibited teachers are turned away
      Given TRS knows a teacher with TRN "7000007" whose record says <record>
      When "Hilltop Primary" looks for TRN "7000007" born on 7 March 1996
      Then the teacher cannot be registered because <reason>

      Examples:
        | record                          | reason                         |
        | induction Passed                | their induction is passed      |
        | induction Exempt                | they are exempt from induction |
        | induction Failed                | their induction is failed      |
        | prohibited from teaching        | they are prohibited            |

    Scenario Outline: Other records do not stop registration
      Given TRS knows a teacher with TRN "7000007" whose record says <record>
      When "Hilltop Primary" looks for TRN "7000007" born on 7 March 1996
      Then the teacher can be registered

      Examples:
        | record                                   |
        | induction FailedInWales                  |
        | prohibited from teaching until last week |
        | no QTS                                   |

    Scenario: An ECT already at the school with no leaving date
      Given TRS knows Kirsty Mclean, TRN "7000006", born 6 March 1996, NINO "JS000006A"
      And Kirsty Mclean has been an ECT at "Hilltop Primary" since 1 September 2025
      When "Hilltop Primary" looks for TRN "7000006" born on 6 March 1996
      Then the teacher cannot be registered because they are already registered at the school

    Scenario: An ECT who left the school can be registered there again
      Given TRS knows Kirsty Mclean, TRN "7000006", born 6 March 1996, NINO "JS000006A"
      And Kirsty Mclean was an ECT at "Hilltop Primary" from 1 September 2025 to 31 December 2025
      When "Hilltop Primary" looks for TRN "7000006" born on 6 March 1996
      Then the teacher can be registered
      And the school is told they were registered before

  Rule: The email address cannot be one another teacher is still using

    Background:
      Given TRS knows Kirsty Mclean, TRN "7000006", born 6 March 1996, NINO "JS000006A"
      And TRS knows Priya Sharma, TRN "7000005", born 5 March 1996, NINO "JS000005A"

    Scenario: Another teacher's address at a school they have not left
      Given Priya Sharma has been a mentor at "Oakfield House" since 1 September 2025 with email "x@y.org"
      When "Hilltop Primary" gives Kirsty Mclean the email "X@Y.ORG"
      Then the email address is refused as in use

    Scenario: The teacher's own address, or one only on finished placements
      Given Priya Sharma was an ECT at "Oakfield House" from 1 September 2024 to 31 July 2025 with email "x@y.org"
      And Kirsty Mclean was an ECT at "Oakfield House" from 1 September 2025 to 31 July 2026 with email "kirsty@y.org"
      When "Hilltop Primary" gives Kirsty Mclean the email "x@y.org"
      Then the email address is accepted
      When "Hilltop Primary" gives Kirsty Mclean the email "kirsty@y.org"
      Then the email address is accepted

    Scenario: An address in the wrong format
      When "Hilltop Primary" gives Kirsty Mclean the email "kirsty@"
      Then the email address is refused as badly formed

  Rule: The school start date has a floor and, for a teacher who moves, limits from before

    Background:
      Given TRS knows Kirsty Mclean, TRN "7000006", born 6 March 1996, NINO "JS000006A"

    Scenario Outline: No earlier than the start of the contract period two before the current one
      When "Hilltop Primary" gives Kirsty Mclean the school start date <start>
      Then the school start date is <verdict>

      Examples:
        | start        | verdict                 |
        | 31 May 2024  | refused as too early    |
        | 1 June 2024  | accepted                |

    Scenario: A start in a contract period not yet open for registration
      Given the 2027 contract period exists but is not open for registration
      When "Hilltop Primary" gives Kirsty Mclean the school start date 1 July 2027
      Then the school start date is refused as not open yet
      Given the 2027 contract period is open for registration
      When "Hilltop Primary" gives Kirsty Mclean the school start date 1 July 2027
      Then the school start date is accepted

    Scenario: At least two days after the previous school start
      Given Kirsty Mclean was an ECT at "Oakfield House" from 1 September 2026 to 30 September 2026
      When "Hilltop Primary" gives Kirsty Mclean the school start date 2 September 2026
      Then the school start date is refused as too close to the previous one
      When "Hilltop Primary" gives Kirsty Mclean the school start date 3 September 2026
      Then the school start date is accepted

    Scenario: No more than four months ahead for an ECT still at another school
      Given Kirsty Mclean has been an ECT at "Oakfield House" since 1 September 2025
      When "Hilltop Primary" gives Kirsty Mclean the school start date 22 December 2026
      Then the school start date is refused as too far ahead
      When "Hilltop Primary" gives Kirsty Mclean the school start date 21 December 2026
      Then the school start date is accepted

    Scenario: A first-time ECT may start more than four months ahead
      When "Hilltop Primary" gives Kirsty Mclean the school start date 1 March 2027
      Then the school start date is accepted

  Rule: The appropriate body must be able to record inductions for the school

    Scenario Outline: Which appropriate bodies a school may choose
      Given TRS knows Kirsty Mclean, TRN "7000006", born 6 March 1996, NINO "JS000006A"
      When "<school>" registers Kirsty Mclean school-led from 1 September 2026 with "<body>" as appropriate body
      Then the ECT's registration is <verdict>

      Examples:
        | school          | body                         | verdict                               |
        | Hilltop Primary | Ashfield Teaching School Hub | made                                  |
        | Hilltop Primary | Westshire County Council     | refused for the appropriate body      |
        | Hilltop Primary | ISTIP                        | refused for the appropriate body      |
        | Oakfield House  | ISTIP                        | made                                  |
        | Oakfield House  | Westshire County Council     | refused for the appropriate body      |

  Rule: Registration places the ECT at the school and starts their training

    Background:
      Given TRS knows Kirsty Mclean, TRN "7000006", born 6 March 1996, NINO "JS000006A"

    Scenario: Provider-led, with a lead provider the school has no partnership with yet
      When "Hilltop Primary" registers Kirsty Mclean provider-led with "Ambition Institute" from 1 September 2025
      Then Kirsty Mclean is an ECT at "Hilltop Primary" from 1 September 2025
      And their training is provider-led from 21 August 2026 on the 2026 "ecf-standard-september" schedule
      And their training awaits "Ambition Institute" confirming it in 2026
      And "Hilltop Primary" last chose provider-led training with "Ambition Institute"
      And "teacher_registered_as_ect" is recorded for Kirsty Mclean

    Scenario: Provider-led, with a lead provider the school is already in partnership with
      Given "Hilltop Primary" is in partnership with "Ambition Institute" in 2026
      When "Hilltop Primary" registers Kirsty Mclean provider-led with "Ambition Institute" from 1 September 2026
      Then their training is confirmed by the school's partnership with "Ambition Institute"

    Scenario: School-led
      When "Hilltop Primary" registers Kirsty Mclean school-led from 1 October 2026 with "Ashfield Teaching School Hub" as appropriate body
      Then Kirsty Mclean is an ECT at "Hilltop Primary" from 1 October 2026
      And their training is school-led from 1 October 2026

    Scenario: A lead provider not contracted in the contract period
      When "Hilltop Primary" registers Kirsty Mclean provider-led with "Best Practice Network" from 1 September 2026
      Then the ECT's registration is refused for the lead provider

    Scenario: The teacher already has a later placement at another school
      Given Kirsty Mclean has been an ECT at "Oakfield House" since 1 December 2026
      When "Hilltop Primary" registers Kirsty Mclean school-led from 1 October 2026 with "Ashfield Teaching School Hub" as appropriate body
      Then the ECT's registration is refused for starting before their placement elsewhere

  Rule: An ECT still at another school moves with their training's contract period

    Background:
      Given TRS knows Kirsty Mclean, TRN "7000006", born 6 March 1996, NINO "JS000006A"

    Scenario: The ECT leaves the other school the day before they start
      Given Kirsty Mclean has been an ECT at "Oakfield House" since 1 September 2025, provider-led with "Ambition Institute" in 2025 and mentored
      When "Hilltop Primary" registers Kirsty Mclean provider-led with "Ambition Institute" from 1 October 2026
      Then Kirsty Mclean was an ECT at "Oakfield House" until 30 September 2026, with their training and mentorship there ending then
      And "teacher_left_school_as_ect" is recorded for Kirsty Mclean
      And their training is provider-led from 1 October 2026 on the 2025 "ecf-standard-september" schedule

    Scenario: An ECT whose earlier training is in a contract period with payments frozen
      Given Kirsty Mclean was an ECT at "Oakfield House" from 1 September 2022 to 31 July 2023, provider-led with "Ambition Institute" in 2022
      When "Hilltop Primary" registers Kirsty Mclean provider-led with "Ambition Institute" from 1 September 2026
      Then their training is provider-led from 1 September 2026 on the 2024 "ecf-extended-september" schedule

  Rule: A school may reuse its last choices when they still hold

    Background:
      Given TRS knows Kirsty Mclean, TRN "7000006", born 6 March 1996, NINO "JS000006A"

    Scenario: Last chose school-led training with a teaching school hub
      Given "Hilltop Primary" last chose school-led training with "Ashfield Teaching School Hub"
      When "Hilltop Primary" asks whether its last choices can be used for Kirsty Mclean starting 1 September 2026
      Then school-led training with "Ashfield Teaching School Hub" is offered

    Scenario: Last chose an appropriate body the school can no longer choose
      Given "Hilltop Primary" last chose school-led training with "Westshire County Council"
      When "Hilltop Primary" asks whether its last choices can be used for Kirsty Mclean starting 1 September 2026
      Then no last choices are offered

    Scenario: Last chose a lead provider with no partnership or expression of interest to reuse
      Given "Hilltop Primary" last chose provider-led training with "Ambition Institute" and "Ashfield Teaching School Hub"
      When "Hilltop Primary" asks whether its last choices can be used for Kirsty Mclean starting 1 September 2026
      Then no last choices are offered

    Scenario: Last year's partnership, with a delivery partner still paired with the lead provider, is made again
      Given "Hilltop Primary" last chose provider-led training with "Ambition Institute" and "Ashfield Teaching School Hub"
      And "Hilltop Primary" was in partnership with "Ambition Institute" and "Dales Partnership" in 2025
      And "Ambition Institute" still works with "Dales Partnership" in 2026
      When "Hilltop Primary" registers Kirsty Mclean from 1 September 2026 with its last choices
      Then their training is confirmed by a 2026 partnership of "Hilltop Primary" with "Ambition Institute" and "Dales Partnership"
      And "school_partnership_created" and "school_partnership_reused" are recorded

  Rule: Registration is closed while the new contract period is set up, and to some independent schools

    Scenario Outline: The yearly closed window in June
      Given the date is now <today>
      When "Hilltop Primary" starts registering an ECT
      Then <verdict>

      Examples:
        | today        | verdict                                     |
        | 31 May 2026  | registration is open                        |
        | 1 June 2026  | registration is closed until 15 June 2026   |
        | 14 June 2026 | registration is closed until 15 June 2026   |
        | 15 June 2026 | registration is open                        |

    Scenario: An independent school without section 41 approval that still has ECTs in training
      Given TRS knows Kirsty Mclean, TRN "7000006", born 6 March 1996, NINO "JS000006A"
      And Kirsty Mclean has been an ECT at "Oakfield House" since 1 September 2025, provider-led with "Ambition Institute" in 2025
      And "Oakfield House" loses its section 41 approval
      When "Oakfield House" starts registering an ECT
      Then the school cannot register new ECTs
