"""The model the settings ask for: the offline engine unless an endpoint or model is configured,
wrapped in ``LoggedModel`` so that every call is logged to ``llm_calls`` of the main database."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.engine import Engine

from assistant.config import Settings
from assistant.llm.calllog import CallLog
from assistant.llm.errors import LLMConfigError
from assistant.llm.logged import LoggedModel
from assistant.llm.profiles import get_profile, infer_profile
from assistant.llm.types import Model

__all__ = ["make_model"]


def make_model(settings: Settings, *, engine: Engine | None = None,
               sleep: Callable[[float], None] | None = None) -> LoggedModel:
    """``OfflineModel`` with nothing configured (no network call is ever made), else
    ``OpenAICompatibleModel`` for the configured endpoint and profile; either in ``LoggedModel``.

    The calls are logged through ``engine`` (a migrated database, e.g. ``Store.engine``), or else
    to ``settings.database_url``, opened and migrated at the first call."""
    key = settings.api_key_value()
    secrets = (key,) if key else ()
    log = CallLog(engine, secrets=secrets) if engine is not None else CallLog.for_url(
        settings.database_url, secrets=secrets)
    return LoggedModel(_inner_model(settings, key, sleep), log)


def _inner_model(settings: Settings, key: str | None, sleep: Callable[[float], None] | None) -> Model:
    if not settings.llm_configured:
        from assistant.offline.model import OfflineModel

        return OfflineModel()
    profile = get_profile(settings.llm_profile) if settings.llm_profile else infer_profile(settings.llm_base_url)
    if settings.llm_structured_method:
        profile = profile.model_copy(update={"structured_method": settings.llm_structured_method})
    if not settings.llm_model:
        raise LLMConfigError("已设置模型接口地址，但没有设置模型名称（REPORT_LLM_MODEL）。")
    if not (settings.llm_base_url or profile.default_base_url):
        raise LLMConfigError(f"接口类型“{profile.title}”没有默认地址，请设置 REPORT_LLM_BASE_URL。")
    if profile.api_key_required and not key:
        raise LLMConfigError(f"接口类型“{profile.title}”需要 API 密钥，请设置 REPORT_LLM_API_KEY。")
    from assistant.llm.openai_compat import OpenAICompatibleModel

    extra = {"sleep": sleep} if sleep is not None else {}
    return OpenAICompatibleModel(
        base_url=settings.llm_base_url, api_key=key, model=settings.llm_model, profile=profile,
        timeout_s=settings.llm_timeout_s, max_retries=settings.llm_max_retries,
        backoff_s=settings.llm_backoff_s, backoff_max_s=settings.llm_backoff_max_s,
        max_reasks=settings.llm_max_reasks, max_tokens=settings.llm_max_tokens,
        temperature=settings.llm_temperature, **extra,
    )
