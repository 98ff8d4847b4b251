<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>Attachments</source>
        <translation>Lampiran</translation>
    </message>
    <message>
        <source>Add photo or scan…</source>
        <translation>Tambah foto atau pindaian…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Files added now are stored when you save.</source>
        <translation>Berkas yang ditambahkan sekarang disimpan saat Anda menyimpan.</translation>
    </message>
    <message>
        <source>Add photo or scan</source>
        <translation>Tambah foto atau pindaian</translation>
    </message>
    <message>
        <source>Photos and documents (*.jpg *.jpeg *.png *.pdf);;All files (*)</source>
        <translation>Foto dan dokumen (*.jpg *.jpeg *.png *.pdf);;Semua berkas (*)</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Notice</source>
        <translation>Pemberitahuan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>CategoryInput</name>
    <message>
        <source>Category in your own words</source>
        <translation>Kategori dengan kata-kata sendiri</translation>
    </message>
    <message>
        <source>%1: in your own words</source>
        <translation>%1: dengan kata-kata sendiri</translation>
    </message>
    <message>
        <source>Other (write it)</source>
        <translation>Lainnya (tulis sendiri)</translation>
    </message>
</context>
<context>
    <name>ChildTable</name>
    <message>
        <source>Add row</source>
        <translation>Tambah baris</translation>
    </message>
    <message>
        <source>Add a row (Insert)</source>
        <translation>Tambah baris (Insert)</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>Hapus baris</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Naikkan</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Turunkan</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Baris %1: %2</translation>
    </message>
</context>
<context>
    <name>ChooseRecordDialog</name>
    <message>
        <source>Type part of the name…</source>
        <translation>Ketik sebagian nama…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Cari</translation>
    </message>
</context>
<context>
    <name>CopyToHubsDialog</name>
    <message>
        <source>Copy for other hubs</source>
        <translation>Salin untuk simpul lain</translation>
    </message>
    <message>
        <source>Each ticked hub gets a copy with the same kind, event, date, place, text and witnesses (signatories who are not from a regional government). Type each hub&apos;s number; typing it ticks the hub.</source>
        <translation>Setiap simpul yang dicentang mendapat salinan dengan jenis, kegiatan, tanggal, tempat, isi, dan saksi yang sama (penanda tangan yang bukan dari pemerintah daerah). Ketik nomor setiap simpul; mengetik nomor langsung mencentang simpulnya.</translation>
    </message>
    <message>
        <source>Innovation hub</source>
        <translation>Simpul Inovasi</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>Hubs to copy to</source>
        <translation>Simpul tujuan salinan</translation>
    </message>
    <message>
        <source>Make copies</source>
        <translation>Buat salinan</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Getting started</source>
        <translation>Mulai dari sini</translation>
    </message>
    <message>
        <source>There is no data in this folder yet. Start in one of three ways: record your province&apos;s innovation hub, import a package you received from the province or the ministry (the data of other laptops), or try the app with example data.</source>
        <translation>Folder data ini masih kosong. Mulailah dengan salah satu dari tiga cara: catat simpul inovasi provinsi Anda, impor paket yang Anda terima dari provinsi atau kementerian (data dari laptop lain), atau coba aplikasi dengan data contoh.</translation>
    </message>
    <message>
        <source>Import a package from the province or the ministry…</source>
        <translation>Impor paket dari provinsi atau kementerian…</translation>
    </message>
    <message>
        <source>Load example data</source>
        <translation>Isi dengan data contoh</translation>
    </message>
    <message>
        <source>Follow-ups overdue or due this month</source>
        <translation>Tindak lanjut yang lewat tenggat atau jatuh tempo bulan ini</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Tenggat</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Tindak lanjut</translation>
    </message>
    <message>
        <source>Person in charge</source>
        <translation>Penanggung jawab</translation>
    </message>
    <message>
        <source>Visit place</source>
        <translation>Tempat kunjungan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>No follow-up is overdue or due this month.</source>
        <translation>Tidak ada tindak lanjut yang terlambat atau jatuh tempo bulan ini.</translation>
    </message>
    <message>
        <source>Hello, %1.</source>
        <translation>Halo, %1.</translation>
    </message>
    <message>
        <source>Hello.</source>
        <translation>Halo.</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Beranda</translation>
    </message>
    <message>
        <source>Click a number or a bar to open the matching list.</source>
        <translation>Klik angka atau batang grafik untuk membuka daftarnya.</translation>
    </message>
    <message>
        <source>Create the innovation hub of %1…</source>
        <translation>Buat simpul inovasi %1…</translation>
    </message>
    <message>
        <source>Create your province&apos;s innovation hub…</source>
        <translation>Buat simpul inovasi provinsi Anda…</translation>
    </message>
    <message>
        <source>Innovations</source>
        <translation>Inovasi</translation>
    </message>
    <message>
        <source>Innovations by stage</source>
        <translation>Inovasi menurut tahapan</translation>
    </message>
    <message>
        <source>No innovations recorded yet.</source>
        <translation>Belum ada inovasi yang dicatat.</translation>
    </message>
    <message>
        <source>Innovations by category (largest %1)</source>
        <translation>Inovasi menurut kategori (%1 terbesar)</translation>
    </message>
    <message>
        <source>No innovation has a category yet.</source>
        <translation>Belum ada inovasi yang berkategori.</translation>
    </message>
    <message>
        <source>Replication progress by province</source>
        <translation>Kemajuan replikasi per provinsi</translation>
    </message>
    <message>
        <source>No replications recorded yet.</source>
        <translation>Belum ada replikasi yang dicatat.</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Kunjungan</translation>
    </message>
    <message>
        <source>Mentoring visits per month</source>
        <translation>Kunjungan pendampingan per bulan</translation>
    </message>
    <message>
        <source>No visits in the last 12 months.</source>
        <translation>Tidak ada kunjungan dalam 12 bulan terakhir.</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Lewat tenggat</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>e.g. 28 September 2022</source>
        <translation>mis. 28 September 2022</translation>
    </message>
    <message>
        <source>Choose from the calendar (Alt+Down)</source>
        <translation>Pilih dari kalender (Alt+Panah Bawah)</translation>
    </message>
    <message>
        <source>Choose from the calendar</source>
        <translation>Pilih dari kalender</translation>
    </message>
