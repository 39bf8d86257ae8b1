"""`ecf2 finance calculate FILE` on scenarios built from finance-vectors.md, and on malformed
scenarios (docs/finance-scenario-calculator.md)."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

from ecf2.domain.payments.calculator import DeclarationSet, in_pounds, previous_statements
from ecf2.entrypoints.cli_finance import finance
from ecf2.entrypoints.finance_scenario import parse_scenario
from ecf2.entrypoints.finance_scenario_fields import ScenarioError

pytestmark = pytest.mark.payments
Scenario = dict[str, Any]


def band(capacity: int, price: str, output: str = "0.60") -> dict[str, Any]:
    service = str(1 - Decimal(output))
    return {
        "capacity": capacity,
        "fee_per_declaration": price,
        "output_fee_ratio": output,
        "service_fee_ratio": service,
    }


MINIMAL_BANDS = [band(2, "400"), band(2, "300"), band(2, "200"), band(2, "100")]


def a_contract(**overrides: Any) -> dict[str, Any]:
    """ECF1's minimal-bands call-off contract."""
    contract = {
        "type": "ecf",
        "vat_rate": "0.20",
        "lead_provider_vat_registered": True,
        "bands": MINIMAL_BANDS,
        "recruitment_target": 6000,
        "setup_fee": "149651",
        "monthly_service_fee": None,
        "uplift_fee_per_declaration": "100",
    }
    return contract | overrides


def months(*ids: str) -> list[dict[str, str]]:
    return [{"id": id_, "payment_date": f"2025-{n:02d}-25"} for n, id_ in enumerate(ids, 1)]


def declaration(count: int, payment_statement: str | None, **fields: Any) -> dict[str, Any]:
    values = {
        "count": count,
        "type": "started",
        "participant": "ect",
        "payment_status": "eligible",
        "payment_statement": payment_statement,
    }
    return values | fields


def clawed(count: int, paid_on: str, clawed_on: str, **fields: Any) -> dict[str, Any]:
    return declaration(
        count,
        paid_on,
        payment_status="paid",
        clawback_status="awaiting_clawback",
        clawback_statement=clawed_on,
        **fields,
    )


def a_scenario(**overrides: Any) -> Scenario:
    scenario: Scenario = {
        "contract": a_contract(),
        "statements": months("jan"),
        "declarations": [],
        "adjustments": [],
        "statement": "jan",
    }
    return scenario | overrides


@pytest.fixture
def run(tmp_path: Path) -> Callable[[Any], Result]:
    def run_command(scenario: Any) -> Result:
        path = tmp_path / "scenario.json"
        text = scenario if isinstance(scenario, str) else json.dumps(scenario)
        path.write_text(text, encoding="utf-8")
        return CliRunner().invoke(finance, ["calculate", str(path)])

    return run_command


@pytest.fixture
def calculate(run: Callable[[Any], Result]) -> Callable[[Scenario], dict[str, Any]]:
    def statement(scenario: Scenario) -> dict[str, Any]:
        result = run(scenario)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)  # type: ignore[no-any-return]

    return statement


Calculate = Callable[[Scenario], dict[str, Any]]


@pytest.mark.parametrize(("uplift_fee", "shown"), [("100", "-£5,981.75"), ("0", "-£6,101.75")])
def test_a25_one_uplifted_start_on_ecf1s_minimal_bands(
    calculate: Calculate, uplift_fee: str, shown: str
) -> None:
    statement = calculate(
        a_scenario(
            contract=a_contract(uplift_fee_per_declaration=uplift_fee),
            declarations=[declaration(1, "jan", uplift=True)],
        )
    )
    banded = statement["banded"]
    assert banded["bands"]["A"]["started"] == {"billable": 1, "refundable": 0}
    assert (banded["output_payment"], banded["uplift_fees"]) == ("48.00", f"{uplift_fee}.00")
    assert banded["service_fee"] == "-5132.793103448275862068965517241379"
    assert statement["flat_rate"] is None
    assert in_pounds(Decimal(statement["total"])) == shown
    assert statement["vat"] == banded["vat"]


