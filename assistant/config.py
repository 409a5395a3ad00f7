"""Settings, from environment variables and a ``.env`` file (pydantic-settings).

Every variable starts with ``REPORT_``. With no model configured the offline engine is used and no
network call is made. The API key is a ``SecretStr``: it is never printed, logged or stored.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "default_data_dir"]


def default_data_dir() -> Path:
    """Where the app writes when ``REPORT_DATA_DIR`` is not set: the user's data folder
    (``%LOCALAPPDATA%\\report-assistant`` on Windows, ``$XDG_DATA_HOME/report-assistant`` or
    ``~/.local/share/report-assistant`` elsewhere), never the current directory."""
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "report-assistant"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "report-assistant"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="REPORT_", env_file=".env", env_file_encoding="utf-8", extra="ignore",
        populate_by_name=True,
    )

    # ---- the model endpoint (all optional: nothing set means the offline engine) -------------
    llm_base_url: str | None = Field(None, description="OpenAI 兼容接口地址，如 https://api.deepseek.com/v1")
    llm_api_key: SecretStr | None = Field(None, description="API 密钥；本地服务可不填")
    llm_model: str | None = Field(None, description="模型名称，如 deepseek-chat、qwen-plus")
    llm_profile: str | None = Field(None, description="接口类型：openai、deepseek、qwen、vllm、ollama、llamacpp、generic")
    llm_structured_method: Literal["json_schema", "function_calling", "json_mode"] | None = Field(
        None, description="覆盖接口类型默认的结构化输出方式（模型不支持默认方式时使用）")
    llm_context_tokens: int | None = Field(
        None, gt=0, description="模型服务的上下文长度（token）；Ollama 默认按 4096 计，改过 OLLAMA_CONTEXT_LENGTH 时在此写明")
    # the providers' own key variables, used only with that provider's documented endpoint
    deepseek_api_key: SecretStr | None = Field(None, validation_alias="DEEPSEEK_API_KEY")
    dashscope_api_key: SecretStr | None = Field(None, validation_alias="DASHSCOPE_API_KEY")
    zhipuai_api_key: SecretStr | None = Field(None, validation_alias="ZHIPUAI_API_KEY")
    moonshot_api_key: SecretStr | None = Field(None, validation_alias="MOONSHOT_API_KEY")
    openai_api_key: SecretStr | None = Field(None, validation_alias="OPENAI_API_KEY")

    # ---- call behaviour ----------------------------------------------------------------------
    llm_timeout_s: float = Field(60.0, gt=0, description="单次请求超时（秒）")
    llm_max_retries: int = Field(3, ge=0, le=10, description="429/5xx/连接失败时的最多重试次数")
    llm_backoff_s: float = Field(1.0, ge=0, description="首次重试前等待（秒），之后按倍数增长")
    llm_backoff_max_s: float = Field(20.0, ge=0, description="单次重试等待上限（秒）")
    llm_max_reasks: int = Field(2, ge=0, le=5, description="结构化输出校验失败时的最多追问次数")
    llm_max_tokens: int = Field(2048, gt=0, description="单次生成的最多 token 数")
    llm_temperature: float = Field(0.2, ge=0, le=2)
    llm_retry_after_max_s: float = Field(120.0, ge=0, description="服务要求的等待（Retry-After）超过此秒数时不再等待，直接告知")
    llm_price_input: float | None = Field(None, ge=0, description="输入价格（元/百万 token）；不设则按所列价格")
    llm_price_output: float | None = Field(None, ge=0, description="输出价格（元/百万 token）")
    llm_price_cached: float | None = Field(None, ge=0, description="缓存命中的输入价格（元/百万 token）")
    llm_concurrency: int = Field(3, ge=1, le=8, description="起草时同时请求的部分数")

    # ---- storage: everything the app writes goes under data_dir, unless said otherwise --------------
    data_dir: Path = Field(default_factory=default_data_dir,
                           description="REPORT_DATA_DIR：数据库（默认 SQLite）、导出文件的存放目录")
    database_url: str | None = Field(None, description="REPORT_DATABASE_URL：数据库地址；默认 data_dir 下的 SQLite 文件")

    # ---- the web app: exposure and limits --------------------------------------------------------
    host: str = Field("127.0.0.1", description="监听地址；默认只允许本机访问，局域网使用需明确设置")
    port: int = Field(7860, ge=1, le=65535)
    login_max_failures: int = Field(5, ge=1, description="同一用户名连续登录失败多少次后暂停登录")
    login_lock_minutes: float = Field(15, gt=0, description="登录失败过多后暂停的分钟数")
    login_max_failures_all: int = Field(50, ge=1, description="所有用户名合计：暂停时间窗内允许的登录失败次数")
    session_idle_minutes: float = Field(30, gt=0, description="无操作多少分钟后需要重新登录")
    session_max_hours: float = Field(12, gt=0, description="登录后最长有效小时数")
    max_upload_mb: float = Field(20, gt=0, description="上传文件大小上限（MB）")
    max_message_chars: int = Field(8000, ge=100, description="一条对话消息的最多字数")

    @field_validator("llm_base_url", "llm_model", "llm_profile", "llm_structured_method", "database_url",
                     mode="before")
    @classmethod
    def _empty_is_none(cls, v):
        # `REPORT_LLM_MODEL=` in a .env file means "not set", not "a model named ''".
        if isinstance(v, str) and not v.strip():
            return None
        return v.strip() if isinstance(v, str) else v

    @field_validator("llm_api_key", "deepseek_api_key", "dashscope_api_key", "zhipuai_api_key",
                     "moonshot_api_key", "openai_api_key", mode="before")
    @classmethod
    def _empty_key_is_none(cls, v):
        if isinstance(v, str) and not v.strip():
            return None
        return v

    @model_validator(mode="after")
    def _default_database(self) -> Settings:
        if self.database_url is None:
            self.database_url = f"sqlite:///{(self.data_dir / 'report-assistant.sqlite3').as_posix()}"
        return self

    @property
    def export_dir(self) -> Path:
        return self.data_dir / "exports"

    @property
    def llm_configured(self) -> bool:
        """True when an endpoint or a model is named; otherwise the offline engine is used."""
        return bool(self.llm_base_url or self.llm_model)

    def api_key_value(self) -> str | None:
        return self.llm_api_key.get_secret_value() if self.llm_api_key else None

    def provider_key(self, env_name: str | None) -> str | None:
        """The value of a provider's own key variable (``DEEPSEEK_API_KEY`` …), if set."""
        if not env_name:
            return None
        secret = getattr(self, env_name.lower(), None)
        return secret.get_secret_value() if isinstance(secret, SecretStr) else None

