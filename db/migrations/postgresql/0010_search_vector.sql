-- Schema version 10 on PostgreSQL: the search text of innovations and visits is stored.
--
-- At ten national years (1,000,000 innovations) search as you type reads the newest
-- matches by walking the rows newest first and testing each one's text; computing the
-- tsvector of every row tested (unaccent over six long fields) cost about 25 s for a
-- prefix matching nothing.  A stored, generated vector is tested in microseconds, ranks
-- without being recomputed, and the GIN indexes are built on it.  The generation
-- expression is the one the indexes used, so searches find exactly what they found.
-- (SQLite's FTS5 tables already store their index: its 0010 changes nothing.)

-- A GIN index over a million rows builds several times faster with room to sort in memory
-- than with the default 64 MB (this transaction only).
SET LOCAL maintenance_work_mem = '256MB';

DROP INDEX innovation_fts;
DROP INDEX visit_fts;

ALTER TABLE innovation ADD COLUMN search_vector tsvector GENERATED ALWAYS AS
    (innovation_search(title, problem, solution, novelty, results, tags, category)) STORED;
ALTER TABLE visit ADD COLUMN search_vector tsvector GENERATED ALWAYS AS
    (visit_search(place, agenda, findings, notes)) STORED;

CREATE INDEX innovation_fts ON innovation USING gin (search_vector);
CREATE INDEX visit_fts ON visit USING gin (search_vector);
