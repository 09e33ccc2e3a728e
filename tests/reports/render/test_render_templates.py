"""The shipped DOCX templates, and the checks on a template a clerk uploads."""

from __future__ import annotations

import importlib.util
import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from render_helpers import open_docx

from dieuhanh.reports.render import (
    Report,
    TemplateError,
    TemplateKind,
    default_template,
    render_report_docx,
    validate_template,
)

ROOT = Path(__file__).resolve().parents[3]


def _builder():  # the tool, loaded from its file: tools/ is not a package
    path = ROOT / "tools" / "build_docx_templates.py"
    spec = importlib.util.spec_from_file_location("build_docx_templates", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_shipped_templates_are_what_the_build_script_makes() -> None:
    builder = _builder()

    assert builder.build_report() == default_template(TemplateKind.REPORT)
    assert builder.build_appendix() == default_template(TemplateKind.APPENDIX)


def test_build_script_is_reproducible() -> None:
    builder = _builder()

    assert builder.build_report() == builder.build_report()


# --- Uploaded templates ------------------------------------------------------------------------


def _edit(
    data: bytes, part: str = "word/document.xml", old: str = "", new: str = "", extra: dict | None = None
) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            blob = zin.read(item.filename)
            if item.filename == part and old:
                text = blob.decode("utf-8")
                assert old in text, old
                blob = text.replace(old, new, 1).encode("utf-8")
            zout.writestr(item.filename, blob)
        for name, blob in (extra or {}).items():
            zout.writestr(name, blob)
    return out.getvalue()


def test_default_templates_validate_without_warnings() -> None:
    assert validate_template(default_template(TemplateKind.REPORT), TemplateKind.REPORT) == []
    assert validate_template(default_template(TemplateKind.APPENDIX), TemplateKind.APPENDIX) == []


def test_a_clerk_edited_template_is_used(short_report: Report) -> None:
    edited = _edit(default_template(TemplateKind.REPORT), old="Nơi nhận:", new="Nơi nhận văn bản:")

    assert validate_template(edited) == []
    document = open_docx(render_report_docx(short_report, template=edited))
    assert document.tables[1].cell(0, 0).paragraphs[0].text == "Nơi nhận văn bản:"


def test_not_a_word_file_is_refused() -> None:
    with pytest.raises(TemplateError, match=r"không phải tài liệu Word"):
        validate_template(b"%PDF-1.7 not a docx")


def test_a_huge_file_is_refused() -> None:
    with pytest.raises(TemplateError, match="quá lớn"):
        validate_template(b"PK" + b"\0" * (11 * 1024 * 1024))


def test_a_zip_bomb_is_refused() -> None:
    bomb = _edit(default_template(TemplateKind.REPORT), extra={"word/media/zeros.bin": b"\0" * (20 * 1024 * 1024)})

    with pytest.raises(TemplateError, match="tỷ lệ nén bất thường"):
        validate_template(bomb)


def test_macros_are_refused() -> None:
    with_macro = _edit(default_template(TemplateKind.REPORT), extra={"word/vbaProject.bin": b"macro"})

    with pytest.raises(TemplateError, match="macro"):
        validate_template(with_macro)


def test_xml_entities_are_refused() -> None:
    doctype = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'
    with_entities = _edit(default_template(TemplateKind.REPORT), extra={"customXml/item9.xml": doctype})

    with pytest.raises(TemplateError, match="DOCTYPE"):
        validate_template(with_entities)


def test_a_file_without_placeholders_is_not_a_template() -> None:
    document_xml = zipfile.ZipFile(io.BytesIO(default_template(TemplateKind.REPORT))).read("word/document.xml")
    assert b"{{" in document_xml  # the default has placeholders; a blank Word file has none
    blank = io.BytesIO()
    Document().save(blank)

    with pytest.raises(TemplateError, match="không có trường trộn"):
        validate_template(blank.getvalue())


def test_a_broken_placeholder_is_explained() -> None:
    broken = _edit(default_template(TemplateKind.REPORT), old="{%p endif %}", new="(deleted)")

    with pytest.raises(TemplateError) as caught:
        validate_template(broken)

    assert "cú pháp" in str(caught.value)


def test_an_unknown_placeholder_is_named() -> None:
    misspelt = _edit(default_template(TemplateKind.REPORT), old="{{ header.summary }}", new="{{ header.sumary }}")

    with pytest.raises(TemplateError) as caught:
        validate_template(misspelt)

    assert "sumary" in str(caught.value)


def test_templates_cannot_reach_python_internals() -> None:
    probe = "{{ header.__class__.__mro__[1].__subclasses__() }}"
    hostile = _edit(default_template(TemplateKind.REPORT), old="{{ header.summary }}", new=probe)

    with pytest.raises(TemplateError):
        validate_template(hostile)


def test_a_template_without_appendix_warns() -> None:
    start = "{%p for appendix in appendices %}"
    data = default_template(TemplateKind.REPORT)
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    assert start in xml
    without = _edit(data, old=start, new="{%p for appendix in [] %}")

    warnings = validate_template(without)

    assert any("phụ lục" in w for w in warnings)
