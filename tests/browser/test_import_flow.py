"""Import with review in a browser, on a desktop and on a phone-sized screen:

the Office uploads a seed (the February 2024 briefing conclusions), sees the proposed tasks in
the editable table (cards on a phone) with the unit names that match no unit, edits a row,
removes one, adds one, confirms; the document then lists the tasks. Uploading the same file
again creates nothing. Screenshots go to tests/artifacts/<viewport>-import/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dieuhanh.extraction.models import ImportBatch
from dieuhanh.tasks.models import Task
from tests.browser.conftest import VIEWPORTS
from tests.browser.test_main_flow import Steps
from tests.conftest import make_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SEED = Path(__file__).resolve().parents[2] / "src" / "dieuhanh" / "demo" / "seeds" / "001_f7156e15c31bff84.txt"


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_office_uploads_a_seed_edits_and_confirms(browser, live_server, viewport):
    world = make_world()
    office = world.people["office"].user.username
    context = browser.new_context(locale="vi-VN", **VIEWPORTS[viewport])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # a blocked script or style (Content-Security-Policy) is a console error; a missing favicon is not
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" and "404" not in msg.text else None)
    steps = Steps(page, live_server, f"{viewport}-import")

    steps.sign_in(office)
    page.get_by_role("link", name="Văn bản", exact=True).click()
    page.get_by_role("link", name="Nhập văn bản, đề xuất nhiệm vụ").click()
    steps.shot("nhap-van-ban")
    page.get_by_label("Tệp văn bản").set_input_files(str(SEED))
    page.get_by_role("button", name="Đọc tệp và đề xuất nhiệm vụ").click()
    page.get_by_text("nhiệm vụ đề xuất đang chờ xem xét").wait_for()
    proposed = len(ImportBatch.objects.get().task_rows)
    assert proposed > 5
    assert page.locator(".unmatched").count() > 0  # names of units this department does not have
    steps.shot("xem-xet")

    # Edit the first row, remove the second, give the third a lead unit, add one row.
    page.get_by_label("Nội dung nhiệm vụ 1", exact=True).fill("Nhiệm vụ thứ nhất, đã sửa khi xem xét")
    page.locator("#id_r-0-deadline").fill("30/04/2024")
    page.locator("#id_r-1-DELETE").check()
    page.locator("#id_r-2-lead_unit").select_option(label=world.unit_b.name)
    page.get_by_role("button", name="Thêm dòng").click()
    page.get_by_text("Dòng thêm").wait_for()
    added = page.locator("tr.new-row textarea")
    added.fill("Nhiệm vụ thêm khi xem xét")
    page.locator("tr.new-row select[name$='lead_unit']").select_option(label=world.unit_a.name)
    steps.shot("da-sua")
    page.get_by_role("button", name="Xác nhận, tạo các nhiệm vụ").click()
    page.get_by_text(f"Đã tạo {proposed} nhiệm vụ").wait_for()  # one removed, one added
    steps.shot("da-xac-nhan")

    assert Task.objects.count() == proposed
    assert Task.objects.filter(content="Nhiệm vụ thứ nhất, đã sửa khi xem xét", deadline__month=4).exists()
    assert Task.objects.get(content="Nhiệm vụ thêm khi xem xét").lead_unit == world.unit_a
    batch = ImportBatch.objects.get()
    assert Task.objects.filter(source_document=batch.document).count() == proposed

    # The same file again: nothing new.
    page.goto(f"{live_server.url}/nhap-van-ban/")
    page.get_by_label("Tệp văn bản").set_input_files(str(SEED))
    page.get_by_role("button", name="Đọc tệp và đề xuất nhiệm vụ").click()
    page.get_by_text("đã được nhập trước đây").wait_for()
    assert (ImportBatch.objects.count(), Task.objects.count()) == (1, proposed)
    steps.shot("nhap-lai")
    assert not errors, errors
    context.close()
