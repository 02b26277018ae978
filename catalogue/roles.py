"""Permissions other apps add to the editors' roles (read by ``manage.py setup_roles``).

From ``AppConfig.ready()``::

    from catalogue.roles import extend_role
    extend_role("Redaktør", {"glossary.term": ("view", "add", "change")})

A role named here must exist in ``setup_roles.ROLES``; the command checks that.
"""

_extra: dict[str, dict[str, tuple[str, ...]]] = {}


def extend_role(role: str, permissions: dict[str, tuple[str, ...]]) -> None:
    """Give ``role`` these actions on these models (``"app.model": ("view", ...)``)."""
    _extra.setdefault(role, {}).update(permissions)


def extra_permissions(role: str) -> dict[str, tuple[str, ...]]:
    return dict(_extra.get(role, {}))


def extended_roles() -> set[str]:
    return set(_extra)
