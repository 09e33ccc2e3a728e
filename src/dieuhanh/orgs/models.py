"""Organisations (departments), their units and their people.

Every other record points at an `Organisation`. Unit lists and people are data, entered by the
organisation's admin, never code (DOMAIN §1).
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models

from dieuhanh.core.models import NormalizedModel


class Organisation(NormalizedModel):
    name = models.CharField("Tên cơ quan", max_length=255, help_text="Sở Khoa học và Công nghệ tỉnh Bắc Giang")
    header_name = models.CharField(
        "Tên cơ quan ban hành (trên văn bản)", max_length=255, help_text="Sở Khoa học và Công nghệ"
    )
    parent_body = models.CharField("Cơ quan chủ quản", max_length=255, help_text="UBND TỈNH BẮC GIANG")
    place = models.CharField("Địa danh", max_length=100, help_text="Bắc Giang")
    code = models.CharField("Chữ viết tắt trong ký hiệu văn bản", max_length=30, help_text="KHCN")
    slug = models.SlugField("Mã ngắn", max_length=50, unique=True)
    period_cutoff_day = models.PositiveSmallIntegerField(
        "Ngày chốt số liệu",
        default=14,
        validators=[MaxValueValidator(28)],
        help_text="Ngày chốt số liệu báo cáo trong tháng (NĐ 09/2019: 14); 0 = cuối tháng dương lịch.",
    )
    is_demo = models.BooleanField("Dữ liệu mẫu", default=False, editable=False)
    is_active = models.BooleanField("Đang hoạt động", default=True)

    class Meta:
        verbose_name = "cơ quan"
        verbose_name_plural = "cơ quan"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Unit(NormalizedModel):
    class Kind(models.TextChoices):
        OFFICE = "office", "Văn phòng"
        DIVISION = "division", "Phòng chuyên môn"
        INSPECTORATE = "inspectorate", "Thanh tra"
        SUBDEPARTMENT = "subdepartment", "Chi cục"
        CENTRE = "centre", "Trung tâm / đơn vị sự nghiệp"
        OTHER = "other", "Khác"

    org = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="units")
    name = models.CharField("Tên phòng, đơn vị", max_length=255)
    code = models.CharField(
        "Ký hiệu", max_length=30, blank=True, help_text="Dùng trong ký hiệu văn bản, ví dụ VP, QLKH, TĐC"
    )
    kind = models.CharField("Loại", max_length=20, choices=Kind.choices, default=Kind.DIVISION)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.RESTRICT, related_name="children", verbose_name="Trực thuộc"
    )
    order = models.PositiveSmallIntegerField("Thứ tự", default=0)
    is_active = models.BooleanField("Đang hoạt động", default=True)

    class Meta:
        verbose_name = "phòng, đơn vị"
        verbose_name_plural = "phòng, đơn vị"
        ordering = ["org", "order", "name"]
        constraints = [models.UniqueConstraint(fields=["org", "name"], name="unit_unique_name_per_org")]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    """Roles of issue 3; what each may see and do is decided in `dieuhanh.orgs.scope`."""

    ADMIN = "admin", "Quản trị cơ quan"
    LEADER = "leader", "Lãnh đạo Sở"
    OFFICE = "office", "Văn phòng (theo dõi, tổng hợp)"
    UNIT_HEAD = "unit_head", "Trưởng phòng, đơn vị"
    OFFICER = "officer", "Chuyên viên"
    VIEWER = "viewer", "Chỉ xem"


TITLE_SUGGESTIONS = [
    "Giám đốc",
    "Phó Giám đốc",
    "Chánh Văn phòng",
    "Phó Chánh Văn phòng",
    "Trưởng phòng",
    "Phó Trưởng phòng",
    "Chánh Thanh tra",
    "Chi cục trưởng",
    "Giám đốc Trung tâm",
    "Chuyên viên",
    "Kế toán",
    "Văn thư",
]


class Person(NormalizedModel):
    org = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="people")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
        verbose_name="Tài khoản",
    )
    full_name = models.CharField("Họ và tên", max_length=200)
    title = models.CharField("Chức vụ", max_length=100, blank=True)
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.RESTRICT, related_name="people", verbose_name="Phòng, đơn vị"
    )
    role = models.CharField("Vai trò", max_length=20, choices=Role.choices, default=Role.OFFICER)
    email = models.EmailField("Thư điện tử", blank=True)
    phone = models.CharField("Điện thoại", max_length=30, blank=True)
    is_active = models.BooleanField("Đang công tác", default=True)

    class Meta:
        verbose_name = "cán bộ"
        verbose_name_plural = "cán bộ"
        ordering = ["org", "full_name"]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.title})" if self.title else self.full_name


class CalendarDay(NormalizedModel):
    """A day the organisation works or rests against the national calendar: an official
    make-up working day, or an extra day off decided by the province."""

    class Kind(models.TextChoices):
        DAY_OFF = "day_off", "Ngày nghỉ thêm"
        WORKING_DAY = "working_day", "Ngày làm việc bù"

    org = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="calendar_days")
    date = models.DateField("Ngày")
    kind = models.CharField("Loại", max_length=20, choices=Kind.choices)
    note = models.CharField("Căn cứ, ghi chú", max_length=255, blank=True)

    class Meta:
        verbose_name = "ngày nghỉ / làm bù"
        verbose_name_plural = "lịch nghỉ, làm bù"
        ordering = ["org", "date"]
        constraints = [models.UniqueConstraint(fields=["org", "date"], name="calendar_day_unique_per_org")]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y}: {self.get_kind_display()}"
