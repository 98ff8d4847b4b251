"""The JIPP domain as peewee models.

Every record that travels between laptops (``SyncedModel``) has a UUID ``id``,
a creation stamp ``hlc`` and per-field stamps ``stamps`` (only the fields that
changed after creation), a causal length ``cl`` (odd = alive, even = deleted;
each delete or restore adds one, so merges take the maximum), and the times and
device of its last change.  ``seq`` is a local integer row key that full-text
indexes and list views use; it never leaves the laptop.

The tables are created by the SQL migrations in db/migrations, not by peewee.
"""

from __future__ import annotations

from typing import Any

import peewee

from jipp_desktop.core import cipher
from jipp_desktop.core.fields import (
    CategoryText,
    DateText,
    EnumText,
    Flag,
    LongText,
    Number,
    RefId,
    RegionCode,
    ShortText,
    Year,
)

# The database the models use (core/engine.py binds it): the data folder's SQLite file
# through ``sqlite_database``, one object for the process as threads keep connections to
# it, or the ministry's PostgreSQL database.
sqlite_database = cipher.Database(None)
database = peewee.DatabaseProxy()
database.initialize(sqlite_database)


class BaseModel(peewee.Model):
    class Meta:
        database = database
        legacy_table_names = False


class Setting(BaseModel):
    """Local key/value settings of this installation (never synced)."""

    key = peewee.CharField(primary_key=True)
    value = peewee.TextField()


class Province(BaseModel):
    code = peewee.CharField(primary_key=True, max_length=2)
    name = peewee.CharField()


class Regency(BaseModel):
    code = peewee.CharField(primary_key=True, max_length=5)
    province_code = peewee.CharField(max_length=2)
    name = peewee.CharField()
    kind = peewee.CharField()


class SyncedModel(BaseModel):
    seq = peewee.AutoField()
    id = peewee.CharField(unique=True, max_length=36)
    hlc = peewee.CharField()
    stamps = peewee.TextField(default="{}")
    cl = peewee.IntegerField(default=1)
    deleted = peewee.BooleanField(default=False)
    created_at = peewee.CharField()
    updated_at = peewee.CharField()
    updated_by = peewee.CharField()


class Agency(SyncedModel):
    name = ShortText(("Nama Instansi", "Agency name"), required=True)
    short_name = ShortText(("Singkatan", "Short name"), max_length=60)
    level = EnumText(("Tingkat", "Level"), "agency_level")
    province_code = RegionCode(("Provinsi", "Province"), "province")
    regency_code = RegionCode(("Kabupaten/Kota", "Regency/city"), "regency")


class Hub(SyncedModel):
    province_code = RegionCode(("Provinsi", "Province"), "province", required=True)
    name = ShortText(("Nama Simpul", "Hub name"), required=True)
    status = EnumText(("Status", "Status"), "hub_status", default="candidate")
    year_designated = Year(("Tahun Penetapan", "Year designated"))
    decree_number = ShortText(("Nomor Keputusan", "Decree number"), max_length=120)
    decree_date = DateText(("Tanggal Keputusan", "Decree date"))
    coordinating_agency_id = RefId(("Instansi Koordinator", "Coordinating agency"), "agency")
    portal_name = ShortText(("Nama Portal", "Portal name"), max_length=120)
    notes = LongText(("Catatan", "Notes"))


class Innovation(SyncedModel):
    title = ShortText(("Judul Inovasi", "Innovation title"), required=True)
    agency_id = RefId(("Instansi", "Agency"), "agency")
    province_code = RegionCode(("Provinsi", "Province"), "province", required=True)
    regency_code = RegionCode(("Kabupaten/Kota", "Regency/city"), "regency")
    category = CategoryText(("Kategori", "Category"))
    cluster = EnumText(("Klaster", "Cluster"), "cluster", required=False)
    stage = EnumText(("Tahapan", "Stage"), "innovation_stage", default="initiative")
    is_digital = Flag(("Inovasi Digital", "Digital innovation"))
    year_started = Year(("Tahun Mulai", "Year started"))
    problem = LongText(("Permasalahan", "Problem"))
    solution = LongText(("Solusi / Rancang Bangun", "Solution / design"))
    novelty = LongText(("Kebaruan", "Novelty"))
    results = LongText(("Hasil dan Manfaat", "Results and benefits"))
    beneficiaries = LongText(("Penerima Manfaat", "Beneficiaries"))
    awards = LongText(("Penghargaan", "Awards"))
    tags = ShortText(("Kata Kunci", "Tags"))
    contact_name = ShortText(("Narahubung", "Contact person"), max_length=120)
    contact_phone = ShortText(("Telepon Narahubung", "Contact phone"), max_length=40)
    contact_email = ShortText(("Surel Narahubung", "Contact e-mail"), max_length=120)


