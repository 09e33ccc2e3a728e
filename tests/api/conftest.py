"""API test helpers: a client per role, authenticated by API token or by session."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from dieuhanh.api.tokens import token_create
from dieuhanh.orgs.scope import Scope

BASE = "/api/v1"


@dataclass
class Response:
    status: int
    body: Any
    raw: Any

    def __repr__(self) -> str:
        return f"<{self.status} {self.body!r}>"


class ApiClient:
    """A test client speaking JSON to /api/v1, with a bearer token or a browser session."""

    def __init__(self, token: str | None = None, user: Any = None, enforce_csrf: bool = False):
        self.client = Client(enforce_csrf_checks=enforce_csrf)
        self.headers: dict[str, str] = {}
        if token:
            self.headers["Authorization"] = f"Bearer {token}"
        if user is not None:
            self.client.force_login(user)

    def _wrap(self, response: Any) -> Response:
        content_type = response.get("Content-Type", "")
        body = json.loads(response.content) if content_type.startswith("application/json") else response
        return Response(response.status_code, body, response)

    def _headers(self, extra: dict[str, Any]) -> dict[str, str]:
        return {**self.headers, **extra.pop("headers", {})}

    def get(self, path: str, params: dict | None = None, **extra: Any) -> Response:
        return self._wrap(self.client.get(BASE + path, params or {}, headers=self._headers(extra), **extra))

    def post(self, path: str, data: Any = None, **extra: Any) -> Response:
        return self._send("post", path, data, **extra)

    def patch(self, path: str, data: Any = None, **extra: Any) -> Response:
        return self._send("patch", path, data, **extra)

    def put(self, path: str, data: Any = None, **extra: Any) -> Response:
        return self._send("put", path, data, **extra)

    def delete(self, path: str, **extra: Any) -> Response:
        return self._wrap(self.client.delete(BASE + path, headers=self._headers(extra), **extra))

    def multipart(self, path: str, data: dict, **extra: Any) -> Response:
        return self._wrap(self.client.post(BASE + path, data, headers=self._headers(extra), **extra))

    def _send(self, method: str, path: str, data: Any, **extra: Any) -> Response:
        body = json.dumps(data if data is not None else {})
        send = getattr(self.client, method)
        headers = self._headers(extra)
        return self._wrap(send(BASE + path, body, content_type="application/json", headers=headers, **extra))


def token_for(person: Any, name: str = "thử nghiệm") -> str:
    return token_create(scope=Scope.for_user(person.user), name=name).key


@pytest.fixture
def as_role(world):
    """as_role("office") -> an ApiClient with that person's API token."""
    cache: dict[str, ApiClient] = {}

    def make(role: str) -> ApiClient:
        if role not in cache:
            cache[role] = ApiClient(token=token_for(world.people[role]))
        return cache[role]

    return make


@pytest.fixture
def anonymous() -> ApiClient:
    return ApiClient()
