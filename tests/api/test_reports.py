"""GET /reports/summary: the same figures as `dieuhanh report summary --json`, scoped to the caller."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import call_command

from tests.factories import TaskFactory

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def tasks(world):
    TaskFactory(org=world.org, lead_unit=world.unit_a, assigned_on=D(2024, 1, 2), completed_on=D(2024, 2, 1))
    TaskFactory(
        org=world.org, lead_unit=world.unit_a, assigned_on=D(2024, 1, 5), started_on=D(2024, 1, 5),
        original_deadline=D(2024, 3, 1), deadline=D(2024, 3, 1),
    )  # fmt: skip
    TaskFactory(org=world.org, lead_unit=world.unit_b, assigned_on=D(2024, 2, 1), original_deadline=D(2024, 3, 20))
    TaskFactory(org=world.org, assigned_on=D(2024, 3, 13), started_on=D(2024, 3, 13))


def command_json(world, *args):
    out = StringIO()
    call_command("report", "summary", "--org", world.org.slug, *args, "--json", stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.parametrize(
    ("params", "args"),
    [({"period": "2024-Q1"}, ["--period", "2024-Q1"]), ({"as_of": "2024-03-26"}, ["--as-of", "2024-03-26"])],
)
def test_the_summary_is_the_reports_json(world, as_role, tasks, params, args):
    response = as_role("office").get("/reports/summary", params)
    assert response.status == 200
    assert response.body == command_json(world, *args)
    assert response.body["total"] == 4


def test_a_unit_head_gets_the_figures_of_the_units_tasks(world, as_role, tasks):
    body = as_role("unit_head").get("/reports/summary", {"period": "2024-Q1"}).body
    assert body["total"] == 2
    assert (body["done_on_time"], body["overdue"]) == (1, 1)


def test_subtasks_are_counted_on_request(world, as_role, tasks):
    parent = TaskFactory(org=world.org, assigned_on=D(2024, 1, 2))
    TaskFactory(org=world.org, parent=parent, assigned_on=D(2024, 1, 3))
    office = as_role("office")
    assert office.get("/reports/summary", {"period": "2024-Q1"}).body["total"] == 5
    assert office.get("/reports/summary", {"period": "2024-Q1", "include_subtasks": "true"}).body["total"] == 6


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "period"),
        ({"period": "2024-Q1", "as_of": "2024-03-26"}, "period"),
        ({"period": "2024-Q5"}, "period"),
        ({"as_of": "26/03/2024"}, "as_of"),
    ],
)
def test_bad_parameters_are_422_with_a_message(as_role, params, field):
    response = as_role("office").get("/reports/summary", params)
    assert response.status == 422
    assert field in response.body["fields"]
    assert response.body["message"][:1].isupper()


# --- periodic reports ------------------------------------------------------------------------


@pytest.fixture
def period_report(world):
    from dieuhanh.reports.services import period_report_open, report_type_create

    office = world.scope("office")
    rt = report_type_create(
        scope=office, code="quy", name="Báo cáo quý", period_kind="quarter", units=[world.unit_a, world.unit_b]
    )
    return period_report_open(scope=office, report_type=rt, period_key="2024-Q1")


def test_a_unit_submits_through_the_api_and_the_office_sees_who_is_missing(world, as_role, period_report):
    url = f"/reports/periods/{period_report.pk}/units/{world.unit_a.pk}"
    body = {"entries": {"research": {"results": "Nghiệm thu 01 đề tài.", "figures": "Đề tài: 01"}}, "submit": True}
    response = as_role("unit_head").put(url, body)
    assert response.status == 200
    assert response.body["state"] == "submitted"
    detail = as_role("office").get(f"/reports/periods/{period_report.pk}").body
    units = {u["unit_id"]: u for u in detail["units"]}
    assert units[world.unit_a.pk]["sections_filled"] == 1
    assert units[world.unit_b.pk]["timeliness"] == "missing"  # the due date (16/03/2024) is long past
    assert (detail["completeness"]["expected"], detail["completeness"]["missing"]) == (2, 1)


def test_a_bad_figure_line_is_a_422_in_vietnamese(world, as_role, period_report):
    url = f"/reports/periods/{period_report.pk}/units/{world.unit_a.pk}"
    response = as_role("unit_head").put(url, {"entries": {"research": {"figures": "Kiểm định"}}})
    assert response.status == 422
    assert "Tên số liệu: giá trị" in json.dumps(response.body, ensure_ascii=False)


def test_a_locked_period_refuses_submissions(world, as_role, period_report):
    assert as_role("office").post(f"/reports/periods/{period_report.pk}/lock").body["locked"] is True
    url = f"/reports/periods/{period_report.pk}/units/{world.unit_a.pk}"
    response = as_role("unit_head").put(url, {"entries": {"research": {"results": "Muộn"}}})
    assert response.status == 403
    assert "đã khóa" in response.body["message"]


def test_appendix_by_api_is_an_excel_file(world, as_role, tasks):
    response = as_role("office").get("/reports/appendix", {"period": "2024-Q1", "assigner": "all", "format": "xlsx"})
    assert response.status == 200
    assert response.raw["Content-Disposition"].endswith('.xlsx"')
    bad = as_role("office").get("/reports/appendix", {"period": "2024-Q1", "assigner": "Bộ Quốc phòng"})
    assert bad.status == 422
