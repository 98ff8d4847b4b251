-- A change marker that every write to the data the dataset digest covers moves on, by
-- any path (the record service, a sync import, a conflict choice, plain SQL): the digest
-- printed on every report is cached against it instead of being recomputed per report
-- (10 s on national data). Triggers fire per row, so the marker moves inside the same
-- transaction as the write and a rolled-back write leaves it where it was.
CREATE TABLE change_marker (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    counter INTEGER NOT NULL
);
INSERT INTO change_marker (id, counter) VALUES (1, 0);

CREATE TRIGGER agency_marker_insert AFTER INSERT ON agency
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER agency_marker_update AFTER UPDATE ON agency
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER agency_marker_delete AFTER DELETE ON agency
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER hub_marker_insert AFTER INSERT ON hub
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER hub_marker_update AFTER UPDATE ON hub
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER hub_marker_delete AFTER DELETE ON hub
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER innovation_marker_insert AFTER INSERT ON innovation
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER innovation_marker_update AFTER UPDATE ON innovation
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER innovation_marker_delete AFTER DELETE ON innovation
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER commitment_marker_insert AFTER INSERT ON commitment
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER commitment_marker_update AFTER UPDATE ON commitment
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER commitment_marker_delete AFTER DELETE ON commitment
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER commitment_signatory_marker_insert AFTER INSERT ON commitment_signatory
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER commitment_signatory_marker_update AFTER UPDATE ON commitment_signatory
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER commitment_signatory_marker_delete AFTER DELETE ON commitment_signatory
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER replication_marker_insert AFTER INSERT ON replication
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER replication_marker_update AFTER UPDATE ON replication
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER replication_marker_delete AFTER DELETE ON replication
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER replication_step_marker_insert AFTER INSERT ON replication_step
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER replication_step_marker_update AFTER UPDATE ON replication_step
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER replication_step_marker_delete AFTER DELETE ON replication_step
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER visit_marker_insert AFTER INSERT ON visit
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER visit_marker_update AFTER UPDATE ON visit
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER visit_marker_delete AFTER DELETE ON visit
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER visit_mentor_marker_insert AFTER INSERT ON visit_mentor
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER visit_mentor_marker_update AFTER UPDATE ON visit_mentor
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER visit_mentor_marker_delete AFTER DELETE ON visit_mentor
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER visit_participant_marker_insert AFTER INSERT ON visit_participant
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER visit_participant_marker_update AFTER UPDATE ON visit_participant
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER visit_participant_marker_delete AFTER DELETE ON visit_participant
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER visit_obstacle_marker_insert AFTER INSERT ON visit_obstacle
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER visit_obstacle_marker_update AFTER UPDATE ON visit_obstacle
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER visit_obstacle_marker_delete AFTER DELETE ON visit_obstacle
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER visit_followup_marker_insert AFTER INSERT ON visit_followup
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER visit_followup_marker_update AFTER UPDATE ON visit_followup
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER visit_followup_marker_delete AFTER DELETE ON visit_followup
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER workplan_marker_insert AFTER INSERT ON workplan
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER workplan_marker_update AFTER UPDATE ON workplan
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER workplan_marker_delete AFTER DELETE ON workplan
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER workplan_activity_marker_insert AFTER INSERT ON workplan_activity
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER workplan_activity_marker_update AFTER UPDATE ON workplan_activity
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER workplan_activity_marker_delete AFTER DELETE ON workplan_activity
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER attachment_marker_insert AFTER INSERT ON attachment
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER attachment_marker_update AFTER UPDATE ON attachment
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER attachment_marker_delete AFTER DELETE ON attachment
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER sync_conflict_marker_insert AFTER INSERT ON sync_conflict
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER sync_conflict_marker_update AFTER UPDATE ON sync_conflict
BEGIN UPDATE change_marker SET counter = counter + 1; END;
CREATE TRIGGER sync_conflict_marker_delete AFTER DELETE ON sync_conflict
BEGIN UPDATE change_marker SET counter = counter + 1; END;
