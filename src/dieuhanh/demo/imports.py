"""Demo step: documents imported for review (issue 4).

Bắc Giang registers seeds 000 (Q1/2024 report), 001 (meeting conclusions) and 004 (2021
programme) through `import_propose`: their proposed tasks wait, pending, for the Office to
review, so the confirmed tasks and figures of the foundation demo stay exactly as they were.
A second organisation, Bắc Kạn, with its own units (from seed 003, DOMAIN §1) and one Office
login, has seed 003 waiting for review in the same way.
"""

from __future__ import annotations

from pathlib import Path

from dieuhanh.demo.builder import DemoContext
from dieuhanh.extraction.services import import_propose
from dieuhanh.orgs.models import Organisation, Role, Unit
from dieuhanh.orgs.scope import Scope

SEEDS = Path(__file__).resolve().parent / "seeds"
BAC_GIANG_SEEDS = ["000_cf73dddadab7c245.txt", "001_f7156e15c31bff84.txt", "004_cf8283d54f2ec700.txt"]
BAC_KAN_SEED = "003_e2543b0db50729a7.txt"
BAC_KAN = "bac-kan"

BAC_KAN_UNITS = [
    ("Văn phòng Sở", "VP", Unit.Kind.OFFICE),
    ("Thanh tra Sở", "TTr", Unit.Kind.INSPECTORATE),
    ("Phòng Quản lý khoa học", "QLKH", Unit.Kind.DIVISION),
    ("Phòng Quản lý công nghệ và Thông tin tư liệu", "QLCN", Unit.Kind.DIVISION),
    (
        "Trung tâm ứng dụng Khoa học - Công nghệ và Tiêu chuẩn Đo lường Chất lượng",
        "TTUD",
        Unit.Kind.CENTRE,
    ),
]


def _propose(scope: Scope, name: str) -> None:
    path = SEEDS / name
    with path.open("rb") as fh:
        import_propose(scope=scope, file=fh, file_name=name)


def build(ctx: DemoContext) -> None:
    bac_giang = ctx.orgs.get("bac-giang") or Organisation.objects.get(slug="bac-giang")
    scope = Scope.operator(bac_giang)
    for name in BAC_GIANG_SEEDS:
        _propose(scope, name)

    org = Organisation.objects.create(
        name="Sở Khoa học và Công nghệ tỉnh Bắc Kạn",
        header_name="Sở Khoa học và Công nghệ",
        parent_body="UBND TỈNH BẮC KẠN",
        place="Bắc Kạn",
        code="SKHCN",
        slug=BAC_KAN,
        is_demo=True,
    )
    ctx.orgs[BAC_KAN] = org
    units = {
        code: Unit.objects.create(org=org, name=name, code=code, kind=kind, order=i)
        for i, (name, code, kind) in enumerate(BAC_KAN_UNITS, start=1)
    }
    ctx.add_person(
        org,
        full_name="Hoàng Thị Mai",
        title="Chánh Văn phòng",
        role=Role.OFFICE,
        unit=units["VP"],
        username="backan.vanphong",
    )
    _propose(Scope.operator(org), BAC_KAN_SEED)
    ctx.notes.append(
        "Văn bản chờ xem xét: 3 tệp của Bắc Giang (000, 001, 004) và 1 tệp của Bắc Kạn (003); "
        "xác nhận bằng: dieuhanh import TỆP --org MÃ --yes"
    )
