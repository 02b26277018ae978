"""The yearly one-click link: works once, expires, can't be forged or used for another contact;
GET changes nothing (mail scanners prefetch links), POST confirms."""

from __future__ import annotations

import datetime
import time
from unittest import mock

import pytest
from django.test import Client
from django.utils import timezone

from contacts.models import ContactPoint
from feedback import tokens
from feedback.models import ConfirmationRequest, Submission
from tests.factories import make_contact

from .helpers import aged_token, post

pytestmark = pytest.mark.django_db


def sent_request(contact=None) -> ConfirmationRequest:
    contact = contact or make_contact(emails=["ssp@testrup.dk"], phones=["43686959"])
    return ConfirmationRequest.objects.create(
        contact=contact, email="ssp@testrup.dk", sent_at=timezone.now()
    )


def url(token: str) -> str:
    return f"/bidrag/kontakt/{token}/"


def confirmed_on(contact) -> datetime.date | None:
    return ContactPoint.objects.get(pk=contact.pk).confirmed_on


def test_get_shows_the_details_and_a_button_but_changes_nothing():
    request = sent_request()
    response = Client().get(url(tokens.make_token(request)))
    page = response.content.decode()
    assert response.status_code == 200 and response.cookies == {}
    assert "43 68 69 59" in page and "Oplysningerne er stadig rigtige" in page
    assert "Noget er ændret" in page
    assert confirmed_on(request.contact) is None
    request.refresh_from_db()
    assert request.answered_at is None


def test_post_confirms_once_with_a_history_version():
    request = sent_request()
    token = tokens.make_token(request)

    response = Client().post(url(token))
    assert response.status_code == 200
    assert confirmed_on(request.contact) == timezone.localdate()
    version = request.contact.history.latest("history_id")
    assert version.history_change_reason == "Bekræftet af kontakten selv (årligt link)"
    request.refresh_from_db()
    assert request.answer == ConfirmationRequest.Answer.CONFIRMED

    again = Client().post(url(token))
    assert again.status_code == 410 and "allerede brugt" in again.content.decode()
    assert Client().get(url(token)).status_code == 410


def test_an_expired_link_does_nothing(settings):
    settings.CONTACT_CONFIRMATION_LINK_DAYS = 30
    request = sent_request()
    token = tokens.make_token(request)
    later = time.time() + 31 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=later):
        response = Client().post(url(token))
    assert response.status_code == 410 and "udløbet" in response.content.decode()
    assert confirmed_on(request.contact) is None


def test_a_forged_or_altered_link_is_not_found():
    request = sent_request()
    token = tokens.make_token(request)
    forged = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    for bad in (forged, f"{request.pk}", f"{request.pk}:abc:def", "x" * 300):
        assert Client().post(url(bad)).status_code == 404
    assert confirmed_on(request.contact) is None


def test_a_link_cannot_be_used_for_another_contact():
    mine, theirs = sent_request(), sent_request()
    token = tokens.make_token(mine)
    # Point my signed link at their request: the salt binds contact and request, so it fails.
    swapped = f"{theirs.pk}:{token.split(':', 1)[1]}"
    assert Client().post(url(swapped)).status_code == 404
    assert confirmed_on(theirs.contact) is None and confirmed_on(mine.contact) is None


def test_a_link_from_a_send_that_failed_does_not_work():
    request = sent_request()
    request.sent_at = None
    request.save()
    assert Client().post(url(tokens.make_token(request))).status_code == 404


def test_a_post_from_another_site_is_refused():
    request = sent_request()
    response = Client().post(url(tokens.make_token(request)), HTTP_SEC_FETCH_SITE="cross-site")
    assert response.status_code == 403
    assert confirmed_on(request.contact) is None


def test_something_changed_goes_to_the_moderation_queue_and_uses_the_link():
    request = sent_request()
    token = tokens.make_token(request)
    form = Client().get(f"{url(token)}aendret/")
    assert form.status_code == 200 and "Hvad er ændret?" in form.content.decode()

    data = {"formular": aged_token(f"kontakt:{request.pk}"), "text": "Nyt nummer: 43 00 00 00"}
    response = post(f"{url(token)}aendret/", data)
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert (submission.kind, submission.contact) == (Submission.Kind.CONTACT, request.contact)
    request.refresh_from_db()
    assert request.answer == ConfirmationRequest.Answer.CHANGED
    assert confirmed_on(request.contact) is None
    assert Client().post(url(token)).status_code == 410
