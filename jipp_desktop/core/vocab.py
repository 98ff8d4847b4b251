"""Controlled vocabularies: stored value -> (Indonesian label, English label).

Stored values are short English codes so data is language-neutral; the screens
and reports show the label in the user's language.
"""

from __future__ import annotations

Labels = dict[str, tuple[str, str]]

HUB_STATUS: Labels = {
    "candidate": ("Calon", "Candidate"),
    "active": ("Aktif", "Active"),
    "not_optimal": ("Belum Berjalan Optimal", "Not running optimally"),
    "inactive": ("Tidak Aktif", "Inactive"),
}

AGENCY_LEVEL: Labels = {
    "ministry": ("Kementerian", "Ministry"),
    "agency": ("Lembaga", "Agency"),
    "province": ("Pemerintah Provinsi", "Provincial government"),
    "regency": ("Pemerintah Kabupaten", "Regency government"),
    "city": ("Pemerintah Kota", "City government"),
    "bumn": ("BUMN", "State-owned enterprise"),
    "bumd": ("BUMD", "Regional-owned enterprise"),
    "partner": ("Mitra Pembangunan", "Development partner"),
}

# KIPP clusters (klaster) follow the agency levels that take part in the competition.
CLUSTER: Labels = {
    k: AGENCY_LEVEL[k]
    for k in ("ministry", "agency", "province", "regency", "city", "bumn", "bumd")
}

INNOVATION_STAGE: Labels = {
    "initiative": ("Inisiatif", "Initiative"),
    "trial": ("Uji Coba", "Trial"),
    "implementation": ("Penerapan", "Implementation"),
}

REPLICATION_STATUS: Labels = {
    "preparation": ("Persiapan", "Preparation"),
    "planning": ("Rencana dan Pengembangan", "Planning and development"),
    "implementation": ("Pelaksanaan Replikasi", "Implementation"),
    "evaluation": ("Evaluasi", "Evaluation"),
    "completed": ("Selesai", "Completed"),
    "cancelled": ("Dibatalkan", "Cancelled"),
}

TASK_STATUS: Labels = {
    "not_started": ("Belum Dimulai", "Not started"),
    "ongoing": ("Berjalan", "Ongoing"),
    "done": ("Selesai", "Done"),
    "delayed": ("Tertunda", "Delayed"),
    "cancelled": ("Dibatalkan", "Cancelled"),
}

COMMITMENT_KIND: Labels = {
    "hub_formation": ("Komitmen Pembentukan Simpul Inovasi", "Hub formation commitment"),
    "replication": (
        "Pernyataan Komitmen Implementasi Replikasi",
        "Replication implementation commitment",
    ),
    "other": ("Komitmen Lainnya", "Other commitment"),
}

SIGNATORY_PARTY: Labels = {
    "kemenpanrb": ("Kementerian PANRB", "Ministry of Administrative Reform"),
    "bappenas": ("Kementerian PPN/Bappenas", "Ministry of National Development Planning"),
    "kemendagri": ("Kementerian Dalam Negeri", "Ministry of Home Affairs"),
    "partner": ("Mitra Pembangunan", "Development partner"),
    "provincial_government": ("Pemerintah Provinsi", "Provincial government"),
    "regional_government": ("Pemerintah Kabupaten/Kota", "Regency/city government"),
    "other": ("Lainnya", "Other"),
}

SEVERITY: Labels = {
    "low": ("Rendah", "Low"),
    "medium": ("Sedang", "Medium"),
    "high": ("Tinggi", "High"),
}

# Obstacle categories are not standardised nationally; these follow the hub
# maturity aspects and the usual IID variables (regulation, people, budget, IT).
OBSTACLE_CATEGORY: Labels = {
    "regulation": ("Regulasi dan Kebijakan", "Regulation and policy"),
    "human_resources": ("Sumber Daya Manusia", "Human resources"),
    "budget": ("Anggaran", "Budget"),
    "technology": ("Teknologi Informasi", "Information technology"),
    "institutional": ("Kelembagaan", "Institutions"),
    "coordination": ("Koordinasi", "Coordination"),
    "data": ("Data dan Informasi", "Data and information"),
    "other": ("Lainnya", "Other"),
}

MATURITY_ASPECT: Labels = {
    "planning": ("Perencanaan", "Planning"),
    "institutionalisation": ("Pelembagaan", "Institutionalisation"),
    "dissemination": ("Penyebarluasan", "Dissemination"),
    "evaluation": ("Evaluasi", "Evaluation"),
}

VOCABULARIES: dict[str, Labels] = {
    "hub_status": HUB_STATUS,
    "agency_level": AGENCY_LEVEL,
    "cluster": CLUSTER,
    "innovation_stage": INNOVATION_STAGE,
    "replication_status": REPLICATION_STATUS,
    "task_status": TASK_STATUS,
    "commitment_kind": COMMITMENT_KIND,
    "signatory_party": SIGNATORY_PARTY,
    "severity": SEVERITY,
    "obstacle_category": OBSTACLE_CATEGORY,
    "maturity_aspect": MATURITY_ASPECT,
}


def label(vocab: str, value: str | None, lang: str = "id") -> str:
    """The label of ``value`` in ``lang``; unknown values are shown as stored."""
    if value is None:
        return ""
    pair = VOCABULARIES[vocab].get(value)
    if pair is None:
        return value
    return pair[0] if lang == "id" else pair[1]
