"""The offline engine: rule-based extraction and template drafting behind the model seam."""

from assistant.offline.extract import known_fields, offline_patch
from assistant.offline.model import OfflineModel, revise_hint
from assistant.offline.templates import draft_offline

__all__ = ["OfflineModel", "draft_offline", "known_fields", "offline_patch", "revise_hint"]
