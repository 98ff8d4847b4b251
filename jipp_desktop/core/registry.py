"""The record types the app knows, their child tables and their user fields."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from jipp_desktop.core import models as m
from jipp_desktop.core.errors import UnknownRecordType
from jipp_desktop.core.fields import Described, Label, UserField


@dataclass(frozen=True)
class ChildSpec:
    """Rows owned by a parent record; they travel inside the parent's JSON as ``key``."""

    key: str
    model: type[m.SyncedModel]
    parent_field: str
    label: Label


@dataclass(frozen=True)
class RecordType:
    name: str
    model: type[m.SyncedModel]
    label: Label
    title_field: str
    default_sort: str
    children: tuple[ChildSpec, ...] = ()
    fts_table: str | None = None

    @property
    def table(self) -> str:
        return str(self.model._meta.table_name)


def _child(key: str, model: type[m.SyncedModel], parent: str, label: Label) -> ChildSpec:
    return ChildSpec(key, model, parent, label)


RECORD_TYPES: dict[str, RecordType] = {
    rt.name: rt
    for rt in (
        RecordType("hub", m.Hub, ("Simpul Inovasi", "Innovation hub"), "name", "province_code"),
        RecordType("agency", m.Agency, ("Instansi", "Agency"), "name", "name"),
        RecordType(
            "innovation",
            m.Innovation,
            ("Inovasi", "Innovation"),
            "title",
            "title",
            fts_table="innovation_fts",
        ),
        RecordType(
            "replication",
            m.Replication,
            ("Replikasi", "Replication"),
            "innovation_id",
            "started_on",
            (
                _child(
                    "steps",
                    m.ReplicationStep,
                    "replication_id",
                    ("Langkah Rencana Aksi", "Action plan steps"),
                ),
            ),
        ),
        RecordType(
            "commitment",
            m.Commitment,
            ("Komitmen", "Commitment"),
            "number",
            "signed_on",
            (
                _child(
                    "signatories",
                    m.CommitmentSignatory,
                    "commitment_id",
                    ("Penandatangan", "Signatories"),
                ),
            ),
        ),
        RecordType(
            "visit",
            m.Visit,
            ("Kunjungan Pendampingan", "Mentoring visit"),
            "place",
            "start_date",
            (
                _child("mentors", m.VisitMentor, "visit_id", ("Pendamping", "Mentors")),
                _child("participants", m.VisitParticipant, "visit_id", ("Peserta", "Participants")),
                _child("obstacles", m.VisitObstacle, "visit_id", ("Hambatan", "Obstacles")),
                _child("followups", m.VisitFollowUp, "visit_id", ("Tindak Lanjut", "Follow-ups")),
            ),
            fts_table="visit_fts",
        ),
        RecordType(
            "workplan",
            m.WorkPlan,
            ("Rencana Kegiatan", "Work plan"),
            "title",
            "year",
            (_child("activities", m.WorkPlanActivity, "workplan_id", ("Kegiatan", "Activities")),),
        ),
    )
}

# Every synced table in dependency order (parents before children), for dumps and sync.
SYNCED_MODELS: tuple[type[m.SyncedModel], ...] = (
    m.Agency,
    m.Hub,
    m.Innovation,
    m.Commitment,
    m.CommitmentSignatory,
    m.Replication,
    m.ReplicationStep,
    m.Visit,
    m.VisitMentor,
    m.VisitParticipant,
    m.VisitObstacle,
    m.VisitFollowUp,
    m.WorkPlan,
    m.WorkPlanActivity,
    m.Attachment,
)


def record_type(name: str) -> RecordType:
    try:
        return RECORD_TYPES[name]
    except KeyError:
        raise UnknownRecordType(name, list(RECORD_TYPES)) from None


@cache
def user_fields(model: type[m.SyncedModel]) -> tuple[UserField, ...]:
    """The fields a person or a JSON file may set, in declaration order."""
    fields = model._meta.sorted_fields
    return tuple(f for f in fields if f.name not in m.SYNC_COLUMNS and isinstance(f, Described))


def field_label(field: UserField, lang: str = "id") -> str:
    label: Label = field.label
    return label[0] if lang == "id" else label[1]
