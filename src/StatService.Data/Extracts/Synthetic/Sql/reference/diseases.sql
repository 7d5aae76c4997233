-- Chronic and rare diseases that orders ask about. Counts are national (5.9 million residents)
-- and scaled to the extract. disease_id doubles as priority when choosing a cause of death.
--   prevalent       persons with the disease at the start of coverage
--   incident        new cases a year during coverage
--   prev_w / inc_w  relative risk by age band (0-9 ... 90+)
--   visible         share of prevalent cases seen in hospital during coverage (others: GP only)
--   followups       hospital contacts a year per visible case
--   dx_acute        share of first (diagnosis) contacts that are acute
--   mortality       hazard ratio for death; death_share: share of deaths with it as underlying cause
CREATE TABLE ref_disease (
    disease_id INTEGER, name VARCHAR, prevalent INTEGER, incident INTEGER, female_share DOUBLE,
    prev_w DOUBLE[], inc_w DOUBLE[], visible DOUBLE, followups DOUBLE, specialty VARCHAR,
    dx_acute DOUBLE, mortality DOUBLE, death_share DOUBLE, death_code VARCHAR);
INSERT INTO ref_disease VALUES
    (1, 'ALS', 450, 190, 0.40,
        [0, 0, 0.02, 0.1, 0.4, 1, 2, 2, 1, 0.3], [0, 0, 0.02, 0.1, 0.4, 1, 2, 2, 1, 0.3],
        1.0, 5, 'neurologi', 0.2, 25, 0.9, 'G122'),
    (2, 'cystic fibrosis', 500, 15, 0.50,
        [1, 1.2, 1.2, 1, 0.6, 0.3, 0.1, 0, 0, 0], [10, 0.5, 0.1, 0, 0, 0, 0, 0, 0, 0],
        1.0, 6, 'lungesygdomme', 0.3, 30, 0.8, 'E849'),
    (3, 'Huntington', 400, 25, 0.50,
        [0, 0.05, 0.3, 0.8, 1.2, 1.2, 1, 0.6, 0.2, 0.05], [0, 0.05, 0.4, 1, 1.2, 1, 0.6, 0.2, 0, 0],
        0.95, 2, 'neurologi', 0.05, 4, 0.7, 'G10'),
    (4, 'breast cancer', 26000, 5100, 0.99,
        [0, 0, 0.02, 0.3, 1, 2, 3, 3.3, 2.6, 1.5], [0, 0, 0.05, 0.5, 1.5, 2.5, 3.5, 3.3, 2.5, 1.5],
        1.0, 4, 'onkologi', 0.05, 3, 0.55, 'C509'),
    (5, 'COPD', 410000, 20000, 0.52,
        [0, 0, 0.02, 0.1, 0.5, 2, 6, 10, 12, 10], [0, 0, 0.02, 0.1, 0.6, 2.5, 6, 9, 10, 8],
        0.8, 1.0, 'lungesygdomme', 0.35, 2.2, 0.2, 'J449'),
    (6, 'multiple sclerosis', 17800, 700, 0.685,
        [0, 0.05, 0.6, 1.5, 2, 2, 1.6, 1, 0.4, 0.1], [0, 0.2, 2, 2.2, 1.6, 0.8, 0.3, 0.1, 0, 0],
        0.98, 2, 'neurologi', 0.1, 1.7, 0.35, 'G35'),
    (7, 'type 1 diabetes', 30000, 800, 0.45,
        [0.6, 1.5, 1.3, 1.1, 1, 1, 0.9, 0.7, 0.5, 0.3], [3, 3, 1, 0.5, 0.4, 0.3, 0.3, 0.2, 0.1, 0.1],
        0.97, 2.5, 'endokrinologi', 0.4, 2.5, 0.3, 'E109'),
    (8, 'type 2 diabetes', 285000, 22000, 0.44,
        [0, 0.02, 0.1, 0.5, 1.5, 4, 7, 9, 8, 6], [0, 0.03, 0.2, 0.8, 2, 4, 6, 6, 4.5, 3],
        0.85, 1.2, 'endokrinologi', 0.1, 1.6, 0.15, 'E119'),
    (9, 'sarcoidosis', 2600, 300, 0.45,
        [0, 0, 0.5, 1.2, 1.5, 1.3, 0.9, 0.5, 0.2, 0.05], [0, 0.05, 1, 1.5, 1.4, 1, 0.6, 0.2, 0, 0],
        0.9, 1.5, 'lungesygdomme', 0.1, 1.3, 0.1, 'D869');

-- SKS codes recorded for each disease, with their relative frequency.
INSERT INTO pick_weight
SELECT 'dx:' || disease_id, 0, code, w FROM (VALUES
    (1, 'DG122', 1),
    (2, 'DE849', 0.5), (2, 'DE840', 0.3), (2, 'DE841', 0.2),
    (3, 'DG10', 1),
    (4, 'DC509', 0.5), (4, 'DC504', 0.2), (4, 'DC505', 0.1), (4, 'DC502', 0.1), (4, 'DC508', 0.1),
    (5, 'DJ449', 0.7), (5, 'DJ441', 0.2), (5, 'DJ440', 0.1),
    (6, 'DG35', 1),
    (7, 'DE109', 0.55), (7, 'DE103', 0.15), (7, 'DE102', 0.1), (7, 'DE104', 0.1), (7, 'DE101', 0.1),
    (8, 'DE119', 0.6), (8, 'DE112', 0.1), (8, 'DE113', 0.1), (8, 'DE114', 0.1), (8, 'DE115', 0.05), (8, 'DE118', 0.05),
    (9, 'DD869', 0.6), (9, 'DD860', 0.3), (9, 'DD861', 0.1)
) t(disease_id, code, w);

-- Drugs for each disease: share of patients treated and dispensings a year while treated.
CREATE TABLE ref_disease_drug (disease_id INTEGER, atc VARCHAR, p_use DOUBLE, refills DOUBLE);
INSERT INTO ref_disease_drug VALUES
    (1, 'N07XX02', 0.8, 8),
    (2, 'R05CB13', 0.7, 10), (2, 'A09AA02', 0.85, 10), (2, 'R07AX32', 0.45, 10),
    (3, 'N07XX06', 0.4, 6),
    (4, 'L02BG04', 0.5, 4), (4, 'L02BG03', 0.2, 4), (4, 'L02BA01', 0.25, 4),
    (5, 'R03AL03', 0.35, 5), (5, 'R03AL04', 0.15, 5), (5, 'R03BB04', 0.35, 5), (5, 'R03AC02', 0.55, 3),
    (5, 'R03AK10', 0.2, 5), (5, 'H02AB06', 0.3, 1.5),
    (6, 'L04AA27', 0.15, 8), (6, 'L04AA31', 0.2, 8), (6, 'L04AX07', 0.3, 8), (6, 'L03AB07', 0.12, 8),
    (6, 'L03AB13', 0.05, 8),
    (7, 'A10AB05', 0.92, 6), (7, 'A10AE04', 0.5, 5), (7, 'A10AE06', 0.35, 5), (7, 'A10AE05', 0.12, 5),
    (8, 'A10BA02', 0.78, 5), (8, 'A10BK01', 0.18, 5), (8, 'A10BK03', 0.2, 5), (8, 'A10BJ02', 0.1, 6),
    (8, 'A10BJ06', 0.22, 6), (8, 'A10AE04', 0.12, 5), (8, 'A10BH01', 0.08, 5), (8, 'C10AA05', 0.5, 5),
    (8, 'C09CA01', 0.3, 5),
    (9, 'H02AB06', 0.5, 4), (9, 'L04AX03', 0.15, 6);
