from django.urls import path

from . import views

app_name = "contacts"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("eksport.csv", views.export_csv, name="export_csv"),
    path("eksport.xlsx", views.export_xlsx, name="export_xlsx"),
    path("eksport.vcf", views.export_vcf, name="export_vcf"),
    path("<slug:slug>.vcf", views.contact_vcf, name="contact_vcf"),
]
