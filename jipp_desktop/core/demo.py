"""Deterministic demo data: a believable JIPP dataset to try, show and load-test the app.

``generate(records, size, seed)`` fills an open workspace through
``RecordService.create_many``, so every demo record passed the same validation as an
officer's own input.  The content is invented but follows the real shape of the domain
(shared/DOMAIN.md §1, §2, §6): hubs with their KepmenPANRB decrees, the 28 September 2022
hub-formation commitments signed in Kabupaten Manggarai Barat, innovations in the KIPP 2021
categories, replications with LAN-style action plans and commitment statements, mentoring
visits with obstacles and follow-ups, and yearly hub work plans.

Determinism: every random choice comes from ``random.Random(seed)`` and every date is fixed
(2020-2026), never derived from today, so one seed gives the same content on any machine on
any day.  Only the ids and timestamps that the record service assigns differ.

People, NIPs, document numbers, budgets and figures are fictional.  Real public offices appear
only as positions ("Deputi Bidang Pelayanan Publik"), never with a real person's name, and
e-mail addresses use the reserved ``.example`` domain so nobody can be mailed by accident.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from jipp_desktop.core import models, vocab
from jipp_desktop.core.services import Cancelled, Progress, RecordService
from jipp_desktop.core.validation import Regions

SIZES = ("small", "national")

Item = dict[str, Any]

# Records per create_many call: big enough that validation caches pay off, small enough that
# a national run never holds more than one batch of dicts in memory.
BATCH = 5_000

# Statuses are written as an officer would have recorded them in mid-2026: work due before
# this date is mostly done, later work is still open.  As real time passes, the open items
# due before "today" show up as overdue, which is what the reminder screens need to show.
STATUS_AS_OF = dt.date(2026, 6, 30)
_LAST_DAY = dt.date(2026, 12, 31)


@dataclass(frozen=True)
class _Size:
    hub_provinces: tuple[str, ...]
    # Provinces innovations come from; None means all 38.
    innovation_provinces: tuple[str, ...] | None
    # Regencies per province that get agencies (spokes) and units per regency; None = all.
    regencies_per_province: int | None
    units_per_regency: int | None
    innovations: int
    replications: int
    visits: int
    workplan_years: tuple[int, ...]


# The four provinces that signed the hub-formation commitment on 28 September 2022 [DOMAIN §1].
FORMATION_PROVINCES = ("12", "36", "53", "61")
# The 15 hub provinces of 2022, in the order of their designation.
HUB_PROVINCES_2022 = (
    "35",
    "16",
    "73",
    "33",
    "13",
    "19",
    "63",
    "75",
    "61",
    "14",
    "51",
    "81",
    "12",
    "36",
    "53",
)
_SMALL_PROVINCES = (*FORMATION_PROVINCES, "35", "73", "51")

_SIZES: dict[str, _Size] = {
    "small": _Size(_SMALL_PROVINCES, _SMALL_PROVINCES, 3, 5, 150, 30, 42, (2024, 2025, 2026)),
    "national": _Size(
        HUB_PROVINCES_2022, None, None, None, 100_000, 20_000, 50_000, (2023, 2024, 2025, 2026)
    ),
}

# ---------------------------------------------------------------------------------------------
# Reference facts (DOMAIN.md §1): designation year, decree, status and portal of each hub.

_DECREE_2020 = "Keputusan Menteri PANRB Nomor 94 Tahun 2020"
_DECREE_2021 = "Keputusan Menteri PANRB Nomor 359 Tahun 2021"
_HUB_FACTS: dict[str, tuple[int, str | None, str, str | None]] = {
    **{
        p: (2020, _DECREE_2020, "active", None)
        for p in ("35", "16", "73", "33", "13", "19", "63", "75")
    },
    **{p: (2021, _DECREE_2021, "active", None) for p in ("14", "51", "81")},
    # Kalbar was a hub since 2021 but "belum berjalan secara optimal" and re-signed in 2022.
    "61": (2021, _DECREE_2021, "not_optimal", "SARIVA"),
    # The 2022 designation "akan ditetapkan lebih lanjut"; its decree number is not known.
    "12": (2022, None, "active", None),
    "36": (2022, None, "active", None),
    "53": (2022, None, "active", "Lopo Inovasi Flobamorata"),
}
_FORMATION_DATE = "2022-09-28"
_FORMATION_PLACE = "53.15"  # Kabupaten Manggarai Barat, NTT
_FORMATION_EVENT = "Lokakarya Peer to Peer Learning Pembentukan Simpul Inovasi bersama USAID ERAT"

# KIPP 2021 categories (DOMAIN.md §3), as the app shows them.
KIPP_2021 = (
    "Pengentasan Kemiskinan",
    "Pendidikan",
    "Kesehatan",
    "Ketahanan Pangan",
    "Pertumbuhan Ekonomi dan Kesempatan Kerja",
    "Pemberdayaan Masyarakat",
    "Pelayanan Publik Responsif Gender",
    "Perlindungan dan Pelestarian Lingkungan Hidup",
    "Tata Kelola Pemerintahan",
    "Penegakan Hukum",
)

# ---------------------------------------------------------------------------------------------
# Agencies.  (key, full name prefix, short prefix); the region name is appended.

_NATIONAL_AGENCIES = (
    ("Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "KemenPANRB", "ministry"),
    (
        "Kementerian Perencanaan Pembangunan Nasional/Bappenas",
        "Kementerian PPN/Bappenas",
        "ministry",
    ),
    ("Kementerian Dalam Negeri", "Kemendagri", "ministry"),
    ("Lembaga Administrasi Negara", "LAN", "agency"),
    ("USAID-ERAT (Effective, Efficient and Strong Governance)", "USAID-ERAT", "partner"),
)
_PROVINCE_UNITS = (
    ("biro", "Biro Organisasi Sekretariat Daerah", "Biro Organisasi Setda"),
    ("bappeda", "", ""),  # named per province: Bappeda or BRIDA (see _planning_agency)
    ("dinkes", "Dinas Kesehatan", "Dinkes"),
    ("dpmptsp", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP"),
)
_REGENCY_UNITS = (
    ("dukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil"),
    ("puskesmas", "UPTD Puskesmas", "Puskesmas"),
    ("dinkes", "Dinas Kesehatan", "Dinkes"),
    ("rsud", "RSUD", "RSUD"),
    ("dpmptsp", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP"),
    ("disdik", "Dinas Pendidikan", "Disdik"),
    ("dinsos", "Dinas Sosial", "Dinsos"),
    ("pangan", "Dinas Ketahanan Pangan dan Pertanian", "DKPP"),
    ("bapenda", "Badan Pendapatan Daerah", "Bapenda"),
    ("dlh", "Dinas Lingkungan Hidup", "DLH"),
    ("dp3a", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "DP3A"),
    ("dpmd", "Dinas Pemberdayaan Masyarakat dan Desa", "DPMD"),  # kabupaten only: no desa in a kota
    ("satpolpp", "Satuan Polisi Pamong Praja", "Satpol PP"),
    ("bappeda", "", ""),
    ("diskominfo", "Dinas Komunikasi dan Informatika", "Diskominfo"),
)
# The small set always has these two, so the examples in the brief (adminduk, puskesmas) exist.
_SMALL_FIXED_UNITS = ("dukcapil", "puskesmas")
_PLANNING_NAMES = (
    ("Badan Perencanaan Pembangunan Daerah", "Bappeda"),
    ("Badan Riset dan Inovasi Daerah", "BRIDA"),
    ("Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", "Bapperida"),
)
_VILLAGES = (
    "Sukamaju",
    "Sidomulyo",
    "Tanjung Harapan",
    "Batu Putih",
    "Sungai Raya",
    "Kampung Baru",
    "Mekar Sari",
    "Karya Jaya",
    "Suka Damai",
    "Air Putih",
    "Lubuk Baru",
    "Padang Luas",
    "Bukit Indah",
    "Rawa Makmur",
    "Sumber Rejeki",
    "Teluk Dalam",
)

# ---------------------------------------------------------------------------------------------
# Innovation themes: which units run them, their KIPP categories and the parts that build
# titles and texts.  Combos pair a service with modifiers that actually fit it.


@dataclass(frozen=True)
class _Theme:
    key: str
    units: tuple[str, ...]
    categories: tuple[str, ...]
    combos: tuple[tuple[str, tuple[str, ...]], ...]
    brands: tuple[str, ...]
    digital: tuple[str, ...]
    obj: str
    audiences: tuple[str, ...]
    problems: tuple[str, ...]
    results: tuple[str, ...]
    tags: tuple[str, ...]


_THEMES: tuple[_Theme, ...] = (
    _Theme(
        "adminduk",
        ("dukcapil",),
        ("Tata Kelola Pemerintahan", "Pelayanan Publik Responsif Gender"),
        (
            (
                "Layanan Adminduk",
                ("Keliling", "Jemput Bola", "di Desa", "Malam Hari", "Tanpa Antre"),
            ),
            ("Perekaman KTP-el", ("Keliling", "di Sekolah", "Ramah Disabilitas", "Jemput Bola")),
            (
                "Penerbitan Akta Kelahiran",
                ("Terintegrasi Rumah Sakit", "Satu Hari Jadi", "di Desa"),
            ),
            ("Pencatatan Kematian", ("Terpadu", "Berbasis Desa")),
            ("Kartu Identitas Anak", ("Masuk Sekolah", "Keliling")),
        ),
        (
            "Si Cantik (Sistem Cepat Antar Akta Kelahiran)",
            "Gempita (Gerakan Menuju Pencatatan Identitas Anak)",
            "Si Pelita (Sistem Pelayanan Identitas Terpadu)",
            "Tas Siaga (Tuntas Akta dan Kartu Keluarga Siaga Desa)",
            "Dokumen Antar ke Rumah",
        ),
        ("E-Adminduk", "Adminduk Daring", "Aktivasi Identitas Kependudukan Digital"),
        "dokumen kependudukan",
        (
            "warga desa terpencil",
            "penyandang disabilitas",
            "warga lanjut usia",
            "ibu yang baru melahirkan",
            "siswa sekolah menengah",
        ),
        (
            "Cakupan kepemilikan akta kelahiran anak di {place} baru mencapai {pct}%.",
            "Banyak warga belum memiliki KTP-el karena perekaman hanya dapat dilakukan di kantor "
            "{unit}.",
        ),
        (
            "Cakupan kepemilikan akta kelahiran anak naik dari {pct}% menjadi {pct2}%.",
            "Sebanyak {n} dokumen kependudukan diterbitkan langsung di desa dan kelurahan.",
        ),
        ("adminduk", "akta kelahiran", "KTP-el", "jemput bola", "identitas anak"),
    ),
    _Theme(
        "kesehatan",
        ("puskesmas", "dinkes", "rsud"),
        ("Kesehatan",),
        (
            ("Puskesmas", ("Ramah Lansia", "Ramah Anak", "Keliling", "Tanpa Antre")),
            ("Posyandu", ("Remaja", "Lansia", "Terpadu", "Keluarga")),
            ("Pelayanan Ibu Hamil", ("Berisiko Tinggi", "Terpadu", "Berbasis Keluarga")),
            ("Skrining Stunting", ("Berbasis Desa", "Terpadu", "Keliling")),
            ("Layanan Rawat Jalan", ("Tanpa Antre", "Siaga 24 Jam")),
        ),
        (
            "Gerbang Emas (Gerakan Bersama Menuju Ibu dan Anak Sehat)",
            "Si Jantung (Sistem Jemput Antar Ibu Hamil Berisiko Tinggi)",
            "Sapa Lansia (Sayang dan Peduli Lansia)",
            "Ambulans Desa",
            "Dapur Gizi Balita",
        ),
        ("E-Posyandu", "Antrean Daring RSUD", "Telekonsultasi Puskesmas"),
        "layanan kesehatan",
        ("ibu hamil", "balita", "warga lanjut usia", "pasien tuberkulosis", "remaja"),
        (
            "Prevalensi stunting di {place} masih {pct}% pada tahun {y0}.",
            "Pasien harus antre sejak subuh dan menunggu rata-rata {hours} jam untuk dilayani.",
        ),
        (
            "Prevalensi stunting di wilayah layanan turun dari {pct}% menjadi {pct3}%.",
            "Waktu tunggu pasien turun dari {hours} jam menjadi kurang dari satu jam.",
        ),
        ("kesehatan", "stunting", "lansia", "ibu hamil", "puskesmas"),
    ),
    _Theme(
        "perizinan",
        ("dpmptsp",),
        ("Pertumbuhan Ekonomi dan Kesempatan Kerja", "Tata Kelola Pemerintahan"),
        (
            ("Perizinan Berusaha", ("Satu Pintu", "Tanpa Tatap Muka", "Berbasis Kecamatan")),
            ("Layanan Izin Usaha Mikro", ("Keliling", "Satu Hari Jadi", "Antar ke Rumah")),
            ("Penerbitan Nomor Induk Berusaha", ("Jemput Bola", "di Pasar")),
            ("Layanan Persetujuan Bangunan Gedung", ("Terpadu", "Satu Pintu")),
        ),
        (
            "Si Mantap (Sistem Mudah Antar Perizinan)",
            "Gerai Izin UMKM",
            "Klinik Investasi",
            "Mal Pelayanan Publik Mini",
        ),
        ("E-Perizinan", "Izin UMKM Daring"),
        "izin usaha",
        ("pelaku usaha mikro", "investor", "pedagang pasar", "pemohon perizinan"),
        (
            "Penerbitan izin memerlukan rata-rata {days} hari kerja dan beberapa kali kunjungan.",
            "Pelaku usaha mikro di {place} belum memahami perizinan berusaha berbasis risiko.",
        ),
        (
            "Sebanyak {n} pelaku usaha mikro memperoleh Nomor Induk Berusaha.",
            "Waktu penerbitan izin turun dari {days} hari menjadi {days2} hari kerja.",
        ),
        ("perizinan", "UMKM", "NIB", "investasi", "satu pintu"),
    ),
    _Theme(
        "pendidikan",
        ("disdik",),
        ("Pendidikan",),
        (
            ("Perpustakaan", ("Keliling", "Desa", "Ramah Anak", "Terapung")),
            ("Sekolah", ("Ramah Anak", "Inklusif", "Terbuka")),
            ("Pendidikan Kesetaraan", ("Berbasis Desa", "Malam Hari")),
            ("Kelas Literasi", ("Keliling", "Keluarga")),
        ),
        (
            "Gerakan Kembali Bersekolah",
            "Si Pintar (Sistem Pendataan Anak Tidak Sekolah)",
            "Guru Kunjung",
            "Sekolah Terbuka Desa",
        ),
        ("E-Rapor", "Mutasi Siswa Daring", "PPDB Daring"),
        "layanan pendidikan",
        ("anak putus sekolah", "siswa di daerah terpencil", "guru", "orang tua siswa"),
        (
            "Angka putus sekolah di {place} mencapai {pctsmall}%.",
            "Siswa di desa terpencil harus berjalan lebih dari {km} km untuk bersekolah.",
        ),
        (
            "Sebanyak {n} anak putus sekolah kembali belajar melalui pendidikan kesetaraan.",
            "Kunjungan perpustakaan mencapai {n} kunjungan per tahun.",
        ),
        ("pendidikan", "literasi", "putus sekolah", "sekolah", "guru"),
    ),
    _Theme(
        "kemiskinan",
        ("dinsos",),
        ("Pengentasan Kemiskinan",),
        (
            ("Pendataan Keluarga Miskin", ("Terpadu", "Berbasis Desa", "Partisipatif")),
            ("Bantuan Sosial", ("Tepat Sasaran", "Nontunai", "Antar ke Rumah")),
            ("Layanan Rujukan Terpadu", ("Satu Pintu", "Tingkat Kecamatan")),
            ("Bedah Rumah", ("Gotong Royong", "Swadaya")),
        ),
        (
            "Sepakat (Sistem Perencanaan Penanggulangan Kemiskinan Terpadu)",
            "Lumbung Sosial Desa",
            "Si Mapan (Sistem Manajemen Penerima Bantuan)",
        ),
        ("E-Bansos", "Pemutakhiran DTKS Daring"),
        "bantuan sosial",
        ("keluarga miskin", "warga lanjut usia terlantar", "penyandang disabilitas", "anak yatim"),
        (
            "Sekitar {pct}% penerima bantuan tidak tepat sasaran karena data jarang diperbarui.",
            "Keluarga miskin harus mengurus surat keterangan di beberapa kantor untuk mendapat "
            "bantuan.",
        ),
        (
            "Ketepatan sasaran bantuan sosial meningkat menjadi {pct2}%.",
            "Sebanyak {n} keluarga miskin terdata ulang dan menerima bantuan tepat waktu.",
        ),
        ("kemiskinan", "bantuan sosial", "DTKS", "rujukan", "perlindungan sosial"),
    ),
    _Theme(
        "pangan",
        ("pangan",),
        ("Ketahanan Pangan",),
        (
            ("Lumbung Pangan", ("Desa", "Masyarakat", "Keluarga")),
            ("Pekarangan Pangan", ("Lestari", "Bergizi")),
            ("Penyuluhan Pertanian", ("Keliling", "Berbasis Kelompok Tani")),
            ("Pasar Tani", ("Mingguan", "Keliling")),
        ),
        (
            "Gerbang Pangan (Gerakan Pembangunan Ketahanan Pangan)",
            "Kios Benih Desa",
            "Si Petani (Sistem Informasi Petani)",
            "Tanam Jagung Panen Sapi",
        ),
        ("E-Pupuk", "Penyuluhan Daring"),
        "sarana produksi pertanian",
        ("petani kecil", "kelompok wanita tani", "nelayan", "keluarga rawan pangan"),
        (
            "Harga pangan di {place} melonjak setiap musim paceklik.",
            "Petani kesulitan mendapatkan pupuk dan benih tepat waktu.",
        ),
        (
            "Produksi kelompok tani binaan naik {pct4}% dalam dua musim tanam.",
            "Sebanyak {n} keluarga rawan pangan menerima pasokan dari lumbung desa.",
        ),
        ("pangan", "pertanian", "lumbung", "petani", "gizi"),
    ),
    _Theme(
        "pendapatan",
        ("bapenda",),
        ("Pertumbuhan Ekonomi dan Kesempatan Kerja", "Tata Kelola Pemerintahan"),
        (
            ("Pembayaran Pajak Daerah", ("Nontunai", "Keliling", "di Minimarket")),
            ("Layanan PBB", ("Jemput Bola", "Satu Hari Jadi", "Keliling")),
            ("Retribusi Pasar", ("Nontunai", "Transparan")),
        ),
        ("Pojok Pajak Desa", "Si Pintar Pajak (Sistem Pajak Terintegrasi)", "Pasar Pintar"),
        ("E-Retribusi Pasar", "E-PBB", "E-Pajak Daerah"),
        "pembayaran pajak dan retribusi",
        ("wajib pajak", "pedagang pasar", "pemilik usaha", "pelaku usaha"),
        (
            "Penerimaan retribusi pasar bocor karena pemungutan masih tunai.",
            "Wajib pajak harus datang ke kantor {unit} untuk membayar dan mengambil bukti bayar.",
        ),
        (
            "Penerimaan retribusi naik {pct4}% dibandingkan tahun sebelumnya.",
            "Sebanyak {n} transaksi pembayaran tercatat secara nontunai.",
        ),
        ("pajak daerah", "retribusi", "nontunai", "PBB", "pasar"),
    ),
    _Theme(
        "lingkungan",
        ("dlh",),
        ("Perlindungan dan Pelestarian Lingkungan Hidup",),
        (
            ("Bank Sampah", ("Sekolah", "Desa", "Digital", "Terpadu")),
            ("Pengelolaan Sampah", ("Berbasis Masyarakat", "Terpadu")),
            ("Layanan Pengaduan Pencemaran", ("Cepat Tanggap", "Daring")),
        ),
        (
            "Sedekah Sampah",
            "Kampung Iklim",
            "Si Lestari (Sistem Informasi Lingkungan Lestari)",
            "Tukar Sampah Jadi Emas",
        ),
        ("E-Bank Sampah", "Pelaporan Pencemaran Daring"),
        "layanan kebersihan",
        ("rumah tangga", "sekolah", "pelaku usaha", "pengelola bank sampah"),
        (
            "Volume sampah di {place} mencapai {tons} ton per hari, sementara armada angkut "
            "terbatas.",
            "Pengaduan pencemaran lambat ditangani karena tidak ada kanal pelaporan yang jelas.",
        ),
        (
            "Sampah yang terkelola di sumbernya mencapai {tons2} ton per hari.",
            "Sebanyak {n} rumah tangga menjadi nasabah bank sampah.",
        ),
        ("lingkungan", "sampah", "bank sampah", "iklim", "pencemaran"),
    ),
    _Theme(
        "perlindungan",
        ("dp3a",),
        ("Pelayanan Publik Responsif Gender",),
        (
            ("Layanan Pengaduan Kekerasan", ("Perempuan dan Anak", "Terpadu", "24 Jam")),
            ("Ruang Bermain", ("Ramah Anak",)),
            ("Pendampingan Korban", ("Terpadu", "Berbasis Komunitas")),
        ),
        (
            "Sahabat Perempuan dan Anak",
            "Si Manja (Sistem Pelayanan Anak dan Perempuan)",
            "Rumah Aman Desa",
            "Pusat Pembelajaran Keluarga",
        ),
        ("Lapor Kekerasan Daring",),
        "layanan perlindungan",
        ("perempuan korban kekerasan", "anak", "keluarga rentan", "penyandang disabilitas"),
        (
            "Banyak kasus kekerasan terhadap perempuan dan anak di {place} tidak dilaporkan.",
            "Korban harus menceritakan kejadian berulang kali di beberapa instansi.",
        ),
        (
            "Waktu penanganan kasus turun dari {days} hari menjadi {days2} hari.",
            "Sebanyak {n} kasus tertangani dengan pendampingan hukum dan psikologis.",
        ),
        ("perempuan", "anak", "kekerasan", "gender", "perlindungan"),
    ),
    _Theme(
        "desa",
        ("dpmd",),
        ("Pemberdayaan Masyarakat",),
        (
            ("Sekolah Desa", ("Digital", "Mandiri")),
            ("Pendampingan BUMDes", ("Terpadu", "Keliling")),
            ("Musyawarah Desa", ("Inklusif", "Partisipatif")),
        ),
        ("Desa Cerdas", "Gerbang Desa (Gerakan Membangun Desa)", "Klinik Dana Desa"),
        ("E-Desa", "E-Monev Dana Desa"),
        "pendampingan desa",
        ("aparatur desa", "pengurus BUMDes", "pemuda desa", "kader pemberdayaan masyarakat"),
        (
            "Banyak desa di {place} belum mampu menyusun laporan dana desa tepat waktu.",
            "BUMDes tidak berkembang karena lemahnya pendampingan usaha.",
        ),
        (
            "Sebanyak {k} BUMDes naik status menjadi BUMDes maju.",
            "Laporan dana desa yang tepat waktu naik dari {pct}% menjadi {pct2}%.",
        ),
        ("desa", "BUMDes", "dana desa", "pemberdayaan", "partisipasi"),
    ),
    _Theme(
        "ketertiban",
        ("satpolpp",),
        ("Penegakan Hukum",),
        (
            ("Patroli Ketertiban", ("Humanis", "Terpadu", "Berbasis Kelurahan")),
            ("Layanan Pengaduan Ketertiban", ("Cepat Tanggap", "24 Jam")),
            ("Penegakan Perda", ("Humanis", "Partisipatif")),
        ),
        ("Satpol PP Sahabat Warga", "Si Tertib (Sistem Terpadu Ketertiban)", "Jaga Kampung"),
        ("Pengaduan Ketertiban Daring",),
        "layanan ketenteraman dan ketertiban",
        ("pedagang kaki lima", "warga kelurahan", "pelaku usaha", "pengguna jalan"),
        (
            "Penertiban pedagang kaki lima di {place} sering berujung konflik.",
            "Pengaduan gangguan ketertiban baru ditindaklanjuti rata-rata {days} hari kemudian.",
        ),
        (
            "Pengaduan ketertiban ditindaklanjuti dalam waktu kurang dari {hours} jam.",
            "Pelanggaran peraturan daerah turun {pct4}%.",
        ),
        ("ketertiban", "perda", "satpol PP", "pengaduan", "PKL"),
    ),
    _Theme(
        "tatakelola",
        ("biro", "bappeda", "diskominfo"),
        ("Tata Kelola Pemerintahan",),
        (
            ("Perencanaan Pembangunan", ("Partisipatif", "Berbasis Data", "Terintegrasi")),
            ("Layanan Pengaduan Masyarakat", ("Terpadu", "Satu Pintu", "Cepat Tanggap")),
            ("Satu Data", ("Daerah", "Terpadu")),
            ("Klinik Inovasi", ("Daerah", "Keliling")),
        ),
        (
            "Lapor Langsung",
            "Si Rancak (Sistem Perencanaan Cerdas)",
            "Forum Konsultasi Publik",
            "Dasbor Kinerja Daerah",
        ),
        ("E-Planning", "E-Budgeting", "E-Kinerja", "E-Musrenbang"),
        "data dan layanan pemerintahan",
        ("perangkat daerah", "masyarakat umum", "pemerintah desa", "pelaku usaha"),
        (
            "Data antarperangkat daerah di {place} tidak saling terhubung sehingga perencanaan "
            "tidak berbasis bukti.",
            "Pengaduan masyarakat tersebar di banyak kanal dan {pct}% tidak ditindaklanjuti.",
        ),
        (
            "Sebanyak {pct2}% pengaduan masyarakat ditindaklanjuti dalam lima hari kerja.",
            "Dokumen perencanaan seluruh perangkat daerah kini disusun dari satu basis data.",
        ),
        ("tata kelola", "perencanaan", "pengaduan", "satu data", "reformasi birokrasi"),
    ),
)
# Unit key -> indexes of the themes its innovations can have.
_UNIT_THEMES: dict[str, tuple[int, ...]] = {
    unit: tuple(i for i, t in enumerate(_THEMES) if unit in t.units)
    for unit in dict.fromkeys(u for t in _THEMES for u in t.units)
}

_PROBLEMS = (
    "Sebelum inovasi ini, {aud} di {place} harus menempuh hingga {km} km ke kantor {unit} "
    "untuk mendapatkan {obj}.",
    "Pengurusan {obj} memakan waktu rata-rata {days} hari dengan persyaratan yang berulang.",
    "Keterbatasan petugas dan anggaran membuat layanan baru menjangkau {pct}% {aud}.",
    "Informasi tentang prosedur {obj} sulit didapat dan sering berbeda antarpetugas.",
    "Data {obj} tersebar di beberapa perangkat daerah sehingga sulit dipantau.",
)
_SOLUTIONS = (
    "{unit} menghadirkan {obj} langsung kepada {aud} melalui {channel}.",
    "Petugas bekerja sama dengan pemerintah desa/kelurahan dan {actor} untuk menjangkau {aud}.",
    "Jadwal layanan ditetapkan setiap {freq} dan diumumkan melalui media sosial {unit}.",
    "Prosedur disederhanakan dari {steps} tahap menjadi {steps2} tahap, dan standar pelayanannya "
    "dipublikasikan.",
    "Tim inovasi ditetapkan dengan keputusan kepala perangkat daerah dan dievaluasi setiap "
    "triwulan.",
)
_SOLUTIONS_DIGITAL = (
    "Permohonan dapat diajukan melalui {channel} dan statusnya dapat dipantau setiap saat.",
    "Setiap permohonan dan pengaduan tercatat dalam satu basis data yang dapat dipantau pimpinan.",
)
_NOVELTIES = (
    "Untuk pertama kalinya di {place}, {obj} dapat diperoleh tanpa harus datang ke kantor {unit}.",
    "Inovasi ini memadukan layanan {unit} dengan {partner} sehingga warga cukup datang satu kali.",
    "Pendekatan berbasis komunitas menjadikan {actor} perpanjangan tangan {unit}.",
    "Layanan dirancang bersama {aud} melalui forum konsultasi publik.",
)
_NOVELTIES_DIGITAL = (
    "Seluruh proses tercatat secara elektronik sehingga dapat ditelusuri dan diaudit.",
)
_NOVELTIES_OFFLINE = (
    "Berbeda dari layanan sebelumnya, petugaslah yang mendatangi warga, bukan sebaliknya.",
)
_RESULTS = (
    "Sejak diterapkan pada {year}, waktu layanan turun dari {days} hari menjadi {days2} hari.",
    "Lebih dari {n} {aud} telah terlayani hingga akhir {year2}.",
    "Indeks kepuasan masyarakat atas layanan ini mencapai {ikm} dari skala 100.",
    "Biaya yang dikeluarkan warga berkurang rata-rata {rp} per pengurusan.",
    "Keberlanjutan inovasi dijamin melalui Peraturan {head} dan alokasi anggaran tahunan.",
)
_RESULT_REPLICATED = "Inovasi ini telah dipelajari dan direplikasi oleh {k} kabupaten/kota lain."
_RESULT_EARLY = (
    "Inovasi masih dalam tahap {stage}; capaian akan diukur setelah satu tahun penerapan."
)
_CHANNELS = ("aplikasi Android", "layanan WhatsApp", "laman daring", "anjungan layanan mandiri")
_CHANNELS_OFFLINE = (
    "mobil layanan keliling",
    "loket di kantor kecamatan",
    "kader di setiap desa",
    "posyandu dan balai desa",
)
_ACTORS = ("kader PKK", "tokoh agama", "perangkat desa", "relawan pemuda", "ketua RT/RW")
_PARTNERS = (
    "rumah sakit daerah",
    "kantor kecamatan",
    "Kantor Urusan Agama",
    "bank daerah",
    "sekolah",
    "Mal Pelayanan Publik",
)
_DIGITAL_WORDS = (
    "Sistem",
    "Digital",
    "Daring",
    "E-",
    "Nontunai",
    "Dasbor",
    "Satu Data",
    "Telekonsultasi",
    "Informasi",
)

# ---------------------------------------------------------------------------------------------
# People.  Name styles: (male first, female first, male last, female last).  Last names are
# marga/fam names where a region uses them and second given names elsewhere.

_Style = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]
_JAWA: _Style = (
    ("Agus", "Budi", "Joko", "Eko", "Bambang", "Slamet", "Teguh", "Heru", "Wahyu", "Yudi"),
    ("Sri", "Dwi", "Endang", "Rini", "Tri", "Retno", "Wulan", "Dewi", "Sulastri", "Ratna"),
    ("Santoso", "Setiawan", "Prasetyo", "Wibowo", "Hartono", "Nugroho", "Purnomo", "Saputro"),
    ("Wahyuni", "Lestari", "Rahayu", "Handayani", "Kusumawati", "Astuti", "Purwanti", "Anggraini"),
)
_SUNDA: _Style = (
    ("Asep", "Dede", "Ujang", "Cecep", "Dadang", "Iwan", "Yayan", "Tubagus"),
    ("Euis", "Neng", "Imas", "Lilis", "Yuyun", "Ratu", "Nenden", "Siti"),
    ("Saepudin", "Kurniawan", "Hidayat", "Permana", "Sutisna", "Ruhiyat", "Suryana"),
    ("Rohaeti", "Nurhayati", "Komalasari", "Rosmiati", "Yuliani", "Sumiati", "Maryani"),
)
_BATAK: _Style = (
    ("Hotman", "Parlindungan", "Benny", "Maruli", "Togar", "Sahat", "Jonny", "Rudolf"),
    ("Rosmawati", "Lamria", "Tiurma", "Roslina", "Mariani", "Dameria", "Lenny", "Hotnida"),
    (
        "Simanjuntak",
        "Siregar",
        "Nasution",
        "Hutapea",
        "Sinaga",
        "Sitompul",
        "Harahap",
        "Lubis",
        "Pardede",
        "Tambunan",
        "Sembiring",
        "Ginting",
    ),
    (
        "Simanjuntak",
        "Siregar",
        "Nasution",
        "Hutapea",
        "Sinaga",
        "Sitompul",
        "Harahap",
        "Lubis",
        "Pardede",
        "Tambunan",
        "Sembiring",
        "Ginting",
    ),
)
_MELAYU: _Style = (
    ("Muhammad", "Rahmat", "Syarif", "Zulkifli", "Hendra", "Fadli", "Rizal", "Azhar"),
    ("Siti", "Nurul", "Rahmah", "Fitri", "Yusnita", "Zuraida", "Aisyah", "Mariana"),
    ("Hidayat", "Rahman", "Effendi", "Syahputra", "Ismail", "Hamdani", "Abdullah", "Yusuf"),
    ("Aini", "Hasanah", "Rahmawati", "Safitri", "Zahara", "Fauziah", "Hayati", "Maulida"),
)
_MINANG: _Style = (
    ("Afrizal", "Syafrudin", "Yulisman", "Zainal", "Irwan", "Hendri", "Alfian", "Rusdi"),
    ("Yusnimar", "Desmawati", "Elvira", "Yenni", "Rosnida", "Nurmaini", "Fitria", "Zulfiani"),
    ("Datuak Rajo", "Chaniago", "Koto", "Piliang", "Tanjung", "Sikumbang", "Caniago"),
    ("Chaniago", "Koto", "Piliang", "Tanjung", "Sikumbang", "Caniago", "Syafitri"),
)
_BALI: _Style = (
    ("I Made", "I Wayan", "I Ketut", "I Nyoman", "I Gede", "I Putu", "I Komang"),
    ("Ni Luh", "Ni Made", "Ni Kadek", "Ni Wayan", "Ni Putu", "Ni Komang", "Ni Nyoman"),
    ("Suardana", "Sudarsana", "Wirawan", "Arsana", "Mahendra", "Suastika", "Sukadana"),
    ("Ariani", "Pratiwi", "Widiastuti", "Sukerti", "Suryani", "Astiti", "Sriasih"),
)
_NTT: _Style = (
    ("Yohanes", "Fransiskus", "Agustinus", "Kornelis", "Yosef", "Petrus", "Marthen", "Daniel"),
    ("Maria", "Yosefina", "Theresia", "Agustina", "Margaretha", "Yuliana", "Florida", "Debora"),
    (
        "Manek",
        "Nahak",
        "Bria",
        "Ndun",
        "Pello",
        "Dethan",
        "Nubatonis",
        "Tefa",
        "Seran",
        "Haning",
        "Lalus",
        "Jehaut",
    ),
    (
        "Manek",
        "Nahak",
        "Bria",
        "Ndun",
        "Pello",
        "Dethan",
        "Nubatonis",
        "Tefa",
        "Seran",
        "Haning",
        "Lalus",
        "Jehaut",
    ),
)
_BUGIS: _Style = (
    ("Andi", "Muhammad", "Abdul", "Syamsul", "Baharuddin", "Rahman", "Ilham", "Amiruddin"),
    ("Sitti", "Andi", "Nurhayati", "Hasnah", "Rosmini", "Hajrah", "Murni", "Nurjannah"),
    ("Hasanuddin", "Sulaiman", "Baso", "Makkasau", "Pabittei", "Rauf", "Mappiare", "Latif"),
    ("Aminah", "Ramlah", "Sunarti", "Haerani", "Darmawati", "Nurbaya", "Rosdiana", "Asmawati"),
)
_MALUKU: _Style = (
    ("Johanis", "Ferry", "Semuel", "Alfons", "Hendrik", "Nicolas", "Abdul", "Husein"),
    ("Yohana", "Elisabeth", "Nona", "Fransina", "Salma", "Jacoba", "Martha", "Hajija"),
    (
        "Pattinama",
        "Latuconsina",
        "Tuhumury",
        "Sahetapy",
        "Ralahalu",
        "Pattimura",
        "Wattimena",
        "Ohorella",
    ),
    ("Pattinama", "Latuconsina", "Tuhumury", "Sahetapy", "Ralahalu", "Wattimena", "Ohorella"),
)
_PAPUA: _Style = (
    ("Yulius", "Obed", "Markus", "Silas", "Yakob", "Elieser", "Benyamin", "Titus"),
    ("Ribka", "Yuliana", "Naomi", "Rosalina", "Mince", "Ester", "Ruth", "Sarlota"),
    ("Wenda", "Kogoya", "Rumbiak", "Mandowen", "Waromi", "Yoman", "Tabuni", "Ayomi"),
    ("Wenda", "Kogoya", "Rumbiak", "Mandowen", "Waromi", "Yoman", "Tabuni", "Ayomi"),
)
_STYLE_BY_PROVINCE: dict[str, _Style] = {
    **dict.fromkeys(
        ("11", "14", "15", "16", "17", "19", "21", "61", "62", "63", "64", "65"), _MELAYU
    ),
    "12": _BATAK,
    "13": _MINANG,
    "18": _JAWA,
    "31": _JAWA,
    "32": _SUNDA,
    "33": _JAWA,
    "34": _JAWA,
    "35": _JAWA,
    "36": _SUNDA,
    "51": _BALI,
    "52": _MELAYU,
    "53": _NTT,
    **dict.fromkeys(("71", "72", "73", "74", "75", "76"), _BUGIS),
    "81": _MALUKU,
    "82": _MALUKU,
    **dict.fromkeys(("91", "92", "93", "94", "95", "96"), _PAPUA),
}
# Officers move across the archipelago: some names in every province come from elsewhere.
_MIGRANT_STYLES = (_JAWA, _MELAYU, _BUGIS, _BATAK, _SUNDA)

_DEGREES = (
    ("", "S.Sos."),
    ("", "S.Sos., M.Si."),
    ("", "S.E., M.M."),
    ("Dr. ", "M.Si."),
    ("", "S.H., M.H."),
    ("", "S.IP., M.AP."),
    ("Drs. ", "M.Si."),
    ("", "S.Kom."),
    ("", "S.T., M.T."),
    ("Ir. ", "M.T."),
    ("", "S.STP., M.Si."),
    ("", "S.AP."),
    ("", "A.Md."),
    ("", "S.Pd., M.Pd."),
    ("", "S.E."),
    ("", ""),
)
_DEGREES_HEALTH = (
    ("dr. ", ""),
    ("dr. ", "M.Kes."),
    ("", "S.KM., M.Kes."),
    ("", "S.Kep., Ns."),
    ("", "A.Md.Keb."),
    ("drg. ", ""),
)
# Heads of office and signatories: a master's degree or more is the norm at echelon II.
_DEGREES_SENIOR = (
    ("Dr. ", "S.Sos., M.Si."),
    ("", "S.E., M.M."),
    ("Dr. ", "M.Si."),
    ("", "S.H., M.H."),
    ("", "S.IP., M.AP."),
    ("Drs. ", "M.Si."),
    ("Ir. ", "M.T."),
    ("", "S.STP., M.Si."),
    ("Dr. Ir. ", "M.Si."),
    ("", "S.Pd., M.Pd."),
)
_DEGREES_HEALTH_SENIOR = (
    ("dr. ", "M.Kes."),
    ("dr. ", "Sp.PD."),
    ("", "S.KM., M.Kes."),
    ("dr. ", "M.P.H."),
)
_HEALTH_UNITS = frozenset({"puskesmas", "dinkes", "rsud"})
_RANKS_SENIOR = (
    "Pembina Utama Madya (IV/d)",
    "Pembina Utama Muda (IV/c)",
    "Pembina Tingkat I (IV/b)",
)
_RANKS = (
    "Pembina (IV/a)",
    "Penata Tingkat I (III/d)",
    "Penata (III/c)",
    "Penata Muda Tingkat I (III/b)",
)
_STAFF_POSITIONS = (
    "Sekretaris",
    "Kepala Bidang Pelayanan",
    "Analis Kebijakan Ahli Muda",
    "Pengelola Data Inovasi",
    "Kepala Subbagian Perencanaan",
    "Operator Portal Inovasi",
    "Kepala Seksi Inovasi Pelayanan",
    "Penata Kelola Sistem dan Teknologi Informasi",
)
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")

# ---------------------------------------------------------------------------------------------
# Replication action plans (LAN model: persiapan, rencana dan pengembangan, replikasi,
# evaluasi; DOMAIN.md §2).  Steps marked optional are sometimes left out.

_STEPS = (
    ("Identifikasi masalah dan kajian kesesuaian inovasi", "Catatan kajian kesesuaian", False),
    ("Studi tiru ke instansi asal", "Laporan studi tiru", True),
    ("Penyusunan rencana aksi replikasi", "Dokumen rencana aksi", False),
    ("Pembentukan tim pelaksana replikasi", "SK tim pelaksana", False),
    ("Peningkatan kapasitas tim pelaksana", "Tim pelaksana terlatih", True),
    ("Penyesuaian model layanan dan SOP", "SOP layanan hasil adaptasi", True),
    ("Uji coba layanan di lokasi percontohan", "Laporan uji coba", False),
    ("Penerapan penuh dan pemantauan", "Laporan pemantauan bulanan", False),
    ("Evaluasi manfaat dan dampak replikasi", "Laporan evaluasi", False),
)
# Status -> (catalogue index of the last done step, start-date window).  A later status means
# the replication began earlier and more of its plan is done.
_REPLICATION_PLAN: dict[str, tuple[int, tuple[dt.date, dt.date]]] = {
    "completed": (8, (dt.date(2022, 1, 10), dt.date(2024, 6, 28))),
    "evaluation": (7, (dt.date(2023, 1, 9), dt.date(2025, 3, 31))),
    "implementation": (6, (dt.date(2023, 6, 5), dt.date(2025, 9, 30))),
    "planning": (2, (dt.date(2025, 1, 6), dt.date(2026, 3, 31))),
    "preparation": (-1, (dt.date(2025, 9, 1), dt.date(2026, 6, 26))),
    "cancelled": (3, (dt.date(2022, 1, 10), dt.date(2025, 6, 30))),
}
_REPLICATION_WEIGHTS = (
    ("completed", 18),
    ("evaluation", 14),
    ("implementation", 28),
    ("planning", 20),
    ("preparation", 12),
    ("cancelled", 8),
)

# ---------------------------------------------------------------------------------------------
# Mentoring visits.

_AGENDAS = (
    'Pendampingan penyusunan rencana aksi replikasi inovasi "{title}".',
    'Pemantauan pelaksanaan replikasi inovasi "{title}".',
    "Klinik inovasi: kurasi dan penyempurnaan proposal KIPP perangkat daerah.",
    "Penguatan kelembagaan simpul inovasi dan pembagian peran tim pengelola Hub JIPP.",
    "Evaluasi mandiri tingkat kematangan Hub JIPP aspek {aspect}.",
    "Persiapan Forum Replikasi Inovasi Pelayanan Publik (FRIPP) tingkat provinsi.",
    "Pemetaan hambatan dan penyusunan rencana kegiatan pembinaan inovasi tahun {year}.",
    "Verifikasi data inovasi kabupaten/kota untuk portal {portal}.",
)
_FINDINGS = (
    "Tim inovator sudah terbentuk tetapi belum memiliki SK penetapan.",
    "Dokumentasi inovasi (SOP, data capaian, foto kegiatan) belum tersimpan secara tertib.",
    "Sebanyak {n} inovasi telah terdaftar di portal, {m} di antaranya masih tahap inisiatif.",
    "Dukungan pimpinan perangkat daerah kuat, terlihat dari alokasi anggaran tahun berjalan.",
    "Sebagian perangkat daerah belum memahami perbedaan replikasi penuh dan adopsi sebagian.",
    "Data capaian inovasi belum diperbarui sejak tahun {y0}.",
    "Pengelola portal inovasi hanya satu orang dan merangkap tugas lain.",
    "Instansi asal bersedia menerima studi tiru dan berbagi SOP layanan.",
)
_VISIT_NOTES = (
    None,
    None,
    "Berita acara pendampingan ditandatangani kedua pihak.",
    "Dokumentasi kegiatan dan daftar hadir tersimpan sebagai lampiran.",
    "Pendampingan dilanjutkan secara daring dua minggu kemudian.",
)
# Obstacle category -> (description, follow-up action) pairs; covers vocab.OBSTACLE_CATEGORY.
_OBSTACLES: dict[str, tuple[tuple[str, str], ...]] = {
    "regulation": (
        (
            "Belum ada peraturan kepala daerah yang menjadi dasar keberlanjutan inovasi.",
            "Menyusun rancangan peraturan kepala daerah tentang inovasi pelayanan publik",
        ),
        ("SK tim inovasi belum diperbarui sejak pergantian pejabat.", "Memperbarui SK tim inovasi"),
    ),
    "human_resources": (
        (
            "Pengelola inovasi sering berganti karena mutasi pegawai.",
            "Menyiapkan kader pengganti dan dokumen serah terima",
        ),
        (
            "Petugas belum terlatih menggunakan aplikasi layanan.",
            "Menyelenggarakan pelatihan petugas layanan",
        ),
    ),
    "budget": (
        (
            "Anggaran kegiatan inovasi belum tercantum dalam DPA tahun berjalan.",
            "Mengusulkan anggaran pada perubahan APBD",
        ),
        (
            "Biaya operasional layanan keliling tidak mencukupi.",
            "Menjajaki dukungan dana desa dan CSR",
        ),
    ),
    "technology": (
        (
            "Jaringan internet di lokasi layanan tidak stabil.",
            "Berkoordinasi dengan Diskominfo untuk penguatan jaringan",
        ),
        (
            "Aplikasi layanan belum terhubung dengan basis data kependudukan.",
            "Mengajukan perjanjian kerja sama pemanfaatan data kependudukan",
        ),
    ),
    "institutional": (
        (
            "Belum ada unit yang ditunjuk sebagai pengelola simpul inovasi.",
            "Menetapkan unit pengelola Hub JIPP",
        ),
        (
            "Peran perangkat daerah dalam replikasi belum jelas.",
            "Menyusun pembagian peran dalam rencana aksi",
        ),
    ),
    "coordination": (
        (
            "Koordinasi antara provinsi dan kabupaten/kota belum rutin.",
            "Menjadwalkan rapat koordinasi triwulanan",
        ),
        (
            "Instansi asal inovasi sulit dihubungi untuk studi tiru.",
            "Memfasilitasi pertemuan dengan instansi asal melalui Hub JIPP",
        ),
    ),
    "data": (
        (
            "Data capaian inovasi tidak diperbarui secara berkala.",
            "Memperbarui data capaian di portal inovasi",
        ),
        ("Bukti dukung inovasi tidak lengkap.", "Melengkapi bukti dukung inovasi"),
    ),
    "other": (
        ("Jadwal kegiatan bertabrakan dengan agenda kepala daerah.", "Menjadwalkan ulang kegiatan"),
        (
            "Akses ke lokasi layanan terhambat cuaca dan kondisi jalan.",
            "Menyesuaikan jadwal layanan dengan musim",
        ),
    ),
}
_OBSTACLE_WEIGHTS = tuple(1 if c == "other" else 4 for c in vocab.OBSTACLE_CATEGORY)

# ---------------------------------------------------------------------------------------------
# Work plans: (activity, maturity aspect, aim, output, budget range in millions of rupiah).

_ACTIVITIES = (
    (
        "Penyusunan rencana kerja tahunan Hub JIPP",
        "planning",
        "Menyepakati prioritas pembinaan inovasi tahun berjalan",
        "Dokumen rencana kerja",
        (10, 40),
    ),
    (
        "Pemetaan inovasi pelayanan publik kabupaten/kota",
        "planning",
        "Memperoleh data inovasi terbaru dari setiap kabupaten/kota",
        "Basis data inovasi",
        (25, 90),
    ),
    (
        "Penyusunan peta jalan replikasi inovasi",
        "planning",
        "Menentukan inovasi unggulan yang layak direplikasi",
        "Peta jalan replikasi",
        (15, 60),
    ),
    (
        "Penetapan SK Tim Pengelola Hub JIPP",
        "institutionalisation",
        "Memberi dasar hukum bagi tim pengelola",
        "Keputusan Gubernur tentang Tim Pengelola",
        (5, 20),
    ),
    (
        "Penyusunan rancangan Peraturan Gubernur tentang pembinaan inovasi",
        "institutionalisation",
        "Melembagakan pembinaan inovasi pelayanan publik",
        "Rancangan Peraturan Gubernur",
        (30, 120),
    ),
    (
        "Bimbingan teknis pengelola portal inovasi",
        "institutionalisation",
        "Meningkatkan kemampuan operator portal kabupaten/kota",
        "Operator terlatih",
        (40, 150),
    ),
    (
        "Forum Replikasi Inovasi Pelayanan Publik (FRIPP)",
        "dissemination",
        "Mempertemukan pemilik inovasi dan calon replikator",
        "Kesepakatan replikasi",
        (80, 350),
    ),
    (
        "Pameran inovasi pelayanan publik",
        "dissemination",
        "Mempromosikan inovasi kepada masyarakat",
        "Pameran dan katalog inovasi",
        (60, 250),
    ),
    (
        "Publikasi inovasi melalui portal dan media sosial",
        "dissemination",
        "Memperluas jangkauan informasi inovasi",
        "Konten publikasi bulanan",
        (10, 50),
    ),
    (
        "Klinik pendampingan proposal KIPP",
        "dissemination",
        "Meningkatkan kualitas proposal kompetisi inovasi",
        "Proposal KIPP terkurasi",
        (25, 100),
    ),
    (
        "Studi tiru ke Hub JIPP provinsi lain",
        "dissemination",
        "Belajar praktik baik pengelolaan simpul inovasi",
        "Laporan studi tiru",
        (50, 200),
    ),
    (
        "Pemantauan keberlanjutan inovasi",
        "evaluation",
        "Memastikan inovasi tetap berjalan dan berkembang",
        "Laporan pemantauan",
        (20, 80),
    ),
    (
        "Evaluasi mandiri tingkat kematangan Hub JIPP",
        "evaluation",
        "Mengukur kematangan pada empat aspek",
        "Laporan penilaian mandiri",
        (10, 40),
    ),
    (
        "Penyusunan laporan tahunan Hub JIPP",
        "evaluation",
        "Mempertanggungjawabkan kegiatan kepada pimpinan",
        "Laporan tahunan",
        (5, 25),
    ),
)
_ACTIVITY_PLACES = (
    "Aula Kantor Gubernur",
    "Ruang Rapat Biro Organisasi",
    "Daring (Zoom Meeting)",
    "Hotel di ibu kota provinsi",
    "Kabupaten/kota sasaran",
    "Jakarta",
)
_ACTIVITY_PICS = (
    "Kepala Biro Organisasi",
    "Kepala Bagian Kelembagaan dan Analisis Jabatan",
    "Kepala Bagian Reformasi Birokrasi dan Akuntabilitas Kinerja",
    "Kepala Bappeda/BRIDA",
    "Tim Pengelola Hub JIPP",
    "Analis Kebijakan Ahli Muda",
)
_ACTIVITY_OBSTACLES = (
    "Pencairan anggaran terlambat.",
    "Narasumber berhalangan hadir.",
    "Kegiatan bergeser karena agenda pimpinan.",
    "Anggaran dipangkas pada perubahan APBD.",
)


# =============================================================================================
# Helpers


@dataclass
class _Agency:
    name: str
    short: str
    level: str
    unit: str
    # What sentences call the office ("kantor Satpol PP"), without the region name.
    label: str = ""
    province: str | None = None
    regency: str | None = None
    id: str = ""

    def item(self) -> Item:
        return {
            "name": self.name,
            "short_name": self.short,
            "level": self.level,
            "province_code": self.province,
            "regency_code": self.regency,
        }


@dataclass(frozen=True)
class _Source:
    """What a replication or a visit needs to know about an implemented innovation."""

    id: str
    title: str
    agency: int
    year: int


@dataclass
class _World:
    """Everything later record types look up: regions, agencies, hubs, innovations."""

    regions: Regions
    size: _Size
    agencies: list[_Agency] = field(default_factory=list)
    national: dict[str, int] = field(default_factory=dict)  # short name -> agency index
    by_province: dict[str, list[int]] = field(default_factory=dict)
    by_regency: dict[str, list[int]] = field(default_factory=dict)
    by_unit: dict[str, list[int]] = field(default_factory=dict)
    # Indexes built once: per-visit and per-replication scans of 500 agencies add up at
    # national size.
    regency_level: dict[str, list[int]] = field(default_factory=dict)  # province -> agencies
    by_unit_province: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    hubs: dict[str, str] = field(default_factory=dict)  # province -> hub id
    sources: list[_Source] = field(default_factory=list)
    titles_by_province: dict[str, list[str]] = field(default_factory=dict)
    officials: dict[str, Item] = field(default_factory=dict)  # fixed signatories by party


class _Tracker:
    """Relays create_many progress as one overall count and stops on cancel."""

    def __init__(self, records: RecordService, progress: Progress | None, total: int) -> None:
        self.records = records
        self.progress = progress
        self.total = total
        self.done = 0
        self.counts: dict[str, int] = {}

    def check(self) -> None:
        if self.progress is not None and not self.progress(self.done, self.total):
            raise Cancelled()

    def create(self, type_name: str, items: Sequence[Item], *, counted: bool = True) -> list[str]:
        if not items:
            return []
        self.check()
        base, relay = self.done, None
        if self.progress is not None:
            report = self.progress

            # Replication commitments are not in the planned total (their number depends on
            # the replications drawn), so they keep the bar still instead of overshooting.
            def relay(done: int, _total: int) -> bool:
                return report(base + done if counted else base, self.total)

        ids = self.records.create_many(type_name, items, progress=relay)
        if counted:
            self.done += len(ids)
        self.counts[type_name] = self.counts.get(type_name, 0) + len(ids)
        return ids


def _bare(name: str) -> str:
    """'Kabupaten Manggarai Barat' -> 'Manggarai Barat' (for RSUD names and sentences)."""
    for prefix in ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def _slug(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _thousands(n: int) -> str:
    """Indonesian digit grouping: 12.500."""
    return f"{n:,}".replace(",", ".")


def _rupiah(n: int) -> str:
    return "Rp" + _thousands(n)


def _decimal(tenths: int) -> str:
    """Indonesian decimal comma: 873 -> '87,3'."""
    return f"{tenths // 10},{tenths % 10}"


def _sentence(text: str) -> str:
    """Capitalise the first letter only (str.capitalize would lower 'BUMDes')."""
    return text[:1].upper() + text[1:] + "."


def _day(rng: random.Random, start: dt.date, end: dt.date, *, workday: bool = True) -> dt.date:
    day = start + dt.timedelta(days=rng.randint(0, max(0, (end - start).days)))
    if workday and day.weekday() >= 5:
        day += dt.timedelta(days=7 - day.weekday())  # official events fall on working days
    return day


def _person(
    rng: random.Random,
    province: str | None,
    *,
    unit: str = "",
    degrees: bool = True,
    senior: bool = False,
) -> tuple[str, bool]:
    """A name in the style of ``province`` with academic titles; returns (name, female)."""
    style = _STYLE_BY_PROVINCE.get(province or "", _JAWA)
    if rng.random() < 0.25:
        style = rng.choice(_MIGRANT_STYLES)
    female = rng.random() < 0.45
    first = rng.choice(style[1] if female else style[0])
    last = rng.choice(style[3] if female else style[2])
    name = f"{first} {last}"
    if not degrees:
        return name, female
    health = unit in _HEALTH_UNITS
    if senior:
        prefix, suffix = rng.choice(_DEGREES_HEALTH_SENIOR if health else _DEGREES_SENIOR)
    else:
        prefix, suffix = rng.choice(_DEGREES_HEALTH if health else _DEGREES)
    if female and prefix == "Drs. ":
        prefix = "Dra. "
    return f"{prefix}{name}, {suffix}" if suffix else prefix + name, female


def _nip(rng: random.Random, female: bool, *, senior: bool) -> str:
    """An 18-digit NIP: birth date, appointment year and month, sex digit, serial."""
    birth = dt.date(
        rng.randint(1966, 1976) if senior else rng.randint(1975, 1994),
        rng.randint(1, 12),
        rng.randint(1, 28),
    )
    appointed = min(birth.year + rng.randint(22, 30), 2021)
    return (
        f"{birth:%Y%m%d}{appointed}{rng.randint(1, 12):02d}{2 if female else 1}"
        f"{rng.randint(1, 12):03d}"
    )


def _official(
    rng: random.Random,
    province: str | None,
    position: str,
    institution: str,
    party: str,
    *,
    unit: str = "",
    senior: bool = True,
) -> Item:
    """A signatory row: civil servants get a NIP and rank, development partners neither."""
    name, female = _person(rng, province, unit=unit, senior=senior)
    row: Item = {"name": name, "position": position, "institution": institution, "party": party}
    if party != "partner":
        row["nip"] = _nip(rng, female, senior=senior)
        row["rank"] = rng.choice(_RANKS_SENIOR if senior else _RANKS)
    return row


def _head_position(agency: _Agency) -> str:
    return f"{'Direktur' if agency.unit == 'rsud' else 'Kepala'} {agency.name}"


def _government(regions: Regions, agency: _Agency) -> tuple[str, str]:
    """(institution, signatory party) of the regional government an agency belongs to."""
    if agency.regency:
        return f"Pemerintah {regions.name(agency.regency)}", "regional_government"
    return f"Pemerintah Provinsi {regions.name(agency.province)}", "provincial_government"


# =============================================================================================
# Builders, one per record type, in creation order.


def _build_agencies(rng: random.Random, world: _World) -> None:
    regions, size = world.regions, world.size
    for name, short, level in _NATIONAL_AGENCIES:
        world.national[short] = len(world.agencies)
        world.agencies.append(_Agency(name, short, level, "national", short))
    provinces = size.innovation_provinces or tuple(sorted(regions.provinces))
    for prov in provinces:
        pname = regions.name(prov)
        planning = rng.choice(_PLANNING_NAMES)
        for unit, full, short in _PROVINCE_UNITS:
            if unit == "bappeda":
                full, short = planning
            world.agencies.append(
                _Agency(
                    f"{full} Provinsi {pname}",
                    f"{short} {pname}"[:60],
                    "province",
                    unit,
                    short,
                    prov,
                )
            )
        regencies = [code for code, _ in regions.regencies_of(prov)]
        if size.regencies_per_province is not None:
            regencies = sorted(rng.sample(regencies, size.regencies_per_province))
        for reg in regencies:
            _regency_agencies(rng, world, prov, reg)
    for index, agency in enumerate(world.agencies):
        if agency.province:
            world.by_province.setdefault(agency.province, []).append(index)
        if agency.regency:
            world.by_regency.setdefault(agency.regency, []).append(index)
            world.regency_level.setdefault(agency.province or "", []).append(index)
        world.by_unit.setdefault(agency.unit, []).append(index)
        world.by_unit_province.setdefault((agency.unit, agency.province or ""), []).append(index)


def _regency_agencies(rng: random.Random, world: _World, prov: str, reg: str) -> None:
    rname = world.regions.name(reg)
    is_city = rname.startswith("Kota")
    units = [u for u in _REGENCY_UNITS if not (is_city and u[0] == "dpmd")]
    if world.size.units_per_regency is not None:
        fixed = [u for u in units if u[0] in _SMALL_FIXED_UNITS]
        rest = [u for u in units if u[0] not in _SMALL_FIXED_UNITS]
        chosen = {u[0] for u in fixed + rng.sample(rest, world.size.units_per_regency - 2)}
        units = [u for u in units if u[0] in chosen]
    planning = rng.choice(_PLANNING_NAMES)
    for unit, full, short in units:
        if unit == "bappeda":
            full, short = planning
        if unit == "rsud":
            name = f"RSUD {_bare(rname)}"
        elif unit == "puskesmas":
            name = f"{full} {rng.choice(_VILLAGES)} {rname}"
        else:
            name = f"{full} {rname}"
        world.agencies.append(
            _Agency(
                name,
                f"{short} {_bare(rname)}"[:60],
                "city" if is_city else "regency",
                unit,
                short,
                prov,
                reg,
            )
        )


def _build_hubs(world: _World) -> list[Item]:
    items = []
    for prov in world.size.hub_provinces:
        year, decree, status, portal = _HUB_FACTS[prov]
        pname = world.regions.name(prov)
        biro = next(i for i in world.by_province[prov] if world.agencies[i].unit == "biro")
        if year == 2022:
            notes = (
                "Komitmen pembentukan simpul inovasi ditandatangani pada 28 September 2022 "
                "di Kabupaten Manggarai Barat. Penetapan sebagai Hub JIPP menyusul dengan "
                "Keputusan Menteri PANRB."
            )
        else:
            notes = f"Ditetapkan sebagai Hub JIPP melalui {decree}."
        if status == "not_optimal":
            notes += (
                " Pelaksanaan hub belum berjalan optimal; komitmen pembentukan simpul "
                "inovasi ditandatangani kembali pada 28 September 2022 dan pembinaan "
                "dilanjutkan oleh Kementerian PANRB bersama USAID-ERAT."
            )
        if prov == "53":
            notes += " Portal Lopo Inovasi Flobamorata diluncurkan pada 14 November 2023."
        items.append(
            {
                "province_code": prov,
                "name": f"Hub JIPP Provinsi {pname}",
                "status": status,
                "year_designated": year,
                "decree_number": decree,
                "coordinating_agency_id": world.agencies[biro].id,
                "portal_name": portal,
                "notes": notes,
            }
        )
    return items


def _formation_commitments(rng: random.Random, world: _World) -> list[Item]:
    """The 28 September 2022 hub-formation commitments, one per signing province."""
    # The national signatories are the same people on every province's document.
    world.officials = {
        "kemenpanrb": _official(
            rng,
            "33",
            "Deputi Bidang Pelayanan Publik",
            "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
            "kemenpanrb",
        ),
        "bappenas": _official(
            rng,
            "32",
            "Direktur Aparatur Negara dan Transformasi Birokrasi",
            "Kementerian PPN/Bappenas",
            "bappenas",
        ),
        "kemendagri": _official(
            rng,
            "35",
            "Kepala Pusat Penelitian dan Pengembangan Inovasi Daerah",
            "Kementerian Dalam Negeri",
            "kemendagri",
        ),
        "partner": _official(rng, "31", "Chief of Party", "USAID-ERAT", "partner"),
    }
    items = []
    for number, prov in enumerate(p for p in FORMATION_PROVINCES if p in world.hubs):
        pname = world.regions.name(prov)
        opening = (
            "Kami yang bertanda tangan di bawah ini bersepakat untuk:"
            if prov != "61"
            else "Kami yang bertanda tangan di bawah ini menegaskan kembali komitmen Hub JIPP "
            "yang telah ditetapkan sejak 2021 dan bersepakat untuk:"
        )
        text = "\n".join(
            (
                opening,
                f"1. Membentuk dan mengembangkan simpul inovasi (Hub JIPP) Provinsi {pname} "
                "sebagai pusat pembinaan inovasi pelayanan publik melalui pendampingan, "
                "tukar-menukar pengalaman dan pengetahuan, serta promosi inovasi;",
                "2. Menyusun rencana aksi replikasi inovasi pelayanan publik dengan pendampingan "
                "USAID-ERAT dan pemantauan Kementerian PANRB;",
                "3. Mendorong perangkat daerah dan kabupaten/kota menerbitkan pernyataan komitmen "
                "implementasi replikasi inovasi pelayanan publik;",
                "4. Menyusun rencana kegiatan selama masa pembinaan dan memetakan hambatan yang "
                "dihadapi;",
                "5. Melaporkan kemajuan pembentukan simpul inovasi kepada Kementerian PANRB secara "
                "berkala.",
            )
        )
        governor_office = _official(
            rng,
            prov,
            f"Sekretaris Daerah Provinsi {pname}",
            f"Pemerintah Provinsi {pname}",
            "provincial_government",
        )
        signatories = [
            governor_office,
            *(
                dict(world.officials[k])
                for k in ("kemenpanrb", "bappenas", "kemendagri", "partner")
            ),
        ]
        items.append(
            {
                "kind": "hub_formation",
                "number": f"{number + 1:03d}/KOM-SIMPUL/JIPP/IX/2022",
                "signed_on": _FORMATION_DATE,
                "place_regency_code": _FORMATION_PLACE,
                "event_name": _FORMATION_EVENT,
                "province_code": prov,
                "hub_id": world.hubs[prov],
                "text": text,
                "signatories": signatories,
            }
        )
    return items


def _innovation(rng: random.Random, world: _World, agency_index: int) -> Item:
    agency = world.agencies[agency_index]
    theme = _THEMES[rng.choice(_UNIT_THEMES[agency.unit])]
    pattern = rng.random()
    if pattern < 0.6:
        noun, mods = rng.choice(theme.combos)
        title = f"{noun} {rng.choice(mods)}"
    elif pattern < 0.82:
        title = rng.choice(theme.brands)
    else:
        title = rng.choice(theme.digital)
    digital = any(word in title for word in _DIGITAL_WORDS) or rng.random() < 0.1
    year = rng.randint(2016, 2025)
    mature = year <= 2021
    stage = rng.choices(
        ("initiative", "trial", "implementation"), (5, 15, 80) if mature else (30, 35, 35)
    )[0]
    place = world.regions.name(agency.regency or agency.province)
    if not agency.regency:
        place = f"Provinsi {place}"
    pct = rng.randint(20, 60)
    values = {
        "place": place,
        "unit": agency.label,
        "obj": theme.obj,
        "aud": rng.choice(theme.audiences),
        "km": rng.randint(5, 60),
        "days": rng.randint(5, 30),
        "days2": rng.randint(1, 3),
        "pct": pct,
        "pct2": min(98, pct + rng.randint(15, 35)),
        "pct3": pct * rng.randint(40, 80) // 100,
        "pct4": rng.randint(10, 45),
        "pctsmall": rng.randint(2, 12),
        "hours": rng.randint(2, 6),
        "n": _thousands(rng.randint(1, 250) * 100),
        "k": rng.randint(2, 9),
        "tons": rng.randint(50, 400),
        "tons2": rng.randint(5, 40),
        "rp": _rupiah(rng.randint(5, 60) * 5_000),
        "ikm": _decimal(rng.randint(780, 960)),
        "year": year,
        "year2": min(2025, year + rng.randint(1, 3)),
        "y0": year - 1,
        "steps": rng.randint(6, 12),
        "steps2": rng.randint(2, 4),
        "channel": rng.choice(_CHANNELS if digital else _CHANNELS_OFFLINE),
        "actor": rng.choice(_ACTORS),
        "partner": rng.choice(_PARTNERS),
        "freq": rng.choice(("minggu", "dua minggu", "bulan")),
        "head": "Gubernur"
        if not agency.regency
        else ("Wali Kota" if agency.level == "city" else "Bupati"),
        "stage": vocab.label("innovation_stage", stage).lower(),
    }

    def text(*sentences: str) -> str:
        return " ".join(s.format(**values) for s in sentences)

    solutions = _SOLUTIONS + (_SOLUTIONS_DIGITAL if digital else ())
    novelties = _NOVELTIES + (_NOVELTIES_DIGITAL if digital else _NOVELTIES_OFFLINE)
    if stage == "implementation":
        results = [rng.choice(theme.results), *rng.sample(_RESULTS, rng.randint(1, 2))]
        if mature and rng.random() < 0.4:
            results.append(_RESULT_REPLICATED)
    else:
        results = [_RESULT_EARLY]
    awards = None
    # An award comes at least a year after the start; KIPP 2024 was cancelled (DOMAIN.md §2).
    award_years = [y for y in (2019, 2020, 2021, 2022, 2023, 2025) if y > year]
    if stage == "implementation" and award_years and rng.random() < 0.08:
        awards = f"{rng.choice(('Top 99', 'Top 99', 'Top 45'))} KIPP {rng.choice(award_years)}"
    contact, _ = _person(rng, agency.province, unit=agency.unit)
    region_slug = _slug(_bare(world.regions.name(agency.regency or agency.province)))
    return {
        "title": title,
        "agency_id": agency.id,
        "province_code": agency.province,
        "regency_code": agency.regency,
        "category": rng.choice(theme.categories),
        "cluster": agency.level,
        "stage": stage,
        "is_digital": digital,
        "year_started": year,
        "problem": text(rng.choice(theme.problems), rng.choice(_PROBLEMS)),
        "solution": text(*rng.sample(solutions, rng.randint(2, 3))),
        "novelty": text(*rng.sample(novelties, rng.randint(1, 2))),
        "results": text(*results),
        "beneficiaries": _sentence(", ".join(rng.sample(theme.audiences, 2))),
        "awards": awards,
        "tags": ", ".join(rng.sample(theme.tags, 3)),
        "contact_name": contact,
        "contact_email": f"inovasi.{agency.unit}@{region_slug}.example",
    }


def _replication_batch(
    rng: random.Random, world: _World, count: int
) -> tuple[list[Item], list[Item | None]]:
    """Replications (without commitment ids yet) and the commitment statement of each."""
    statuses = [s for s, _ in _REPLICATION_WEIGHTS]
    weights = [w for _, w in _REPLICATION_WEIGHTS]
    items: list[Item] = []
    commitments: list[Item | None] = []
    for _ in range(count):
        source = rng.choice(world.sources)
        origin = world.agencies[source.agency]
        peers = world.by_unit[origin.unit]
        # Most replications stay inside the province, where the hub brokers them.
        local = [
            i
            for i in world.by_unit_province[(origin.unit, origin.province or "")]
            if i != source.agency
        ]
        pool = local if local and rng.random() < 0.6 else peers
        pick = rng.choice(pool)
        while pick == source.agency and len(pool) > 1:  # an agency does not copy itself
            pick = rng.choice(pool)
        adopter = world.agencies[pick]
        status = rng.choices(statuses, weights)[0]
        last_done, (window_start, window_end) = _REPLICATION_PLAN[status]
        # A replication can only start after the innovation it copies has run a year.
        window_start = max(window_start, dt.date(source.year + 1, 1, 5))
        started = _day(rng, window_start, max(window_start, window_end))
        steps = _replication_steps(rng, started, status, last_done, origin)
        hub = world.hubs.get(adopter.province or "")
        how = (
            f"difasilitasi Hub JIPP Provinsi {world.regions.name(adopter.province)}"
            if hub
            else "model mandiri"
        )
        notes = (
            f'Replikasi inovasi "{source.title}" dari {origin.name} oleh {adopter.name} ({how}).'
        )
        if status == "cancelled":
            notes += " Dihentikan karena " + rng.choice(
                (
                    "anggaran tidak tersedia pada tahun berjalan.",
                    "pergantian pimpinan perangkat daerah.",
                    "layanan serupa sudah disediakan pemerintah pusat.",
                )
            )
        items.append(
            {
                "innovation_id": source.id,
                "adopting_agency_id": adopter.id,
                "province_code": adopter.province,
                "regency_code": adopter.regency,
                "status": status,
                "started_on": started.isoformat(),
                "notes": notes,
                "steps": steps,
            }
        )
        # The statement is signed once the action plan it commits to has been drawn up.
        plan_step = next(s for s in steps if s["activity"] == _STEPS[2][0])
        signed = dt.date.fromisoformat(plan_step.get("done_date") or plan_step["target_date"])
        signed += dt.timedelta(days=rng.randint(3, 21))
        wants = status not in ("preparation", "cancelled") and rng.random() < 0.85
        commitments.append(
            _replication_commitment(rng, world, source, origin, adopter, signed)
            if wants and signed <= STATUS_AS_OF
            else None
        )
    return items, commitments


def _replication_steps(
    rng: random.Random, started: dt.date, status: str, last_done: int, origin: _Agency
) -> list[Item]:
    chosen = [i for i, (_, _, optional) in enumerate(_STEPS) if not optional or rng.random() < 0.6]
    if status == "cancelled":
        last_done = rng.randint(0, last_done)
    elif status == "preparation":
        last_done = rng.choice((-1, 0))
    elif status == "planning":
        last_done = rng.randint(last_done, 5)
    steps: list[Item] = []
    target = started
    previous_done = started
    blocked = False
    for index in chosen:
        activity, output, _ = _STEPS[index]
        if index == 1:
            activity = f"Studi tiru ke {origin.name}"
        target = target + dt.timedelta(days=rng.randint(20, 50))
        step: Item = {
            "activity": activity,
            "output": output,
            "person_in_charge": rng.choice(
                (
                    "Sekretaris",
                    "Kepala Bidang Pelayanan",
                    "Tim Pelaksana Replikasi",
                    "Kepala Subbagian Perencanaan",
                )
            ),
            "target_date": min(target, _LAST_DAY).isoformat(),
        }
        if index <= last_done and not blocked:
            done = target + dt.timedelta(days=rng.randint(-10, 15))
            previous_done = max(previous_done, min(done, STATUS_AS_OF))
            step.update(status="done", done_date=previous_done.isoformat())
        elif not blocked and status != "cancelled":
            late = target < STATUS_AS_OF
            step["status"] = rng.choice(("delayed", "ongoing")) if late else "ongoing"
            blocked = True
        else:
            step["status"] = "cancelled" if status == "cancelled" else "not_started"
            blocked = True
        steps.append(step)
    return steps


def _replication_commitment(
    rng: random.Random,
    world: _World,
    source: _Source,
    origin: _Agency,
    adopter: _Agency,
    signed: dt.date,
) -> Item:
    regions = world.regions
    province = adopter.province or ""
    place = adopter.regency or next(
        (code for code, name in regions.regencies_of(province) if name.startswith("Kota")),
        regions.regencies_of(province)[0][0],
    )
    institution, party = _government(regions, adopter)
    origin_institution, origin_party = _government(regions, origin)
    signatories = [
        _official(
            rng, adopter.province, _head_position(adopter), institution, party, unit=adopter.unit
        ),
        _official(
            rng,
            origin.province,
            _head_position(origin),
            origin_institution,
            origin_party,
            unit=origin.unit,
        ),
    ]
    hub = world.hubs.get(province)
    if hub:
        pname = regions.name(province)
        signatories.append(
            _official(
                rng,
                province,
                f"Kepala Biro Organisasi Sekretariat Daerah Provinsi {pname}",
                f"Pemerintah Provinsi {pname}",
                "provincial_government",
            )
        )
        if province in FORMATION_PROVINCES and signed.year <= 2024:
            # USAID-ERAT mentored the 2022 provinces on these statements (DOMAIN.md §1).
            signatories.append(dict(world.officials["partner"]))
    text = "\n".join(
        (
            f"Kami yang bertanda tangan di bawah ini menyatakan komitmen untuk melaksanakan "
            f'replikasi inovasi "{source.title}" yang berasal dari {origin.name}, dengan '
            "ketentuan:",
            "1. Menetapkan tim pelaksana replikasi dan penanggung jawab setiap kegiatan;",
            "2. Melaksanakan rencana aksi replikasi sesuai jadwal yang disepakati;",
            f"3. Mengalokasikan anggaran pelaksanaan replikasi pada tahun anggaran {signed.year};",
            "4. Melaporkan kemajuan replikasi kepada simpul inovasi provinsi setiap triwulan.",
        )
    )
    number = (
        f"{rng.choice(('065', '060', '800.1', '000.8.3'))}/{rng.randint(1, 999):03d}/"
        f"{adopter.label.replace(' ', '')}/{_ROMAN[signed.month - 1]}/{signed.year}"
    )
    return {
        "kind": "replication",
        "number": number,
        "signed_on": signed.isoformat(),
        "place_regency_code": place,
        "event_name": "Penandatanganan pernyataan komitmen "
        "implementasi replikasi inovasi pelayanan publik",
        "province_code": province,
        "hub_id": hub,
        "text": text,
        "signatories": signatories,
    }


def _mentor_pools(rng: random.Random, world: _World) -> dict[str, list[Item]]:
    """Each hub is mentored by the same few people, as in real fostering programmes."""
    pools: dict[str, list[Item]] = {}
    for prov in world.size.hub_provinces:
        pname = world.regions.name(prov)
        planning = next(
            world.agencies[i]
            for i in world.by_province[prov]
            if world.agencies[i].unit == "bappeda" and world.agencies[i].regency is None
        )
        pool = [
            {
                "name": _person(rng, prov)[0],
                "institution": f"Biro Organisasi Setda Provinsi {pname}",
            },
            {
                "name": _person(rng, prov)[0],
                "institution": f"Biro Organisasi Setda Provinsi {pname}",
            },
            {"name": _person(rng, prov)[0], "institution": planning.name},
            {
                "name": _person(rng, "31")[0],
                "institution": "Kedeputian Bidang Pelayanan Publik, Kementerian PANRB",
            },
            {
                "name": _person(rng, "32")[0],
                "institution": "Kedeputian Bidang Pelayanan Publik, Kementerian PANRB",
            },
        ]
        if prov in FORMATION_PROVINCES:
            pool.append({"name": _person(rng, "31", degrees=False)[0], "institution": "USAID-ERAT"})
        pools[prov] = pool
    return pools


def _visit(rng: random.Random, world: _World, pools: Mapping[str, list[Item]]) -> Item:
    prov = rng.choice(world.size.hub_provinces)
    regions = world.regions
    local = world.regency_level.get(prov, [])
    host = world.agencies[rng.choice(local)] if local else None
    regency = host.regency if host and host.regency else regions.regencies_of(prov)[0][0]
    start = _day(rng, dt.date(2024, 1, 8), dt.date(2026, 10, 30))
    end = start + dt.timedelta(days=rng.choice((0, 0, 1, 2)))
    rname = regions.name(regency)
    head = "Wali Kota" if rname.startswith("Kota") else "Bupati"
    place = rng.choice(
        (
            f"Aula {host.name}" if host else f"Kantor {head} {_bare(rname)}",
            f"Ruang Rapat Kantor {head} {_bare(rname)}",
            f"Kantor {host.name}" if host else f"Aula Kantor {head} {_bare(rname)}",
        )
    )
    titles = world.titles_by_province.get(prov)
    agendas = _AGENDAS if titles else tuple(a for a in _AGENDAS if "{title}" not in a)
    portal = _HUB_FACTS[prov][3] or "JIPPNas"
    values = {
        "title": rng.choice(titles) if titles else "",
        "year": start.year,
        "aspect": vocab.label("maturity_aspect", rng.choice(list(vocab.MATURITY_ASPECT))).lower(),
        "portal": portal,
        "n": rng.randint(12, 140),
        "m": rng.randint(2, 10),
        "y0": start.year - rng.randint(1, 2),
    }
    agenda = " ".join(a.format(**values) for a in rng.sample(agendas, rng.randint(1, 2)))
    findings = " ".join(f.format(**values) for f in rng.sample(_FINDINGS, 2))
    pool = pools[prov]
    if start.year >= 2025:
        # USAID-ERAT's mentoring belongs to the first years after the 2022 commitment.
        pool = [p for p in pool if p["institution"] != "USAID-ERAT"]
    mentors = [dict(p) for p in rng.sample(pool, rng.randint(1, 3))]
    hosts = world.by_regency.get(regency, []) or local
    participants = []
    for _ in range(rng.randint(2, 4)):
        agency = world.agencies[rng.choice(hosts)] if hosts else None
        name, _ = _person(rng, prov, unit=agency.unit if agency else "")
        participants.append(
            {
                "name": name,
                "position": rng.choice(_STAFF_POSITIONS),
                "institution": agency.name if agency else rname,
            }
        )
    categories = list(vocab.OBSTACLE_CATEGORY)
    picked: list[str] = []
    for _ in range(rng.randint(1, 3)):
        category = rng.choices(categories, _OBSTACLE_WEIGHTS)[0]
        if category not in picked:
            picked.append(category)
    obstacles, followups = [], []
    for category in picked:
        description, action = rng.choice(_OBSTACLES[category])
        obstacles.append(
            {
                "category": category,
                "description": description,
                "severity": rng.choices(("low", "medium", "high"), (1, 2, 1))[0],
            }
        )
        owner = rng.choice(participants)["institution"][:160]
        followups.append(_followup(rng, end, action, owner))
    return {
        "hub_id": world.hubs[prov],
        "start_date": start.isoformat(),
        "end_date": end.isoformat(),
        "regency_code": regency,
        "place": place,
        "agenda": agenda,
        "findings": findings,
        "notes": rng.choice(_VISIT_NOTES),
        "mentors": mentors,
        "participants": participants,
        "obstacles": obstacles,
        "followups": followups,
    }


def _followup(rng: random.Random, after: dt.date, action: str, owner: str) -> Item:
    due = min(after + dt.timedelta(days=rng.randint(14, 90)), _LAST_DAY)
    row: Item = {"action": action, "owner": owner, "due_date": due.isoformat()}
    if due <= STATUS_AS_OF:
        # Most past follow-ups were done; the rest are the overdue ones a reminder must show.
        status = rng.choices(("done", "delayed", "ongoing", "cancelled"), (14, 3, 2, 1))[0]
        row["status"] = status
        if status == "done":
            done = due + dt.timedelta(days=rng.randint(-20, 10))
            row["done_date"] = max(after, min(done, STATUS_AS_OF)).isoformat()
    else:
        row["status"] = rng.choices(("not_started", "ongoing", "done"), (6, 3, 1))[0]
        if row["status"] == "done":
            row["done_date"] = after.isoformat() if after <= STATUS_AS_OF else None
            if row["done_date"] is None:
                row["status"] = "ongoing"
    return row


def _workplan(rng: random.Random, world: _World, prov: str, year: int) -> Item:
    pname = world.regions.name(prov)
    activities = []
    for name, aspect, aim, output, (low, high) in sorted(
        rng.sample(_ACTIVITIES, rng.randint(6, 10)), key=_ACTIVITIES.index
    ):
        start = rng.randint(1, 11)
        end = min(12, start + rng.randint(0, 3))
        status = _activity_status(rng, year, start, end)
        activities.append(
            {
                "name": name,
                "aim": aim,
                "output": output,
                "start_month": start,
                "end_month": end,
                "place": rng.choice(_ACTIVITY_PLACES),
                "person_in_charge": rng.choice(_ACTIVITY_PICS),
                "budget": rng.randint(low * 2, high * 2) * 500_000,
                "aspect": aspect,
                "status": status,
                "obstacles": rng.choice(_ACTIVITY_OBSTACLES) if status == "delayed" else None,
            }
        )
    return {
        "hub_id": world.hubs[prov],
        "year": year,
        "title": f"Rencana Kegiatan Hub JIPP Provinsi {pname} Tahun {year}",
        "notes": "Disusun bersama perangkat daerah dan kabupaten/kota; dipaparkan dalam "
        "forum koordinasi simpul inovasi untuk mendapat tanggapan.",
        "activities": activities,
    }


def _activity_status(rng: random.Random, year: int, start: int, end: int) -> str:
    if year < STATUS_AS_OF.year or (year == STATUS_AS_OF.year and end <= STATUS_AS_OF.month):
        return rng.choices(("done", "delayed", "cancelled"), (15, 3, 2))[0]
    if year > STATUS_AS_OF.year or start > STATUS_AS_OF.month:
        return "not_started"
    return "ongoing"


# =============================================================================================
# The entry point


def generate(
    records: RecordService, size: str = "small", seed: int = 1, progress: Progress | None = None
) -> dict[str, int]:
    """Fill the open workspace with demo data; returns the records created per type.

    Everything is one transaction: a cancel (``progress`` returning False raises
    ``services.Cancelled``) or an error leaves the database as it was.
    """
    if size not in _SIZES:
        raise ValueError(f"unknown demo size {size!r}; choose one of {', '.join(SIZES)}")
    plan = _SIZES[size]
    master = random.Random(seed)
    # One stream per record type, so changing how many visits a size has does not change
    # its innovations.
    streams = {
        name: random.Random(master.getrandbits(64))
        for name in ("agency", "commitment", "innovation", "replication", "visit", "workplan")
    }
    world = _World(records.regions, plan)
    _build_agencies(streams["agency"], world)
    total = (
        len(world.agencies)
        + len(plan.hub_provinces)
        + plan.innovations
        + plan.replications
        + plan.visits
        + len(plan.hub_provinces) * len(plan.workplan_years)
        + len([p for p in FORMATION_PROVINCES if p in plan.hub_provinces])
    )
    tracker = _Tracker(records, progress, total)
    with models.database.atomic():
        _run(streams, world, tracker)
        tracker.check()
    return {
        name: tracker.counts.get(name, 0)
        for name in (
            "agency",
            "hub",
            "innovation",
            "commitment",
            "replication",
            "visit",
            "workplan",
        )
    }


def _run(streams: Mapping[str, random.Random], world: _World, tracker: _Tracker) -> None:
    plan = world.size
    ids = tracker.create("agency", [a.item() for a in world.agencies])
    for agency, rid in zip(world.agencies, ids, strict=True):
        agency.id = rid
    hub_ids = tracker.create("hub", _build_hubs(world))
    world.hubs = dict(zip(plan.hub_provinces, hub_ids, strict=True))
    tracker.create("commitment", _formation_commitments(streams["commitment"], world))

    rng = streams["innovation"]
    candidates = [i for i, a in enumerate(world.agencies) if a.unit in _UNIT_THEMES]
    # The small set leans on the four 2022 provinces the demo story is about.
    weights = [
        3 if world.agencies[i].province in FORMATION_PROVINCES and plan.innovation_provinces else 1
        for i in candidates
    ]
    for count in _chunks(plan.innovations):
        chosen = rng.choices(candidates, weights, k=count)
        items = [_innovation(rng, world, i) for i in chosen]
        for item, index, rid in zip(
            items, chosen, tracker.create("innovation", items), strict=True
        ):
            if item["stage"] == "implementation" and item["year_started"] <= 2021:
                world.sources.append(_Source(rid, item["title"], index, item["year_started"]))
                world.titles_by_province.setdefault(item["province_code"], []).append(item["title"])

    rng = streams["replication"]
    for count in _chunks(plan.replications):
        items, statements = _replication_batch(rng, world, count)
        present = [s for s in statements if s is not None]
        commitment_ids = iter(tracker.create("commitment", present, counted=False))
        for item, statement in zip(items, statements, strict=True):
            item["commitment_id"] = next(commitment_ids) if statement is not None else None
        tracker.create("replication", items)

    rng = streams["visit"]
    pools = _mentor_pools(rng, world)
    for count in _chunks(plan.visits):
        tracker.create("visit", [_visit(rng, world, pools) for _ in range(count)])

    rng = streams["workplan"]
    tracker.create(
        "workplan",
        [
            _workplan(rng, world, prov, year)
            for prov in plan.hub_provinces
            for year in plan.workplan_years
        ],
    )


def _chunks(total: int, size: int = BATCH) -> Iterable[int]:
    for start in range(0, total, size):
        yield min(size, total - start)
