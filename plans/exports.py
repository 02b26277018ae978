"""The action plan as a Word document (python-docx) and as a workbook (openpyxl).

Both hold the same content as the plan page: per entry its purpose, its example questions, the
organisations with experience and their contact points, and the fields to agree on (Ansvarlig,
Næste skridt, Frist) left blank. Every text goes in as text: nothing becomes a formula.
"""

from __future__ import annotations

from datetime import date
from io import BytesIO

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from catalogue.templatetags.catalogue_tags import phone

from .selectors import ChosenEntry, Plan

DEFAULT_TITLE = "Handleplan"
FIELDS = ("Ansvarlig", "Næste skridt", "Frist")


def plan_title(plan: Plan) -> str:
    return plan.title or DEFAULT_TITLE


def entry_facts(chosen: ChosenEntry) -> list[tuple[str, str]]:
    """The table-row fields of an entry, as (label, text), empty ones left out."""
    entry = chosen.entry
    if chosen.is_method:
        facts = [
            ("Metodens indhold og formål", entry.purpose),
            ("Fagprofessionelle", entry.professionals),
        ]
    else:
        themes = ", ".join(theme.name for theme in entry.themes.all())
        facts = [
            ("Forebyggelsesniveau", entry.level.name),
            ("Tema", themes),
            ("Indhold og formål", entry.purpose),
            ("Målgruppe", entry.target_group),
            ("Koordinering", entry.coordination),
        ]
    return [(label, text) for label, text in facts if text]


def contact_lines(contact) -> list[str]:
    lines = [f"Tlf. {phone(p.number)}" for p in contact.phones.all()]
    lines += [f"E-mail: {e.address}" for e in contact.emails.all()]
    if contact.secure_mail:
        lines.append("Kan kontaktes via Sikker Post (Digital Post)")
    if contact.website:
        lines.append(f"Hjemmeside: {contact.website}")
    return lines


def experience_line(exp) -> str:
    return f"{exp.organisation.name}: {exp.note}" if exp.note else exp.organisation.name


# --- Word ------------------------------------------------------------------------------------


def write_docx(plan: Plan, *, url: str, contacts_url: str, created: date) -> bytes:
    """Headings per entry, questions and organisations as bullet lists, blank fields as a table."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)  # A4
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    document.styles["Normal"].font.size = Pt(11)
    document.core_properties.title = plan_title(plan)
    document.core_properties.subject = "Handleplan fra Idekatalog"
    document.core_properties.language = "da-DK"

    document.add_heading(plan_title(plan), level=0)
    document.add_paragraph(
        f"Udarbejdet ud fra Idekatalog til forebyggelse af rekruttering til rocker- og "
        f"bandemiljøer, {created:%d-%m-%Y}. Planen på nettet: {url}"
    )
    for number, chosen in enumerate(plan.entries, start=1):
        document.add_heading(f"{number}. {chosen.entry.title} ({chosen.kind_label})", level=1)
        for label, text in entry_facts(chosen):
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run(text)
        if chosen.question_groups:
            document.add_heading("Eksempler på spørgsmål", level=2)
            for group in chosen.question_groups:
                heading = " · ".join(part for part in (group.technique, group.audience) if part)
                if heading:
                    document.add_heading(heading, level=3)
                for card in group.cards:
                    document.add_paragraph(card.text, style="List Bullet")
        document.add_heading("Kommuner og politi med erfaring", level=2)
        if not chosen.experiences:
            document.add_paragraph("Kataloget nævner ingen kommuner med erfaring.")
        for exp in chosen.experiences:
            document.add_paragraph(experience_line(exp), style="List Bullet")
            for contact in getattr(exp, "contact_points", []):
                lines = "; ".join(contact_lines(contact))
                document.add_paragraph(f"{contact.unit}: {lines}", style="List Bullet 2")
        document.add_heading("Aftaler", level=2)
        table = document.add_table(rows=len(FIELDS), cols=2)
        table.style = "Table Grid"
        for row, label in zip(table.rows, FIELDS, strict=True):
            row.cells[0].text = label
            row.cells[0].width, row.cells[1].width = Cm(4), Cm(13)
            row.height = Cm(1.5)
    document.add_heading("Kontakter", level=1)
    document.add_paragraph(
        "Kontaktoplysninger for alle kommuner og politikredse i planen (også til Excel og "
        f"adressebog): {contacts_url}"
    )
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- Excel -----------------------------------------------------------------------------------

COLUMNS = [
    ("Nr.", 6),
    ("Type", 10),
    ("Titel", 30),
    ("Indhold og formål", 50),
    ("Eksempler på spørgsmål", 60),
    ("Kommuner og politi med erfaring", 40),
    ("Ansvarlig", 20),
    ("Næste skridt", 40),
    ("Frist", 14),
]


def _text(cell, value: str) -> None:
    cell.value = value
    cell.data_type = "s"  # always text: never a formula, never a number
    cell.number_format = "@"
    cell.alignment = Alignment(wrap_text=True, vertical="top")


def entry_row(number: int, chosen: ChosenEntry) -> list[str]:
    questions = [
        f"{group.technique}: {card.text}" if group.technique else card.text
        for group in chosen.question_groups
        for card in group.cards
    ]
    return [
        str(number),
        chosen.kind_label,
        chosen.entry.title,
        chosen.entry.purpose,
        "\n".join(questions),
        "\n".join(experience_line(exp) for exp in chosen.experiences),
        "",
        "",
        "",
    ]


def write_xlsx(plan: Plan, *, url: str, contacts_url: str, created: date) -> bytes:
    """Sheet "Handleplan" (one row per entry, the three fields empty) and sheet "Kontakter"."""
    workbook = Workbook()
    workbook.properties.title = plan_title(plan)
    sheet = workbook.active
    sheet.title = "Handleplan"
    _text(sheet.cell(1, 1), plan_title(plan))
    sheet.cell(1, 1).font = Font(bold=True, size=13)
    _text(sheet.cell(2, 1), f"Fra Idekatalog {created:%d-%m-%Y} · {url}")
    for column, (header, width) in enumerate(COLUMNS, start=1):
        _text(sheet.cell(3, column), header)
        sheet.cell(3, column).font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(column)].width = width
    for number, chosen in enumerate(plan.entries, start=1):
        for column, value in enumerate(entry_row(number, chosen), start=1):
            _text(sheet.cell(3 + number, column), value)
    sheet.freeze_panes = "A4"

    contacts = workbook.create_sheet("Kontakter")
    _text(contacts.cell(1, 1), f"Kontakter i planen · alle formater: {contacts_url}")
    headers = [("Organisation", 28), ("Enhed", 36), ("Telefon og e-mail", 60)]
    for column, (header, width) in enumerate(headers, start=1):
        _text(contacts.cell(2, column), header)
        contacts.cell(2, column).font = Font(bold=True)
        contacts.column_dimensions[get_column_letter(column)].width = width
    row = 3
    for organisation in plan.organisations:
        for contact in plan.contacts_of(organisation):
            values = [organisation.name, contact.unit, "\n".join(contact_lines(contact))]
            for column, value in enumerate(values, start=1):
                _text(contacts.cell(row, column), value)
            row += 1
    contacts.freeze_panes = "A3"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