def test_a6_declarations_beyond_the_bands_are_not_paid(calculate: Calculate) -> None:
    contract = a_contract(bands=[band(2, "100.0", "0.75")] * 3)
    statement = calculate(
        a_scenario(
            contract=contract,
            statements=months("may", "jun"),
            declarations=[
                declaration(1, "may"),
                declaration(4, "jun"),
                clawed(2, "jun", "jun"),
            ],
            statement="jun",
        )
    )
    banded = statement["banded"]
    assert [banded["bands"][b]["started"] for b in "ABC"] == [
        {"billable": 1, "refundable": 0},
        {"billable": 2, "refundable": 0},
        {"billable": 2, "refundable": 2},
    ]
    assert (banded["output_payment"], banded["clawbacks"]) == ("75.00", "30.00")
    assert set(banded["bands"]["A"]) == {
        "started", "retained-1", "retained-2", "retained-3", "retained-4",
        "completed", "extended-1", "extended-2", "extended-3",
    }  # fmt: skip


def test_a7_uplift_fees_for_billable_uplifted_starts(calculate: Calculate) -> None:
    statement = calculate(
        a_scenario(
            contract=a_contract(uplift_fee_per_declaration="125", bands=[band(100, "100")]),
            declarations=[
                declaration(1, "jan", uplift=True),
                declaration(1, "jan", payment_status="payable", uplift=True),
                declaration(1, "jan", payment_status="paid", uplift=True),
                clawed(1, "jan", "jan", uplift=True),
                declaration(1, "jan"),
                declaration(1, None, payment_status="no_payment", uplift=True),
            ],
        )
    )
    assert (statement["banded"]["uplift_fees"], statement["banded"]["uplift_clawbacks"]) == (
        "500.00",
        "125.00",
    )


def a8_scenario(**contract: Any) -> Scenario:
    return a_scenario(
        contract=a_contract(
            type="ittecf_ectp",
            bands=[band(100, "100", "0.75")],
            recruitment_target=100,
            setup_fee="500",
            monthly_service_fee="1000",
            uplift_fee_per_declaration="50",
            mentor_fee_per_declaration="1000",
            **contract,
        ),
        statements=months("jan", "feb", "mar", "apr", "may", "jun", "jul"),
        declarations=[
            declaration(1, "jul", payment_status="payable"),  # X
            clawed(1, "may", "jul", type="completed"),  # Y
            declaration(1, "jul", payment_status="no_payment", type="completed"),  # Z
            declaration(1, "jun", payment_status="payable"),  # W
            clawed(1, "may", "jun", type="completed"),  # V
            declaration(1, "jun", payment_status="no_payment", type="retained-1"),  # U
        ],
        adjustments=[
            {"statement": "jul", "amount": "150.00", "payment_type": "Late start"},
            {"statement": "jul", "amount": "-50.00", "payment_type": "Correction"},
            {"statement": "jun", "amount": "999.00", "payment_type": "Another month"},
        ],
        statement="jul",
    )


def test_a8_the_declaration_sets_of_the_current_and_previous_statements() -> None:
    scenario = parse_scenario(a8_scenario())
    july = scenario.statements["jul"]
    earlier = previous_statements(scenario.statements.values(), july.payment_date)
    previous = sum((s.ects for s in earlier[1:]), earlier[0].ects)
    assert (
        july.ects.total(DeclarationSet.BILLABLE),
        july.ects.total(DeclarationSet.REFUNDABLE),
    ) == (1, 1)
    assert (previous.total(DeclarationSet.BILLABLE), previous.total(DeclarationSet.REFUNDABLE)) == (
        3,
        1,
    )
    assert scenario.adjustments == [Decimal("150.00"), Decimal("-50.00")]


def test_a8_explicit_service_fee_and_adjustments(calculate: Calculate) -> None:
    banded = calculate(a8_scenario())["banded"]
    assert (banded["service_fee"], banded["adjustments"]) == ("1000.00", "100.00")
    assert banded["bands"]["A"]["started"] == {"billable": 1, "refundable": 0}
    assert banded["bands"]["A"]["completed"] == {"billable": 0, "refundable": 1}


def test_a20_three_statements_with_clawbacks(calculate: Calculate) -> None:
    statement = calculate(
        a_scenario(
            statements=months("mar", "apr", "may"),
            declarations=[
                declaration(2, "mar"),
                clawed(1, "mar", "apr"),
                clawed(1, "mar", "may"),
                declaration(3, "apr"),
                clawed(1, "apr", "may"),
                declaration(4, "may"),
            ],
            statement="may",
        )
    )
    bands = statement["banded"]["bands"]
    assert [bands[b]["started"] for b in "ABC"] == [{"billable": 0, "refundable": 0}] * 3
    assert bands["D"]["started"] == {"billable": 1, "refundable": 2}


