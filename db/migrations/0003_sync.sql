-- Schema version 3: file-based sync (see docs/sync-format.md).
--
-- sync_field keeps, for every field changed after creation (and "_cl" for delete/restore),
-- the field's version vector {origin device: newest stamp of that origin this value has seen}.
-- The vector is what tells a concurrent overwrite (a conflict to review) from a deliberate
-- one, and its (origin, stamp) index lets an incremental export find what a peer lacks.
-- Triggers keep it current for edits made through RecordService, so the core need not know
-- about sync; an import overwrites the rows it merges with the merged vectors.

CREATE TABLE sync_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE sync_field (
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    stamp TEXT NOT NULL,
    origin TEXT NOT NULL,
    vv TEXT NOT NULL,
    PRIMARY KEY (tbl, row_id, field)
) WITHOUT ROWID;
CREATE INDEX sync_field_origin ON sync_field (origin, stamp);

-- Devices whose packages we have seen (imported) and the key they signed with.
CREATE TABLE sync_peer (
    device_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    public_key TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL
);

-- Keys the officer agreed to accept packages from.
CREATE TABLE sync_trusted (
    fingerprint TEXT PRIMARY KEY,
    name TEXT,
    device_id TEXT,
    trusted_at TEXT NOT NULL
);

-- What each device holds: for (peer, origin) the newest stamp of that origin whose changes
-- (and all earlier ones) the peer's data includes.  peer = our own id is our own vector.
CREATE TABLE sync_vector (
    peer TEXT NOT NULL,
    origin TEXT NOT NULL,
    stamp TEXT NOT NULL,
    PRIMARY KEY (peer, origin)
) WITHOUT ROWID;

-- Every package imported: a replay is recognised and gaps in a sender's numbering shown.
CREATE TABLE sync_package (
    package_id TEXT PRIMARY KEY,
    sender TEXT NOT NULL,
    stream TEXT NOT NULL,
    seq INTEGER NOT NULL,
    full INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    report TEXT
);
CREATE INDEX sync_package_sender ON sync_package (sender, stream, seq);

-- Values that lost to a concurrent change; they travel so every laptop can review them.
CREATE TABLE sync_conflict (
    id TEXT PRIMARY KEY,
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    loser_value TEXT,
    loser_stamp TEXT NOT NULL,
    winner_stamp TEXT NOT NULL,
    resolution TEXT,
    resolved_stamp TEXT,
    stamp TEXT NOT NULL,
    origin TEXT NOT NULL,
    detected_at TEXT NOT NULL
);
CREATE INDEX sync_conflict_row ON sync_conflict (tbl, row_id);
CREATE INDEX sync_conflict_origin ON sync_conflict (origin, stamp);

-- One trigger per synced table (same text, table name substituted).

CREATE TRIGGER agency_sync_field AFTER UPDATE OF stamps ON agency
WHEN NEW.stamps IS NOT OLD.stamps
BEGIN
    INSERT OR REPLACE INTO sync_field (tbl, row_id, field, stamp, origin, vv)
    SELECT 'agency', NEW.id, n.key, n.value, substr(n.value, 18),
        CASE WHEN n.key = '_cl' THEN (
            SELECT json_group_object(o, s) FROM (
                SELECT o, max(s) AS s FROM (
                    SELECT j.key AS o, j.value AS s
                    FROM sync_field f, json_each(f.vv) j
                    WHERE f.tbl = 'agency' AND f.row_id = NEW.id
                    UNION ALL SELECT substr(NEW.hlc, 18), NEW.hlc
                    UNION ALL SELECT substr(n.value, 18), n.value
                ) GROUP BY o))
        ELSE json_set(
            coalesce(
                (SELECT f.vv FROM sync_field f
                 WHERE f.tbl = 'agency' AND f.row_id = NEW.id AND f.field = n.key),
                json_object(
                    substr(coalesce(json_extract(OLD.stamps, '$."' || n.key || '"'), OLD.hlc), 18),
                    coalesce(json_extract(OLD.stamps, '$."' || n.key || '"'), OLD.hlc))),
            '$."' || substr(n.value, 18) || '"', n.value)
        END
    FROM json_each(NEW.stamps) n
    WHERE n.value IS NOT json_extract(OLD.stamps, '$."' || n.key || '"');
END;

