-- Causes of death (ICD-10 without the D prefix) for people whose own disease is not the cause.
CREATE TABLE ref_death_cause (code VARCHAR, w DOUBLE, profile VARCHAR, sex VARCHAR);
INSERT INTO ref_death_cause VALUES
    ('I219', 5, 'old', NULL), ('I251', 5, 'old', NULL), ('I639', 4, 'old', NULL),
    ('I64', 3, 'veryold', NULL), ('I500', 3, 'veryold', NULL), ('J189', 4, 'veryold', NULL),
    ('C349', 8, 'old', NULL), ('C189', 3, 'old', NULL), ('C259', 2.5, 'old', NULL),
    ('C619', 3, 'old', '1'), ('C56', 1, 'old', '2'), ('F03', 5, 'veryold', NULL),
    ('G309', 2, 'veryold', NULL), ('N179', 1, 'veryold', NULL), ('A419', 1.5, 'veryold', NULL),
    ('K703', 1, 'adult', NULL), ('X59', 1, 'flat', NULL), ('R99', 1.5, 'flat', NULL),
    ('X70', 1.5, 'young', NULL), ('V892', 1, 'young', NULL),
    ('P072', 1, 'child', NULL), ('Q249', 1, 'child', NULL), ('R95', 0.5, 'child', NULL);

INSERT INTO pick_weight
SELECT 'death_cause', stratum(t.band, s.koen), c.code, c.w * p.w[t.band + 1]
FROM ref_death_cause c
JOIN ref_profile p USING (profile)
CROSS JOIN (SELECT range::INTEGER AS band FROM range(10)) t
CROSS JOIN (VALUES ('1'), ('2')) s(koen)
WHERE c.sex IS NULL OR c.sex = s.koen;

-- Immediate causes (certificate line 1a).
INSERT INTO pick_weight
SELECT 'death_immediate', 0, code, w FROM (VALUES
    ('R092', 3), ('I469', 3), ('J189', 2), ('A419', 1.5), ('I500', 1.5), ('J960', 1)
) t(code, w);
