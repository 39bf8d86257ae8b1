"""The journey kit: the path the answers lead along, back links, where a submit goes next,
answers forgotten when an earlier one changes."""

from __future__ import annotations

from typing import Any

from ecf2.entrypoints.web.journeys.journey import FORGET, Journey, Step


def _step(name: str, keys: tuple[str, ...], following: Any = None, **kw: Any) -> Step:
    return Step(
        name,
        f"{name}.html",
        keys=keys,
        next=lambda answers: following(answers) if callable(following) else following,
        **kw,
    )


JOURNEY = Journey(
    "example",
    "/example",
    (
        _step("who", ("who",), "kind", forgets_later=True),
        _step("kind", ("kind",), lambda a: "detail" if a["kind"] == "more" else "check"),
        _step("detail", ("detail",), "check"),
        _step("check", ()),
    ),
)


def names(answers: dict[str, Any]) -> list[str]:
    return [step.name for step in JOURNEY.path(answers)]


def test_the_path_stops_at_the_first_unanswered_step():
    assert names({}) == ["who"]
    assert names({"who": "Ada"}) == ["who", "kind"]
    assert names({"who": "Ada", "kind": "less"}) == ["who", "kind", "check"]
    assert names({"who": "Ada", "kind": "more"}) == ["who", "kind", "detail"]


def test_only_steps_on_the_path_can_be_shown_and_back_goes_one_step_along_it():
    answers = {"who": "Ada", "kind": "less", "detail": "stale"}
    assert not JOURNEY.on_path("detail", answers)
    assert JOURNEY.on_path("check", answers)
    assert JOURNEY.back_from("check", answers) == "/example/kind"
    assert JOURNEY.back_from("who", answers) is None


def test_after_an_answer_the_user_goes_to_the_first_step_not_yet_answered():
    answers = {"who": "Ada", "kind": "less"}
    assert JOURNEY.where_next(answers) == "/example/check"
    changed = JOURNEY.answer(JOURNEY.step("kind"), answers, {"kind": "more"})
    assert JOURNEY.where_next(changed) == "/example/detail"


def test_a_step_may_forget_later_answers_or_one_answer():
    answers = {"who": "Ada", "kind": "more", "detail": "x"}
    assert JOURNEY.answer(JOURNEY.first, answers, {"who": "Bea"}) == {"who": "Bea"}
    assert JOURNEY.answer(JOURNEY.step("kind"), answers, {"detail": FORGET}) == {
        "who": "Ada",
        "kind": "more",
    }


def test_answers_live_in_the_session_under_the_journeys_key():
    session: dict[str, Any] = {"journeys": {"other": {"a": 1}}}
    JOURNEY.save(session, {"who": "Ada"})
    assert JOURNEY.answers(session) == {"who": "Ada"}
    JOURNEY.forget(session)
    assert session == {"journeys": {"other": {"a": 1}}}
