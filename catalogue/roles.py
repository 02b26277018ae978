"""Permissions other apps add to the editors' roles (read by ``manage.py setup_roles``).

The catalogue's own roles are in ``management/commands/setup_roles.py``. Another app adds its
models' permissions from its ``AppConfig.ready()`` without the catalogue naming them::

    from catalogue.roles import EDIT, add_permissions

    add_permissions("Redaktør", {"glossary.term": EDIT})

A role named here must exist in ``setup_roles.ROLES``; the command checks that.
"""

EDIT = ("view", "add", "change")  # entries: archived, never deleted
ROWS = ("view", "add", "change", "delete")  # rows inside an entry (inline rows)

_extra: dict[str, dict[str, tuple[str, ...]]] = {}


def add_permissions(role: str, permissions: dict[str, tuple[str, ...]]) -> None:
    """Give ``role`` these actions on these models (``{"app.model": ("view", ...)}``)."""
    _extra.setdefault(role, {}).update(permissions)


def extra_permissions(role: str) -> dict[str, tuple[str, ...]]:
    return dict(_extra.get(role, {}))


def extended_roles() -> set[str]:
    return set(_extra)
