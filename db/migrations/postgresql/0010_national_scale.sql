-- Schema version 10 on PostgreSQL: fit for ten national years (1,000,000 innovations,
-- 500,000 visits; docs/ministry.md, "Scale").
--
-- 1. The search text of innovations and visits is stored.
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

-- STORAGE MAIN keeps each vector in its row (compressed) instead of the TOAST table: a
-- ranked search reads the vector of every match, and fetching it out of line took about
-- four times as long (1.2 s against 0.3 s for 300,000 innovations).  Set in the same
-- statement, so the rows are written once, already so.
ALTER TABLE innovation ADD COLUMN search_vector tsvector GENERATED ALWAYS AS
    (innovation_search(title, problem, solution, novelty, results, tags, category)) STORED,
    ALTER COLUMN search_vector SET STORAGE MAIN;
ALTER TABLE visit ADD COLUMN search_vector tsvector GENERATED ALWAYS AS
    (visit_search(place, agenda, findings, notes)) STORED,
    ALTER COLUMN search_vector SET STORAGE MAIN;

CREATE INDEX innovation_fts ON innovation USING gin (search_vector);
CREATE INDEX visit_fts ON visit USING gin (search_vector);

-- 2. A list view reads the row numbers (seq) of every row of its list in order, then only
-- the rows on screen.  Ordered by the type's default sort, PostgreSQL read them through
-- the sort column's index and then each row itself, to see that it is not in the trash:
-- 6.6 s for the national innovation list.  These partial indexes hold the order, the row
-- number and the trash flag's answer, so the keys come from the index alone (0.3 s).  The
-- ministry's lists are mostly one province's.
CREATE INDEX innovation_live_title ON innovation (title, seq) WHERE deleted = 0;
CREATE INDEX innovation_live_province_title ON innovation (province_code, title, seq)
    WHERE deleted = 0;
CREATE INDEX visit_live_start ON visit (start_date, seq) WHERE deleted = 0;
