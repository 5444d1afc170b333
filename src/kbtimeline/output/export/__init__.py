"""Events in forms other programs and browsers read: a standalone HTML page, TimelineJS3 JSON.

Pure functions from events to a string or a JSON-ready dict. Nothing here
touches files: where the output goes, whether an existing file may be
replaced and writing it atomically are the CLI's business, so the same
functions serve ``kbtimeline export`` and any program that imports them.
"""

from kbtimeline.output.export.html import page_data, render_html
from kbtimeline.output.export.timelinejs import to_timelinejs

__all__ = ["page_data", "render_html", "to_timelinejs"]
