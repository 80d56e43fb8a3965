"""PostgreSQL migrations, applied in order by the PostgreSQL store."""
