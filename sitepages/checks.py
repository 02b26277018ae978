"""`manage.py check --deploy` warns while the statement's and policy's settings are unset."""

from django.core.checks import Warning, register

from .settings_view import unset_settings


@register("sitepages", deploy=True)
def required_site_settings(app_configs, **kwargs) -> list[Warning]:
    missing = unset_settings()
    if not missing:
        return []
    return [
        Warning(
            "The accessibility statement and privacy policy show placeholders for: "
            + ", ".join(missing),
            hint="Set these environment variables (README, 'Lovpligtige sider og åbne data').",
            id="sitepages.W001",
        )
    ]