</context>
<context>
    <name>Display</name>
    <message>
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
</context>
<context>
    <name>EncryptionBox</name>
    <message>
        <source>Data protection</source>
        <translation>Perlindungan data</translation>
    </message>
    <message>
        <source>Encrypt…</source>
        <translation>Enkripsi…</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>Ganti frasa sandi…</translation>
    </message>
    <message>
        <source>Turn encryption off…</source>
        <translation>Matikan enkripsi…</translation>
    </message>
    <message>
        <source>This data folder is encrypted: its database, backups, attachments and sync reports cannot be read without the passphrase, which the app asks for at every start.</source>
        <translation>Folder data ini terenkripsi: basis data, cadangan, lampiran, dan laporan sinkronisasinya tidak dapat dibaca tanpa frasa sandi, yang ditanyakan aplikasi setiap kali dibuka.</translation>
    </message>
    <message>
        <source>This data folder is not encrypted: whoever has this laptop can read the names, NIPs and phone numbers in it. Encrypt it with a passphrase that you write down and keep apart from the laptop.</source>
        <translation>Folder data ini tidak terenkripsi: siapa pun yang memegang laptop ini dapat membaca nama, NIP, dan nomor telepon di dalamnya. Enkripsikan dengan frasa sandi yang Anda catat dan simpan terpisah dari laptop.</translation>
    </message>
    <message>
        <source>Encrypt the data folder</source>
        <translation>Enkripsi folder data</translation>
    </message>
    <message>
        <source>Write this passphrase down and keep it apart from the laptop. Without it nobody, not even the JIPP team, can open the data again.</source>
        <translation>Catat frasa sandi ini dan simpan terpisah dari laptop. Tanpanya tidak seorang pun, termasuk tim JIPP, dapat membuka data ini lagi.</translation>
    </message>
    <message>
        <source>The data folder is encrypted.</source>
        <translation>Folder data sudah terenkripsi.</translation>
    </message>
    <message>
        <source>Current passphrase of the data folder:</source>
        <translation>Frasa sandi folder data saat ini:</translation>
    </message>
    <message>
        <source>Change the passphrase</source>
        <translation>Ganti frasa sandi</translation>
    </message>
    <message>
        <source>The new passphrase replaces the old one at once; the old one will no longer open the data folder or its backups. Write the new one down.</source>
        <translation>Frasa sandi baru langsung menggantikan yang lama; yang lama tidak akan lagi membuka folder data maupun cadangannya. Catat frasa sandi yang baru.</translation>
    </message>
    <message>
        <source>The passphrase was changed.</source>
        <translation>Frasa sandi sudah diganti.</translation>
    </message>
    <message>
        <source>Turning encryption off stores the data unencrypted again, readable by whoever has this laptop. Current passphrase, to confirm:</source>
        <translation>Mematikan enkripsi menyimpan data tanpa enkripsi lagi, dapat dibaca siapa pun yang memegang laptop ini. Frasa sandi saat ini, untuk konfirmasi:</translation>
    </message>
    <message>
        <source>The data folder is no longer encrypted.</source>
        <translation>Folder data tidak lagi terenkripsi.</translation>
    </message>
    <message>
        <source>Not converted: the data folder stays as it was.</source>
        <translation>Tidak dikonversi: folder data tetap seperti semula.</translation>
    </message>
    <message>
        <source>Cancelled: the data folder stays as it was.</source>
        <translation>Dibatalkan: folder data tetap seperti semula.</translation>
    </message>
    <message>
        <source>Converting the database and its backups…</source>
        <translation>Mengonversi basis data dan cadangannya…</translation>
    </message>
