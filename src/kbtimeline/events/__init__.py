"""Records -> happenings: what kind each record is, which records tell one happening, their titles."""