CREATE TRIGGER hub_sync_field AFTER UPDATE OF stamps ON hub
WHEN NEW.stamps IS NOT OLD.stamps
BEGIN
    INSERT OR REPLACE INTO sync_field (tbl, row_id, field, stamp, origin, vv)
    SELECT 'hub', NEW.id, n.key, n.value, substr(n.value, 18),
        CASE WHEN n.key = '_cl' THEN (
            SELECT json_group_object(o, s) FROM (
                SELECT o, max(s) AS s FROM (
                    SELECT j.key AS o, j.value AS s
                    FROM sync_field f, json_each(f.vv) j
                    WHERE f.tbl = 'hub' AND f.row_id = NEW.id
                    UNION ALL SELECT substr(NEW.hlc, 18), NEW.hlc
                    UNION ALL SELECT substr(n.value, 18), n.value
                ) GROUP BY o))
        ELSE json_set(
            coalesce(
                (SELECT f.vv FROM sync_field f
                 WHERE f.tbl = 'hub' AND f.row_id = NEW.id AND f.field = n.key),
                json_object(
                    substr(coalesce(json_extract(OLD.stamps, '$."' || n.key || '"'), OLD.hlc), 18),
                    coalesce(json_extract(OLD.stamps, '$."' || n.key || '"'), OLD.hlc))),
            '$."' || substr(n.value, 18) || '"', n.value)
        END
    FROM json_each(NEW.stamps) n
    WHERE n.value IS NOT json_extract(OLD.stamps, '$."' || n.key || '"');
END;

CREATE TRIGGER innovation_sync_field AFTER UPDATE OF stamps ON innovation
WHEN NEW.stamps IS NOT OLD.stamps
BEGIN
    INSERT OR REPLACE INTO sync_field (tbl, row_id, field, stamp, origin, vv)
    SELECT 'innovation', NEW.id, n.key, n.value, substr(n.value, 18),
        CASE WHEN n.key = '_cl' THEN (
            SELECT json_group_object(o, s) FROM (
                SELECT o, max(s) AS s FROM (
                    SELECT j.key AS o, j.value AS s
                    FROM sync_field f, json_each(f.vv) j
                    WHERE f.tbl = 'innovation' AND f.row_id = NEW.id
                    UNION ALL SELECT substr(NEW.hlc, 18), NEW.hlc
                    UNION ALL SELECT substr(n.value, 18), n.value
                ) GROUP BY o))
        ELSE json_set(
            coalesce(
                (SELECT f.vv FROM sync_field f
                 WHERE f.tbl = 'innovation' AND f.row_id = NEW.id AND f.field = n.key),
                json_object(
                    substr(coalesce(json_extract(OLD.stamps, '$."' || n.key || '"'), OLD.hlc), 18),
                    coalesce(json_extract(OLD.stamps, '$."' || n.key || '"'), OLD.hlc))),
            '$."' || substr(n.value, 18) || '"', n.value)
        END
    FROM json_each(NEW.stamps) n
    WHERE n.value IS NOT json_extract(OLD.stamps, '$."' || n.key || '"');
END;

CREATE TRIGGER commitment_sync_field AFTER UPDATE OF stamps ON commitment
WHEN NEW.stamps IS NOT OLD.stamps
BEGIN
    INSERT OR REPLACE INTO sync_field (tbl, row_id, field, stamp, origin, vv)
    SELECT 'commitment', NEW.id, n.key, n.value, substr(n.value, 18),
        CASE WHEN n.key = '_cl' THEN (
            SELECT json_group_object(o, s) FROM (
                SELECT o, max(s) AS s FROM (
                    SELECT j.key AS o, j.value AS s
                    FROM sync_field f, json_each(f.vv) j
                    WHERE f.tbl = 'commitment' AND f.row_id = NEW.id
                    UNION ALL SELECT substr(NEW.hlc, 18), NEW.hlc
                    UNION ALL SELECT substr(n.value, 18), n.value
                ) GROUP BY o))
        ELSE json_set(
            coalesce(
                (SELECT f.vv FROM sync_field f
                 WHERE f.tbl = 'commitment' AND f.row_id = NEW.id AND f.field = n.key),
                json_object(
                    substr(coalesce(json_extract(OLD.stamps, '$."' || n.key || '"'), OLD.hlc), 18),
                    coalesce(json_extract(OLD.stamps, '$."' || n.key || '"'), OLD.hlc))),
            '$."' || substr(n.value, 18) || '"', n.value)
        END
    FROM json_each(NEW.stamps) n
    WHERE n.value IS NOT json_extract(OLD.stamps, '$."' || n.key || '"');
