-- Population structure and age profiles. Bands are 0-9, 10-19, ..., 90+ (list index = band + 1).

-- Age pyramid of residents (per cent per band) and of immigrants (mostly young adults).
INSERT INTO pick_weight
SELECT 'age_resident', 0, (i - 1)::VARCHAR, [11, 12, 13, 12, 12, 14, 12, 10, 4.5, 0.9][i]
FROM range(1, 11) t(i)
UNION ALL
SELECT 'age_immigrant', 0, (i - 1)::VARCHAR, [9, 10, 38, 22, 10, 6, 3, 1.5, 0.4, 0.1][i]
FROM range(1, 11) t(i);

-- Share of women by age band: more women among the old.
CREATE TABLE ref_female_share AS
SELECT (i - 1) AS band, [0.487, 0.487, 0.49, 0.495, 0.497, 0.5, 0.505, 0.525, 0.575, 0.71][i] AS p
FROM range(1, 11) t(i);

-- Relative weight by age band of the shapes used by diseases, diagnoses and drugs.
CREATE TABLE ref_profile (profile VARCHAR, w DOUBLE[]);
INSERT INTO ref_profile VALUES
    ('flat',    [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
    ('child',   [3, 1.5, 0.6, 0.5, 0.5, 0.5, 0.5, 0.6, 0.7, 0.7]),
    ('young',   [0.3, 1.5, 2, 1.5, 1, 0.7, 0.5, 0.4, 0.3, 0.3]),
    ('adult',   [0.05, 0.4, 1, 1.3, 1.5, 1.5, 1.3, 1, 0.8, 0.6]),
    ('mid',     [0.1, 0.5, 0.8, 1, 1.3, 1.5, 1.5, 1.3, 1, 0.8]),
    ('old',     [0, 0.02, 0.1, 0.2, 0.5, 1, 2, 3.5, 5, 5.5]),
    ('veryold', [0, 0, 0, 0.02, 0.05, 0.2, 0.7, 2, 5, 8]),
    ('fertile', [0, 0.1, 3, 2, 0.2, 0, 0, 0, 0, 0]);

-- Per person-year: background hospital contacts and acute (one-off) prescriptions by age band.
-- Women see doctors more often in adult life; frailty (per person) spreads these around the mean.
CREATE TABLE ref_rate AS
SELECT (i - 1) AS band,
       [2.2, 1.6, 2.0, 2.4, 2.5, 2.9, 3.6, 4.6, 5.6, 5.8][i] AS contacts,
       [3.2, 1.9, 2.4, 2.5, 2.6, 3.0, 3.5, 4.2, 4.8, 4.8][i] AS acute_drugs,
       -- emigration weight: mostly young adults
       [0.5, 0.35, 2.6, 1.6, 0.6, 0.3, 0.2, 0.1, 0.05, 0.05][i] AS emigration
FROM range(1, 11) t(i);

CREATE MACRO female_factor(koen, band) AS CASE WHEN koen = '2' AND band BETWEEN 2 AND 6 THEN 1.2 ELSE 1.0 END;
