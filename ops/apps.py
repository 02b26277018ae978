from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Operations tooling: synthetic national-scale data and the benchmark. No models."""

    name = "ops"
    verbose_name = "Drift"
