@participants
Feature: A school changes an ECT's training programme
  A school can switch an ECT between school-led and provider-led training. The switch takes
  effect from today, or from the ECT's school start if that is later. The training they have
  now finishes yesterday, unless it has only just begun, the switch is still to come, or it
  is provider-led training no lead provider ever confirmed and the ECT goes school-led: then
  it is removed. A mentor eligible for funding who has no training of their own starts
  provider-led training with the ECT. Today is 21 August 2026.

  Background:
    Given contract periods 2022 to 2026, with payments frozen in 2022
    And a state-funded school "Hilltop Primary" and an independent school "Oakfield House"
    And TRS knows Kirsty Mclean, TRN "7000006", born 6 March 1996, NINO "JS000006A"
    And TRS knows Maria Lopez, TRN "7000010", born 10 May 1980, NINO "JS000010A"

  Rule: Going school-led removes provider-led training no lead provider confirmed

    Scenario: Provider-led training awaiting its lead provider goes (acceptance scenario 28)
      Given Kirsty Mclean has been an ECT at "Hilltop Primary" since 1 September 2025, provider-led with "Ambition Institute" in 2025
      When "Hilltop Primary" switches Kirsty Mclean to school-led training
      Then Kirsty Mclean's training at "Hilltop Primary" is only school-led from 21 August 2026
      And "teacher_training_programme_updated" is recorded for Kirsty Mclean

    Scenario: Confirmed provider-led training finishes yesterday
      Given Kirsty Mclean has been an ECT at "Hilltop Primary" since 1 September 2025, provider-led with "Ambition Institute" in 2025
      And Kirsty Mclean's training is confirmed by a partnership with "Ambition Institute" in 2025
      When "Hilltop Primary" switches Kirsty Mclean to school-led training
      Then Kirsty Mclean's provider-led training at "Hilltop Primary" ended on 20 August 2026
      And Kirsty Mclean has school-led training at "Hilltop Primary" from 21 August 2026

  Rule: Training that has only just begun, or a switch still to come, removes the training

    Scenario: Confirmed training that began today goes
      Given Kirsty Mclean has been an ECT at "Hilltop Primary" since 21 August 2026, provider-led with "Ambition Institute" in 2026
      And Kirsty Mclean's training is confirmed by a partnership with "Ambition Institute" in 2026
      When "Hilltop Primary" switches Kirsty Mclean to school-led training
      Then Kirsty Mclean's training at "Hilltop Primary" is only school-led from 21 August 2026

    Scenario: An ECT starting at the school later switches from their school start
      Given Kirsty Mclean was an ECT at "Hilltop Primary" from 1 September 2026 to 31 July 2027, provider-led with "Ambition Institute" in 2026
      And Kirsty Mclean's training is confirmed by a partnership with "Ambition Institute" in 2026
      When "Hilltop Primary" switches Kirsty Mclean to school-led training
      Then Kirsty Mclean's training at "Hilltop Primary" is only school-led from 1 September 2026

  Rule: Going provider-led keeps school-led training to yesterday and starts training with the chosen lead provider

    Scenario: School-led training finishes yesterday; the lead provider is yet to confirm
      Given Kirsty Mclean has been a school-led ECT at "Hilltop Primary" since 1 September 2025
      When "Hilltop Primary" switches Kirsty Mclean to provider-led training with "Ambition Institute"
      Then Kirsty Mclean's school-led training at "Hilltop Primary" ended on 20 August 2026
      And Kirsty Mclean has provider-led training awaiting "Ambition Institute" in 2026 from 21 August 2026
      And "teacher_training_programme_updated" is recorded for Kirsty Mclean

    Scenario: The school's partnership with the lead provider confirms the training
      Given Kirsty Mclean has been a school-led ECT at "Hilltop Primary" since 1 September 2025
      And "Hilltop Primary" is in partnership with "Ambition Institute" in 2026
      When "Hilltop Primary" switches Kirsty Mclean to provider-led training with "Ambition Institute"
      Then Kirsty Mclean's new training is confirmed by the school's partnership

    Scenario: An ECT who trained in a contract period now frozen goes to 2024 on an extended schedule
      Given Kirsty Mclean has been an ECT at "Hilltop Primary" since 1 September 2022, provider-led with "Ambition Institute" in 2022 until 31 August 2023 and school-led since
      When "Hilltop Primary" switches Kirsty Mclean to provider-led training with "Ambition Institute"
      Then Kirsty Mclean's new training is in 2024 on the "ecf-extended-september" schedule
      And Kirsty Mclean's payments are remembered as frozen in 2022

    Scenario: A lead provider not training ECTs in the contract period
      Given Kirsty Mclean has been a school-led ECT at "Hilltop Primary" since 1 September 2025
      When "Hilltop Primary" switches Kirsty Mclean to provider-led training with "Best Practice Network"
      Then the switch is refused as the lead provider does not train ECTs then

    Scenario: Provider-led training needs a lead provider
      Given Kirsty Mclean has been a school-led ECT at "Hilltop Primary" since 1 September 2025
      When "Hilltop Primary" switches Kirsty Mclean to provider-led training without a lead provider
      Then the switch is refused as no lead provider was chosen

  Rule: A mentor eligible for funding, without training where they mentor, starts training too

    Scenario: The mentor starts provider-led training with the ECT (acceptance scenario 29)
      Given Maria Lopez has been a mentor at "Hilltop Primary" since 1 September 2024 with email "maria@school.example"
      And Kirsty Mclean has been a school-led ECT at "Hilltop Primary" since 1 September 2025
      And Kirsty Mclean has been mentored by Maria Lopez since 1 September 2025
      When "Hilltop Primary" switches Kirsty Mclean to provider-led training with "Ambition Institute"
      Then Maria Lopez has provider-led mentor training with "Ambition Institute" in 2026 from 21 August 2026
      And "teacher_starts_training_period" is recorded for Maria Lopez

    Scenario: A mentor no longer eligible for funding does not
      Given Maria Lopez has been a mentor at "Hilltop Primary" since 1 September 2024 with email "maria@school.example"
      And Maria Lopez completed mentor training during the early roll-out
      And Kirsty Mclean has been a school-led ECT at "Hilltop Primary" since 1 September 2025
      And Kirsty Mclean has been mentored by Maria Lopez since 1 September 2025
      When "Hilltop Primary" switches Kirsty Mclean to provider-led training with "Ambition Institute"
      Then Maria Lopez has no mentor training at "Hilltop Primary"

  Rule: The new programme is a different one, and switching waits while registration is closed

    Scenario Outline: Switching to the programme they are on
      Given <history>
      When "Hilltop Primary" switches Kirsty Mclean to <programme>
      Then the switch is refused as no change

      Examples:
        | history                                                                                                                  | programme                                             |
        | Kirsty Mclean has been a school-led ECT at "Hilltop Primary" since 1 September 2025                                     | school-led training                                   |
        | Kirsty Mclean has been an ECT at "Hilltop Primary" since 1 September 2025, provider-led with "Ambition Institute" in 2025 | provider-led training with "Ambition Institute" |

    Scenario: Registration is closed in early June (acceptance scenario 30)
      Given Kirsty Mclean has been a school-led ECT at "Hilltop Primary" since 1 September 2025
      And the date is now 5 June 2026
      When "Hilltop Primary" switches Kirsty Mclean to provider-led training with "Ambition Institute"
      Then the switch is refused as registration is closed

    Scenario: Another school's ECT
      Given Kirsty Mclean has been a school-led ECT at "Hilltop Primary" since 1 September 2025
      When "Oakfield House" switches Kirsty Mclean to provider-led training with "Ambition Institute"
      Then the ECT is not found at that school
