-- Medicines: the product catalogue and who gets what.
--   strnum/strunit  strength per unit; ddd: defined daily dose in strunit units (NULL: no DDD)
--   packsizes       one product per pack size
CREATE TABLE ref_drug (atc VARCHAR, name VARCHAR, strnum DOUBLE, strunit VARCHAR, ddd DOUBLE, packsizes DOUBLE[]);
INSERT INTO ref_drug VALUES
    ('A02BC02', 'Pantoprazol', 40, 'mg', 40, [28, 56, 100]),
    ('A02BC05', 'Esomeprazol', 20, 'mg', 30, [28, 98]),
    ('A04AA01', 'Ondansetron', 8, 'mg', 16, [10, 30]),
    ('A06AD65', 'Movicol', 13.8, 'g', 13.8, [30, 100]),
    ('A09AA02', 'Creon', 25000, 'E', 50000, [100, 200]),
    ('A10AB05', 'NovoRapid', 100, 'IE/ml', 40, [15, 30]),
    ('A10AE04', 'Lantus', 100, 'IE/ml', 40, [15, 30]),
    ('A10AE05', 'Levemir', 100, 'IE/ml', 40, [15]),
    ('A10AE06', 'Tresiba', 100, 'IE/ml', 40, [15, 30]),
    ('A10BA02', 'Metformin', 500, 'mg', 2000, [100, 250, 400]),
    ('A10BH01', 'Januvia', 100, 'mg', 100, [28, 98]),
    ('A10BJ02', 'Victoza', 6, 'mg/ml', 1.5, [6, 18]),
    ('A10BJ06', 'Ozempic', 1.34, 'mg/ml', 0.11, [3]),
    ('A10BK01', 'Forxiga', 10, 'mg', 10, [28, 98]),
    ('A10BK03', 'Jardiance', 10, 'mg', 17.5, [30, 100]),
    ('B01AC06', 'Hjertemagnyl', 75, 'mg', 75, [100, 250]),
    ('B01AF01', 'Xarelto', 20, 'mg', 20, [28, 98]),
    ('B01AF02', 'Eliquis', 5, 'mg', 10, [60, 168]),
    ('C03CA01', 'Furosemid', 40, 'mg', 40, [100, 250]),
    ('C07AB02', 'Metoprolol', 100, 'mg', 150, [100, 250]),
    ('C08CA01', 'Amlodipin', 5, 'mg', 5, [98, 250]),
    ('C09AA02', 'Enalapril', 10, 'mg', 10, [100]),
    ('C09AA05', 'Ramipril', 5, 'mg', 2.5, [100, 250]),
    ('C09CA01', 'Losartan', 50, 'mg', 50, [98, 250]),
    ('C10AA01', 'Simvastatin', 40, 'mg', 30, [100, 250]),
    ('C10AA05', 'Atorvastatin', 20, 'mg', 20, [100, 250]),
    ('D07AB02', 'Locoid', 0.1, '%', NULL, [30, 100]),
    ('D07AC01', 'Betnovat', 0.1, '%', NULL, [30, 100]),
    ('G03AA07', 'Microgyn', 0.15, 'mg', NULL, [63, 84]),
    ('G03AC09', 'Cerazette', 0.075, 'mg', NULL, [84]),
    ('G03CA03', 'Estrofem', 1, 'mg', 2, [84]),
    ('G04CA02', 'Tamsulosin', 0.4, 'mg', 0.4, [30, 100]),
    ('H02AB06', 'Prednisolon', 5, 'mg', 10, [30, 100]),
    ('H03AA01', 'Eltroxin', 0.1, 'mg', 0.15, [100]),
    ('J01AA02', 'Doxycyclin', 100, 'mg', 100, [10, 20]),
    ('J01CA04', 'Amoxicillin', 500, 'mg', 1500, [20, 30]),
    ('J01CA08', 'Selexid', 400, 'mg', 600, [10, 15]),
    ('J01CE02', 'Penicillin V', 1000000, 'IE', 2000000, [20, 30, 40]),
    ('J01FA09', 'Clarithromycin', 500, 'mg', 500, [14, 20]),
    ('J01MA02', 'Ciprofloxacin', 500, 'mg', 1000, [10, 20]),
    ('J01XE01', 'Nitrofurantoin', 50, 'mg', 200, [30, 100]),
    ('J05AB11', 'Valaciclovir', 500, 'mg', 3000, [10, 42]),
    ('L02BA01', 'Tamoxifen', 20, 'mg', 20, [30, 100]),
    ('L02BG03', 'Anastrozol', 1, 'mg', 1, [28, 98]),
    ('L02BG04', 'Letrozol', 2.5, 'mg', 2.5, [30, 100]),
    ('L03AB07', 'Rebif', 44, 'mikg', 4.3, [12]),
    ('L03AB13', 'Plegridy', 125, 'mikg', 8.9, [2]),
    ('L04AA27', 'Gilenya', 0.5, 'mg', 0.5, [28, 98]),
    ('L04AA31', 'Aubagio', 14, 'mg', 14, [28, 84]),
    ('L04AX03', 'Methotrexat', 2.5, 'mg', 2.5, [30, 100]),
    ('L04AX07', 'Tecfidera', 240, 'mg', 480, [56]),
    ('M01AE01', 'Ibuprofen', 400, 'mg', 1200, [20, 30, 100]),
    ('M01AE02', 'Naproxen', 500, 'mg', 500, [20, 50]),
    ('M05BA04', 'Alendronat', 70, 'mg', 10, [4, 12]),
    ('N02AA01', 'Morfin', 10, 'mg', 100, [20, 50]),
    ('N02AX02', 'Tramadol', 50, 'mg', 300, [20, 100]),
    ('N02BE01', 'Paracetamol', 500, 'mg', 3000, [20, 100, 300]),
    ('N02CC01', 'Sumatriptan', 50, 'mg', 50, [6, 18]),
    ('N03AX16', 'Pregabalin', 75, 'mg', 300, [56, 100]),
    ('N05AH04', 'Quetiapin', 25, 'mg', 400, [100]),
    ('N05BA01', 'Diazepam', 5, 'mg', 10, [10, 25]),
    ('N05CF01', 'Zopiclon', 7.5, 'mg', 7.5, [30, 100]),
    ('N05CF02', 'Zolpidem', 10, 'mg', 10, [10, 30]),
    ('N06AB04', 'Citalopram', 20, 'mg', 20, [100]),
    ('N06AB06', 'Sertralin', 50, 'mg', 50, [98]),
    ('N06AB10', 'Escitalopram', 10, 'mg', 10, [28, 98]),
    ('N06AX11', 'Mirtazapin', 30, 'mg', 30, [30, 100]),
    ('N06DA02', 'Donepezil', 10, 'mg', 7.5, [28, 98]),
    ('N07XX02', 'Riluzol', 50, 'mg', 100, [56]),
    ('N07XX06', 'Tetrabenazin', 25, 'mg', 100, [112]),
    ('P01AB01', 'Metronidazol', 500, 'mg', 1500, [15, 21]),
    ('R01AD09', 'Mometason', 50, 'mikg', 200, [140]),
    ('R03AC02', 'Ventoline', 0.1, 'mg', 0.8, [200]),
    ('R03AK10', 'Relvar Ellipta', 0.092, 'mg', 0.092, [30]),
    ('R03AL03', 'Anoro Ellipta', 0.055, 'mg', 0.055, [30]),
    ('R03AL04', 'Ultibro', 0.085, 'mg', 0.085, [30, 90]),
    ('R03BA02', 'Pulmicort', 0.2, 'mg', 0.8, [100, 200]),
    ('R03BB04', 'Spiriva', 0.0025, 'mg', 0.005, [60]),
    ('R05CB13', 'Pulmozyme', 2.5, 'mg', 2.5, [30]),
    ('R05DA04', 'Kodein', 25, 'mg', 100, [20, 50]),
    ('R06AE07', 'Cetirizin', 10, 'mg', 10, [30, 100]),
    ('R06AX27', 'Desloratadin', 5, 'mg', 5, [30, 90]),
    ('R07AX32', 'Kaftrio', 75, 'mg', NULL, [56]),
    ('S01AA01', 'Kloramfenikol', 0.5, '%', NULL, [10]);

