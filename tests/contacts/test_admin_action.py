"""The admin action exports the selected contact points in the directory's formats."""

import csv
import io

import vobject
from django.test import RequestFactory
from openpyxl import load_workbook

from contacts import actions
from contacts.models import ContactPoint


def run(action, slugs):
    request = RequestFactory().post("/admin/contacts/contactpoint/")
    queryset = ContactPoint.objects.filter(slug__in=slugs)
    return action(None, request, queryset)


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_csv_action_exports_exactly_the_selected_including_drafts(directory):
    response = run(actions.export_csv, ["odense-ssp-odense", "albertslund-kladde"])
    text = body(response).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))[1:]
    assert sorted(row[1] for row in rows) == ["Kladdeenhed", "SSP Odense"]
    assert "kontakter-valgte-" in response["Content-Disposition"]


def test_xlsx_action_describes_the_selection(directory):
    response = run(actions.export_xlsx, ["odense-ssp-odense"])
    sheet = load_workbook(io.BytesIO(body(response))).active
    assert "1 kontaktpunkter valgt i administrationen" in sheet["A2"].value
    assert sheet["B4"].value == "SSP Odense"


def test_vcf_action_gives_one_card_per_selected_contact(directory):
    response = run(actions.export_vcf, ["odense-ssp-odense", "aalborg-ssp-indsatsen"])
    cards = list(vobject.readComponents(body(response).decode()))
    assert len(cards) == 2


def test_the_actions_have_danish_descriptions():
    for action in (actions.export_csv, actions.export_xlsx, actions.export_vcf):
        assert action.short_description.startswith("Eksportér valgte kontaktpunkter")
