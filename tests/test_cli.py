"""The command line: JSON Lines out, one line per bad input, exit codes, help with examples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()

ARTICLE = "---\nid: t1\ndate: 2013-09-28\nlang: en\n---\nObama called Rouhani on Friday.\n"


def test_extract_writes_one_event_a_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt")])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert [(e["type"], e["date"]["start"]) for e in lines] == [("phone_call", "2013-09-27")]
    assert {"id", "source", "targets", "via", "negated", "secret", "evidence"} <= set(lines[0])


def test_date_and_lang_flags_override(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Obama called Rouhani on Friday.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "--date", "2013-09-28", "--lang", "en"])
    (event,) = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert event["date"]["start"] == "2013-09-27"


def test_bad_inputs_are_named_and_the_rest_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"id": "x", "text": "Kerry met Zarif.", "lang": "en"}\n{oops\n')
    out = tmp_path / "events.jsonl"
    result = runner.invoke(app, ["extract", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 1
    skipped = [line for line in result.stderr.splitlines() if "skipped" in line and "summary" not in line]
    assert any("empty.txt" in line for line in skipped)
    assert any("b.jsonl:2" in line for line in skipped)
    assert "Traceback" not in result.output
    types = sorted(json.loads(x)["type"] for x in out.read_text().splitlines())
    assert types == ["meeting_held", "phone_call"]


def test_plover_format(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "--format", "plover"])
    (record,) = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert (record["event"], record["mode"], record["date"]) == ("CONSULT", "phone", "2013-09-27")


def test_bad_date_flag_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "--date", "2014-02-30"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr and "Traceback" not in result.output


def test_actors_command_resolves_roles_by_date() -> None:
    result = runner.invoke(app, ["actors", "الرئيس الأمريكي", "--date", "2019-05-01"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["name"] == "Donald Trump"
    missing = runner.invoke(app, ["actors", "Nobody Atall Zzyzx"])
    assert missing.exit_code == 1 and "no actor" in missing.stderr


@pytest.mark.parametrize("command", ["extract", "build", "query", "view", "actors"])
def test_every_command_has_help_with_an_example_and_is_in_the_readme(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Example:" in result.stdout
    assert f"dipgraph {command}" in (ROOT / "README.md").read_text(encoding="utf-8")
