"""Every prompt, drafting template and vocabulary file of report-assistant, shipped as package data
and read with ``importlib.resources`` (``assistant.llm.prompts``)."""

__all__: list[str] = []
