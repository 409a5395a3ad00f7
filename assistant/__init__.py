"""report-assistant's core, UI-free: the application service (``assistant.app``) and everything below it."""

__all__: list[str] = []
