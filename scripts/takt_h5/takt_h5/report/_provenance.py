"""The page's header: the scenario's name and description, and where the results came from."""
from __future__ import annotations

import re
from typing import Any

from ._format import escape, hours

#: Root attributes listed under "Provenance", in this order, with their labels.
PROVENANCE = [("scenario_file", "scenario file"), ("variant", "variant(s)"), ("seed", "seed"),
              ("replications", "replications"), ("completion_status", "completion status"),
              ("takt_version", "takt version"), ("git_commit", "git commit"), ("created", "created (UTC)"),
              ("host", "host"), ("wall_seconds", "wall time (s)"), ("format_version", "file format")]


def description(source_yaml: str) -> str:
    """The scenario's top-level ``description:`` (a one-line value, quotes removed), or ``""``."""
    match = re.search(r"^description:[ \t]*(.*?)[ \t]*$", source_yaml, flags=re.M)
    if not match:
        return ""
    text = match.group(1)
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1]
    return text


def header(title: str, subtitle: str, text: str, attrs: dict[str, Any], extra: list[tuple[str, str]]) -> str:
    """The header block: title, subtitle, description and a provenance list (root ``attrs`` plus
    ``extra`` pairs of label and value)."""
    rows = [(label, attrs[key]) for key, label in PROVENANCE if key in attrs]
    rows += extra
    items = "".join(f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>" for label, value in rows)
    description_html = f'<p class="description">{escape(text)}</p>' if text else ""
    return (f'<header><h1>{escape(title)}</h1><p class="subtitle">{escape(subtitle)}</p>{description_html}'
            f'<section id="provenance"><h2>Provenance</h2><dl class="provenance">{items}</dl></section></header>')


def warm_up_text(seconds: float) -> str:
    """``"warm-up 2 d"`` or ``"no warm-up"``."""
    return f"warm-up {hours(seconds)}" if seconds > 0 else "no warm-up"