def test_a22_ecf1s_default_contract_derives_its_service_fee(calculate: Calculate) -> None:
    contract = a_contract(bands=[band(2000, "995"), band(2000, "979"), band(2000, "966")])
    service_fee = Decimal(calculate(a_scenario(contract=contract))["banded"]["service_fee"])
    assert service_fee.quantize(Decimal("0.00001")) == Decimal("75943.06897")


def ittecf_ectp(**overrides: Any) -> dict[str, Any]:
    values = {
        "type": "ittecf_ectp",
        "monthly_service_fee": "0",
        "mentor_fee_per_declaration": "1000",
        "uplift_fee_per_declaration": "0",
    }
    return a_contract(**(values | overrides))


def test_a26_mentors_on_a_flat_rate(calculate: Calculate) -> None:
    mentor = {"participant": "mentor"}
    statement = calculate(
        a_scenario(
            contract=ittecf_ectp(),
            statements=months("dec", "jan"),
            declarations=[
                declaration(5, "jan", **mentor),
                declaration(3, "jan", type="completed", **mentor),
                clawed(2, "dec", "jan", **mentor),
                clawed(1, "dec", "jan", type="completed", **mentor),
                declaration(7, "jan"),  # an ECT: banded, not flat rate
                declaration(1, None, payment_status="no_payment", **mentor),
            ],
            statement="jan",
        )
    )
    flat = statement["flat_rate"]
    assert flat["started"] == {"billable": 5, "refundable": 2}
    assert flat["completed"] == {"billable": 3, "refundable": 1}
    assert (flat["output_payment"], flat["clawbacks"]) == ("4000.00", "1500.00")
    assert (flat["subtotal"], flat["vat"]) == ("2500.00", "500.00")
    # The seven ECTs fill the minimal bands: 2 x 48 + 2 x 36 + 2 x 24 + 1 x 12.
    assert statement["banded"]["output_payment"] == "228.00"
    assert statement["total"] == "3273.60"


def test_a14_mentor_output_payments(calculate: Calculate) -> None:
    mentor = {"participant": "mentor"}
    statement = calculate(
        a_scenario(
            contract=ittecf_ectp(),
            declarations=[
                declaration(15, "jan", **mentor),
                declaration(5, "jan", type="completed", **mentor),
            ],
        )
    )
    assert statement["flat_rate"]["output_payment"] == "10000.00"


def test_a_statement_that_is_not_vat_registered_pays_no_vat(calculate: Calculate) -> None:
    statement = calculate(
        a_scenario(
            contract=a_contract(lead_provider_vat_registered=False, monthly_service_fee="1000")
        )
    )
    assert (statement["vat"], statement["total"]) == ("0.00", "1000.00")


# Malformed scenarios ----------------------------------------------------------------------


def without(scenario: Scenario, key: str) -> Scenario:
    return {k: v for k, v in scenario.items() if k != key}


