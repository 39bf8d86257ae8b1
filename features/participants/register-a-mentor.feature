@participants
Feature: A school registers a new mentor for an ECT
  From an ECT's page a school finds a teacher in the Teaching Record System (TRS), checks
  they can mentor, gives their email address and, where their history needs it, when they
  start and whether they mentor at this school only. The service places them at the school,
  starts their funded training where they get it and makes them the ECT's mentor.
  Contract periods run from 1 June to 31 May; today is 21 August 2026.

  Background:
    Given contract periods 2022 to 2026, with payments frozen in 2022
    And a state-funded school "Hilltop Primary" and an independent school "Oakfield House"
    And TRS knows Kirsty Mclean, TRN "7000006", born 6 March 1996, NINO "JS000006A"
    And TRS knows Maria Lopez, TRN "7000010", born 10 May 1980, NINO "JS000010A"
    And Kirsty Mclean has been an ECT at "Hilltop Primary" since 1 September 2025, provider-led with "Ambition Institute" in 2025

  Rule: The mentor is another teacher found in TRS, not already mentoring at the school and not prohibited

    Scenario: An ECT cannot mentor themself
      When "Hilltop Primary" looks for TRN "7000006" born on 6 March 1996 to mentor Kirsty Mclean
      Then the mentor cannot be registered because they are the ECT

    Scenario: A teacher already mentoring at the school
      Given Maria Lopez has been a mentor at "Hilltop Primary" since 1 September 2024 with email "maria@school.example"
      When "Hilltop Primary" looks for TRN "7000010" born on 10 May 1980 to mentor Kirsty Mclean
      Then the mentor cannot be registered because they already mentor at the school

    Scenario Outline: Only a prohibition from teaching blocks a mentor
      Given TRS knows a teacher with TRN "7000020" whose record says <record>
      When "Hilltop Primary" looks for TRN "7000020" born on 7 March 1996 to mentor Kirsty Mclean
      Then the mentor <verdict>

      Examples:
        | record                                   | verdict                                               |
        | prohibited from teaching                 | cannot be registered because they are prohibited      |
        | prohibited from teaching until last week | can be registered                                     |
        | induction Passed                         | can be registered                                     |
        | no QTS                                   | can be registered                                     |

    Scenario: The mentor's date of birth differs, so the National Insurance number is asked for
      When "Hilltop Primary" looks for TRN "7000010" born on 11 May 1980 to mentor Kirsty Mclean
      Then the National Insurance number is asked for

    Scenario: A registration for a teacher who is already mentoring at the school is refused
      Given Maria Lopez has been a mentor at "Hilltop Primary" since 1 September 2024 with email "maria@school.example"
      When "Hilltop Primary" registers Maria Lopez to mentor Kirsty Mclean
      Then the mentor registration is refused as already mentoring at the school

  Rule: The mentor's email address is not another teacher's

    Scenario: An address another teacher uses
      Given TRS knows Peter Lawson, TRN "7000030", born 7 March 1990, NINO "JS000030A"
      And Peter Lawson has been a mentor at "Oakfield House" since 1 September 2024 with email "peter@school.example"
      When "Hilltop Primary" gives mentor Maria Lopez the email "PETER@school.example"
      Then the email address is refused as in use

    Scenario: Their own address from another school
      Given Maria Lopez has been a mentor at "Oakfield House" since 1 September 2024 with email "maria@school.example"
      When "Hilltop Primary" gives mentor Maria Lopez the email "maria@school.example"
      Then the email address is accepted

  Rule: Which questions follow depends on the teacher's history as a mentor

    Scenario: Never a mentor
      When "Hilltop Primary" looks for TRN "7000010" born on 10 May 1980 to mentor Kirsty Mclean
      Then the school is asked about a mentor who has never mentored

    Scenario: Mentoring at another school now
      Given Maria Lopez has been a mentor at "Oakfield House" since 1 September 2024 with email "maria@school.example"
      When "Hilltop Primary" looks for TRN "7000010" born on 10 May 1980 to mentor Kirsty Mclean
      Then the school is asked about a mentor who mentors at another school

    Scenario: A mentor before
      Given Maria Lopez was a mentor at "Oakfield House" from 1 September 2023 to 31 July 2025
      When "Hilltop Primary" looks for TRN "7000010" born on 10 May 1980 to mentor Kirsty Mclean
      Then the school is asked about a mentor who mentored before
      And the mentor has not had mentor training before

  Rule: A teacher already mentoring at the school is not registered again but can still be made the ECT's mentor

    Scenario: Making a teacher already mentoring at the school the ECT's mentor
      Given Maria Lopez has been a mentor at "Hilltop Primary" since 1 September 2024 with email "maria@school.example"
      When "Hilltop Primary" assigns Maria Lopez to mentor Kirsty Mclean
      Then Maria Lopez mentors Kirsty Mclean from 21 August 2026
      And Maria Lopez is a mentor at "Hilltop Primary" from 1 September 2024
      And Maria Lopez has no mentor training at "Hilltop Primary"

  Rule: A mentor trained before is shown that training, and keeps its contract period for the choice of lead provider

    Scenario: The school is shown the mentor's latest mentor training
      Given Maria Lopez was a mentor at "Oakfield House" from 1 September 2025 to 31 March 2026, trained by "Ambition Institute" in 2025
      When "Hilltop Primary" looks for TRN "7000010" born on 10 May 1980 to mentor Kirsty Mclean
      Then the school is asked about a mentor who mentored before
      And the mentor has had mentor training before
      When "Hilltop Primary" asks about Maria Lopez's previous mentor training
      Then it was at "Oakfield House" with "Ambition Institute", delivery partner not confirmed

    Scenario Outline: The lead providers that can train the mentor are those of their contract period
      Given <history>
      When "Hilltop Primary" asks which lead providers can train mentor Maria Lopez from 1 September 2026
      Then "Best Practice Network" <verdict> train them

      Examples:
        | history                                                                                                                         | verdict |
        | Maria Lopez was a mentor at "Oakfield House" from 1 September 2025 to 31 March 2026, trained by "Ambition Institute" in 2025 | can     |
        | Maria Lopez was a mentor at "Oakfield House" from 1 September 2025 to 31 March 2026                                            | cannot  |

  Rule: A new mentor eligible for funding trains with the ECT's lead provider, or one the school chooses, from today

    Scenario: A teacher new to mentoring, for a provider-led ECT
      When "Hilltop Primary" registers Maria Lopez to mentor Kirsty Mclean, trained by "Ambition Institute"
      Then Maria Lopez is a mentor at "Hilltop Primary" from 21 August 2026
      And Maria Lopez has provider-led mentor training with "Ambition Institute" in 2026 from 21 August 2026
      And Maria Lopez is eligible for funded mentor training
      And Maria Lopez mentors Kirsty Mclean from 21 August 2026
      And "teacher_registered_as_mentor" is recorded for Maria Lopez
      And "teacher_starts_mentoring" is recorded for Maria Lopez
      And "teacher_starts_being_mentored" is recorded for Kirsty Mclean
      And "teacher_funding_eligibility_set" is recorded for Maria Lopez

    Scenario: A lead provider not working in the mentor's contract period
      When "Hilltop Primary" registers Maria Lopez to mentor Kirsty Mclean, trained by "Best Practice Network"
      Then the mentor registration is refused as the lead provider is not active

    Scenario: A mentor no longer eligible for funding gets no training
      Given Maria Lopez was a mentor at "Oakfield House" from 1 September 2021 to 31 July 2023
      And Maria Lopez completed mentor training during the early roll-out
      When "Hilltop Primary" registers Maria Lopez to mentor Kirsty Mclean
      Then Maria Lopez is a mentor at "Hilltop Primary" from 21 August 2026
      And Maria Lopez has no mentor training at "Hilltop Primary"
      And Maria Lopez mentors Kirsty Mclean from 21 August 2026

    Scenario: A mentor for a school-led ECT gets no training
      Given TRS knows Sam Green, TRN "7000040", born 7 March 1996, NINO "JS000040A"
      And Sam Green has been a school-led ECT at "Hilltop Primary" since 1 September 2025
      When "Hilltop Primary" registers Maria Lopez to mentor Sam Green
      Then Maria Lopez has no mentor training at "Hilltop Primary"
      And Maria Lopez mentors Sam Green from 21 August 2026

  Rule: A mentor at another school either moves here or mentors at both (scenario 23)

    Background:
      Given Maria Lopez has been a mentor at "Oakfield House" since 1 September 2024 with email "maria@school.example"

    Scenario: Mentoring at this school only
      When "Hilltop Primary" registers Maria Lopez to mentor Kirsty Mclean from 1 September 2026, at this school only, trained by "Ambition Institute"
      Then Maria Lopez's time as a mentor at "Oakfield House" ended on 31 August 2026
      And "teacher_left_school_as_mentor" is recorded for Maria Lopez
      And Maria Lopez is a mentor at "Hilltop Primary" from 1 September 2026
      And Maria Lopez has provider-led mentor training with "Ambition Institute" in 2026 from 1 September 2026

    Scenario: Mentoring at another school as well
      When "Hilltop Primary" registers Maria Lopez to mentor Kirsty Mclean from 1 September 2026, at another school as well, trained by "Ambition Institute"
      Then Maria Lopez is still a mentor at "Oakfield House"
      And Maria Lopez is a mentor at "Hilltop Primary" from 1 September 2026
      And Maria Lopez has no mentor training at "Hilltop Primary"

    Scenario: Mentoring here only finishes their mentorships there
      Given TRS knows Peter Lawson, TRN "7000030", born 7 March 1990, NINO "JS000030A"
      And Peter Lawson has been an ECT at "Oakfield House" since 1 September 2025 mentored by Maria Lopez
      When "Hilltop Primary" registers Maria Lopez to mentor Kirsty Mclean from 1 September 2026, at this school only
      Then Peter Lawson's mentorship with Maria Lopez ended on 31 August 2026
      And "teacher_finishes_being_mentored" is recorded for Peter Lawson

    Scenario Outline: Their start date here
      When "Hilltop Primary" gives mentor Maria Lopez the start date <day>
      Then the school start date is <verdict>

      Examples:
        | day               | verdict                                  |
        | 2 September 2024  | refused as too close to the previous one |
        | 3 September 2024  | accepted                                 |
        | 21 December 2026  | accepted                                 |
        | 22 December 2026  | refused as too far ahead                 |

  Rule: A mentorship may start before today only for a mentor moving here and an ECT never mentored (scenario 24)

    Scenario: A mentor moving here may be back-dated for an ECT never mentored
      Given Maria Lopez has been a mentor at "Oakfield House" since 1 September 2024 with email "maria@school.example"
      When "Hilltop Primary" registers Maria Lopez to mentor Kirsty Mclean from 1 August 2026, at this school only
      Then Maria Lopez mentors Kirsty Mclean from 1 August 2026

    Scenario: A mentor who mentored elsewhere before may be back-dated for an ECT never mentored
      Given Maria Lopez was a mentor at "Oakfield House" from 1 September 2023 to 31 July 2025
      When "Hilltop Primary" registers Maria Lopez to mentor Kirsty Mclean from 1 August 2026
      Then Maria Lopez mentors Kirsty Mclean from 1 August 2026

    Scenario: An ECT who has had a mentor gets the new one from today
      Given Maria Lopez has been a mentor at "Oakfield House" since 1 September 2024 with email "maria@school.example"
      And TRS knows Sam Green, TRN "7000040", born 7 March 1996, NINO "JS000040A"
      And Sam Green has been an ECT at "Hilltop Primary" since 1 September 2025 and mentored
      When "Hilltop Primary" registers Maria Lopez to mentor Sam Green from 1 August 2026, at this school only
      Then Maria Lopez mentors Sam Green from 21 August 2026

    Scenario: A mentor staying at their other school as well mentors from today
      Given Maria Lopez has been a mentor at "Oakfield House" since 1 September 2024 with email "maria@school.example"
      When "Hilltop Primary" registers Maria Lopez to mentor Kirsty Mclean from 1 August 2026, at another school as well
      Then Maria Lopez mentors Kirsty Mclean from 21 August 2026

  Rule: Registration follows the contract periods open for it

    Scenario: A start date in a contract period not open yet
      Given Maria Lopez was a mentor at "Oakfield House" from 1 September 2023 to 31 July 2025
      And the 2027 contract period exists but is not open for registration
      When "Hilltop Primary" gives mentor Maria Lopez the start date 1 July 2027
      Then the school start date is refused as not open yet

    Scenario: Closed while the new contract period is set up
      Given the date is now 5 June 2026
      When "Hilltop Primary" starts registering a mentor
      Then registration is closed until 15 June 2026