END;

CREATE TRIGGER commitment_signatory_sync_field AFTER UPDATE OF stamps ON commitment_signatory
WHEN NEW.stamps IS NOT OLD.stamps
BEGIN
    INSERT OR REPLACE INTO sync_field (tbl, row_id, field, stamp, origin, vv)
    SELECT 'commitment_signatory', NEW.id, n.key, n.value, substr(n.value, 18),
        CASE WHEN n.key = '_cl' THEN (
            SELECT json_group_object(o, s) FROM (
                SELECT o, max(s) AS s FROM (
                    SELECT j.key AS o, j.value AS s
                    FROM sync_field f, json_each(f.vv) j
                    WHERE f.tbl = 'commitment_signatory' AND f.row_id = NEW.id
                    UNION ALL SELECT substr(NEW.hlc, 18), NEW.hlc
                    UNION ALL SELECT substr(n.value, 18), n.value
                ) GROUP BY o))
        ELSE json_set(
            coalesce(
                (SELECT f.vv FROM sync_field f
                 WHERE f.tbl = 'commitment_signatory' AND f.row_id = NEW.id AND f.field = n.key),
                json_object(
                    substr(coalesce(json_extract(OLD.stamps, '$."' || n.key || '"'), OLD.hlc), 18),
                    coalesce(json_extract(OLD.stamps, '$."' || n.key || '"'), OLD.hlc))),
            '$."' || substr(n.value, 18) || '"', n.value)
        END
    FROM json_each(NEW.stamps) n
    WHERE n.value IS NOT json_extract(OLD.stamps, '$."' || n.key || '"');
END;

CREATE TRIGGER replication_sync_field AFTER UPDATE OF stamps ON replication
WHEN NEW.stamps IS NOT OLD.stamps
BEGIN
    INSERT OR REPLACE INTO sync_field (tbl, row_id, field, stamp, origin, vv)
    SELECT 'replication', NEW.id, n.key, n.value, substr(n.value, 18),
        CASE WHEN n.key = '_cl' THEN (
            SELECT json_group_object(o, s) FROM (
                SELECT o, max(s) AS s FROM (
                    SELECT j.key AS o, j.value AS s
                    FROM sync_field f, json_each(f.vv) j
                    WHERE f.tbl = 'replication' AND f.row_id = NEW.id
                    UNION ALL SELECT substr(NEW.hlc, 18), NEW.hlc
                    UNION ALL SELECT substr(n.value, 18), n.value
                ) GROUP BY o))
        ELSE json_set(
            coalesce(
                (SELECT f.vv FROM sync_field f
                 WHERE f.tbl = 'replication' AND f.row_id = NEW.id AND f.field = n.key),
                json_object(
                    substr(coalesce(json_extract(OLD.stamps, '$."' || n.key || '"'), OLD.hlc), 18),
                    coalesce(json_extract(OLD.stamps, '$."' || n.key || '"'), OLD.hlc))),
            '$."' || substr(n.value, 18) || '"', n.value)
        END
    FROM json_each(NEW.stamps) n
    WHERE n.value IS NOT json_extract(OLD.stamps, '$."' || n.key || '"');
END;

CREATE TRIGGER replication_step_sync_field AFTER UPDATE OF stamps ON replication_step
WHEN NEW.stamps IS NOT OLD.stamps
BEGIN
    INSERT OR REPLACE INTO sync_field (tbl, row_id, field, stamp, origin, vv)
    SELECT 'replication_step', NEW.id, n.key, n.value, substr(n.value, 18),
        CASE WHEN n.key = '_cl' THEN (
            SELECT json_group_object(o, s) FROM (
                SELECT o, max(s) AS s FROM (
                    SELECT j.key AS o, j.value AS s
                    FROM sync_field f, json_each(f.vv) j
                    WHERE f.tbl = 'replication_step' AND f.row_id = NEW.id
                    UNION ALL SELECT substr(NEW.hlc, 18), NEW.hlc
                    UNION ALL SELECT substr(n.value, 18), n.value
                ) GROUP BY o))
        ELSE json_set(
            coalesce(
                (SELECT f.vv FROM sync_field f
                 WHERE f.tbl = 'replication_step' AND f.row_id = NEW.id AND f.field = n.key),
                json_object(
                    substr(coalesce(json_extract(OLD.stamps, '$."' || n.key || '"'), OLD.hlc), 18),
                    coalesce(json_extract(OLD.stamps, '$."' || n.key || '"'), OLD.hlc))),
            '$."' || substr(n.value, 18) || '"', n.value)
        END
    FROM json_each(NEW.stamps) n
    WHERE n.value IS NOT json_extract(OLD.stamps, '$."' || n.key || '"');
