"""The appendix of assigned tasks from the register: seed 000's rows and counts, as DOCX and XLSX."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document as open_docx
from openpyxl import load_workbook

from dieuhanh.cli import main
from dieuhanh.demo.builder import build_demo
from dieuhanh.orgs.models import Organisation
from dieuhanh.orgs.scope import Scope
from dieuhanh.reports.appendix import (
    AppendixError,
    appendix_file,
    appendix_title,
    build_appendix,
    resolve_assigners,
)
from dieuhanh.reports.periods import parse_period
from dieuhanh.tasks.models import Assigner
from tests.factories import AssignerFactory, DocumentFactory, TaskFactory

pytestmark = pytest.mark.django_db
Q1 = parse_period("2024-Q1")


@pytest.fixture
def demo():
    build_demo()
    return Scope.operator(Organisation.objects.get(slug="bac-giang"))


def table_rows(docx: bytes) -> list[list[str]]:
    table = open_docx(io.BytesIO(docx)).tables[-1]
    rows = []
    for row in table.rows:
        cells = []
        for cell in row.cells:
            if not cells or cell._tc is not cells[-1][1]:
                cells.append((cell.text, cell._tc))
        rows.append([text for text, _ in cells])
    return rows


def test_demo_q1_2024_reproduces_the_seed_counts(demo):
    result = build_appendix(demo, Q1, resolve_assigners(demo, "UBND tỉnh, Chủ tịch UBND tỉnh"))
    c = result.counts
    assert (c.total, c.done, c.done_late, c.in_progress, c.overdue, c.not_started) == (20, 7, 0, 13, 0, 0)
    headings = [s.heading for s in result.appendix.sections]
    assert headings == [
        "ĐÃ THỰC HIỆN: 07 nhiệm vụ",
        "ĐANG THỰC HIỆN: 13 nhiệm vụ (trong hạn)",
        "CHƯA THỰC HIỆN: 0 nhiệm vụ",
    ]


def test_demo_docx_has_the_20_rows_with_the_seed_s_cells(demo):
    result = build_appendix(demo, Q1, resolve_assigners(demo, "UBND tỉnh, Chủ tịch UBND tỉnh"))
    rows = table_rows(appendix_file(result, "docx").content)
    assert rows[0] == [
        "TT",
        "Số/Ký hiệu VBCĐ",
        "Nội dung công việc",
        "Thời hạn",
        "Ngày hoàn thành",
        "Tiến độ",
        "Kết quả xử lý",
    ]
    tasks = [r for r in rows[1:] if len(r) == 7]
    assert len(tasks) == 20
    first = tasks[0]
    assert first[0] == "1"
    assert first[1] == "181/UBND-KGVX\nNgày 12/01/2024"
    assert first[2].startswith("V/v tham mưu Chủ tịch UBND tỉnh")
    assert first[3:6] == ["28/02/2024", "26/02/2024", "Đúng hạn"]
    assert first[6] == "16/KH-UBND\nNgày 26/02/2024"
    # Row 4: its result document is older than its completion date (DOMAIN §5).
    assert tasks[3][4] == "29/12/2023"
    assert tasks[3][6] == "107//KH-KHCN\nNgày 18/07/2023"
    open_rows = tasks[7:]
    assert open_rows[0][1].startswith("3797/UBND-KGVX")
    assert open_rows[0][3] == ""
    assert open_rows[0][5] == "Chưa đến hạn"
    assert [r[0] for r in open_rows] == [str(i) for i in range(1, 14)]
    groups = [r for r in rows[1:] if len(r) == 2]
    assert [g[0] for g in groups] == ["I", "II", "III"]
    assert groups[1][1] == "ĐANG THỰC HIỆN: 13 nhiệm vụ (trong hạn)"


def test_demo_docx_is_landscape_with_the_seed_title(demo):
    result = build_appendix(demo, Q1, resolve_assigners(demo, "UBND tỉnh, Chủ tịch UBND tỉnh"))
    document = open_docx(io.BytesIO(appendix_file(result, "docx").content))
    section = document.sections[-1]
    assert section.page_width > section.page_height
    text = "\n".join(p.text for p in document.paragraphs)
    assert "BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ, KẾT LUẬN, CHỈ ĐẠO UBND TỈNH," in text
    assert "CHỦ TỊCH UBND TỈNH GIAO QUÝ I NĂM 2024" in text
    assert "của Sở Khoa học và Công nghệ)" in text


def test_demo_xlsx_has_the_rows_and_real_dates(demo):
    result = build_appendix(demo, Q1, resolve_assigners(demo, "upstream"))
    sheet = load_workbook(io.BytesIO(appendix_file(result, "xlsx").content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=6)]
    tasks = [v for v in values if v[2]]
    assert len(tasks) == 20
    assert tasks[0][3].date() == dt.date(2024, 2, 28)
    assert tasks[0][4].date() == dt.date(2024, 2, 26)
    groups = [v[1] for v in values if v[0] in ("I", "II", "III")]
    assert groups == [
        "ĐÃ THỰC HIỆN: 07 nhiệm vụ",
        "ĐANG THỰC HIỆN: 13 nhiệm vụ (trong hạn)",
        "CHƯA THỰC HIỆN: 0 nhiệm vụ",
    ]


def test_overdue_and_late_tasks_land_in_their_sections(world):
    ubnd = AssignerFactory(org=world.org, name="UBND tỉnh", level=Assigner.Level.UPSTREAM)
    common = {"org": world.org, "assigner": ubnd, "assigned_on": dt.date(2024, 1, 5)}
    TaskFactory(**common, original_deadline=dt.date(2024, 2, 1), completed_on=dt.date(2024, 2, 4), content="Xong chậm")
    TaskFactory(**common, original_deadline=dt.date(2024, 3, 1), started_on=dt.date(2024, 1, 6), content="Đang quá hạn")
    TaskFactory(**common, original_deadline=dt.date(2024, 3, 4), content="Chưa làm, quá hạn")
    TaskFactory(**common, content="Chưa làm")
    result = build_appendix(
        world.operator, Q1, resolve_assigners(world.operator, "upstream"), today=dt.date(2024, 5, 1)
    )
    done, open_, not_started = result.appendix.sections
    assert [(r.content, r.progress) for r in done.rows] == [("Xong chậm", "Chậm 3 ngày")]
    assert [(r.content, r.progress) for r in open_.rows] == [("Đang quá hạn", "Quá hạn 13 ngày")]
    assert open_.heading == "ĐANG THỰC HIỆN: 01 nhiệm vụ (trong hạn: 0; quá hạn: 01)"
    assert [(r.content, r.progress) for r in not_started.rows] == [
        ("Chưa làm, quá hạn", "Quá hạn 10 ngày"),
        ("Chưa làm", "Chưa thực hiện"),
    ]


def test_only_the_chosen_assigners_tasks_are_listed(world):
    ubnd = AssignerFactory(org=world.org, name="UBND tỉnh", level=Assigner.Level.UPSTREAM)
    director = AssignerFactory(org=world.org, name="Giám đốc Sở", level=Assigner.Level.INTERNAL)
    TaskFactory(org=world.org, assigner=ubnd, content="Tỉnh giao")
    TaskFactory(org=world.org, assigner=director, content="Sở giao")
    scope = world.operator
    assert [r.content for s in build_appendix(scope, Q1).appendix.sections for r in s.rows] == ["Tỉnh giao"]
    internal = build_appendix(scope, Q1, resolve_assigners(scope, "giam doc so"))
    assert [r.content for s in internal.appendix.sections for r in s.rows] == ["Sở giao"]


def test_an_unknown_assigner_is_refused_with_the_known_names(world):
    AssignerFactory(org=world.org, name="UBND tỉnh")
    with pytest.raises(AppendixError, match="UBND tỉnh"):
        resolve_assigners(world.operator, "Bộ Quốc phòng")


def test_a_unit_head_sees_only_the_tasks_of_the_unit(world):
    ubnd = AssignerFactory(org=world.org, name="UBND tỉnh")
    TaskFactory(org=world.org, assigner=ubnd, lead_unit=world.unit_a, content="Của phòng")
    TaskFactory(org=world.org, assigner=ubnd, lead_unit=world.unit_b, content="Của chi cục")
    result = build_appendix(world.scope("unit_head"), Q1)
    assert [r.content for s in result.appendix.sections for r in s.rows] == ["Của phòng"]


def test_result_document_and_source_are_printed_with_their_dates(world):
    ubnd = AssignerFactory(org=world.org, name="UBND tỉnh")
    source = DocumentFactory(org=world.org, number_raw="181/UBND-KGVX", issued_on=dt.date(2024, 1, 12))
    answer = DocumentFactory(org=world.org, number_raw="199/KHCN-TĐC", issued_on=dt.date(2024, 1, 30))
    TaskFactory(
        org=world.org,
        assigner=ubnd,
        source_document=source,
        result_document=answer,
        completed_on=dt.date(2024, 1, 30),
    )
    row = build_appendix(world.operator, Q1).appendix.sections[0].rows[0]
    assert (row.source_text, row.result_text) == ("181/UBND-KGVX\nNgày 12/01/2024", "199/KHCN-TĐC\nNgày 30/01/2024")


def test_title_breaks_after_the_first_assigner():
    assert appendix_title("UBND tỉnh, Chủ tịch UBND tỉnh", Q1) == (
        "Báo cáo kết quả thực hiện nhiệm vụ, kết luận, chỉ đạo UBND tỉnh,\nChủ tịch UBND tỉnh giao quý I năm 2024"
    )
    assert appendix_title("Giám đốc Sở", parse_period("2024-03")).endswith("Giám đốc Sở giao tháng 3 năm 2024")


def run(capsys, *args):
    try:
        code = main(["report", "appendix", *args])
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("suffix", ["docx", "xlsx"])
def test_command_writes_the_file(demo, capsys, tmp_path, suffix):
    out_file = tmp_path / f"phu-luc.{suffix}"
    code, out, _ = run(capsys, "--org", "bac-giang", "--period", "2024-Q1", "--out", str(out_file))
    assert code == 0
    assert "20 nhiệm vụ" in out
    assert "đã thực hiện 07" in out
    assert out_file.stat().st_size > 5000


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--period", "2024-Q1", "--out", "x.pdf"], "pdf"),
        (["--period", "2024-Q1", "--assigner", "Bộ Quốc phòng", "--out", "x.docx"], "Bộ Quốc phòng"),
        (["--period", "2024-Q9", "--out", "x.docx"], "quý 9"),
    ],
)
def test_command_bad_input_exits_2(world, capsys, tmp_path, args, needle):
    args = [a if a != "x.docx" and a != "x.pdf" else str(tmp_path / a) for a in args]
    code, out, err = run(capsys, "--org", world.org.slug, *args)
    assert code == 2
    assert out == ""
    assert needle in err
    assert err.startswith("Lỗi: ")
