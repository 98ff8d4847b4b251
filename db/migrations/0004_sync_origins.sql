-- Schema version 4: let an incremental export find new rows without reading every row.
--
-- A row is new to a peer when its creation stamp is newer than the peer's vector for the
-- row's origin device (the stamp's tail after character 17).  An index on (origin, stamp)
-- per table turns that into one short range read per origin; sync_origin lists the origin
-- devices whose rows this database holds, so the export knows which ranges to read.

CREATE TABLE sync_origin (
    origin TEXT PRIMARY KEY
) WITHOUT ROWID;

CREATE INDEX agency_origin_hlc ON agency (substr(hlc, 18), hlc);
INSERT OR IGNORE INTO sync_origin (origin) SELECT DISTINCT substr(hlc, 18) FROM agency;
CREATE INDEX hub_origin_hlc ON hub (substr(hlc, 18), hlc);
INSERT OR IGNORE INTO sync_origin (origin) SELECT DISTINCT substr(hlc, 18) FROM hub;
CREATE INDEX innovation_origin_hlc ON innovation (substr(hlc, 18), hlc);
INSERT OR IGNORE INTO sync_origin (origin) SELECT DISTINCT substr(hlc, 18) FROM innovation;
CREATE INDEX commitment_origin_hlc ON commitment (substr(hlc, 18), hlc);
INSERT OR IGNORE INTO sync_origin (origin) SELECT DISTINCT substr(hlc, 18) FROM commitment;
CREATE INDEX commitment_signatory_origin_hlc ON commitment_signatory (substr(hlc, 18), hlc);
INSERT OR IGNORE INTO sync_origin (origin) SELECT DISTINCT substr(hlc, 18) FROM commitment_signatory;
CREATE INDEX replication_origin_hlc ON replication (substr(hlc, 18), hlc);
INSERT OR IGNORE INTO sync_origin (origin) SELECT DISTINCT substr(hlc, 18) FROM replication;
CREATE INDEX replication_step_origin_hlc ON replication_step (substr(hlc, 18), hlc);
INSERT OR IGNORE INTO sync_origin (origin) SELECT DISTINCT substr(hlc, 18) FROM replication_step;
CREATE INDEX visit_origin_hlc ON visit (substr(hlc, 18), hlc);
INSERT OR IGNORE INTO sync_origin (origin) SELECT DISTINCT substr(hlc, 18) FROM visit;
CREATE INDEX visit_mentor_origin_hlc ON visit_mentor (substr(hlc, 18), hlc);
INSERT OR IGNORE INTO sync_origin (origin) SELECT DISTINCT substr(hlc, 18) FROM visit_mentor;
CREATE INDEX visit_participant_origin_hlc ON visit_participant (substr(hlc, 18), hlc);
INSERT OR IGNORE INTO sync_origin (origin) SELECT DISTINCT substr(hlc, 18) FROM visit_participant;
CREATE INDEX visit_obstacle_origin_hlc ON visit_obstacle (substr(hlc, 18), hlc);
INSERT OR IGNORE INTO sync_origin (origin) SELECT DISTINCT substr(hlc, 18) FROM visit_obstacle;
CREATE INDEX visit_followup_origin_hlc ON visit_followup (substr(hlc, 18), hlc);
INSERT OR IGNORE INTO sync_origin (origin) SELECT DISTINCT substr(hlc, 18) FROM visit_followup;
CREATE INDEX workplan_origin_hlc ON workplan (substr(hlc, 18), hlc);
INSERT OR IGNORE INTO sync_origin (origin) SELECT DISTINCT substr(hlc, 18) FROM workplan;
CREATE INDEX workplan_activity_origin_hlc ON workplan_activity (substr(hlc, 18), hlc);
INSERT OR IGNORE INTO sync_origin (origin) SELECT DISTINCT substr(hlc, 18) FROM workplan_activity;
CREATE INDEX attachment_origin_hlc ON attachment (substr(hlc, 18), hlc);
INSERT OR IGNORE INTO sync_origin (origin) SELECT DISTINCT substr(hlc, 18) FROM attachment;
