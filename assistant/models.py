"""The model the settings ask for: the offline engine unless an endpoint or model is configured,
wrapped in ``LoggedModel`` so that every call is logged to ``llm_calls`` of the main database."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine

from assistant.config import Settings
from assistant.llm.calllog import CallLog
from assistant.llm.errors import LLMConfigError
from assistant.llm.logged import LoggedModel
from assistant.llm.profiles import (
    ProviderProfile,
    get_profile,
    infer_profile,
    is_provider_host,
    profile_for_model,
    profile_from_model,
)
from assistant.llm.types import Model

__all__ = ["Endpoint", "make_model", "resolve_endpoint"]


@dataclass(frozen=True, slots=True)
class Endpoint:
    """Where model calls go, and with which key (never printed: see ``__repr__``)."""

    profile: ProviderProfile
    base_url: str
    model: str
    api_key: str | None = field(repr=False)
    key_name: str  # the variable the key came from, named in messages
    how: str  # how the provider was found, in Chinese (for ``llm check``)


def resolve_endpoint(settings: Settings) -> Endpoint:
    """The endpoint the settings name. A key goes only to the base URL the user configured or to
    the documented base URL of the provider they named; a provider that can be told neither from the
    URL nor from the model name is refused (``LLMConfigError``, Chinese)."""
    model = settings.llm_model
    if not model:
        raise LLMConfigError("已设置模型接口地址，但没有设置模型名称（REPORT_LLM_MODEL）。")
    url = settings.llm_base_url
    if url and not url.lower().startswith(("http://", "https://")):
        raise LLMConfigError(f"接口地址“{url}”缺少开头的 http:// 或 https://，请写完整，"
                             f"例如 http://{url}（本机服务）或 https://{url}（在线服务）。")
    if settings.llm_profile:
        profile, how = get_profile(settings.llm_profile), "按 REPORT_LLM_PROFILE 指定"
    elif settings.llm_base_url:
        profile, how = infer_profile(settings.llm_base_url), "按接口地址识别"
    else:
        found = profile_from_model(model)
        if found is None:
            sent = "，密钥不会被发往任何地址" if settings.api_key_value() else ""
            raise LLMConfigError(
                f"无法根据模型名称“{model}”判断是哪家模型服务{sent}。请设置 REPORT_LLM_BASE_URL（模型服务的接口地址）；"
                "如果用的是 DeepSeek、通义千问、智谱、Kimi 或 OpenAI，请核对模型名称（如 deepseek-chat、qwen-plus）。")
        profile, how = found, "按模型名称识别"
    profile = profile_for_model(profile, model)
    if settings.llm_structured_method:
        profile = profile.model_copy(update={"structured_method": settings.llm_structured_method})
    if settings.llm_context_tokens:
        profile = profile.model_copy(update={"context_tokens": settings.llm_context_tokens})
    base_url = settings.llm_base_url or profile.default_base_url
    if not base_url:
        raise LLMConfigError(f"接口类型“{profile.title}”没有默认地址，请设置 REPORT_LLM_BASE_URL。")
    key, key_name = settings.api_key_value(), "REPORT_LLM_API_KEY"
    if key is None and profile.key_env and is_provider_host(profile, base_url):
        # the provider's own variable, but only for the provider's own endpoint
        key, key_name = settings.provider_key(profile.key_env), profile.key_env
    if profile.api_key_required and not key:
        names = "REPORT_LLM_API_KEY" + (f" 或 {profile.key_env}" if profile.key_env else "")
        raise LLMConfigError(f"接口类型“{profile.title}”需要 API 密钥，请设置 {names}。")
    return Endpoint(profile, base_url, model, key, key_name if key else "REPORT_LLM_API_KEY", how)


def make_model(settings: Settings, *, engine: Engine | None = None,
               sleep: Callable[[float], None] | None = None) -> LoggedModel:
    """``OfflineModel`` with nothing configured (no network call is ever made), else
    ``OpenAICompatibleModel`` for the configured endpoint and profile; either in ``LoggedModel``.

    The calls are logged through ``engine`` (a migrated database, e.g. ``Store.engine``), or else
    to ``settings.database_url``, opened and migrated at the first call."""
    endpoint = resolve_endpoint(settings) if settings.llm_configured else None
    key = endpoint.api_key if endpoint else None
    secrets = tuple(k for k in (key, settings.api_key_value()) if k)
    log = CallLog(engine, secrets=secrets) if engine is not None else CallLog.for_url(
        settings.database_url, secrets=secrets)
    return LoggedModel(_inner_model(settings, endpoint, sleep), log)


def _inner_model(settings: Settings, endpoint: Endpoint | None, sleep: Callable[[float], None] | None) -> Model:
    if endpoint is None:
        from assistant.offline.model import OfflineModel

        return OfflineModel()
    from assistant.llm.openai_compat import OpenAICompatibleModel

    extra = {"sleep": sleep} if sleep is not None else {}
    return OpenAICompatibleModel(
        base_url=endpoint.base_url, api_key=endpoint.api_key, model=endpoint.model, profile=endpoint.profile,
        timeout_s=settings.llm_timeout_s, max_retries=settings.llm_max_retries,
        backoff_s=settings.llm_backoff_s, backoff_max_s=settings.llm_backoff_max_s,
        max_reasks=settings.llm_max_reasks, max_tokens=settings.llm_max_tokens,
        temperature=settings.llm_temperature, retry_after_max_s=settings.llm_retry_after_max_s,
        key_name=endpoint.key_name, **extra,
    )
