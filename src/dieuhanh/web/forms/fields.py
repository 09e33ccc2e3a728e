"""Form pieces shared by every page.

- `DateInput`, `VnDateField`: a date typed as dd/mm/yyyy (a text box: a phone's date picker
  shows the browser's locale, not the format the civil servant reads on the documents).
- `limit_choices(field, shown, selected)`: show a short list in a select while validating
  against the whole scoped queryset.
- `apply_errors(form, exc)`: put a service's `ValidationError` on the form's fields.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from dieuhanh.web.dates import format_date, parse_date


class DateInput(forms.TextInput):
    def __init__(self, attrs: dict[str, Any] | None = None):
        base = {"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off", "class": "date"}
        super().__init__({**base, **(attrs or {})})

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, dt.date):
            return format_date(value)
        return super().format_value(value)


class VnDateField(forms.Field):
    widget = DateInput

    def to_python(self, value: Any) -> dt.date | None:
        if isinstance(value, dt.date):
            return value
        return parse_date(value)


def choice_field(form: forms.BaseForm, name: str) -> forms.ModelChoiceField:
    """The form's model-choice field `name`, typed as such."""
    return cast(forms.ModelChoiceField, form.fields[name])


def set_queryset(form: forms.BaseForm, name: str, queryset: QuerySet[Any]) -> None:
    """Offer (and validate against) only `queryset`: the rows the scope may see."""
    choice_field(form, name).queryset = queryset


def limit_choices(field: forms.ModelChoiceField, shown: Iterable[Any], selected: Any = None, blank: str = "—") -> None:
    """Render `shown` (plus `selected`) as the options; validation still uses `field.queryset`."""
    options = list(shown)
    if selected is not None and all(o.pk != selected.pk for o in options):
        options.insert(0, selected)
    choices = [(o.pk, field.label_from_instance(o)) for o in options]
    field.widget.choices = [("", blank), *choices]


def apply_errors(form: forms.Form, exc: ValidationError, field_map: dict[str, str | None] | None = None) -> None:
    """Service errors keyed by model field go to the form field of that name (or `field_map`'s)."""
    field_map = field_map or {}
    if hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            target = field_map.get(name, name)
            form.add_error(target if target in form.fields else None, errors)
    else:
        form.add_error(field_map.get("__all__"), exc.messages)