</context>
<context>
    <name>ExportAction</name>
    <message>
        <source>Export signatories…</source>
        <translation>Ekspor penandatangan…</translation>
    </message>
    <message>
        <source>Save every signatory of the commitments, NIP as text, to Excel or CSV</source>
        <translation>Simpan semua penandatangan komitmen, NIP sebagai teks, ke Excel atau CSV</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Ekspor…</translation>
    </message>
    <message>
        <source>Save the rows of this list as an Excel or CSV file</source>
        <translation>Simpan baris daftar ini sebagai berkas Excel atau CSV</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Buku kerja Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV for Indonesian Excel, semicolon-separated (*.csv)</source>
        <translation>CSV untuk Excel berbahasa Indonesia, dipisah titik koma (*.csv)</translation>
    </message>
    <message>
        <source>CSV, comma-separated (*.csv)</source>
        <translation>CSV, dipisah koma (*.csv)</translation>
    </message>
    <message>
        <source>Export list</source>
        <translation>Ekspor daftar</translation>
    </message>
    <message>
        <source>signatories</source>
        <translation>penandatangan</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Ekspor</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Mengekspor…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1.</source>
        <translation>
            <numerusform>%n baris diekspor ke %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All provinces</source>
        <translation>Semua provinsi</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Provinsi</translation>
    </message>
    <message>
        <source>All regencies/cities</source>
        <translation>Semua kabupaten/kota</translation>
    </message>
    <message>
        <source>Regency/city</source>
        <translation>Kabupaten/kota</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Semua kategori</translation>
    </message>
    <message>
        <source>%1: all</source>
        <translation>%1: semua</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Semua tahun</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Tahun</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Tampilkan semua</translation>
    </message>
    <message>
        <source>Remove the link filter</source>
        <translation>Hapus saringan tautan</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Change history</source>
        <translation>Riwayat perubahan</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Workstation</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Isian</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Perubahan</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import innovations</source>
        <translation>Impor inovasi</translation>
    </message>
    <message>
        <source>Choose a file made from the template.</source>
        <translation>Pilih berkas yang dibuat dari templat.</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Pilih berkas…</translation>
    </message>
    <message>
        <source>Save template…</source>
        <translation>Simpan templat…</translation>
    </message>
    <message>
        <source>Rows with problems</source>
        <translation>Baris bermasalah</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Impor</translation>
    </message>
    <message>
        <source>Import valid rows only</source>
        <translation>Impor baris yang valid saja</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>Lembar kerja (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Memeriksa…</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Memeriksa setiap baris…</translation>
    </message>
    <message>
        <source>%1 rows: %2 valid, %3 with problems.</source>
        <translation>%1 baris: %2 valid, %3 bermasalah.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Mengimpor…</translation>
    </message>
    <message>
        <source>%1 innovations imported; %2 rows skipped.</source>
        <translation>%1 inovasi diimpor; %2 baris dilewati.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>JIPP Desktop</source>
        <translation>JIPP Desktop</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigasi</translation>
    </message>
    <message>
        <source>&amp;New record</source>
        <translation>&amp;Data baru</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Cari</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Ce&amp;tak…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Muat ulang</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>&amp;Urungkan hapus</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>&amp;Duplikat</translation>
    </message>
    <message>
        <source>Fill with &amp;example data…</source>
        <translation>Isi dengan data &amp;contoh…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>&amp;About JIPP Desktop</source>
        <translation>&amp;Tentang JIPP Desktop</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Ubah</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ban&amp;tuan</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Bilah alat utama</translation>
    </message>
    <message>
        <source>%1 is not available in this version.</source>
        <translation>%1 belum tersedia di versi ini.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) duplicated.</source>
        <translation>
            <numerusform>%n data diduplikat.</numerusform>
        </translation>
    </message>
    <message>
        <source>Example data is not available in this version.</source>
        <translation>Data contoh belum tersedia di versi ini.</translation>
    </message>
    <message>
        <source>Example data</source>
        <translation>Data contoh</translation>
    </message>
    <message>
        <source>Creating example records…</source>
        <translation>Membuat data contoh…</translation>
    </message>
    <message>
        <source>About JIPP Desktop</source>
        <translation>Tentang JIPP Desktop</translation>
    </message>
    <message>
        <source>JIPP Desktop %1
Offline records for public-service innovation hubs.</source>
        <translation>JIPP Desktop %1
Pencatatan luring untuk simpul inovasi pelayanan publik.</translation>
    </message>
    <message>
        <source>Last exchange: %1</source>
        <translation>Pertukaran terakhir: %1</translation>
    </message>
