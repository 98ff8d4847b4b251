-- Schema version 12: each audit entry names the workstation the change was made at.
--
-- The actor (the officer's name) does not say where: two workstations of the ministry's
-- shared database may have officers of the same name, and an officer may move between
-- workstations.  `workstation` is the name the app gives the place a change was made
-- (core/workspace.py Workspace.workstation: on a laptop the laptop's name, on a shared
-- database the workstation's own name, set in Pengaturan).  Entries written before this
-- version do not know it: they keep the empty text, shown as unknown.

ALTER TABLE audit ADD COLUMN workstation TEXT NOT NULL DEFAULT '';
