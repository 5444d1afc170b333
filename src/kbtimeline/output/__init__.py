"""Events as text for a person or a program.

``render`` writes the table (through rich) and the machine formats (tsv, csv,
json, jsonl, never through rich); ``views`` draws the timeline, histogram and
stats as plain strings; ``export`` makes the HTML page and TimelineJS data.
rich is imported inside the functions that need it, so machine formats never
pay for it.
"""
