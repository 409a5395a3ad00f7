"""The web app (Gradio): chat, live preview, tables, findings, history, editor and supervisor workspaces.

``assistant.app`` holds the actions (UI-free, permission-checked); ``ui.views`` what the screens show;
``ui.app`` composes the page from one module per panel (``_page``, ``_review``, ``_chat``, ``_preview``,
``_tables``, ``_findings``, ``_history``, ``_editor``, ``_export``, ``_calls``), whose components and
events go through the ``_registry.Views`` registry by name; ``_gradio_auth`` is the only module that
touches Gradio's login internals; ``ui.cli_commands`` ``serve`` and ``user``.
"""

__all__: list[str] = []