class Commitment(SyncedModel):
    kind = EnumText(("Jenis Komitmen", "Commitment kind"), "commitment_kind")
    number = ShortText(("Nomor", "Number"), max_length=120)
    signed_on = DateText(("Tanggal", "Date"), required=True)
    place_regency_code = RegionCode(
        ("Tempat Penandatanganan", "Place of signing"), "regency", required=True
    )
    event_name = ShortText(("Nama Kegiatan", "Event"))
    province_code = RegionCode(("Provinsi", "Province"), "province", required=True)
    hub_id = RefId(("Simpul Inovasi", "Innovation hub"), "hub")
    text = LongText(("Isi Komitmen", "Commitment text"), required=True)


class CommitmentSignatory(SyncedModel):
    commitment_id = RefId(("Komitmen", "Commitment"), "commitment", required=True)
    sort_order = Number(("Urutan", "Order"), maximum=999)
    name = ShortText(("Nama", "Name"), required=True, max_length=160)
    position = ShortText(("Jabatan", "Position"), required=True, max_length=200)
    institution = ShortText(("Instansi", "Institution"), required=True, max_length=200)
    party = EnumText(("Pihak", "Party"), "signatory_party", required=False)
    nip = ShortText(("NIP", "NIP"), max_length=18)
    rank = ShortText(("Pangkat/Golongan", "Rank/grade"), max_length=80)


class Replication(SyncedModel):
    innovation_id = RefId(("Inovasi Asal", "Source innovation"), "innovation", required=True)
    adopting_agency_id = RefId(("Instansi Replikator", "Adopting agency"), "agency")
    province_code = RegionCode(("Provinsi", "Province"), "province", required=True)
    regency_code = RegionCode(("Kabupaten/Kota", "Regency/city"), "regency")
    status = EnumText(("Status", "Status"), "replication_status", default="preparation")
    started_on = DateText(("Tanggal Mulai", "Start date"))
    commitment_id = RefId(("Pernyataan Komitmen", "Commitment statement"), "commitment")
    notes = LongText(("Catatan", "Notes"))


class ReplicationStep(SyncedModel):
    replication_id = RefId(("Replikasi", "Replication"), "replication", required=True)
    sort_order = Number(("Urutan", "Order"), maximum=999)
    activity = ShortText(("Kegiatan", "Activity"), required=True)
    output = ShortText(("Keluaran", "Output"))
    person_in_charge = ShortText(("Penanggung Jawab", "Person in charge"), max_length=160)
    target_date = DateText(("Target Tanggal", "Target date"))
    done_date = DateText(("Tanggal Selesai", "Date done"))
    status = EnumText(("Status", "Status"), "task_status", default="not_started")


class Visit(SyncedModel):
    hub_id = RefId(("Simpul Inovasi", "Innovation hub"), "hub", required=True)
    start_date = DateText(("Tanggal Mulai", "Start date"), required=True)
    end_date = DateText(("Tanggal Selesai", "End date"))
    regency_code = RegionCode(
        ("Tempat (Kabupaten/Kota)", "Place (regency/city)"), "regency", required=True
    )
    place = ShortText(("Lokasi", "Venue"))
    agenda = LongText(("Agenda", "Agenda"))
    findings = LongText(("Temuan", "Findings"))
    notes = LongText(("Catatan", "Notes"))


class VisitMentor(SyncedModel):
    visit_id = RefId(("Kunjungan", "Visit"), "visit", required=True)
    sort_order = Number(("Urutan", "Order"), maximum=999)
    name = ShortText(("Nama", "Name"), required=True, max_length=160)
    institution = ShortText(("Instansi", "Institution"), required=True, max_length=200)


class VisitParticipant(SyncedModel):
    visit_id = RefId(("Kunjungan", "Visit"), "visit", required=True)
    sort_order = Number(("Urutan", "Order"), maximum=999)
    name = ShortText(("Nama", "Name"), required=True, max_length=160)
    position = ShortText(("Jabatan", "Position"), max_length=200)
    institution = ShortText(("Instansi", "Institution"), max_length=200)


