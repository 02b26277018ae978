from django.apps import AppConfig


class PlansConfig(AppConfig):
    """Compare entries, collect them into an action plan (Handleplan), print question cards."""

    name = "plans"
    verbose_name = "Handleplaner"

    def ready(self) -> None:
        from catalogue.slots import register

        register("list-filters", "plans/slots/list_filters.html")
        register("list-entry", "plans/slots/list_entry.html")
        register("list-actions", "plans/slots/list_actions.html")
        register("entry-actions", "plans/slots/entry_actions.html")