END;

CREATE TRIGGER visit_sync_field AFTER UPDATE OF stamps ON visit
WHEN NEW.stamps IS NOT OLD.stamps
BEGIN
    INSERT OR REPLACE INTO sync_field (tbl, row_id, field, stamp, origin, vv)
    SELECT 'visit', NEW.id, n.key, n.value, substr(n.value, 18),
        CASE WHEN n.key = '_cl' THEN (
            SELECT json_group_object(o, s) FROM (
                SELECT o, max(s) AS s FROM (
                    SELECT j.key AS o, j.value AS s
                    FROM sync_field f, json_each(f.vv) j
                    WHERE f.tbl = 'visit' AND f.row_id = NEW.id
                    UNION ALL SELECT substr(NEW.hlc, 18), NEW.hlc
                    UNION ALL SELECT substr(n.value, 18), n.value
                ) GROUP BY o))
        ELSE json_set(
            coalesce(
                (SELECT f.vv FROM sync_field f
                 WHERE f.tbl = 'visit' AND f.row_id = NEW.id AND f.field = n.key),
                json_object(
                    substr(coalesce(json_extract(OLD.stamps, '$."' || n.key || '"'), OLD.hlc), 18),
                    coalesce(json_extract(OLD.stamps, '$."' || n.key || '"'), OLD.hlc))),
            '$."' || substr(n.value, 18) || '"', n.value)
        END
    FROM json_each(NEW.stamps) n
    WHERE n.value IS NOT json_extract(OLD.stamps, '$."' || n.key || '"');
END;

CREATE TRIGGER visit_mentor_sync_field AFTER UPDATE OF stamps ON visit_mentor
WHEN NEW.stamps IS NOT OLD.stamps
BEGIN
    INSERT OR REPLACE INTO sync_field (tbl, row_id, field, stamp, origin, vv)
    SELECT 'visit_mentor', NEW.id, n.key, n.value, substr(n.value, 18),
        CASE WHEN n.key = '_cl' THEN (
            SELECT json_group_object(o, s) FROM (
                SELECT o, max(s) AS s FROM (
                    SELECT j.key AS o, j.value AS s
                    FROM sync_field f, json_each(f.vv) j
                    WHERE f.tbl = 'visit_mentor' AND f.row_id = NEW.id
                    UNION ALL SELECT substr(NEW.hlc, 18), NEW.hlc
                    UNION ALL SELECT substr(n.value, 18), n.value
                ) GROUP BY o))
        ELSE json_set(
            coalesce(
                (SELECT f.vv FROM sync_field f
                 WHERE f.tbl = 'visit_mentor' AND f.row_id = NEW.id AND f.field = n.key),
                json_object(
                    substr(coalesce(json_extract(OLD.stamps, '$."' || n.key || '"'), OLD.hlc), 18),
                    coalesce(json_extract(OLD.stamps, '$."' || n.key || '"'), OLD.hlc))),
            '$."' || substr(n.value, 18) || '"', n.value)
        END
    FROM json_each(NEW.stamps) n
    WHERE n.value IS NOT json_extract(OLD.stamps, '$."' || n.key || '"');
END;