class VisitObstacle(SyncedModel):
    visit_id = RefId(("Kunjungan", "Visit"), "visit", required=True)
    sort_order = Number(("Urutan", "Order"), maximum=999)
    category = EnumText(("Kategori", "Category"), "obstacle_category", default="other")
    description = LongText(("Uraian Hambatan", "Description"), required=True)
    severity = EnumText(("Tingkat", "Severity"), "severity", default="medium")


class VisitFollowUp(SyncedModel):
    class Meta:
        table_name = "visit_followup"

    visit_id = RefId(("Kunjungan", "Visit"), "visit", required=True)
    sort_order = Number(("Urutan", "Order"), maximum=999)
    action = ShortText(("Tindak Lanjut", "Action"), required=True, max_length=500)
    owner = ShortText(("Penanggung Jawab", "Owner"), max_length=160)
    due_date = DateText(("Tenggat", "Due date"))
    status = EnumText(("Status", "Status"), "task_status", default="not_started")
    done_date = DateText(("Tanggal Selesai", "Date done"))


class WorkPlan(SyncedModel):
    class Meta:
        table_name = "workplan"

    hub_id = RefId(("Simpul Inovasi", "Innovation hub"), "hub", required=True)
    year = Year(("Tahun", "Year"), required=True, ahead=5)
    title = ShortText(("Judul Rencana", "Plan title"), required=True)
    notes = LongText(("Catatan", "Notes"))


class WorkPlanActivity(SyncedModel):
    class Meta:
        table_name = "workplan_activity"

    workplan_id = RefId(("Rencana Kegiatan", "Work plan"), "workplan", required=True)
    sort_order = Number(("Urutan", "Order"), maximum=999)
    name = ShortText(("Kegiatan", "Activity"), required=True)
    aim = ShortText(("Tujuan", "Aim"))
    output = ShortText(("Target/Keluaran", "Target/output"))
    start_month = Number(("Bulan Mulai", "Start month"), minimum=1, maximum=12)
    end_month = Number(("Bulan Selesai", "End month"), minimum=1, maximum=12)
    place = ShortText(("Tempat", "Place"))
    person_in_charge = ShortText(("Penanggung Jawab", "Person in charge"), max_length=160)
    budget = Number(("Anggaran (Rp)", "Budget (IDR)"))
    aspect = EnumText(("Aspek Kematangan", "Maturity aspect"), "maturity_aspect", required=False)
    status = EnumText(("Status", "Status"), "task_status", default="not_started")
    obstacles = LongText(("Hambatan", "Obstacles"))


class Attachment(SyncedModel):
    """A file (photo, scan, PDF) kept once by content hash in the data folder."""

    record_type = peewee.CharField(max_length=20)
    record_id = peewee.CharField(max_length=36)
    sha256 = peewee.CharField(max_length=64)
    filename = ShortText(("Nama Berkas", "File name"), required=True, max_length=255)
    mime = peewee.CharField(max_length=100)
    size = peewee.IntegerField()
    role = ShortText(("Peran", "Role"), max_length=40)
    caption = ShortText(("Keterangan", "Caption"))


class Audit(BaseModel):
    """One changed field of one record: who, where, when, old and new value.
    ``workstation`` is empty in entries written before schema version 12."""

    at = peewee.CharField()
    device = peewee.CharField()
    actor = peewee.CharField()
    workstation = peewee.CharField(default="")
    record_type = peewee.CharField()
    record_id = peewee.CharField()
    action = peewee.CharField()
    field = peewee.CharField(null=True)
    old = peewee.TextField(null=True)
    new = peewee.TextField(null=True)


SYNC_COLUMNS = frozenset(SyncedModel._meta.fields)


def synced_order(model: type[SyncedModel]) -> tuple[Any, ...]:
    """The order rows of ``model`` list in on every laptop: the officer's ``sort_order``
    (child rows), then the creation stamp, then the id.  Each is synced data, so two
    laptops with the same dataset digest list child rows, attachments and report lines
    the same (``seq`` is a local row number: each laptop numbers rows in arrival order)."""
    fields = model._meta.fields
    first = (fields["sort_order"],) if "sort_order" in fields else ()
    return (*first, model.hlc, model.id)


def alive(model: type[SyncedModel]) -> Any:
    """The condition "not in the trash" (peewee builds the SQL from ``==``)."""
    return model.deleted == 0


def result_tuples(query: Any) -> list[tuple[Any, ...]]:
    """A query's rows as plain tuples (peewee's stubs type ``.tuples()`` rows as models)."""
    return [tuple(row) for row in query.tuples()]
