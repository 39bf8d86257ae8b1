@participants
Feature: A school changes the lead provider of an ECT's provider-led training
  The new lead provider must train ECTs in the contract period of the ECT's training, which
  the training keeps, unless payments in it are frozen: then it moves to 2024. Training that has not begun simply changes lead provider. Training
  already under way that the lead provider never confirmed is replaced by training with the
  new lead provider from today. Today is 21 August 2026.

  Background:
    Given contract periods 2022 to 2026, with payments frozen in 2022
    And a state-funded school "Hilltop Primary" and an independent school "Oakfield House"
    And TRS knows Kirsty Mclean, TRN "7000006", born 6 March 1996, NINO "JS000006A"

  Rule: Training under way and never confirmed is replaced from today

    Scenario: Changing the lead provider of training under way
      Given Kirsty Mclean has been an ECT at "Hilltop Primary" since 1 September 2025, provider-led with "Ambition Institute" in 2025
      When "Hilltop Primary" changes Kirsty Mclean's lead provider to "Best Practice Network"
      Then Kirsty Mclean's only training at "Hilltop Primary" is with "Best Practice Network" in 2025 from 21 August 2026
      And "teacher_training_lead_provider_updated" is recorded for Kirsty Mclean

  Rule: Training not yet begun changes lead provider in place

    Scenario: Changing the lead provider of training that starts later
      Given Kirsty Mclean was an ECT at "Hilltop Primary" from 1 September 2026 to 31 July 2027, provider-led with "Ambition Institute" in 2025
      When "Hilltop Primary" changes Kirsty Mclean's lead provider to "Best Practice Network"
      Then Kirsty Mclean's only training at "Hilltop Primary" is with "Best Practice Network" in 2025 from 1 September 2026

  Rule: An ECT whose training is in a contract period with payments frozen moves to 2024

    Scenario: Changing the lead provider of training in 2022
      Given Kirsty Mclean has been an ECT at "Hilltop Primary" since 1 September 2022, provider-led with "Ambition Institute" in 2022
      And "Best Practice Network" also trains ECTs in 2024
      When "Hilltop Primary" changes Kirsty Mclean's lead provider to "Best Practice Network"
      Then Kirsty Mclean's new training is in 2024 on the "ecf-extended-september" schedule
      And Kirsty Mclean's payments are remembered as frozen in 2022

  Rule: The new lead provider is a different one, training ECTs in the training's contract period

    Scenario: The same lead provider
      Given Kirsty Mclean has been an ECT at "Hilltop Primary" since 1 September 2025, provider-led with "Ambition Institute" in 2025
      When "Hilltop Primary" changes Kirsty Mclean's lead provider to "Ambition Institute"
      Then the change of lead provider is refused as no change

    Scenario: A lead provider that does not train ECTs in that contract period
      Given Kirsty Mclean has been an ECT at "Hilltop Primary" since 1 September 2025, provider-led with "Ambition Institute" in 2026
      When "Hilltop Primary" changes Kirsty Mclean's lead provider to "Best Practice Network"
      Then the change of lead provider is refused as not training ECTs then

    Scenario: An ECT without provider-led training has no lead provider to change
      Given Kirsty Mclean has been an ECT at "Hilltop Primary" since 1 September 2025
      When "Hilltop Primary" changes Kirsty Mclean's lead provider to "Best Practice Network"
      Then the change of lead provider is refused as they have no provider-led training
