from hypothesis import given
from hypothesis import strategies as st

from dieuhanh.core.text import fold, fold_chars


def test_fold_chars_folds_like_fold():
    assert fold_chars("Tỉnh uỷ Đồng Tháp") == "tinh uy dong thap"
    assert fold_chars("Tỉnh ủy") == fold("Tỉnh uỷ")


@given(st.text())
def test_fold_chars_keeps_the_length(text):
    assert len(fold_chars(text)) == len(text)