-- Long-term background treatments: national users, share of women, age profile, dispensings a year.
CREATE TABLE ref_chronic_drug (atc VARCHAR, users INTEGER, female_share DOUBLE, profile VARCHAR, refills DOUBLE);
INSERT INTO ref_chronic_drug VALUES
    ('N02BE01', 620000, 0.62, 'veryold', 9), ('C10AA05', 600000, 0.45, 'old', 6),
    ('C10AA01', 180000, 0.45, 'old', 6), ('C09AA05', 180000, 0.42, 'old', 6),
    ('C09AA02', 90000, 0.45, 'old', 6), ('C09CA01', 380000, 0.5, 'old', 6),
    ('C08CA01', 420000, 0.5, 'old', 6), ('C07AB02', 250000, 0.5, 'old', 6),
    ('C03CA01', 180000, 0.55, 'veryold', 8), ('B01AC06', 230000, 0.45, 'veryold', 5),
    ('B01AF02', 140000, 0.45, 'veryold', 7), ('B01AF01', 60000, 0.45, 'veryold', 7),
    ('A02BC02', 300000, 0.57, 'old', 6), ('A02BC05', 100000, 0.57, 'old', 6),
    ('N06AB10', 180000, 0.65, 'adult', 6), ('N06AB06', 150000, 0.65, 'adult', 6),
    ('N06AB04', 90000, 0.65, 'old', 6), ('H03AA01', 240000, 0.85, 'mid', 6),
    ('G03AA07', 220000, 1.0, 'fertile', 4), ('G03AC09', 90000, 1.0, 'fertile', 4),
    ('N05CF01', 130000, 0.62, 'old', 6), ('N02AX02', 120000, 0.58, 'old', 5),
    ('R03AC02', 260000, 0.55, 'flat', 3), ('R03BA02', 120000, 0.55, 'flat', 3),
    ('R06AX27', 200000, 0.58, 'young', 2), ('N03AX16', 80000, 0.6, 'mid', 7),
    ('M05BA04', 90000, 0.85, 'veryold', 4), ('N06DA02', 20000, 0.6, 'veryold', 7),
    ('N05AH04', 60000, 0.55, 'young', 7), ('N06AX11', 70000, 0.6, 'veryold', 6),
    ('G04CA02', 120000, 0.0, 'old', 5), ('L04AX03', 30000, 0.65, 'mid', 7);

