"""The import-linter contracts really guard the architecture: a violation makes them fail."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports_on_a_copy(
    tmp_path: Path, module: str, source: str
) -> subprocess.CompletedProcess:
    shutil.copytree(ROOT / "src" / "ecf2", tmp_path / "src" / "ecf2")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "src" / Path(*module.split("."))).with_suffix(".py").write_text(source)
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path / "src"), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_contracts_hold_on_the_code_as_it_is(tmp_path):
    result = _lint_imports_on_a_copy(tmp_path, "ecf2.domain.shared.harmless", "import decimal\n")
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("ecf2.domain.shared.leak", "import sqlalchemy\n"),
        ("ecf2.domain.payments.leak", "from ecf2.adapters.db import base\n"),
        ("ecf2.domain.payments.leak", "from ecf2.domain.participants import model\n"),
    ],
)
def test_a_forbidden_import_in_the_domain_fails_the_contracts(tmp_path, module, source):
    result = _lint_imports_on_a_copy(tmp_path, module, source)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout
