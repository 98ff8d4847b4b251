-- Schema version 10: PostgreSQL stores the search text of innovations and visits
-- (db/migrations/postgresql/0010_search_vector.sql says why).  SQLite's FTS5 tables
-- already hold their own copy of the text, so nothing changes here; the version moves
-- so that both engines' schemas keep one numbering.
SELECT 1;
