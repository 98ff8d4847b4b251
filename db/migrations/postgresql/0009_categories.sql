-- Schema version 9 on PostgreSQL: db/migrations/0009_categories.sql says what and why.
-- The same shipped rows and the same mapping of old free text to codes; the folding is
-- SQLite's (lower() of ASCII letters only, as the "C" collation's lower() does here, then
-- the listed accented letters), written as one translate() instead of one UPDATE each.

CREATE TABLE category (
    code TEXT COLLATE "C" PRIMARY KEY,
    year BIGINT NOT NULL,
    label_id TEXT COLLATE "C" NOT NULL,
    label_en TEXT COLLATE "C" NOT NULL,
    shipped BIGINT NOT NULL DEFAULT 0,
    stamp TEXT COLLATE "C"
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

UPDATE innovation AS i SET category = coalesce(
    (SELECT c.code FROM category AS c
     WHERE lower(c.label_id) = f.folded OR lower(c.label_en) = f.folded
     ORDER BY c.year LIMIT 1),
    'Lainnya: ' || trim(i.category))
FROM (
    SELECT seq, translate(lower(trim(category)), 'áÁàÀâÂäÄéÉèÈêÊëËíÍìÌîÎïÏóÓòÒôÔöÖúÚùÙûÛüÜçÇñÑ', 'aaaaaaaaeeeeeeeeiiiiiiiioooooooouuuuuuuuccnn') AS folded
    FROM innovation
    WHERE category IS NOT NULL
      AND category NOT IN (SELECT code FROM category)
      AND category NOT LIKE 'Lainnya:%'
) AS f
WHERE f.seq = i.seq;
