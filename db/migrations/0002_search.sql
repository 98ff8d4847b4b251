-- Schema version 2: full-text search (FTS5) over innovations and mentoring visits.
-- External-content indexes keyed by the local integer seq; triggers keep them in step
-- with every insert, update and delete, whether it comes from a form or a sync import.

CREATE VIRTUAL TABLE innovation_fts USING fts5(
    title, problem, solution, novelty, results, tags, category,
    content='innovation', content_rowid='seq',
    tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);

CREATE TRIGGER innovation_fts_ai AFTER INSERT ON innovation BEGIN
    INSERT INTO innovation_fts (rowid, title, problem, solution, novelty, results, tags, category)
    VALUES (new.seq, new.title, new.problem, new.solution, new.novelty, new.results, new.tags,
            new.category);
END;

CREATE TRIGGER innovation_fts_ad AFTER DELETE ON innovation BEGIN
    INSERT INTO innovation_fts (innovation_fts, rowid, title, problem, solution, novelty, results,
                                tags, category)
    VALUES ('delete', old.seq, old.title, old.problem, old.solution, old.novelty, old.results,
            old.tags, old.category);
END;

CREATE TRIGGER innovation_fts_au AFTER UPDATE OF title, problem, solution, novelty, results, tags,
    category ON innovation BEGIN
    INSERT INTO innovation_fts (innovation_fts, rowid, title, problem, solution, novelty, results,
                                tags, category)
    VALUES ('delete', old.seq, old.title, old.problem, old.solution, old.novelty, old.results,
            old.tags, old.category);
    INSERT INTO innovation_fts (rowid, title, problem, solution, novelty, results, tags, category)
    VALUES (new.seq, new.title, new.problem, new.solution, new.novelty, new.results, new.tags,
            new.category);
END;

CREATE VIRTUAL TABLE visit_fts USING fts5(
    place, agenda, findings, notes,
    content='visit', content_rowid='seq',
    tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);

CREATE TRIGGER visit_fts_ai AFTER INSERT ON visit BEGIN
    INSERT INTO visit_fts (rowid, place, agenda, findings, notes)
    VALUES (new.seq, new.place, new.agenda, new.findings, new.notes);
END;

CREATE TRIGGER visit_fts_ad AFTER DELETE ON visit BEGIN
    INSERT INTO visit_fts (visit_fts, rowid, place, agenda, findings, notes)
    VALUES ('delete', old.seq, old.place, old.agenda, old.findings, old.notes);
END;

CREATE TRIGGER visit_fts_au AFTER UPDATE OF place, agenda, findings, notes ON visit BEGIN
    INSERT INTO visit_fts (visit_fts, rowid, place, agenda, findings, notes)
    VALUES ('delete', old.seq, old.place, old.agenda, old.findings, old.notes);
    INSERT INTO visit_fts (rowid, place, agenda, findings, notes)
    VALUES (new.seq, new.place, new.agenda, new.findings, new.notes);
END;

-- Rows written at schema version 1 enter the index now.
INSERT INTO innovation_fts (innovation_fts) VALUES ('rebuild');
INSERT INTO visit_fts (visit_fts) VALUES ('rebuild');
