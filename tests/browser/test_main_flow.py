"""The main flow in a browser, on a desktop and on a phone-sized screen:

the Office registers an incoming directive with its file, assigns two tasks from it to two
units; a unit head signs in and marks one done with a result document registered on the spot;
the dashboard counts change. A screenshot of each step goes to tests/artifacts/<viewport>/.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from tests.browser.conftest import ARTIFACTS, VIEWPORTS
from tests.conftest import make_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "mat-khau-thu-nghiem"  # tests.factories.UserFactory


class Steps:
    def __init__(self, page, live_server, name: str):
        self.page = page
        self.base = live_server.url
        self.dir = ARTIFACTS / name
        self.dir.mkdir(parents=True, exist_ok=True)
        self.n = 0
        self.phone = name == "phone"

    def shot(self, label: str) -> None:
        self.n += 1
        self.page.screenshot(path=str(self.dir / f"{self.n:02d}-{label}.png"), full_page=True)
        # Nothing may stick out sideways on a phone: no horizontal scrolling.
        overflow = self.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{label}: page is {overflow}px wider than the screen"
        hidden_menu = self.page.evaluate(
            "(() => { const m = document.querySelector('.nav ul'); return m ? m.scrollWidth - m.clientWidth : 0; })()"
        )
        assert hidden_menu <= 0, f"{label}: {hidden_menu}px of the menu is cut off"

    def sign_in(self, username: str) -> None:
        self.page.goto(f"{self.base}/dang-nhap/")
        self.page.get_by_label("Tên đăng nhập").fill(username)
        self.page.get_by_label("Mật khẩu").fill(PASSWORD)
        self.page.get_by_role("button", name="Đăng nhập").click()
        self.page.wait_for_url(f"{self.base}/")

    def sign_out(self) -> None:
        self.page.get_by_role("button", name="Đăng xuất").click()
        self.page.wait_for_url(re.compile(r".*/dang-nhap/$"))

    def count(self, status: str) -> int:
        return int(self.page.locator(f'.card[data-status="{status}"] .n').inner_text())


def fmt(day: dt.date) -> str:
    return f"{day:%d/%m/%Y}"


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_office_assigns_and_a_unit_head_reports_done(browser, live_server, viewport, tmp_path):
    world = make_world()
    office, head = world.people["office"].user.username, world.people["unit_head"].user.username
    today = timezone.localdate()
    context = browser.new_context(locale="vi-VN", **VIEWPORTS[viewport])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    steps = Steps(page, live_server, viewport)

    # The Office signs in and registers an incoming directive with its file.
    page.goto(f"{live_server.url}/")
    steps.shot("dang-nhap")
    steps.sign_in(office)
    steps.shot("tong-quan-van-phong")
    page.get_by_role("link", name="Vào sổ văn bản").first.click()
    page.get_by_label("Số, ký hiệu").fill("215/UBND-KGVX")
    page.get_by_label("Ngày ban hành").fill(fmt(today))
    page.get_by_label("Cơ quan ban hành").fill("UBND tỉnh")
    page.get_by_label("Trích yếu").fill("V/v triển khai Nghị quyết của Tỉnh ủy về phát triển khoa học, công nghệ")
    directive = tmp_path / "chi-dao.pdf"
    directive.write_bytes(b"%PDF-1.4\n% test directive\n")
    page.get_by_label("Tệp văn bản").set_input_files(str(directive))
    steps.shot("vao-so-van-ban")
    page.get_by_role("button", name="Vào sổ").click()
    page.get_by_text("Đã vào sổ văn bản 215/UBND-KGVX").wait_for()
    steps.shot("van-ban-da-vao-so")

    # Two tasks from it, for two units.
    for unit, content in (
        (world.unit_a, "Tham mưu kế hoạch thực hiện Nghị quyết"),
        (world.unit_b, "Rà soát tiêu chuẩn đo lường phục vụ Nghị quyết"),
    ):
        page.get_by_role("link", name="Giao nhiệm vụ từ văn bản này").click()
        page.get_by_label("Nội dung công việc").fill(content)
        page.get_by_label("Đơn vị chủ trì").select_option(label=unit.name)
        page.get_by_label("Thời hạn", exact=True).fill(fmt(today + dt.timedelta(days=5)))
        if unit == world.unit_a:
            steps.shot("giao-nhiem-vu")
        page.get_by_role("button", name="Giao nhiệm vụ").click()
        page.get_by_text(f"Đã giao nhiệm vụ: {content}").wait_for()
    steps.shot("van-ban-co-hai-nhiem-vu")
    page.get_by_role("link", name="Tổng quan").click()
    assert steps.count("not_started") == 2
    assert steps.count("done_on_time") == 0
    steps.shot("tong-quan-sau-khi-giao")
    steps.sign_out()

    # The head of unit A signs in, sees the task and reports it done with a result document.
    steps.sign_in(head)
    steps.shot("tong-quan-truong-phong")
    page.get_by_role("link", name="Nhiệm vụ", exact=True).click()
    page.get_by_label("Tìm theo nội dung, số văn bản").fill("nghi quyet")
    page.get_by_role("button", name="Lọc").click()
    page.get_by_role("link", name="Tham mưu kế hoạch thực hiện Nghị quyết").wait_for()
    steps.shot("danh-sach-nhiem-vu")
    page.get_by_role("link", name="Tham mưu kế hoạch thực hiện Nghị quyết").click()
    steps.shot("chi-tiet-nhiem-vu")
    page.get_by_role("link", name="Báo cáo hoàn thành").click()
    page.get_by_label("Ngày hoàn thành").fill(fmt(today))
    page.get_by_text("Hoặc vào sổ văn bản đi mới").click()
    page.get_by_label("Số, ký hiệu văn bản đi").fill("35/KH-KHCN")
    page.get_by_label("Ngày ban hành").fill(fmt(today))
    page.get_by_label("Trích yếu").fill("Kế hoạch thực hiện Nghị quyết")
    steps.shot("bao-cao-hoan-thanh")
    page.get_by_role("button", name="Báo cáo hoàn thành").click()
    page.get_by_text("Đã ghi nhận nhiệm vụ hoàn thành.").wait_for()
    assert page.get_by_text("Hoàn thành đúng hạn").first.is_visible()
    steps.shot("nhiem-vu-da-hoan-thanh")

    page.get_by_role("link", name="Tổng quan").click()
    assert steps.count("done_on_time") == 1
    steps.shot("tong-quan-sau-khi-hoan-thanh")
    steps.sign_out()

    # The Office sees the change too.
    steps.sign_in(office)
    assert steps.count("done_on_time") == 1
    assert steps.count("not_started") == 1
    steps.shot("tong-quan-van-phong-cuoi")
    assert not errors, errors
    context.close()
