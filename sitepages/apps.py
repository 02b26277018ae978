from django.apps import AppConfig


class SitepagesConfig(AppConfig):
    name = "sitepages"
    verbose_name = "Lovpligtige sider"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the deploy check)