CREATE TRIGGER visit_participant_sync_field AFTER UPDATE OF stamps ON visit_participant
WHEN NEW.stamps IS NOT OLD.stamps
BEGIN
    INSERT OR REPLACE INTO sync_field (tbl, row_id, field, stamp, origin, vv)
    SELECT 'visit_participant', NEW.id, n.key, n.value, substr(n.value, 18),
        CASE WHEN n.key = '_cl' THEN (
            SELECT json_group_object(o, s) FROM (
                SELECT o, max(s) AS s FROM (
                    SELECT j.key AS o, j.value AS s
                    FROM sync_field f, json_each(f.vv) j
                    WHERE f.tbl = 'visit_participant' AND f.row_id = NEW.id
                    UNION ALL SELECT substr(NEW.hlc, 18), NEW.hlc
                    UNION ALL SELECT substr(n.value, 18), n.value
                ) GROUP BY o))
        ELSE json_set(
            coalesce(
                (SELECT f.vv FROM sync_field f
                 WHERE f.tbl = 'visit_participant' AND f.row_id = NEW.id AND f.field = n.key),
                json_object(
                    substr(coalesce(json_extract(OLD.stamps, '$."' || n.key || '"'), OLD.hlc), 18),
                    coalesce(json_extract(OLD.stamps, '$."' || n.key || '"'), OLD.hlc))),
            '$."' || substr(n.value, 18) || '"', n.value)
        END
    FROM json_each(NEW.stamps) n
    WHERE n.value IS NOT json_extract(OLD.stamps, '$."' || n.key || '"');
END;

CREATE TRIGGER visit_obstacle_sync_field AFTER UPDATE OF stamps ON visit_obstacle
WHEN NEW.stamps IS NOT OLD.stamps
BEGIN
    INSERT OR REPLACE INTO sync_field (tbl, row_id, field, stamp, origin, vv)
    SELECT 'visit_obstacle', NEW.id, n.key, n.value, substr(n.value, 18),
        CASE WHEN n.key = '_cl' THEN (
            SELECT json_group_object(o, s) FROM (
                SELECT o, max(s) AS s FROM (
                    SELECT j.key AS o, j.value AS s
                    FROM sync_field f, json_each(f.vv) j
                    WHERE f.tbl = 'visit_obstacle' AND f.row_id = NEW.id
                    UNION ALL SELECT substr(NEW.hlc, 18), NEW.hlc
                    UNION ALL SELECT substr(n.value, 18), n.value
                ) GROUP BY o))
        ELSE json_set(
            coalesce(
                (SELECT f.vv FROM sync_field f
                 WHERE f.tbl = 'visit_obstacle' AND f.row_id = NEW.id AND f.field = n.key),
                json_object(
                    substr(coalesce(json_extract(OLD.stamps, '$."' || n.key || '"'), OLD.hlc), 18),
                    coalesce(json_extract(OLD.stamps, '$."' || n.key || '"'), OLD.hlc))),
            '$."' || substr(n.value, 18) || '"', n.value)
        END
    FROM json_each(NEW.stamps) n
    WHERE n.value IS NOT json_extract(OLD.stamps, '$."' || n.key || '"');
END;

CREATE TRIGGER visit_followup_sync_field AFTER UPDATE OF stamps ON visit_followup
WHEN NEW.stamps IS NOT OLD.stamps
BEGIN
    INSERT OR REPLACE INTO sync_field (tbl, row_id, field, stamp, origin, vv)
    SELECT 'visit_followup', NEW.id, n.key, n.value, substr(n.value, 18),
        CASE WHEN n.key = '_cl' THEN (
            SELECT json_group_object(o, s) FROM (
                SELECT o, max(s) AS s FROM (
                    SELECT j.key AS o, j.value AS s
                    FROM sync_field f, json_each(f.vv) j
                    WHERE f.tbl = 'visit_followup' AND f.row_id = NEW.id
                    UNION ALL SELECT substr(NEW.hlc, 18), NEW.hlc
                    UNION ALL SELECT substr(n.value, 18), n.value
                ) GROUP BY o))
        ELSE json_set(
            coalesce(
                (SELECT f.vv FROM sync_field f
                 WHERE f.tbl = 'visit_followup' AND f.row_id = NEW.id AND f.field = n.key),
                json_object(
                    substr(coalesce(json_extract(OLD.stamps, '$."' || n.key || '"'), OLD.hlc), 18),
                    coalesce(json_extract(OLD.stamps, '$."' || n.key || '"'), OLD.hlc))),
            '$."' || substr(n.value, 18) || '"', n.value)
        END
    FROM json_each(NEW.stamps) n
    WHERE n.value IS NOT json_extract(OLD.stamps, '$."' || n.key || '"');
END;

