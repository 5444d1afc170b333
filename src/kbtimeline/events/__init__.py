"""Records -> happenings: what each dated record is about, told so a timeline reader understands it.

``titles`` writes each record's title; ``parse`` is the optional spaCy parse
that titles lean on when it is installed. This package reads what the
extractor made and never the other way round.
"""
