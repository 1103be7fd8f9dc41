"""A message as plain text and HTML, from paragraphs: every piece of user text is escaped here, once.

Pure: no database, no network. A message is a list of blocks; each block is a paragraph, a list or a
button-like link, so the text and the HTML say exactly the same thing.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Message:
    subject: str
    to: list[str]
    blocks: list[str | list[str] | Link]  # paragraph | bullet list | link
    cc: list[str] = field(default_factory=list)
    kind: str = "altro"
    signature: str = ""

    def text(self) -> str:
        parts = []
        for b in self.blocks:
            if isinstance(b, Link):
                parts.append(f"{b.label}:\n{b.url}")
            elif isinstance(b, list):
                parts.append("\n".join(f"- {item}" for item in b))
            else:
                parts.append(b)
        if self.signature:
            parts.append(f"-- \n{self.signature}")
        return "\n\n".join(parts) + "\n"

    def html(self) -> str:
        e = html.escape
        parts = []
        for b in self.blocks:
            if isinstance(b, Link):
                parts.append(
                    f'<p><a href="{e(b.url, quote=True)}" style="display:inline-block;padding:10px 16px;'
                    f'background:#0b5394;color:#ffffff;border-radius:6px;text-decoration:none">{e(b.label)}</a></p>'
                )
            elif isinstance(b, list):
                parts.append("<ul>" + "".join(f"<li>{e(item)}</li>" for item in b) + "</ul>")
            else:
                parts.append(f"<p>{e(b)}</p>")
        if self.signature:
            parts.append(f'<p style="color:#555">{e(self.signature)}</p>')
        body = "\n".join(parts)
        return (
            '<!DOCTYPE html><html lang="it"><head><meta charset="utf-8">'
            f"<title>{e(self.subject)}</title></head>"
            f'<body style="font-family:sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a">{body}</body></html>'
        )
