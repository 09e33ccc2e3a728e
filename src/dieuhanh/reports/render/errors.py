"""Errors of the renderers. Their message is Vietnamese and meant for the clerk.

- `RenderError`: base; `str(error)` is the message to show.
- `TemplateError`: an uploaded template that cannot be used (not a Word file, too big, a
  broken placeholder ...). `details` lists the individual problems.
- `ConversionError`: LibreOffice failed or took too long turning a document into PDF.
"""

from __future__ import annotations


class RenderError(Exception):
    def __init__(self, message: str, details: list[str] | None = None):
        super().__init__(message)
        self.message = message
        self.details = details or []

    def __str__(self) -> str:
        if not self.details:
            return self.message
        return self.message + "\n" + "\n".join(f"- {d}" for d in self.details)


class TemplateError(RenderError):
    pass


class ConversionError(RenderError):
    pass