</context>
<context>
    <name>NewPassphraseDialog</name>
    <message>
        <source>Other words</source>
        <translation>Kata lain</translation>
    </message>
    <message>
        <source>Type it again, from what you wrote down:</source>
        <translation>Ketik sekali lagi, dari catatan Anda:</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Kedua frasa sandi berbeda.</translation>
    </message>
</context>
<context>
    <name>NewRecordDialog</name>
    <message>
        <source>New record</source>
        <translation>Data baru</translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation>Jenis data</translation>
    </message>
    <message>
        <source>Which kind of record do you want to create?</source>
        <translation>Data apa yang ingin Anda buat?</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>Attachments</source>
        <translation>Lampiran</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Simpan (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save and close</source>
        <translation>Simpan dan tutup</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Tutup (Esc)</translation>
    </message>
    <message>
        <source>Replications of this innovation (%1)</source>
        <translation>Replikasi inovasi ini (%1)</translation>
    </message>
    <message>
        <source>New replication of this innovation</source>
        <translation>Replikasi baru dari inovasi ini</translation>
    </message>
    <message>
        <source>Open the source innovation</source>
        <translation>Buka inovasi asal</translation>
    </message>
    <message>
        <source>Open its commitment statement</source>
        <translation>Buka pernyataan komitmennya</translation>
    </message>
    <message>
        <source>Mentoring visits</source>
        <translation>Kunjungan pendampingan</translation>
    </message>
    <message>
        <source>Work plans</source>
        <translation>Rencana Kegiatan</translation>
    </message>
    <message>
        <source>Open the hub</source>
        <translation>Buka simpul inovasi</translation>
    </message>
    <message>
        <source>Replications under this commitment</source>
        <translation>Replikasi dengan komitmen ini</translation>
    </message>
    <message>
        <source>Copy for other hubs… (Ctrl+Shift+D)</source>
        <translation>Salin untuk simpul lain… (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>Duplicate (Ctrl+D)</source>
        <translation>Duplikat (Ctrl+D)</translation>
    </message>
    <message>
        <source>Not saved: the database is busy.</source>
        <translation>Belum disimpan: basis data sedang sibuk.</translation>
    </message>
    <message>
        <source>What you typed is still in the form.</source>
        <translation>Isian Anda tetap ada di formulir.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Tersimpan.</translation>
    </message>
    <message>
        <source>Reload the record? Its newest values come in; your other changes stay in the form, and each field changed meanwhile shows the value you typed.</source>
        <translation>Muat ulang data ini? Nilai terbarunya dimuat; perubahan Anda yang lain tetap di formulir, dan setiap isian yang diubah sementara itu menampilkan nilai yang Anda ketik.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <source>You typed: %1</source>
        <translation>Anda mengetik: %1</translation>
    </message>
    <message>
        <source>Someone saved this record after you opened it. It now shows their values, with your other changes kept; check the marked fields and save again.</source>
        <translation>Orang lain menyimpan data ini setelah Anda membukanya. Formulir kini menampilkan nilai mereka, dengan perubahan Anda yang lain tetap ada; periksa isian yang ditandai lalu simpan lagi.</translation>
    </message>
    <message numerus="yes">
        <source>Please correct the marked fields (%n problem(s)).</source>
        <translation>
            <numerusform>Perbaiki isian yang ditandai (%n masalah).</numerusform>
        </translation>
    </message>
    <message>
        <source>This record has unsaved changes. Save them?</source>
        <translation>Data ini memiliki perubahan yang belum disimpan. Simpan sekarang?</translation>
    </message>
    <message>
        <source>New %1</source>
        <translation>%1 baru</translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies) made.</source>
        <translation>
            <numerusform>%n salinan dibuat.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordListPage</name>
    <message>
        <source>Search (Ctrl+F)…</source>
        <translation>Cari (Ctrl+F)…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Cari</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Pulihkan</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Sampah</translation>
    </message>
    <message>
        <source>Show deleted records</source>
        <translation>Tampilkan data yang dihapus</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Ekspor…</translation>
    </message>
    <message>
        <source>Save the rows of this list as an Excel or CSV file</source>
        <translation>Simpan baris daftar ini sebagai berkas Excel atau CSV</translation>
    </message>
    <message numerus="yes">
        <source>Move %n record(s) to the trash?</source>
        <translation>
            <numerusform>Pindahkan %n data ke Sampah?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) restored.</source>
        <translation>
            <numerusform>%n data dipulihkan.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export signatories…</source>
        <translation>Ekspor penandatangan…</translation>
    </message>
    <message>
        <source>Save every signatory of the commitments, NIP as text, to Excel or CSV</source>
        <translation>Simpan semua penandatangan komitmen, NIP sebagai teks, ke Excel atau CSV</translation>
    </message>
    <message>
        <source>more than %1 record(s)…</source>
        <translation>lebih dari %1 data…</translation>
    </message>
    <message>
        <source>%1 record(s) in the trash</source>
        <translation>%1 data di Sampah</translation>
    </message>
    <message>
        <source>%1 record(s)</source>
        <translation>%1 data</translation>
    </message>
