"""Errors whose message is shown to the user as is (in Chinese)."""


class ReportAssistantError(Exception):
    """Base: ``str(err)`` is a complete Chinese sentence fit for the user."""


class ReportReadError(ReportAssistantError):
    """A file could not be read as a report (missing, unreadable, not a report, unsupported type)."""
