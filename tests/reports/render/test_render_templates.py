"""The shipped DOCX templates, and the checks on a template a clerk uploads."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from dieuhanh.reports.render import TemplateKind, default_template

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
