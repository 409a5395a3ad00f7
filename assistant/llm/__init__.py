"""The model seam: ``Model.complete(LLMRequest) -> LLMResponse``, two engines, profiles, call log.

Engines: ``OpenAICompatibleModel`` (LangChain's ChatOpenAI for every OpenAI-compatible endpoint)
and ``OfflineModel`` (rules and templates, the default). ``assistant.models.make_model(settings)`` picks one
and wraps it in ``LoggedModel``, which logs every call to the main database.
"""

from assistant.llm.calllog import CallLog, CallRecord, call_context, redact
from assistant.llm.errors import (
    LLMAuthError,
    LLMCancelledError,
    LLMConfigError,
    LLMError,
    LLMOutputError,
    LLMRateLimitedError,
    LLMRequestError,
    LLMTimeoutError,
    LLMUnavailableError,
    OfflineUnsupportedError,
)
from assistant.llm.logged import LoggedModel
from assistant.llm.profiles import PROFILES, ProviderProfile, get_profile, infer_profile
from assistant.llm.prompts import PromptFile, load_prompt
from assistant.llm.types import ChatMessage, LLMRequest, LLMResponse, Model, Usage

__all__ = [
    "PROFILES",
    "CallLog",
    "CallRecord",
    "ChatMessage",
    "LLMAuthError",
    "LLMCancelledError",
    "LLMConfigError",
    "LLMError",
    "LLMOutputError",
    "LLMRateLimitedError",
    "LLMRequest",
    "LLMRequestError",
    "LLMResponse",
    "LLMTimeoutError",
    "LLMUnavailableError",
    "LoggedModel",
    "Model",
    "OfflineUnsupportedError",
    "PromptFile",
    "ProviderProfile",
    "Usage",
    "call_context",
    "get_profile",
    "infer_profile",
    "load_prompt",
    "redact",
]
