"""Shared helpers for the feedback tests: a form token old enough to pass, a valid post."""

from __future__ import annotations

import time

from django.test import Client, TestCase

from feedback.protection import make_form_token


def aged_token(scope: str, seconds: float = 60) -> str:
    return make_form_token(scope, now=time.time() - seconds)


def experience_data(entry_kind: str, entry, **fields) -> dict:
    data = {
        "formular": aged_token(f"{entry_kind}:erfaring:{entry.pk}"),
        "organisation_name": "Testrup Kommune",
        "text": "Vi har kørt forløbet i to år med SSP.",
        "email": "",
        "remark": "",
        "hjemmeside": "",
    }
    data.update(fields)
    return data


def correction_data(entry_kind: str, subject, **fields) -> dict:
    data = experience_data(entry_kind, subject, **fields)
    if "formular" not in fields:
        data["formular"] = aged_token(f"{entry_kind}:rettelse:{subject.pk}")
    return data


def post(url: str, data: dict, *, address: str = "10.0.0.1", **headers):
    """POST as an anonymous reader; e-mails sent after the commit are sent before returning."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return Client(REMOTE_ADDR=address).post(url, data, **headers)
