"""The report page: sections of HTML and Plotly figures, assembled into one self-contained file.

Everything the page needs is inlined — Plotly's own bundle (``plotly.min.js`` from the ``plotly``
package), the style sheet and the report's scripts — so it opens offline and fetches nothing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from ._format import escape
from ._json import script_json


def plotly_bundle() -> str:
    """The text of ``plotly.min.js`` as the installed ``plotly`` package ships it.

    Raises ``ImportError`` with the install command when the package is missing."""
    try:
        from plotly.offline import get_plotlyjs
    except ImportError as error:
        raise ImportError("the report needs the plotly package (pip install 'plotly'; scripts/setup.sh "
                          "installs it)") from error
    bundle: str = get_plotlyjs()
    return bundle


def asset(name: str) -> str:
    """A file shipped beside this module (the style sheet and the report's scripts)."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


@dataclass
class Page:
    """A report being built: a title, sections in order, figures and data blocks they refer to."""

    title: str
    sections: list[str] = field(default_factory=list)
    figures: dict[str, dict[str, Any]] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)
    scripts: list[str] = field(default_factory=list)

    def section(self, identifier: str, heading: str, body: str, *, note: str = "") -> None:
        """Add a section with an ``id``, a heading, HTML ``body`` and an optional note under the heading."""
        note_html = f'<p class="note">{note}</p>' if note else ""
        self.sections.append(f'<section id="{escape(identifier)}"><h2>{escape(heading)}</h2>{note_html}{body}'
                             "</section>")

    def figure(self, identifier: str, data: list[dict[str, Any]], layout: dict[str, Any], *,
               kind: str = "chart") -> str:
        """Register a Plotly figure; returns the ``<div>`` that shows it (``data-figure`` = ``kind``)."""
        base_layout = {"margin": {"l": 60, "r": 20, "t": 40, "b": 50}, "font": {"family": "sans-serif", "size": 12},
                       "paper_bgcolor": "#ffffff", "plot_bgcolor": "#ffffff"}
        self.figures[identifier] = {"data": data, "layout": {**base_layout, **layout}}
        return f'<div class="figure" id="{escape(identifier)}" data-figure="{escape(kind)}"></div>'

    def add_data(self, identifier: str, value: Any) -> None:
        """Register a JSON data block (read by the report's own scripts)."""
        self.data[identifier] = value

    def add_script(self, name: str) -> None:
        """Inline one of the report's scripts (once)."""
        if name not in self.scripts:
            self.scripts.append(name)

    def render(self) -> str:
        """The whole page as one HTML document."""
        blocks = [f'<script type="application/json" id="data-{escape(k)}">{script_json(v)}</script>'
                  for k, v in self.data.items()]
        blocks.append(f'<script type="application/json" id="takt-figures">{script_json(self.figures)}</script>')
        scripts = "".join(f"<script>{asset(name)}</script>" for name in ["figures.js", *self.scripts])
        return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{escape(self.title)}"
                f"</title><style>{asset('report.css')}</style><script>{plotly_bundle()}</script></head>"
                f"<body><main>{''.join(self.sections)}</main>{''.join(blocks)}{scripts}</body></html>\n")
