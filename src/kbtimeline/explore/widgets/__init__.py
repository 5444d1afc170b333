"""The explorer's widgets, each in its own module."""