CREATE TRIGGER workplan_sync_field AFTER UPDATE OF stamps ON workplan
WHEN NEW.stamps IS NOT OLD.stamps
BEGIN
    INSERT OR REPLACE INTO sync_field (tbl, row_id, field, stamp, origin, vv)
    SELECT 'workplan', NEW.id, n.key, n.value, substr(n.value, 18),
        CASE WHEN n.key = '_cl' THEN (
            SELECT json_group_object(o, s) FROM (
                SELECT o, max(s) AS s FROM (
                    SELECT j.key AS o, j.value AS s
                    FROM sync_field f, json_each(f.vv) j
                    WHERE f.tbl = 'workplan' AND f.row_id = NEW.id
                    UNION ALL SELECT substr(NEW.hlc, 18), NEW.hlc
                    UNION ALL SELECT substr(n.value, 18), n.value
                ) GROUP BY o))
        ELSE json_set(
            coalesce(
                (SELECT f.vv FROM sync_field f
                 WHERE f.tbl = 'workplan' AND f.row_id = NEW.id AND f.field = n.key),
                json_object(
                    substr(coalesce(json_extract(OLD.stamps, '$."' || n.key || '"'), OLD.hlc), 18),
                    coalesce(json_extract(OLD.stamps, '$."' || n.key || '"'), OLD.hlc))),
            '$."' || substr(n.value, 18) || '"', n.value)
        END
    FROM json_each(NEW.stamps) n
    WHERE n.value IS NOT json_extract(OLD.stamps, '$."' || n.key || '"');
END;

CREATE TRIGGER workplan_activity_sync_field AFTER UPDATE OF stamps ON workplan_activity
WHEN NEW.stamps IS NOT OLD.stamps
BEGIN
    INSERT OR REPLACE INTO sync_field (tbl, row_id, field, stamp, origin, vv)
    SELECT 'workplan_activity', NEW.id, n.key, n.value, substr(n.value, 18),
        CASE WHEN n.key = '_cl' THEN (
            SELECT json_group_object(o, s) FROM (
                SELECT o, max(s) AS s FROM (
                    SELECT j.key AS o, j.value AS s
                    FROM sync_field f, json_each(f.vv) j
                    WHERE f.tbl = 'workplan_activity' AND f.row_id = NEW.id
                    UNION ALL SELECT substr(NEW.hlc, 18), NEW.hlc
                    UNION ALL SELECT substr(n.value, 18), n.value
                ) GROUP BY o))
        ELSE json_set(
            coalesce(
                (SELECT f.vv FROM sync_field f
                 WHERE f.tbl = 'workplan_activity' AND f.row_id = NEW.id AND f.field = n.key),
                json_object(
                    substr(coalesce(json_extract(OLD.stamps, '$."' || n.key || '"'), OLD.hlc), 18),
                    coalesce(json_extract(OLD.stamps, '$."' || n.key || '"'), OLD.hlc))),
            '$."' || substr(n.value, 18) || '"', n.value)
        END
    FROM json_each(NEW.stamps) n
    WHERE n.value IS NOT json_extract(OLD.stamps, '$."' || n.key || '"');
END;

CREATE TRIGGER attachment_sync_field AFTER UPDATE OF stamps ON attachment
WHEN NEW.stamps IS NOT OLD.stamps
BEGIN
    INSERT OR REPLACE INTO sync_field (tbl, row_id, field, stamp, origin, vv)
    SELECT 'attachment', NEW.id, n.key, n.value, substr(n.value, 18),
        CASE WHEN n.key = '_cl' THEN (
            SELECT json_group_object(o, s) FROM (
                SELECT o, max(s) AS s FROM (
                    SELECT j.key AS o, j.value AS s
                    FROM sync_field f, json_each(f.vv) j
                    WHERE f.tbl = 'attachment' AND f.row_id = NEW.id
                    UNION ALL SELECT substr(NEW.hlc, 18), NEW.hlc
                    UNION ALL SELECT substr(n.value, 18), n.value
                ) GROUP BY o))
        ELSE json_set(
            coalesce(
                (SELECT f.vv FROM sync_field f
                 WHERE f.tbl = 'attachment' AND f.row_id = NEW.id AND f.field = n.key),
                json_object(
                    substr(coalesce(json_extract(OLD.stamps, '$."' || n.key || '"'), OLD.hlc), 18),
                    coalesce(json_extract(OLD.stamps, '$."' || n.key || '"'), OLD.hlc))),
            '$."' || substr(n.value, 18) || '"', n.value)
        END
    FROM json_each(NEW.stamps) n
    WHERE n.value IS NOT json_extract(OLD.stamps, '$."' || n.key || '"');
END;
