"""Grounded extraction, grounded drafting, and assembly of the report from facts.

- ``extract(message, facts, model)``: a checked patch from one user message, applied to a copy.
- ``draft_part`` / ``draft_all`` / ``revise_part``: narrative from the facts alone, every number
  checked, one repair round, flags for the editor.
- ``assemble_report(facts, drafts)``: the ``Report``, tables from facts, derivations recorded.
"""

from assistant.drafting.assembly import Assembled, assemble_report, derive_cells
from assistant.drafting.drafting import (
    PARTS,
    DraftedPart,
    Drafts,
    UnacknowledgedFlagsError,
    draft_all,
    draft_part,
    part_address,
    part_title,
    revise_part,
)
from assistant.drafting.extraction import Extraction, extract
from assistant.drafting.factsheet import part_has_facts
from assistant.drafting.grounding import apply_patch, check_patch, expand_field, expand_ops
from assistant.drafting.numbercheck import NumberViolation, check_numbers

__all__ = [
    "PARTS", "Assembled", "DraftedPart", "Drafts", "Extraction", "NumberViolation",
    "UnacknowledgedFlagsError", "apply_patch", "assemble_report", "check_numbers", "check_patch",
    "derive_cells", "draft_all", "draft_part", "expand_field", "expand_ops", "extract", "part_address", "part_has_facts",
    "part_title", "revise_part",
]
