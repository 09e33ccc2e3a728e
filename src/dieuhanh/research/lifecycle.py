"""The lifecycle of a research task (nhiệm vụ KH&CN), as a pure state machine (DOMAIN §7).

Stages, in order:

    proposed (đề xuất, đặt hàng) -> identified (hội đồng tư vấn xác định) -> listed (danh mục
    được phê duyệt) -> selected (tuyển chọn / giao trực tiếp) -> budget appraised (thẩm định
    kinh phí) -> approved (phê duyệt) -> contracted (ký hợp đồng) -> in progress (kiểm tra tiến
    độ, điều chỉnh, gia hạn) -> delivered (giao nộp sản phẩm) -> accepted (nghiệm thu, xếp loại)
    -> recognised (công nhận kết quả) -> registered (giấy chứng nhận đăng ký kết quả) ->
    uploaded (đưa lên CSDL quốc gia) -> liquidated (thanh lý hợp đồng)

or terminated (chấm dứt hợp đồng) from any stage before acceptance, or after an acceptance
rated "Không đạt".

Each event kind moves a task from a set of stages to one stage (`TRANSITIONS`). Two habits of
real registers are allowed: liquidation right after recognition (registration and upload may
follow it: seed 000 "Công nhận kết quả và thanh lý hợp đồng"), and a task entered in the
register at the stage it has reached (the service takes a starting stage).

Public: `Stage`, `EventKind`, `Rating`, `State`, `TransitionError`, `apply`, `allowed_kinds`,
`ACTIVE_STAGES`, `stage_label`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum


class Stage(StrEnum):
    PROPOSED = "proposed"
    IDENTIFIED = "identified"
    LISTED = "listed"
    SELECTED = "selected"
    BUDGET_APPRAISED = "budget_appraised"
    APPROVED = "approved"
    CONTRACTED = "contracted"
    IN_PROGRESS = "in_progress"
    DELIVERED = "delivered"
    ACCEPTED = "accepted"
    RECOGNISED = "recognised"
    REGISTERED = "registered"
    UPLOADED = "uploaded"
    LIQUIDATED = "liquidated"
    TERMINATED = "terminated"

    @property
    def label(self) -> str:
        return STAGE_LABELS[self]


STAGE_LABELS: dict[Stage, str] = {
    Stage.PROPOSED: "Đề xuất, đặt hàng",
    Stage.IDENTIFIED: "Đã họp hội đồng xác định",
    Stage.LISTED: "Đã phê duyệt danh mục",
    Stage.SELECTED: "Đã tuyển chọn / giao trực tiếp",
    Stage.BUDGET_APPRAISED: "Đã thẩm định kinh phí",
    Stage.APPROVED: "Đã phê duyệt thực hiện",
    Stage.CONTRACTED: "Đã ký hợp đồng",
    Stage.IN_PROGRESS: "Đang thực hiện",
    Stage.DELIVERED: "Đã giao nộp sản phẩm",
    Stage.ACCEPTED: "Đã nghiệm thu",
    Stage.RECOGNISED: "Đã công nhận kết quả",
    Stage.REGISTERED: "Đã đăng ký kết quả",
    Stage.UPLOADED: "Đã đưa lên CSDL quốc gia",
    Stage.LIQUIDATED: "Đã thanh lý hợp đồng",
    Stage.TERMINATED: "Đã chấm dứt hợp đồng",
}
ORDER = list(Stage)


def stage_label(value: str) -> str:
    return STAGE_LABELS[Stage(value)]


class EventKind(StrEnum):
    PROPOSAL = "proposal"
    IDENTIFICATION = "identification"
    LISTING = "listing"
    SELECTION = "selection"
    DIRECT_ASSIGNMENT = "direct_assignment"
    BUDGET_APPRAISAL = "budget_appraisal"
    APPROVAL = "approval"
    CONTRACT = "contract"
    PROGRESS_CHECK = "progress_check"
    ADJUSTMENT = "adjustment"
    EXTENSION = "extension"
    DELIVERY = "delivery"
    ACCEPTANCE = "acceptance"
    RECOGNITION = "recognition"
    REGISTRATION = "registration"
    UPLOAD = "upload"
    LIQUIDATION = "liquidation"
    TERMINATION = "termination"

    @property
    def label(self) -> str:
        return KIND_LABELS[self]


KIND_LABELS: dict[EventKind, str] = {
    EventKind.PROPOSAL: "Đề xuất, đặt hàng",
    EventKind.IDENTIFICATION: "Hội đồng tư vấn xác định nhiệm vụ",
    EventKind.LISTING: "Phê duyệt danh mục",
    EventKind.SELECTION: "Hội đồng tuyển chọn",
    EventKind.DIRECT_ASSIGNMENT: "Hội đồng giao trực tiếp",
    EventKind.BUDGET_APPRAISAL: "Thẩm định kinh phí",
    EventKind.APPROVAL: "Phê duyệt thực hiện",
    EventKind.CONTRACT: "Ký hợp đồng",
    EventKind.PROGRESS_CHECK: "Kiểm tra tiến độ",
    EventKind.ADJUSTMENT: "Điều chỉnh",
    EventKind.EXTENSION: "Gia hạn",
    EventKind.DELIVERY: "Giao nộp sản phẩm",
    EventKind.ACCEPTANCE: "Nghiệm thu",
    EventKind.RECOGNITION: "Công nhận kết quả",
    EventKind.REGISTRATION: "Đăng ký kết quả (cấp giấy chứng nhận)",
    EventKind.UPLOAD: "Đưa kết quả lên CSDL quốc gia về KH&CN",
    EventKind.LIQUIDATION: "Thanh lý hợp đồng",
    EventKind.TERMINATION: "Chấm dứt hợp đồng",
}


class Rating(StrEnum):
    """Acceptance ratings (xếp loại nghiệm thu)."""

    EXCELLENT = "excellent"
    GOOD = "good"
    PASS = "pass"
    FAIL = "fail"

    @property
    def label(self) -> str:
        return RATING_LABELS[self]


RATING_LABELS: dict[Rating, str] = {
    Rating.EXCELLENT: "Xuất sắc",
    Rating.GOOD: "Khá",
    Rating.PASS: "Đạt",
    Rating.FAIL: "Không đạt",
}

_PRE_CONTRACT = frozenset(ORDER[: ORDER.index(Stage.CONTRACTED)])
_RUNNING = frozenset({Stage.CONTRACTED, Stage.IN_PROGRESS})
# Stages in which a task is still being carried out: termination is possible from these.
ACTIVE_STAGES = _PRE_CONTRACT | _RUNNING | {Stage.DELIVERED}
CLOSED_STAGES = frozenset({Stage.LIQUIDATED, Stage.TERMINATED})

# kind -> (stages it may follow, stage it leads to; None: stays where it is)
TRANSITIONS: dict[EventKind, tuple[frozenset[Stage], Stage | None]] = {
    EventKind.PROPOSAL: (frozenset({Stage.PROPOSED}), Stage.PROPOSED),
    EventKind.IDENTIFICATION: (frozenset({Stage.PROPOSED}), Stage.IDENTIFIED),
    EventKind.LISTING: (frozenset({Stage.IDENTIFIED}), Stage.LISTED),
    EventKind.SELECTION: (frozenset({Stage.LISTED}), Stage.SELECTED),
    EventKind.DIRECT_ASSIGNMENT: (frozenset({Stage.LISTED}), Stage.SELECTED),
    EventKind.BUDGET_APPRAISAL: (frozenset({Stage.SELECTED}), Stage.BUDGET_APPRAISED),
    EventKind.APPROVAL: (frozenset({Stage.BUDGET_APPRAISED}), Stage.APPROVED),
    EventKind.CONTRACT: (frozenset({Stage.APPROVED}), Stage.CONTRACTED),
    EventKind.PROGRESS_CHECK: (_RUNNING, Stage.IN_PROGRESS),
    EventKind.ADJUSTMENT: (_RUNNING, Stage.IN_PROGRESS),
    EventKind.EXTENSION: (_RUNNING, Stage.IN_PROGRESS),
    EventKind.DELIVERY: (_RUNNING, Stage.DELIVERED),
    EventKind.ACCEPTANCE: (frozenset({Stage.DELIVERED}), Stage.ACCEPTED),
    EventKind.RECOGNITION: (frozenset({Stage.ACCEPTED}), Stage.RECOGNISED),
    EventKind.REGISTRATION: (frozenset({Stage.RECOGNISED, Stage.LIQUIDATED}), Stage.REGISTERED),
    EventKind.UPLOAD: (frozenset({Stage.REGISTERED, Stage.LIQUIDATED}), Stage.UPLOADED),
    EventKind.LIQUIDATION: (frozenset({Stage.RECOGNISED, Stage.REGISTERED, Stage.UPLOADED}), Stage.LIQUIDATED),
    EventKind.TERMINATION: (ACTIVE_STAGES | {Stage.ACCEPTED}, Stage.TERMINATED),
}

# What must have happened before a kind is allowed, in words, for the refusal message.
_NEEDS: dict[EventKind, str] = {
    EventKind.PROPOSAL: "chỉ ghi khi nhiệm vụ đang ở bước đề xuất, đặt hàng",
    EventKind.IDENTIFICATION: "cần nhiệm vụ đang ở bước đề xuất, đặt hàng",
    EventKind.LISTING: "cần họp hội đồng tư vấn xác định nhiệm vụ trước",
    EventKind.SELECTION: "cần danh mục nhiệm vụ được phê duyệt trước",
    EventKind.DIRECT_ASSIGNMENT: "cần danh mục nhiệm vụ được phê duyệt trước",
    EventKind.BUDGET_APPRAISAL: "cần tuyển chọn hoặc giao trực tiếp trước",
    EventKind.APPROVAL: "cần thẩm định kinh phí trước",
    EventKind.CONTRACT: "cần quyết định phê duyệt thực hiện trước",
    EventKind.PROGRESS_CHECK: "chỉ kiểm tra tiến độ nhiệm vụ đã ký hợp đồng, chưa giao nộp sản phẩm",
    EventKind.ADJUSTMENT: "chỉ điều chỉnh nhiệm vụ đã ký hợp đồng, chưa giao nộp sản phẩm",
    EventKind.EXTENSION: "chỉ gia hạn nhiệm vụ đã ký hợp đồng, chưa giao nộp sản phẩm",
    EventKind.DELIVERY: "cần ký hợp đồng trước, và chỉ giao nộp sản phẩm một lần",
    EventKind.ACCEPTANCE: "cần giao nộp sản phẩm trước khi nghiệm thu",
    EventKind.RECOGNITION: "cần nghiệm thu đạt trước khi công nhận kết quả",
    EventKind.REGISTRATION: "cần công nhận kết quả trước khi đăng ký kết quả",
    EventKind.UPLOAD: "cần đăng ký kết quả trước khi đưa lên cơ sở dữ liệu quốc gia",
    EventKind.LIQUIDATION: "cần công nhận kết quả trước khi thanh lý hợp đồng",
    EventKind.TERMINATION: "chỉ chấm dứt hợp đồng nhiệm vụ chưa nghiệm thu, hoặc nghiệm thu không đạt",
}


class TransitionError(ValueError):
    """An event that the lifecycle does not allow at the task's stage; the message is for users.
    `field` names the input at fault ("kind", "rating", "certificate_number")."""

    def __init__(self, message: str, field: str = "kind"):
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True)
class State:
    stage: Stage = Stage.PROPOSED
    rating: Rating | None = None
    registered: bool = False
    uploaded: bool = False


def allowed_kinds(state: State) -> list[EventKind]:
    """The event kinds that may be recorded now, in lifecycle order."""
    allowed = []
    for kind in EventKind:
        try:
            apply(state, kind, rating=Rating.PASS, certificate_number="x")
        except TransitionError:
            continue
        allowed.append(kind)
    return allowed


def apply(state: State, kind: EventKind, *, rating: Rating | None = None, certificate_number: str = "") -> State:
    """The state after `kind`, or `TransitionError` with a Vietnamese message."""
    sources, target = TRANSITIONS[kind]
    if kind == EventKind.LIQUIDATION and state.rating == Rating.FAIL:
        raise TransitionError("Nhiệm vụ nghiệm thu “Không đạt” được xử lý bằng chấm dứt hợp đồng, thu hồi kinh phí.")
    if state.stage not in sources:
        raise TransitionError(
            f"Không ghi được “{kind.label}” khi nhiệm vụ {state.stage.label.lower()}: {_NEEDS[kind]}."
        )
    if kind == EventKind.ACCEPTANCE and rating is None:
        raise TransitionError("Nghiệm thu cần ghi xếp loại: Xuất sắc, Khá, Đạt hoặc Không đạt.", "rating")
    if kind == EventKind.RECOGNITION and state.rating == Rating.FAIL:
        raise TransitionError("Nhiệm vụ nghiệm thu “Không đạt” không được công nhận kết quả.")
    if kind == EventKind.TERMINATION and state.stage == Stage.ACCEPTED and state.rating != Rating.FAIL:
        raise TransitionError("Nhiệm vụ đã nghiệm thu đạt không thể chấm dứt hợp đồng.")
    if kind == EventKind.REGISTRATION:
        if not certificate_number.strip():
            raise TransitionError("Đăng ký kết quả cần số giấy chứng nhận.", "certificate_number")
        if state.registered:
            raise TransitionError("Kết quả nhiệm vụ đã được đăng ký.")
    if kind == EventKind.UPLOAD:
        if not state.registered:
            raise TransitionError(f"Không ghi được “{kind.label}”: {_NEEDS[kind]}.")
        if state.uploaded:
            raise TransitionError("Kết quả nhiệm vụ đã được đưa lên cơ sở dữ liệu quốc gia.")
    new = state
    if kind == EventKind.ACCEPTANCE:
        new = replace(new, rating=rating)
    if kind == EventKind.REGISTRATION:
        new = replace(new, registered=True)
    if kind == EventKind.UPLOAD:
        new = replace(new, uploaded=True)
    # Registration and upload after liquidation keep the task liquidated.
    if target is not None and not (
        state.stage == Stage.LIQUIDATED and kind in (EventKind.REGISTRATION, EventKind.UPLOAD)
    ):
        new = replace(new, stage=target)
    return new
