"""The API is described by its OpenAPI document, and the documentation page works offline."""

from __future__ import annotations

import pytest
from django.test import Client
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schema():
    return Client().get("/api/v1/openapi.json").json()


def operations(schema):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield f"{method.upper()} {path}", operation


def test_the_openapi_document_loads_and_is_valid(schema):
    validate(schema)
    assert schema["info"]["title"].startswith("dieuhanh")
    assert "Authorization: Bearer" in schema["info"]["description"]


def test_every_operation_is_documented(schema):
    undocumented = [
        name
        for name, op in operations(schema)
        if not (op.get("summary") and op.get("description") and op.get("tags") and op.get("operationId"))
    ]
    assert undocumented == []


def test_operation_ids_are_unique(schema):
    ids = [op["operationId"] for _, op in operations(schema)]
    assert len(ids) == len(set(ids))


def test_every_operation_declares_401_and_its_errors_as_the_error_schema(schema):
    for name, op in operations(schema):
        responses = op["responses"]
        assert "401" in responses, name
        for status, response in responses.items():
            if int(status) >= 400:
                ref = response["content"]["application/json"]["schema"]["$ref"]
                assert ref == "#/components/schemas/ErrorOut", (name, status)
                assert response["description"][:1].isupper(), (name, status)


def test_every_operation_needs_authentication(schema):
    for name, op in operations(schema):
        schemes = {key for requirement in op.get("security", []) for key in requirement}
        assert schemes, name
    token_ops = [name for name, op in operations(schema) if "/tokens" in name]
    for name, op in operations(schema):
        schemes = {key for requirement in op["security"] for key in requirement}
        assert ("TokenAuth" in schemes) == (name not in token_ops), name


def test_dates_are_iso_strings_in_the_schema(schema):
    deadline = schema["components"]["schemas"]["TaskItem"]["properties"]["deadline"]
    assert {"type": "string", "format": "date"} in deadline["anyOf"]


@pytest.mark.parametrize("url", ["/api/docs", "/api/docs/", "/api/v1/docs"])
def test_the_documentation_page_uses_vendored_files(url):
    response = Client().get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
    assert "/api/v1/openapi.json" in html


def test_the_documentation_assets_are_served():
    response = Client().get("/static/ninja/swagger-ui-bundle.js")
    assert response.status_code == 200
