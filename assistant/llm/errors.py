"""Errors of model calls. ``str(err)`` is a complete Chinese sentence fit for the user."""

from __future__ import annotations

from assistant.errors import ReportAssistantError

__all__ = [
    "LLMAuthError", "LLMCancelledError", "LLMConfigError", "LLMError", "LLMOutputError", "LLMRateLimitedError",
    "LLMRequestError", "LLMTimeoutError", "LLMUnavailableError", "OfflineUnsupportedError",
]


class LLMError(ReportAssistantError):
    """A model call failed; nothing it would have changed was changed."""


class LLMConfigError(LLMError):
    """The model settings are incomplete or contradictory."""


class LLMTimeoutError(LLMError):
    """The endpoint did not answer within the timeout."""


class LLMRateLimitedError(LLMError):
    """Still rate-limited (429) after the retries."""


class LLMUnavailableError(LLMError):
    """Server errors (5xx) or no connection, after the retries."""


class LLMAuthError(LLMError):
    """401/403: the key is wrong or lacks permission."""


class LLMRequestError(LLMError):
    """Another 4xx: the endpoint refused the request (wrong model name, unsupported field …)."""


class LLMOutputError(LLMError):
    """The model's structured answer stayed invalid after the re-asks."""


class LLMCancelledError(LLMError):
    """The user stopped the work; what was written before stands."""

    outcome = "cancelled"


class OfflineUnsupportedError(LLMError):
    """The offline engine cannot do this (e.g. a free-form revision instruction)."""
