from django.urls import path

from . import views

app_name = "plans"

urlpatterns = [
    path("sammenlign/", views.compare, name="compare"),
    path("handleplan/", views.plan, name="plan"),
    path("handleplan/handleplan.docx", views.plan_docx, name="plan_docx"),
    path("handleplan/handleplan.xlsx", views.plan_xlsx, name="plan_xlsx"),
    path("metoder/<slug:slug>/spoergekort/", views.question_cards, name="question_cards"),
]