MALFORMED: dict[str, tuple[Any, str]] = {
    "missing contract": (without(a_scenario(), "contract"), "contract: is required"),
    "bad decimal": (
        a_scenario(contract=a_contract(vat_rate="twenty")),
        "contract.vat_rate: must be a decimal number",
    ),
    "float-like text": (
        a_scenario(contract=a_contract(setup_fee="1,000")),
        "contract.setup_fee: must be a decimal number",
    ),
    "unknown statement id": (
        a_scenario(declarations=[declaration(1, "jan"), declaration(1, "june")]),
        'declarations[1].payment_statement: no statement has the id "june"',
    ),
    "wrong enum": (
        a_scenario(
            declarations=[
                declaration(1, "jan"),
                declaration(1, "jan"),
                declaration(1, "jan", payment_status="approved"),
            ]
        ),
        "declarations[2].payment_status: must be one of "
        "no_payment, eligible, payable, paid, voided",
    ),
    "wrong declaration type": (
        a_scenario(declarations=[declaration(1, "jan", type="retained-5")]),
        "declarations[0].type: must be one of started, retained-1",
    ),
    "unknown current statement": (
        a_scenario(statement="feb"),
        'statement: no statement has the id "feb"',
    ),
    "zero capacity": (
        a_scenario(contract=a_contract(bands=[band(0, "100")])),
        "contract.bands[0].capacity: must be a whole number, 1 or more",
    ),
    "ratios not adding up": (
        a_scenario(contract=a_contract(bands=[band(2, "100") | {"service_fee_ratio": "0.5"}])),
        "contract.bands[0].service_fee_ratio: The output fee and service fee ratios must add up",
    ),
    "ratio above 1": (
        a_scenario(contract=a_contract(vat_rate="1.5")),
        "contract.vat_rate: VAT rate must be between 0 and 1",
    ),
    "no mentor fee": (
        a_scenario(contract=a_contract(type="ittecf_ectp")),
        "contract.mentor_fee_per_declaration: is required on an ittecf_ectp contract",
    ),
    "mentor fee on ecf": (
        a_scenario(contract=a_contract(mentor_fee_per_declaration="1000")),
        "contract.mentor_fee_per_declaration: must be left out of an ecf contract",
    ),
    "unknown field": (
        a_scenario(contract=a_contract(vat="0.2")),
        "contract.vat: unknown field",
    ),
    "eligible without a statement": (
        a_scenario(declarations=[declaration(1, None)]),
        "declarations[0].payment_statement: is required with that payment_status",
    ),
    "clawback of an unpaid declaration": (
        a_scenario(
            declarations=[
                declaration(1, "jan", clawback_status="clawed_back", clawback_statement="jan")
            ]
        ),
        "declarations[0].clawback_status: only a paid declaration can be clawed back",
    ),
    "uplift on retained": (
        a_scenario(declarations=[declaration(1, "jan", type="retained-1", uplift=True)]),
        "declarations[0].uplift: only started declarations carry uplifts",
    ),
    "mentor retained on ittecf_ectp": (
        a_scenario(
            contract=ittecf_ectp(),
            declarations=[declaration(1, "jan", type="retained-1", participant="mentor")],
        ),
        "declarations[0].type: a mentor on an ittecf_ectp contract has only started and completed",
    ),
    "zero adjustment": (
        a_scenario(adjustments=[{"statement": "jan", "amount": "0", "payment_type": "Nothing"}]),
        "adjustments[0].amount: Amount must not be zero",
    ),
    "duplicate statement id": (
        a_scenario(statements=months("jan") * 2),
        "statements[1].id: must be a text not used by another statement",
    ),
    "bad date": (
        a_scenario(statements=[{"id": "jan", "payment_date": "25/01/2025"}]),
        "statements[0].payment_date: must be a date written YYYY-MM-DD",
    ),
    "enormous amount": (
        a_scenario(contract=a_contract(setup_fee="1E+999999")),
        "contract.setup_fee: must be less than 1,000,000,000,000 either side of 0",
    ),
    "not an object": ([], "scenario: must be an object"),
    "not JSON": ("{contract:", "scenario: is not valid JSON"),
}


@pytest.mark.parametrize(("scenario", "message"), MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_scenario_is_refused_with_a_message_naming_the_field(
    run: Callable[[Any], Result], scenario: Any, message: str
) -> None:
    result = run(scenario)
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5) | st.decimals(allow_nan=False),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=3), children, max_size=3)
    ),
    max_leaves=5,
)
PLACES = ["", "contract", "declarations.0", "statements.0", "adjustments.0", "contract.bands.0"]


@settings(max_examples=300)
@given(st.sampled_from(PLACES), st.integers(min_value=0), st.text(max_size=30), json_values)
def test_any_value_anywhere_is_either_calculated_or_refused_with_a_field(
    place: str, which: int, new_key: str, value: Any
) -> None:
    scenario = a8_scenario()
    target: Any = scenario
    for step in filter(None, place.split(".")):
        target = target[int(step)] if step.isdigit() else target[step]
    keys = [*target, new_key]
    target[keys[which % len(keys)]] = value
    text = json.dumps(scenario, default=str)
    outcome: Any
    try:
        outcome = parse_scenario(json.loads(text, parse_float=Decimal)).calculate()
    except ScenarioError as error:
        outcome = str(error)
    assert not isinstance(outcome, str) or ": " in outcome


def test_the_documented_worked_example_gives_the_documented_statement(
    calculate: Calculate,
) -> None:
    guide = Path(__file__).parents[2] / "docs" / "finance-scenario-calculator.md"
    scenario, documented = (
        json.loads(block.split("```")[0]) for block in guide.read_text().split("```json")[1:]
    )
    statement = calculate(scenario)
    for letter, types in documented["banded"]["bands"].items():
        for kind, counted in types.items():
            assert statement["banded"]["bands"][letter][kind] == counted
        statement["banded"]["bands"][letter] = types
    assert statement == documented
