from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = "Bidrag og bekræftelser"

    def ready(self) -> None:
        from .hooks import register_hooks

        register_hooks()
