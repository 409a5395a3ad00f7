"""The web app (Gradio): chat, live preview, tables, findings, history, editor and supervisor workspaces.

``assistant.app`` holds the actions (UI-free, permission-checked); ``ui.views`` what the screens show;
``ui.app`` the Gradio layout and its thin handlers; ``ui.cli_commands`` ``serve`` and ``user``.
"""

__all__: list[str] = []
