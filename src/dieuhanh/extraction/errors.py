"""Why a file could not be read, said to the person in Vietnamese.

`ReadError(kind, message)`: `kind` is one of "empty", "encrypted", "corrupt", "image_only",
"unsupported", "no_text"; the message says what was found and what was not. Readers raise it;
the command prints it and exits with code 2; the import services report it without saving.
"""

from __future__ import annotations


class ReadError(Exception):
    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
