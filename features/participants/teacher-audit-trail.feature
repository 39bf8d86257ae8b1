@participants
Feature: A teacher's audit trail
  Every change to a teacher is recorded with when it happened and who made it: a school
  user, an appropriate body user, a lead provider, DfE staff or the service itself. DfE
  staff read a teacher's audit trail newest first; of changes made at the same moment, the
  last one made comes first. Today is 21 August 2026.

  Background:
    Given contract periods 2022 to 2026, with payments frozen in 2022
    And a state-funded school "Hilltop Primary" and an independent school "Oakfield House"
    And TRS knows Kirsty Mclean, TRN "7000006", born 6 March 1996, NINO "JS000006A"

  Rule: A school's changes to a teacher are recorded against the school user who made them

    Scenario: A school registers an ECT and later reports them leaving
      When "Hilltop Primary" registers Kirsty Mclean school-led from 1 September 2026 with "Ashfield Teaching School Hub" as appropriate body
      And "Hilltop Primary" reports Kirsty Mclean leaving on 31 October 2026
      Then Kirsty Mclean's audit trail reads, newest first:
        | what happened                                               | on                | made by                |
        | Kirsty Mclean finished a training period                    | 31 October 2026   | the school user Tutor  |
        | Kirsty Mclean left a school as an ECT                       | 31 October 2026   | the school user Tutor  |
        | Kirsty Mclean started school-led training                   | 21 August 2026    | the school user Tutor  |
        | Kirsty Mclean was registered as an ECT at Hilltop Primary   | 21 August 2026    | the school user Tutor  |

    Scenario: A teacher nobody has changed has an empty audit trail
      Given Kirsty Mclean has been an ECT at "Hilltop Primary" since 1 September 2025, provider-led with "Ambition Institute" in 2025 and mentored
      Then Kirsty Mclean's audit trail is empty
