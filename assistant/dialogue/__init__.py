"""Conversational fact gathering that never loses a word.

``DialogueService(store, model)`` turns one message into one committed turn: facts extracted and
checked, bad answers refused in Chinese, derivations kept in step, and a reply that confirms
exactly what was recorded and asks the next questions. The planner (``plan``) derives what is
missing and what to ask from the schemas.
"""

from assistant.dialogue._checks import EQUATIONS, Equation, contradictions, negative_numbers, unread_table_lines
from assistant.dialogue._confirm import change_lines, show_value
from assistant.dialogue._derive import derivation_changes, derivations
from assistant.dialogue._intents import Intent, parse_intent
from assistant.dialogue._mapping import changes_between, facts_from_store
from assistant.dialogue._planner import (
    GROUPS,
    REQUIRED,
    REQUIRED_WHEN,
    Group,
    Plan,
    Question,
    describe_fields,
    plan,
    summary_lines,
)
from assistant.dialogue._previous import narrative_of
from assistant.dialogue._service import DialogueService, Reply

__all__ = [
    "EQUATIONS", "GROUPS", "REQUIRED", "REQUIRED_WHEN", "DialogueService", "Equation", "Group", "Intent", "Plan",
    "Question", "Reply", "change_lines", "changes_between", "contradictions", "derivation_changes", "derivations", "describe_fields",
    "facts_from_store", "narrative_of", "negative_numbers", "parse_intent", "plan", "show_value",
    "summary_lines", "unread_table_lines",
]