</context>
<context>
    <name>RefInput</name>
    <message>
        <source>New…</source>
        <translation>Baru…</translation>
    </message>
    <message>
        <source>Create a new %1 (F2)</source>
        <translation>Buat %1 baru (F2)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Kosongkan</translation>
    </message>
</context>
<context>
    <name>RegionInput</name>
    <message>
        <source>Province</source>
        <translation>Provinsi</translation>
    </message>
    <message>
        <source>Regency/city</source>
        <translation>Kabupaten/kota</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Import</source>
        <translation>Impor</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Cetak…</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Report</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>(all provinces)</source>
        <translation>(semua provinsi)</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Provinsi</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Sampai</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Semua tahun</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Tahun</translation>
    </message>
    <message>
        <source>Words in the title, agency, …</source>
        <translation>Kata dalam judul, instansi, …</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Cari</translation>
    </message>
    <message>
        <source>With a cover letter</source>
        <translation>Dengan surat pengantar</translation>
    </message>
    <message>
        <source>e.g. 000.1.2/45/ORG/2025</source>
        <translation>mis. 000.1.2/45/ORG/2025</translation>
    </message>
    <message>
        <source>Letter number</source>
        <translation>Nomor surat</translation>
    </message>
    <message>
        <source>e.g. Deputi Bidang Pelayanan Publik</source>
        <translation>mis. Deputi Bidang Pelayanan Publik</translation>
    </message>
    <message>
        <source>Addressed to</source>
        <translation>Yth.</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Buat</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Cetak…</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Simpan sebagai…</translation>
    </message>
    <message>
        <source>Print a report</source>
        <translation>Cetak laporan</translation>
    </message>
    <message>
        <source>Innovations from a spreadsheet</source>
        <translation>Inovasi dari lembar kerja</translation>
    </message>
    <message>
        <source>Save import template…</source>
        <translation>Simpan templat impor…</translation>
    </message>
    <message>
        <source>Import innovations…</source>
        <translation>Impor inovasi…</translation>
    </message>
    <message>
        <source>Fill the template in Excel or LibreOffice, then import it: every row is checked before anything is stored.</source>
        <translation>Isi templat di Excel atau LibreOffice, lalu impor: setiap baris diperiksa sebelum ada yang disimpan.</translation>
    </message>
    <message>
        <source>Report preview</source>
        <translation>Pratinjau laporan</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <source>(choose a province)</source>
        <translation>(pilih provinsi)</translation>
    </message>
    <message>
        <source>There is no record of this kind to print yet. Record one first, or choose another report.</source>
        <translation>Belum ada data jenis ini untuk dicetak. Catat dulu datanya, atau pilih laporan lain.</translation>
    </message>
    <message>
        <source>Choose the record to print (the one changed last is already chosen), then press Generate.</source>
        <translation>Pilih data yang akan dicetak (data yang terakhir diubah sudah dipilih), lalu tekan Buat.</translation>
    </message>
    <message>
        <source>Choose the province and, if you like, a period, then press Generate.</source>
        <translation>Pilih provinsi dan, bila perlu, periodenya, lalu tekan Buat.</translation>
    </message>
    <message>
        <source>Narrow the report if you like, then press Generate.</source>
        <translation>Persempit laporan bila perlu, lalu tekan Buat.</translation>
    </message>
    <message>
        <source>No report yet</source>
        <translation>Belum ada laporan</translation>
    </message>
    <message>
        <source>The preview appears here; print or save it from the buttons on the left.</source>
        <translation>Pratinjau muncul di sini; cetak atau simpan dengan tombol di sebelah kiri.</translation>
    </message>
    <message>
        <source>Choose a record first.</source>
        <translation>Pilih data terlebih dahulu.</translation>
    </message>
    <message>
        <source>Choose a province first.</source>
        <translation>Pilih provinsi terlebih dahulu.</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>Membuat…</translation>
    </message>
    <message>
        <source>Generating the report…</source>
        <translation>Membuat laporan…</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s).</source>
        <translation>
            <numerusform>%n halaman.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Dibatalkan.</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Simpan laporan</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Disimpan ke %1.</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>Pencetak tidak dapat dijalankan.</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>Officer name</source>
        <translation>Nama petugas</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Jabatan</translation>
    </message>
    <message>
        <source>NIP (18 digits)</source>
        <translation>NIP (18 angka)</translation>
    </message>
    <message>
        <source>Hub province</source>
        <translation>Provinsi simpul</translation>
    </message>
    <message>
        <source>Laptop name</source>
        <translation>Nama laptop</translation>
    </message>
    <message>
        <source>Shown to other laptops when exchanging data.</source>
        <translation>Ditampilkan ke laptop lain saat bertukar data.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Letterhead: government</source>
        <translation>Kop surat: pemerintah</translation>
    </message>
    <message>
        <source>e.g. PEMERINTAH PROVINSI …</source>
        <translation>mis. PEMERINTAH PROVINSI …</translation>
    </message>
    <message>
        <source>Letterhead: unit</source>
        <translation>Kop surat: unit kerja</translation>
    </message>
    <message>
        <source>Letterhead: address</source>
        <translation>Kop surat: alamat</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>Laptop key fingerprint</source>
        <translation>Sidik jari kunci laptop</translation>
    </message>
    <message>
        <source>empty: this laptop&apos;s own database; postgresql://USER@HOST:PORT/NAME</source>
        <translation>kosong: basis data laptop ini sendiri; postgresql://PENGGUNA@HOST:PORT/NAMA</translation>
    </message>
    <message>
        <source>Used from the next start. The password is never written here: PGPASSWORD or ~/.pgpass.</source>
        <translation>Berlaku mulai aplikasi dibuka lagi. Kata sandi tidak pernah ditulis di sini: PGPASSWORD atau ~/.pgpass.</translation>
    </message>
    <message>
        <source>Ministry database</source>
        <translation>Basis data kementerian</translation>
    </message>
    <message>
        <source>Database name (seen by laptops)</source>
        <translation>Nama basis data (dilihat laptop)</translation>
    </message>
    <message>
        <source>Database key fingerprint</source>
        <translation>Sidik jari kunci basis data</translation>
    </message>
    <message>
        <source>Workstation name</source>
        <translation>Nama workstation</translation>
    </message>
    <message>
        <source>Shown beside your name in every record&apos;s history, so the ministry can tell where a change was made. Empty: this computer&apos;s name.</source>
        <translation>Ditampilkan di samping nama Anda pada riwayat setiap data, agar kementerian tahu di mana perubahan dibuat. Kosong: nama komputer ini.</translation>
    </message>
    <message>
        <source>Logo for reports</source>
        <translation>Logo untuk laporan</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Gambar (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Save settings</source>
        <translation>Simpan pengaturan</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Not saved: see the messages above.</source>
        <translation>Belum disimpan: lihat pesan di atas.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Pengaturan tersimpan.</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Welcome to JIPP Desktop</source>
        <translation>Selamat datang di JIPP Desktop</translation>
    </message>
    <message>
        <source>Welcome! Before you start, tell the app who works on this laptop. Your name appears in the change history and on reports. You can change everything later under Settings.</source>
        <translation>Selamat datang! Sebelum mulai, isi siapa yang bekerja di laptop ini. Nama Anda tercantum di riwayat perubahan dan di laporan. Semua dapat diubah nanti di Pengaturan.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Mulai</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>This laptop</source>
        <translation>Laptop ini</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Ganti nama…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>Sidik jari kunci</translation>
    </message>
    <message>
        <source>Dataset digest</source>
        <translation>Ringkasan (digest) data</translation>
    </message>
    <message>
        <source>Last exchange</source>
        <translation>Pertukaran terakhir</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Pertukaran</translation>
    </message>
    <message>
        <source>Exchange through a folder…</source>
        <translation>Bertukar melalui folder…</translation>
    </message>
    <message>
        <source>Export to a folder…</source>
        <translation>Ekspor ke folder…</translation>
    </message>
    <message>
        <source>Export locked with a passphrase…</source>
        <translation>Ekspor terkunci dengan frasa sandi…</translation>
    </message>
    <message>
        <source>Import a package…</source>
        <translation>Impor paket…</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Perlu ditinjau</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Isian</translation>
    </message>
    <message>
        <source>Current value</source>
        <translation>Nilai saat ini</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>Nilai lain</translation>
    </message>
    <message>
        <source>Keep the current value</source>
        <translation>Pertahankan nilai saat ini</translation>
    </message>
    <message>
        <source>Use the other value</source>
        <translation>Pakai nilai lain</translation>
    </message>
    <message>
        <source>Trusted laptops</source>
        <translation>Laptop tepercaya</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Withdraw trust…</source>
        <translation>Cabut kepercayaan…</translation>
    </message>
    <message>
        <source>Missing packages and warnings</source>
        <translation>Paket yang hilang dan peringatan</translation>
    </message>
    <message>
        <source>Import reports</source>
        <translation>Laporan impor</translation>
    </message>
    <message>
        <source>Undo this package…</source>
        <translation>Batalkan paket ini…</translation>
    </message>
    <message>
        <source>Bring back what this package moved to the Trash</source>
        <translation>Kembalikan data yang dipindahkan paket ini ke Sampah</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>Sinkronisasi</translation>
    </message>
    <message>
        <source>This database</source>
        <translation>Basis data ini</translation>
    </message>
    <message>
        <source>Reading the sync status…</source>
        <translation>Membaca status sinkronisasi…</translation>
    </message>
    <message>
        <source>hub</source>
        <translation>simpul</translation>
    </message>
    <message>
        <source>province</source>
        <translation>provinsi</translation>
    </message>
    <message>
        <source>ministry</source>
        <translation>kementerian</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>dicabut</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(kosong)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>Laporan impor</translation>
    </message>
    <message>
        <source>Rename this database</source>
        <translation>Ganti nama basis data ini</translation>
    </message>
    <message>
        <source>Rename this laptop</source>
        <translation>Ganti nama laptop ini</translation>
    </message>
    <message>
        <source>The name other laptops see, the same for every workstation of this database (for example Kementerian PANRB):</source>
        <translation>Nama yang dilihat laptop lain, sama untuk setiap komputer yang memakai basis data ini (misalnya Kementerian PANRB):</translation>
    </message>
    <message>
        <source>The name other laptops see (for example Laptop Simpul Banten 1):</source>
        <translation>Nama yang dilihat laptop lain (misalnya Laptop Simpul Banten 1):</translation>
    </message>
    <message>
        <source>The name must be 1 to 80 characters.</source>
        <translation>Nama harus 1 sampai 80 karakter.</translation>
    </message>
    <message>
        <source>Saving the choice…</source>
        <translation>Menyimpan pilihan…</translation>
    </message>
    <message>
        <source>Withdraw trust</source>
        <translation>Cabut kepercayaan</translation>
    </message>
    <message>
        <source>Refuse every later package signed by {0} (fingerprint {1})?

What was already imported from it stays. The withdrawal travels with this laptop&apos;s packages; laptops that trust this one as a province or ministry laptop will refuse that key too. Use this for a lost or stolen laptop.</source>
        <translation>Tolak setiap paket berikutnya yang ditandatangani oleh {0} (sidik jari {1})?

Data yang sudah diimpor darinya tetap ada. Pencabutan ini ikut terkirim bersama paket laptop ini; laptop yang memercayai laptop ini sebagai laptop provinsi atau kementerian juga akan menolak kunci itu. Gunakan ini untuk laptop yang hilang atau dicuri.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <source>Export to which folder?</source>
        <translation>Ekspor ke folder mana?</translation>
    </message>
    <message>
        <source>Lock the package</source>
        <translation>Kunci paket</translation>
    </message>
    <message>
        <source>The package will be locked with this passphrase. Write it down or read it to the receiver by phone: it is not kept anywhere, and without it the package cannot be opened. You may type another one (at least 10 characters).</source>
        <translation>Paket akan dikunci dengan frasa sandi ini. Catat atau bacakan kepada penerima lewat telepon: frasa sandi tidak disimpan di mana pun, dan tanpanya paket tidak dapat dibuka. Anda boleh mengetik frasa sandi lain (paling sedikit 10 karakter).</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Ekspor</translation>
    </message>
    <message>
        <source>Writing the package…</source>
        <translation>Menulis paket…</translation>
    </message>
    <message>
        <source>Package {0} was written to {1}.</source>
        <translation>Paket {0} ditulis ke {1}.</translation>
    </message>
    <message>
        <source>Exchange through which folder?</source>
        <translation>Bertukar melalui folder mana?</translation>
    </message>
    <message>
        <source>Exchange through a folder</source>
        <translation>Bertukar melalui folder</translation>
    </message>
    <message>
        <source>Writing and reading packages…</source>
        <translation>Menulis dan membaca paket…</translation>
    </message>
    <message>
        <source>No packages from other laptops in this folder yet.</source>
        <translation>Belum ada paket dari laptop lain di folder ini.</translation>
    </message>
    <message>
        <source>Import which package?</source>
        <translation>Impor paket yang mana?</translation>
    </message>
    <message>
        <source>JIPP packages (*.jipp)</source>
        <translation>Paket JIPP (*.jipp)</translation>
    </message>
    <message>
        <source>Unknown sender</source>
        <translation>Pengirim tidak dikenal</translation>
    </message>
    <message>
        <source>This package comes from a laptop not trusted yet:

{0}
{1}
Fingerprint: {2}

Compare the fingerprint with the sender (by phone or in person). Trust this sender?</source>
        <translation>Paket ini berasal dari laptop yang belum dipercaya:

{0}
{1}
Sidik jari: {2}

Cocokkan sidik jari dengan pengirim (lewat telepon atau langsung). Percayai pengirim ini?</translation>
    </message>
    <message>
        <source>Locked package</source>
        <translation>Paket terkunci</translation>
    </message>
    <message>
        <source>Passphrase of this package:</source>
        <translation>Frasa sandi paket ini:</translation>
    </message>
    <message>
        <source>Import preview</source>
        <translation>Pratinjau impor</translation>
    </message>
    <message>
        <source>Nothing has changed yet. Import these changes?</source>
        <translation>Belum ada yang berubah. Impor perubahan ini?</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Impor</translation>
    </message>
    <message>
        <source>Checking the package…</source>
        <translation>Memeriksa paket…</translation>
    </message>
    <message>
        <source>Many deletions</source>
        <translation>Banyak penghapusan</translation>
    </message>
    <message>
        <source>Records in the Trash can be brought back later with &quot;Undo this package&quot;. Import this package and move them to the Trash?</source>
        <translation>Data di Sampah dapat dikembalikan nanti dengan &quot;Batalkan paket ini&quot;. Impor paket ini dan pindahkan data tersebut ke Sampah?</translation>
    </message>
    <message>
        <source>Importing the package…</source>
        <translation>Mengimpor paket…</translation>
    </message>
    <message>
        <source>Undo this package</source>
        <translation>Batalkan paket ini</translation>
    </message>
    <message>
        <source>Bring back everything package {0} from {1} moved to the Trash that is still there? Each record comes back as a new change that travels to the other laptops.</source>
        <translation>Kembalikan semua data yang dipindahkan paket {0} dari {1} ke Sampah dan masih ada di sana? Setiap data kembali sebagai perubahan baru yang ikut terkirim ke laptop lain.</translation>
    </message>
    <message>
        <source>Bringing records back…</source>
        <translation>Mengembalikan data…</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>UndoNotice</name>
    <message>
        <source>Undo</source>
        <translation>Urungkan</translation>
    </message>
    <message>
        <source>Bring the records back (Ctrl+Z)</source>
        <translation>Kembalikan data tersebut (Ctrl+Z)</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) moved to the trash —</source>
        <translation>
            <numerusform>%n data dipindahkan ke Sampah —</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>JIPP Desktop</source>
        <translation>JIPP Desktop</translation>
    </message>
    <message>
        <source>The database file is missing from a data folder that has held data. JIPP Desktop does not start from scratch over it.</source>
        <translation>Berkas basis data tidak ada di folder data yang pernah berisi data. JIPP Desktop tidak memulai dari kosong di atasnya.</translation>
    </message>
    <message>
        <source>Restore the newest backup (%1)? Files left in the folder are kept in the backups folder.</source>
        <translation>Pulihkan cadangan terbaru (%1)? Berkas yang tertinggal di folder disimpan di folder cadangan.</translation>
    </message>
    <message>
        <source>The database is damaged and cannot be opened.</source>
        <translation>Basis data rusak dan tidak dapat dibuka.</translation>
    </message>
    <message>
        <source>Restore the latest good backup (%1)? The damaged file is kept in the backups folder.</source>
        <translation>Pulihkan cadangan terakhir yang baik (%1)? Berkas yang rusak disimpan di folder cadangan.</translation>
    </message>
    <message>
        <source>The data folder %1 is encrypted. Passphrase:</source>
        <translation>Folder data %1 terenkripsi. Frasa sandi:</translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>Frasa sandi salah.</translation>
    </message>
    <message>
        <source>Opening the data folder…</source>
        <translation>Membuka folder data…</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <source>Last changed</source>
        <translation>Terakhir diubah</translation>
    </message>
