@shared
Feature: Who a person signing in with DfE Sign-in is to the service
  DfE Sign-in tells the service which organisation a person signs in for and which roles
  they hold there. The service decides from these which kind of user they are, taking the
  first kind that fits: a school user, then an appropriate body user, then (only while
  the service is being developed) a DfE staff user. Anyone else is refused, and told which
  organisation cannot use the service.

  Rule: A school user is someone with the school user role at a school the service knows

    Scenario: A school user at a known school
      Given a person whose organisation is a school the service knows
      And DfE Sign-in gives them the school user role
      When they sign in with DfE Sign-in
      Then they use the service as a school user

    Scenario: The school user role at an organisation that is not a known school
      Given a person whose organisation is not one the service knows
      And DfE Sign-in gives them the school user role
      When they sign in with DfE Sign-in
      Then they are refused and told their organisation cannot use the service

    Scenario: Someone at a known school without the school user role
      Given a person whose organisation is a school the service knows
      And DfE Sign-in gives them no roles
      When they sign in with DfE Sign-in
      Then they are refused and told their organisation cannot use the service

  Rule: An appropriate body user is someone with the appropriate body role at an appropriate body's organisation

    Scenario: An appropriate body user
      Given a person whose organisation is an appropriate body's
      And DfE Sign-in gives them the appropriate body user role
      When they sign in with DfE Sign-in
      Then they use the service as an appropriate body user

    Scenario: The appropriate body role at a school is not enough
      Given a person whose organisation is a school the service knows
      And DfE Sign-in gives them the appropriate body user role
      When they sign in with DfE Sign-in
      Then they are refused and told their organisation cannot use the service

  Rule: The first kind of user that fits wins

    Scenario: A school user who also holds the appropriate body role is a school user
      Given a person whose organisation is a school the service knows
      And it is also an appropriate body's
      And DfE Sign-in gives them the school user and appropriate body user roles
      When they sign in with DfE Sign-in
      Then they use the service as a school user

  Rule: DfE Sign-in's DfE user role grants nothing; DfE staff are recognised by their account, and only in development

    Scenario Outline: DfE staff signing in with DfE Sign-in
      Given a person whose organisation is not one the service knows
      And DfE Sign-in gives them the DfE user role
      And they <account> a DfE staff account
      And the service <where>
      When they sign in with DfE Sign-in
      Then they <verdict>

      Examples:
        | account    | where                       | verdict                                                          |
        | have       | is being developed          | use the service as a DfE staff user                              |
        | have       | is live                     | are refused and told their organisation cannot use the service   |
        | do not have | is being developed         | are refused and told their organisation cannot use the service   |
