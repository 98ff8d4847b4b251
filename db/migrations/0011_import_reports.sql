-- Schema version 11: import reports on the ministry's PostgreSQL database become rows of
-- its sync_report table (db/migrations/postgresql/0011_import_reports.sql), so that every
-- workstation sharing it lists them.  Nothing changes here: a laptop has one workstation,
-- and its reports stay files in its data folder (sync-reports/), sealed with the folder's
-- key when it is encrypted and listed as before.  The number is kept so that both engines
-- reach the same schema version.

SELECT 1;
