"""The research lifecycle's rules: every allowed step, and clear refusals for the others."""

from __future__ import annotations

import pytest

from dieuhanh.research.lifecycle import (
    ACTIVE_STAGES,
    TRANSITIONS,
    EventKind,
    Rating,
    Stage,
    State,
    TransitionError,
    allowed_kinds,
    apply,
)

FORWARD = [
    (Stage.PROPOSED, EventKind.PROPOSAL, Stage.PROPOSED),
    (Stage.PROPOSED, EventKind.IDENTIFICATION, Stage.IDENTIFIED),
    (Stage.IDENTIFIED, EventKind.LISTING, Stage.LISTED),
    (Stage.LISTED, EventKind.SELECTION, Stage.SELECTED),
    (Stage.LISTED, EventKind.DIRECT_ASSIGNMENT, Stage.SELECTED),
    (Stage.SELECTED, EventKind.BUDGET_APPRAISAL, Stage.BUDGET_APPRAISED),
    (Stage.BUDGET_APPRAISED, EventKind.APPROVAL, Stage.APPROVED),
    (Stage.APPROVED, EventKind.CONTRACT, Stage.CONTRACTED),
    (Stage.CONTRACTED, EventKind.PROGRESS_CHECK, Stage.IN_PROGRESS),
    (Stage.IN_PROGRESS, EventKind.PROGRESS_CHECK, Stage.IN_PROGRESS),
    (Stage.CONTRACTED, EventKind.ADJUSTMENT, Stage.IN_PROGRESS),
    (Stage.IN_PROGRESS, EventKind.EXTENSION, Stage.IN_PROGRESS),
    (Stage.CONTRACTED, EventKind.DELIVERY, Stage.DELIVERED),
    (Stage.IN_PROGRESS, EventKind.DELIVERY, Stage.DELIVERED),
]


@pytest.mark.parametrize(("before", "kind", "after"), FORWARD)
def test_each_step_moves_to_its_stage(before, kind, after):
    assert apply(State(stage=before), kind).stage == after


def test_the_whole_road_from_proposal_to_liquidation():
    state = State()
    for kind in [
        EventKind.PROPOSAL,
        EventKind.IDENTIFICATION,
        EventKind.LISTING,
        EventKind.DIRECT_ASSIGNMENT,
        EventKind.BUDGET_APPRAISAL,
        EventKind.APPROVAL,
        EventKind.CONTRACT,
        EventKind.PROGRESS_CHECK,
        EventKind.EXTENSION,
        EventKind.DELIVERY,
    ]:
        state = apply(state, kind)
    state = apply(state, EventKind.ACCEPTANCE, rating=Rating.EXCELLENT)
    assert (state.stage, state.rating) == (Stage.ACCEPTED, Rating.EXCELLENT)
    state = apply(state, EventKind.RECOGNITION)
    state = apply(state, EventKind.REGISTRATION, certificate_number="12/2022/ĐKKQ")
    assert (state.stage, state.registered) == (Stage.REGISTERED, True)
    state = apply(state, EventKind.UPLOAD)
    assert (state.stage, state.uploaded) == (Stage.UPLOADED, True)
    assert apply(state, EventKind.LIQUIDATION).stage == Stage.LIQUIDATED


def test_acceptance_needs_delivered_products():
    with pytest.raises(TransitionError, match="cần giao nộp sản phẩm trước khi nghiệm thu"):
        apply(State(stage=Stage.IN_PROGRESS), EventKind.ACCEPTANCE, rating=Rating.PASS)


def test_acceptance_needs_a_rating():
    with pytest.raises(TransitionError, match="xếp loại") as exc:
        apply(State(stage=Stage.DELIVERED), EventKind.ACCEPTANCE)
    assert exc.value.field == "rating"


def test_contract_needs_approval():
    with pytest.raises(TransitionError) as exc:
        apply(State(stage=Stage.SELECTED), EventKind.CONTRACT)
    assert "cần quyết định phê duyệt thực hiện trước" in exc.value.message
    assert "Ký hợp đồng" in exc.value.message


