"""`dieuhanh report summary`: the JSON contract and one-line errors with exit code 2."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from dieuhanh.cli import main
from tests.factories import TaskFactory

pytestmark = pytest.mark.django_db


def run(capsys, *args):
    try:
        code = main(["report", "summary", *args])
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def test_json_contract_for_a_period(world, capsys):
    TaskFactory(org=world.org, lead_unit=world.unit_a, assigned_on=dt.date(2024, 1, 5), started_on=dt.date(2024, 1, 6))
    code, out, _ = run(capsys, "--org", world.org.slug, "--period", "2024-Q1", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["period"] == {"key": "2024-Q1", "start": "2023-12-15", "end": "2024-03-14"}
    assert data["as_of"] == "2024-03-14"
    for key in (
        "total",
        "done_on_time",
        "done_late",
        "in_progress",
        "overdue",
        "not_started",
        "not_started_overdue",
        "completion_rate",
        "on_time_rate",
        "by_unit",
    ):
        assert key in data
    assert (data["total"], data["in_progress"], data["completion_rate"]) == (1, 1, None)
    assert data["by_unit"][0]["unit"] == world.unit_a.name
    assert data["by_unit"][-1]["unit_id"] is None


def test_as_of_gives_a_null_period(world, capsys):
    code, out, _ = run(capsys, "--org", world.org.slug, "--as-of", "2024-03-26", "--json")
    data = json.loads(out)
    assert (code, data["period"], data["as_of"]) == (0, None, "2024-03-26")


def test_the_period_uses_the_organisation_s_cutoff_day(world, capsys):
    world.org.period_cutoff_day = 0
    world.org.save()
    _, out, _ = run(capsys, "--org", world.org.slug, "--period", "2024-Q1", "--json")
    assert json.loads(out)["period"] == {"key": "2024-Q1", "start": "2024-01-01", "end": "2024-03-31"}


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--org", "khong-co", "--period", "2024-Q1"], "khong-co"),
        (["--org", "{slug}", "--period", "2024-Q5"], "quý 5"),
        (["--org", "{slug}", "--as-of", "2024-02-30"], "2024-02-30"),
        (["--org", "{slug}", "--as-of", "mai"], "mai"),
    ],
)
def test_bad_input_prints_one_line_and_exits_2(world, capsys, args, needle):
    args = [a.format(slug=world.org.slug) for a in args]
    code, out, err = run(capsys, *args, "--json")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("Lỗi: ")
    assert needle in err
    assert "Traceback" not in err