-- One-off (acute) prescriptions: relative frequency by age band and sex.
CREATE TABLE ref_acute_drug (atc VARCHAR, w DOUBLE, profile VARCHAR, sex VARCHAR);
INSERT INTO ref_acute_drug VALUES
    ('J01CE02', 8, 'child', NULL), ('J01CA04', 3, 'child', NULL), ('J01CA08', 4, 'old', '2'),
    ('J01XE01', 1.5, 'old', '2'), ('J01FA09', 1.2, 'adult', NULL), ('J01MA02', 1, 'old', NULL),
    ('J01AA02', 1, 'adult', NULL), ('M01AE01', 5, 'young', NULL), ('M01AE02', 2, 'adult', NULL),
    ('N02BE01', 4, 'flat', NULL), ('N02AA01', 0.8, 'veryold', NULL), ('H02AB06', 1.5, 'old', NULL),
    ('D07AC01', 2, 'flat', NULL), ('D07AB02', 1, 'child', NULL), ('S01AA01', 1.5, 'child', NULL),
    ('R06AE07', 2, 'young', NULL), ('R05DA04', 0.8, 'adult', NULL), ('A04AA01', 0.5, 'adult', NULL),
    ('N05BA01', 0.8, 'adult', NULL), ('N05CF02', 0.5, 'old', NULL), ('G03CA03', 1, 'mid', '2'),
    ('A06AD65', 1.5, 'veryold', NULL), ('J05AB11', 0.6, 'adult', NULL), ('P01AB01', 0.7, 'adult', NULL),
    ('N02CC01', 0.8, 'young', '2'), ('R01AD09', 1.5, 'young', NULL);

INSERT INTO pick_weight
SELECT 'drug_acute', stratum(t.band, s.koen), a.atc, a.w * p.w[t.band + 1]
FROM ref_acute_drug a
JOIN ref_profile p USING (profile)
CROSS JOIN (SELECT range::INTEGER AS band FROM range(10)) t
CROSS JOIN (VALUES ('1'), ('2')) s(koen)
WHERE a.sex IS NULL OR a.sex = s.koen;

-- Products: one per pack size, with a number (vnr) and an indication code per ATC.
-- The catalogue is the same for every seed, like the real one.
CREATE TABLE ref_product AS
WITH d AS (
    SELECT *, row_number() OVER (ORDER BY atc) AS drug_no FROM ref_drug
), p AS (
    SELECT d.*, unnest(range(len(d.packsizes))) AS slot FROM d
), n AS (
    SELECT p.*, row_number() OVER (ORDER BY atc, slot) AS product_no FROM p
)
SELECT atc, slot::INTEGER AS slot, drug_no::INTEGER AS drug_no, len(packsizes)::INTEGER AS products,
       -- a bijection on 100000..999999 so numbers are unique but not consecutive
       (100000 + (product_no * 7919 + 34567) % 900000)::VARCHAR AS vnr,
       name || ' "' || ['Teva', 'Sandoz', 'Krka', 'Orion', 'Stada', 'Accord', 'Viatris'][1 + (product_no % 7)::INTEGER] || '"' AS pname,
       packsizes[slot + 1] AS packsize, strnum, strunit,
       CASE WHEN ddd IS NOT NULL THEN round(packsizes[slot + 1] * strnum / ddd, 2) END AS volume,
       lpad((1000 + drug_no * 37)::VARCHAR, 7, '0') AS indo
FROM n;