</context>
<context>
    <name>display</name>
    <message>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
</context>
<context>
    <name>editor</name>
    <message>
        <source>General</source>
        <translation>Umum</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Uraian</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontak</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Isi</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The file or folder could not be used: {0}</source>
        <translation>Berkas atau folder tidak dapat dipakai: {0}</translation>
    </message>
    <message>
        <source>Something went wrong. The details were written to the log file.</source>
        <translation>Terjadi kesalahan. Rinciannya dicatat di berkas log.</translation>
    </message>
    <message>
        <source>JIPP Desktop</source>
        <translation>JIPP Desktop</translation>
    </message>
</context>
<context>
    <name>history</name>
    <message>
        <source>Created</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Diubah</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Dihapus</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Dipulihkan</translation>
    </message>
    <message>
        <source>File attached</source>
        <translation>Berkas dilampirkan</translation>
    </message>
    <message>
        <source>File removed</source>
        <translation>Lampiran dihapus</translation>
    </message>
    <message>
        <source>Time stamp corrected</source>
        <translation>Cap waktu diperbaiki</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Lampiran</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <source>Home</source>
        <translation>Beranda</translation>
    </message>
    <message>
        <source>Innovations</source>
        <translation>Inovasi</translation>
    </message>
    <message>
        <source>Replications</source>
        <translation>Replikasi</translation>
    </message>
    <message>
        <source>Commitments</source>
        <translation>Komitmen</translation>
    </message>
    <message>
        <source>Mentoring</source>
        <translation>Pendampingan</translation>
    </message>
    <message>
        <source>Work plans</source>
        <translation>Rencana Kegiatan</translation>
    </message>
    <message>
        <source>Innovation hubs</source>
        <translation>Simpul Inovasi</translation>
    </message>
    <message>
        <source>Agencies</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>Sinkronisasi</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Save the import template</source>
        <translation>Simpan templat impor</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Buku kerja Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
</context>
</TS>
