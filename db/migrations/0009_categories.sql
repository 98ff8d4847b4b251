-- Schema version 9: the KIPP category (kategori) becomes a per-year vocabulary.
--
-- `category` holds every known category: the lists shipped with the app (shipped = 1,
-- refreshed from resources/categories/kipp.csv at start-up, core/categories.py) and the
-- entries ministry packages add (shipped = 0, with the adding device's clock `stamp`;
-- sync/extensions.py).  The rows below are the shipped lists as of this version, so the
-- mapping can run here, in one transaction with the schema change.
--
-- An innovation's free-text category becomes the code whose Indonesian or English label it
-- equals, ignoring case, surrounding space and the accents of common Latin letters; a label
-- found in several years' lists maps to the earliest.  The mapping looks at the value
-- alone (not the innovation's year), so every laptop maps a value the same way whatever
-- else it holds, and the field's sync stamp stays as it was.  A value that matches no
-- label is kept as "Lainnya: <text>".

CREATE TABLE category (
    code TEXT PRIMARY KEY,
    year INTEGER NOT NULL,
    label_id TEXT NOT NULL,
    label_en TEXT NOT NULL,
    shipped INTEGER NOT NULL DEFAULT 0,
    stamp TEXT
);

INSERT INTO category (year, code, label_id, label_en, shipped) VALUES
    (2021, '2021-poverty', 'Pengentasan Kemiskinan', 'Poverty reduction', 1),
    (2021, '2021-education', 'Pendidikan', 'Education', 1),
    (2021, '2021-health', 'Kesehatan', 'Health', 1),
    (2021, '2021-food_security', 'Ketahanan Pangan', 'Food security', 1),
    (2021, '2021-economy_jobs', 'Pertumbuhan Ekonomi dan Kesempatan Kerja', 'Economic growth and jobs', 1),
    (2021, '2021-community_empowerment', 'Pemberdayaan Masyarakat', 'Community empowerment', 1),
    (2021, '2021-gender_responsive', 'Pelayanan Publik Responsif Gender', 'Gender-responsive public service', 1),
    (2021, '2021-environment', 'Perlindungan dan Pelestarian Lingkungan Hidup', 'Environmental protection and conservation', 1),
    (2021, '2021-governance', 'Tata Kelola Pemerintahan', 'Governance', 1),
    (2021, '2021-law_enforcement', 'Penegakan Hukum', 'Law enforcement', 1),
    (2022, '2022-inclusive_services', 'Pelayanan Publik yang Inklusif dan Berkeadilan', 'Inclusive and fair public services', 1),
    (2022, '2022-sdg_effectiveness', 'Efektivitas Institusi Publik untuk Mencapai TPB/SDGs', 'Public-institution effectiveness for the SDGs', 1),
    (2022, '2022-pandemic_resilience', 'Ketahanan Institusi Publik di Masa Pandemi dan Antisipasi Pasca-Pandemi', 'Public-institution resilience in and after the pandemic', 1),
    (2025, '2025-gender_protection', 'Kesetaraan Gender dan Pelindungan Perempuan, Anak, dan Penyandang Disabilitas', 'Gender equality and protection of women, children and people with disabilities', 1),
    (2025, '2025-self_sufficiency', 'Swasembada Pangan, Air, dan Energi', 'Food, water and energy self-sufficiency', 1),
    (2025, '2025-jobs', 'Lapangan Kerja dan Kualitas Tenaga Kerja', 'Jobs and workforce quality', 1),
    (2025, '2025-health', 'Pelayanan Kesehatan', 'Health services', 1),
    (2025, '2025-nutritious_meals', 'Makan Bergizi', 'Nutritious meals', 1),
    (2025, '2025-economic_equity', 'Pemerataan Ekonomi dan UMKM', 'Economic equity and small businesses (UMKM)', 1),
    (2025, '2025-poverty', 'Pengentasan Kemiskinan', 'Eradicating poverty', 1),
    (2025, '2025-digital', 'Transformasi Digital Pelayanan Publik', 'Digital transformation of public services', 1),
    (2025, '2025-environment', 'Pelestarian Lingkungan Hidup', 'Environmental conservation', 1);

UPDATE innovation SET category = NULL WHERE trim(category) = '';

-- Each free-text value once, folded: lower case (ASCII in SQLite's lower()), then the
-- accented letters one statement each (nesting them all overflows SQLite's parser).
CREATE TABLE category_match (seq INTEGER PRIMARY KEY, folded TEXT NOT NULL);
INSERT INTO category_match (seq, folded)
    SELECT seq, lower(trim(category)) FROM innovation
    WHERE category IS NOT NULL
      AND category NOT IN (SELECT code FROM category)
      AND category NOT LIKE 'Lainnya:%';
UPDATE category_match SET folded = replace(replace(folded, 'á', 'a'), 'Á', 'a');
UPDATE category_match SET folded = replace(replace(folded, 'à', 'a'), 'À', 'a');
UPDATE category_match SET folded = replace(replace(folded, 'â', 'a'), 'Â', 'a');
UPDATE category_match SET folded = replace(replace(folded, 'ä', 'a'), 'Ä', 'a');
UPDATE category_match SET folded = replace(replace(folded, 'é', 'e'), 'É', 'e');
UPDATE category_match SET folded = replace(replace(folded, 'è', 'e'), 'È', 'e');
UPDATE category_match SET folded = replace(replace(folded, 'ê', 'e'), 'Ê', 'e');
UPDATE category_match SET folded = replace(replace(folded, 'ë', 'e'), 'Ë', 'e');
UPDATE category_match SET folded = replace(replace(folded, 'í', 'i'), 'Í', 'i');
UPDATE category_match SET folded = replace(replace(folded, 'ì', 'i'), 'Ì', 'i');
UPDATE category_match SET folded = replace(replace(folded, 'î', 'i'), 'Î', 'i');
UPDATE category_match SET folded = replace(replace(folded, 'ï', 'i'), 'Ï', 'i');
UPDATE category_match SET folded = replace(replace(folded, 'ó', 'o'), 'Ó', 'o');
UPDATE category_match SET folded = replace(replace(folded, 'ò', 'o'), 'Ò', 'o');
UPDATE category_match SET folded = replace(replace(folded, 'ô', 'o'), 'Ô', 'o');
UPDATE category_match SET folded = replace(replace(folded, 'ö', 'o'), 'Ö', 'o');
UPDATE category_match SET folded = replace(replace(folded, 'ú', 'u'), 'Ú', 'u');
UPDATE category_match SET folded = replace(replace(folded, 'ù', 'u'), 'Ù', 'u');
UPDATE category_match SET folded = replace(replace(folded, 'û', 'u'), 'Û', 'u');
UPDATE category_match SET folded = replace(replace(folded, 'ü', 'u'), 'Ü', 'u');
UPDATE category_match SET folded = replace(replace(folded, 'ç', 'c'), 'Ç', 'c');
UPDATE category_match SET folded = replace(replace(folded, 'ñ', 'n'), 'Ñ', 'n');

UPDATE innovation SET category = coalesce(
    (SELECT c.code FROM category AS c, category_match AS f
     WHERE f.seq = innovation.seq
       AND (lower(c.label_id) = f.folded OR lower(c.label_en) = f.folded)
     ORDER BY c.year LIMIT 1),
    'Lainnya: ' || trim(innovation.category))
WHERE innovation.seq IN (SELECT seq FROM category_match);

DROP TABLE category_match;
