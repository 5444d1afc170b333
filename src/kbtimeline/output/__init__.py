"""Events as text for a person or a program: ``render`` (table, tsv, csv, json), ``views`` (timeline,
histogram, stats) and ``export`` (an HTML page, TimelineJS data). rich is imported here only."""
