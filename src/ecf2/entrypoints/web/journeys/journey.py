"""A journey: named steps, answers kept in the session under the journey's key, and the
path through the steps that the answers so far lead to.

How to use it:

- Each `Step` has a `name` (its URL segment), a `template`, the answer `keys` it sets (a
  step is done when all are in the answers; a step with no keys, such as a "cannot
  register" page or "check your answers", is never done, so the path stops there), a
  `submit(form, answers, context)` that returns the answers to add or raises FormErrors,
  a `next(answers)` naming the following step, and `page(answers, context)` giving what
  its template needs besides the answers.
- `Journey.path(answers)` follows `next` from the first step while steps are done; only
  steps on the path can be shown (any other sends the user to the first step), the back
  link is the step before on the path, and after each submit the user goes to the first
  step on the path that is not done. So a "Change" link from check your answers is a plain
  link to the step: once it is answered again, the path runs through to check your
  answers, or stops at a question the new answer opens (and `forgets` drops answers that
  no longer hold, such as everything after a new TRN).
- `journeys/web.py` shows and submits steps for a controller (post/redirect/get, error
  summary on the page that asked); the controller does the final service call itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from ecf2.entrypoints.web.journeys.forms import Form

Answers = dict[str, Any]
JOURNEYS = "journeys"
# A submit returns {key: FORGET} to drop an answer that no longer holds.
FORGET = object()


def _nothing(_answers: Answers, _context: Any) -> dict[str, Any]:
    return {}


def _no_submit(_form: Form, _answers: Answers, _context: Any) -> Answers:
    return {}


@attrs.frozen
class Step:
    name: str
    template: str
    keys: tuple[str, ...] = ()
    submit: Callable[[Form, Answers, Any], Answers] = _no_submit
    next: Callable[[Answers], str | None] = lambda _answers: None
    page: Callable[[Answers, Any], Mapping[str, Any]] = _nothing
    # Answering this step again forgets every answer of the steps after it.
    forgets_later: bool = False

    def done(self, answers: Answers) -> bool:
        return bool(self.keys) and all(key in answers for key in self.keys)


@attrs.frozen
class Journey:
    key: str
    base_path: str
    steps: tuple[Step, ...]

    @property
    def first(self) -> Step:
        return self.steps[0]

    def step(self, name: str) -> Step | None:
        return next((step for step in self.steps if step.name == name), None)

    def url(self, name: str) -> str:
        return f"{self.base_path}/{name}"

    # Answers in the session.

    def answers(self, session: dict[str, Any]) -> Answers:
        return dict(session.get(JOURNEYS, {}).get(self.key, {}))

    def save(self, session: dict[str, Any], answers: Answers) -> None:
        session[JOURNEYS] = {**session.get(JOURNEYS, {}), self.key: answers}

    def forget(self, session: dict[str, Any]) -> None:
        kept = {k: v for k, v in session.get(JOURNEYS, {}).items() if k != self.key}
        session[JOURNEYS] = kept

    # The path the answers lead along.

    def path(self, answers: Answers) -> list[Step]:
        path, step = [], self.first
        while step is not None and step not in path:
            path.append(step)
            if not step.done(answers):
                break
            following = step.next(answers)
            step = None if following is None else self.step(following)
        return path

    def on_path(self, name: str, answers: Answers) -> bool:
        return any(step.name == name for step in self.path(answers))

    def back_from(self, name: str, answers: Answers) -> str | None:
        names = [step.name for step in self.path(answers)]
        index = names.index(name) if name in names else 0
        return self.url(names[index - 1]) if index > 0 else None

    def where_next(self, answers: Answers) -> str:
        return self.url(self.path(answers)[-1].name)

    def answer(self, step: Step, answers: Answers, new: Answers) -> Answers:
        if step.forgets_later:
            later = self.steps[self.steps.index(step) + 1 :]
            answers = {k: v for k, v in answers.items() if not any(k in s.keys for s in later)}
        merged = {**answers, **new}
        return {key: value for key, value in merged.items() if value is not FORGET}
