"""Records -> happenings: what kind each record is, which records tell one happening, their titles.

``titles`` writes each record's title (``parse`` is the optional spaCy parse
it leans on when installed); ``kinds`` tells events from context; ``grouping``
joins the records of one happening. This package reads what the extractor
made and never the other way round.
"""
