-- Schema version 1: reference regions, local settings, the JIPP records and the audit trail.
-- Every synced table shares the sync columns described in jipp_desktop/core/models.py.
-- Foreign keys are deferred so a sync import may insert parents and children in any order
-- inside its one transaction; they are checked at commit.

CREATE TABLE setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE province (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE regency (
    code TEXT PRIMARY KEY,
    province_code TEXT NOT NULL REFERENCES province(code),
    name TEXT NOT NULL,
    kind TEXT NOT NULL
);

CREATE TABLE agency (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    short_name TEXT,
    level TEXT NOT NULL,
    province_code TEXT REFERENCES province(code) DEFERRABLE INITIALLY DEFERRED,
    regency_code TEXT REFERENCES regency(code) DEFERRABLE INITIALLY DEFERRED,
    hlc TEXT NOT NULL,
    stamps TEXT NOT NULL DEFAULT '{}',
    cl INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

CREATE TABLE hub (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    province_code TEXT NOT NULL REFERENCES province(code) DEFERRABLE INITIALLY DEFERRED,
    name TEXT NOT NULL,
    status TEXT NOT NULL,
    year_designated INTEGER,
    decree_number TEXT,
    decree_date TEXT,
    coordinating_agency_id TEXT REFERENCES agency(id) DEFERRABLE INITIALLY DEFERRED,
    portal_name TEXT,
    notes TEXT,
    hlc TEXT NOT NULL,
    stamps TEXT NOT NULL DEFAULT '{}',
    cl INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

CREATE TABLE innovation (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    agency_id TEXT REFERENCES agency(id) DEFERRABLE INITIALLY DEFERRED,
    province_code TEXT NOT NULL REFERENCES province(code) DEFERRABLE INITIALLY DEFERRED,
    regency_code TEXT REFERENCES regency(code) DEFERRABLE INITIALLY DEFERRED,
    category TEXT,
    cluster TEXT,
    stage TEXT NOT NULL,
    is_digital INTEGER NOT NULL DEFAULT 0,
    year_started INTEGER,
    problem TEXT,
    solution TEXT,
    novelty TEXT,
    results TEXT,
    beneficiaries TEXT,
    awards TEXT,
    tags TEXT,
    contact_name TEXT,
    contact_phone TEXT,
    contact_email TEXT,
    hlc TEXT NOT NULL,
    stamps TEXT NOT NULL DEFAULT '{}',
    cl INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

CREATE TABLE commitment (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    number TEXT,
    signed_on TEXT NOT NULL,
    place_regency_code TEXT NOT NULL REFERENCES regency(code) DEFERRABLE INITIALLY DEFERRED,
    event_name TEXT,
    province_code TEXT NOT NULL REFERENCES province(code) DEFERRABLE INITIALLY DEFERRED,
    hub_id TEXT REFERENCES hub(id) DEFERRABLE INITIALLY DEFERRED,
    text TEXT NOT NULL,
    hlc TEXT NOT NULL,
    stamps TEXT NOT NULL DEFAULT '{}',
    cl INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

CREATE TABLE commitment_signatory (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    commitment_id TEXT NOT NULL REFERENCES commitment(id) DEFERRABLE INITIALLY DEFERRED,
    sort_order INTEGER,
    name TEXT NOT NULL,
    position TEXT NOT NULL,
    institution TEXT NOT NULL,
    party TEXT,
    nip TEXT,
    rank TEXT,
    hlc TEXT NOT NULL,
    stamps TEXT NOT NULL DEFAULT '{}',
    cl INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

CREATE TABLE replication (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    innovation_id TEXT NOT NULL REFERENCES innovation(id) DEFERRABLE INITIALLY DEFERRED,
    adopting_agency_id TEXT REFERENCES agency(id) DEFERRABLE INITIALLY DEFERRED,
    province_code TEXT NOT NULL REFERENCES province(code) DEFERRABLE INITIALLY DEFERRED,
    regency_code TEXT REFERENCES regency(code) DEFERRABLE INITIALLY DEFERRED,
    status TEXT NOT NULL,
    started_on TEXT,
    commitment_id TEXT REFERENCES commitment(id) DEFERRABLE INITIALLY DEFERRED,
    notes TEXT,
    hlc TEXT NOT NULL,
    stamps TEXT NOT NULL DEFAULT '{}',
    cl INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

CREATE TABLE replication_step (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    replication_id TEXT NOT NULL REFERENCES replication(id) DEFERRABLE INITIALLY DEFERRED,
    sort_order INTEGER,
    activity TEXT NOT NULL,
    output TEXT,
    person_in_charge TEXT,
    target_date TEXT,
    done_date TEXT,
    status TEXT NOT NULL,
    hlc TEXT NOT NULL,
    stamps TEXT NOT NULL DEFAULT '{}',
    cl INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

CREATE TABLE visit (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    hub_id TEXT NOT NULL REFERENCES hub(id) DEFERRABLE INITIALLY DEFERRED,
    start_date TEXT NOT NULL,
    end_date TEXT,
    regency_code TEXT NOT NULL REFERENCES regency(code) DEFERRABLE INITIALLY DEFERRED,
    place TEXT,
    agenda TEXT,
    findings TEXT,
    notes TEXT,
    hlc TEXT NOT NULL,
    stamps TEXT NOT NULL DEFAULT '{}',
    cl INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

CREATE TABLE visit_mentor (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    visit_id TEXT NOT NULL REFERENCES visit(id) DEFERRABLE INITIALLY DEFERRED,
    sort_order INTEGER,
    name TEXT NOT NULL,
    institution TEXT NOT NULL,
    hlc TEXT NOT NULL,
    stamps TEXT NOT NULL DEFAULT '{}',
    cl INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

CREATE TABLE visit_participant (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    visit_id TEXT NOT NULL REFERENCES visit(id) DEFERRABLE INITIALLY DEFERRED,
    sort_order INTEGER,
    name TEXT NOT NULL,
    position TEXT,
    institution TEXT,
    hlc TEXT NOT NULL,
    stamps TEXT NOT NULL DEFAULT '{}',
    cl INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

CREATE TABLE visit_obstacle (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    visit_id TEXT NOT NULL REFERENCES visit(id) DEFERRABLE INITIALLY DEFERRED,
    sort_order INTEGER,
    category TEXT NOT NULL,
    description TEXT NOT NULL,
    severity TEXT NOT NULL,
    hlc TEXT NOT NULL,
    stamps TEXT NOT NULL DEFAULT '{}',
    cl INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

CREATE TABLE visit_followup (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    visit_id TEXT NOT NULL REFERENCES visit(id) DEFERRABLE INITIALLY DEFERRED,
    sort_order INTEGER,
    action TEXT NOT NULL,
    owner TEXT,
    due_date TEXT,
    status TEXT NOT NULL,
    done_date TEXT,
    hlc TEXT NOT NULL,
    stamps TEXT NOT NULL DEFAULT '{}',
    cl INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

CREATE TABLE workplan (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    hub_id TEXT NOT NULL REFERENCES hub(id) DEFERRABLE INITIALLY DEFERRED,
    year INTEGER NOT NULL,
    title TEXT NOT NULL,
    notes TEXT,
    hlc TEXT NOT NULL,
    stamps TEXT NOT NULL DEFAULT '{}',
    cl INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

CREATE TABLE workplan_activity (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    workplan_id TEXT NOT NULL REFERENCES workplan(id) DEFERRABLE INITIALLY DEFERRED,
    sort_order INTEGER,
    name TEXT NOT NULL,
    aim TEXT,
    output TEXT,
    start_month INTEGER,
    end_month INTEGER,
    place TEXT,
    person_in_charge TEXT,
    budget INTEGER,
    aspect TEXT,
    status TEXT NOT NULL,
    obstacles TEXT,
    hlc TEXT NOT NULL,
    stamps TEXT NOT NULL DEFAULT '{}',
    cl INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

CREATE TABLE attachment (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    record_type TEXT NOT NULL,
    record_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    filename TEXT NOT NULL,
    mime TEXT NOT NULL,
    size INTEGER NOT NULL,
    role TEXT,
    caption TEXT,
    hlc TEXT NOT NULL,
    stamps TEXT NOT NULL DEFAULT '{}',
    cl INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);


CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    device TEXT NOT NULL,
    actor TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_id TEXT NOT NULL,
    action TEXT NOT NULL,
    field TEXT,
    old TEXT,
    new TEXT
);

CREATE INDEX audit_record ON audit (record_id, id);
CREATE INDEX regency_province ON regency (province_code);
CREATE INDEX agency_name ON agency (name);
CREATE INDEX hub_province ON hub (province_code);
CREATE INDEX innovation_province_title ON innovation (province_code, title);
CREATE INDEX innovation_title ON innovation (title);
CREATE INDEX innovation_agency ON innovation (agency_id);
CREATE INDEX innovation_regency ON innovation (regency_code);
CREATE INDEX commitment_province ON commitment (province_code, signed_on);
CREATE INDEX commitment_signatory_parent ON commitment_signatory (commitment_id);
CREATE INDEX replication_innovation ON replication (innovation_id);
CREATE INDEX replication_province ON replication (province_code);
CREATE INDEX replication_commitment ON replication (commitment_id);
CREATE INDEX replication_step_parent ON replication_step (replication_id);
CREATE INDEX visit_hub_date ON visit (hub_id, start_date);
CREATE INDEX visit_date ON visit (start_date);
CREATE INDEX visit_mentor_parent ON visit_mentor (visit_id);
CREATE INDEX visit_participant_parent ON visit_participant (visit_id);
CREATE INDEX visit_obstacle_parent ON visit_obstacle (visit_id);
CREATE INDEX visit_followup_parent ON visit_followup (visit_id);
CREATE INDEX visit_followup_due ON visit_followup (due_date);
CREATE INDEX workplan_hub ON workplan (hub_id, year);
CREATE INDEX workplan_activity_parent ON workplan_activity (workplan_id);
CREATE INDEX attachment_record ON attachment (record_id);
CREATE INDEX attachment_sha ON attachment (sha256);