def test_a_failed_acceptance_is_not_recognised_but_may_be_terminated():
    failed = State(stage=Stage.ACCEPTED, rating=Rating.FAIL)
    with pytest.raises(TransitionError, match="Không đạt"):
        apply(failed, EventKind.RECOGNITION)
    with pytest.raises(TransitionError, match="chấm dứt hợp đồng"):
        apply(failed, EventKind.LIQUIDATION)
    assert apply(failed, EventKind.TERMINATION).stage == Stage.TERMINATED


def test_a_passed_acceptance_cannot_be_terminated():
    with pytest.raises(TransitionError, match="đã nghiệm thu đạt"):
        apply(State(stage=Stage.ACCEPTED, rating=Rating.GOOD), EventKind.TERMINATION)


@pytest.mark.parametrize("stage", sorted(ACTIVE_STAGES))
def test_termination_from_any_active_stage(stage):
    assert apply(State(stage=stage), EventKind.TERMINATION).stage == Stage.TERMINATED


@pytest.mark.parametrize("kind", list(EventKind))
def test_nothing_follows_termination(kind):
    with pytest.raises(TransitionError, match="đã chấm dứt hợp đồng"):
        apply(State(stage=Stage.TERMINATED), kind, rating=Rating.PASS, certificate_number="1")


def test_registration_needs_a_certificate_number():
    with pytest.raises(TransitionError, match="số giấy chứng nhận") as exc:
        apply(State(stage=Stage.RECOGNISED, rating=Rating.PASS), EventKind.REGISTRATION, certificate_number=" ")
    assert exc.value.field == "certificate_number"


def test_liquidation_right_after_recognition_then_registration_and_upload_keep_it_liquidated():
    state = apply(State(stage=Stage.RECOGNISED, rating=Rating.PASS), EventKind.LIQUIDATION)
    state = apply(state, EventKind.REGISTRATION, certificate_number="05/ĐK")
    state = apply(state, EventKind.UPLOAD)
    assert (state.stage, state.registered, state.uploaded) == (Stage.LIQUIDATED, True, True)
    with pytest.raises(TransitionError, match="đã được đăng ký"):
        apply(state, EventKind.REGISTRATION, certificate_number="06/ĐK")


def test_upload_needs_registration_even_after_liquidation():
    with pytest.raises(TransitionError, match="cần đăng ký kết quả trước"):
        apply(State(stage=Stage.LIQUIDATED, rating=Rating.PASS), EventKind.UPLOAD)


def test_products_are_delivered_once():
    with pytest.raises(TransitionError, match="chỉ giao nộp sản phẩm một lần"):
        apply(State(stage=Stage.DELIVERED), EventKind.DELIVERY)


def test_no_extension_after_delivery():
    with pytest.raises(TransitionError, match="chỉ gia hạn nhiệm vụ đã ký hợp đồng"):
        apply(State(stage=Stage.DELIVERED), EventKind.EXTENSION)


@pytest.mark.parametrize("kind", list(EventKind))
@pytest.mark.parametrize("stage", list(Stage))
def test_every_pair_is_either_allowed_or_refused_with_a_vietnamese_message(stage, kind):
    sources, _ = TRANSITIONS[kind]
    message = ""
    try:
        apply(State(stage=stage, registered=True), kind, rating=Rating.PASS, certificate_number="1")
    except TransitionError as exc:
        message = exc.message
    if message:
        assert message.endswith(".")
        assert message[0].isupper()
    else:
        assert stage in sources


def test_allowed_kinds_after_contract():
    assert allowed_kinds(State(stage=Stage.CONTRACTED)) == [
        EventKind.PROGRESS_CHECK,
        EventKind.ADJUSTMENT,
        EventKind.EXTENSION,
        EventKind.DELIVERY,
        EventKind.TERMINATION,
    ]
