-- Background diagnoses: everything that brings people to hospital besides the diseases above.
--   pool     'main' (action or secondary), 'symptom' (action or second secondary),
--            'comorbidity' (secondary only); secondary pools are disjoint so a contact never
--            gets the same code twice
--   sex      NULL, or the only sex that gets the code
--   acute    share of contacts that are acute; los: mean days in hospital (0 = outpatient)
CREATE TABLE ref_diagnosis (
    code VARCHAR, pool VARCHAR, w DOUBLE, profile VARCHAR, sex VARCHAR, specialty VARCHAR,
    acute DOUBLE, los DOUBLE);
INSERT INTO ref_diagnosis VALUES
    ('DS525', 'main', 1.0, 'flat', NULL, 'ortopædisk kirurgi', 0.95, 0.3),
    ('DS720', 'main', 0.4, 'veryold', NULL, 'ortopædisk kirurgi', 1.0, 8),
    ('DS934', 'main', 1.2, 'young', NULL, 'akutmedicin', 1.0, 0),
    ('DS099', 'main', 1.2, 'child', NULL, 'akutmedicin', 1.0, 0.3),
    ('DS610', 'main', 1.2, 'young', NULL, 'akutmedicin', 1.0, 0),
    ('DS828', 'main', 0.5, 'adult', NULL, 'ortopædisk kirurgi', 1.0, 2),
    ('DT149', 'main', 0.8, 'flat', NULL, 'akutmedicin', 1.0, 0),
    ('DI10', 'main', 1.5, 'old', NULL, 'kardiologi', 0.1, 0),
    ('DI489', 'main', 0.9, 'old', NULL, 'kardiologi', 0.5, 1.5),
    ('DI500', 'main', 0.6, 'veryold', NULL, 'kardiologi', 0.6, 4),
    ('DI209', 'main', 0.5, 'old', NULL, 'kardiologi', 0.4, 1),
    ('DI219', 'main', 0.3, 'old', NULL, 'kardiologi', 1.0, 5),
    ('DI639', 'main', 0.35, 'old', NULL, 'neurologi', 1.0, 7),
    ('DI802', 'main', 0.15, 'old', NULL, 'intern medicin', 0.8, 1),
    ('DI269', 'main', 0.1, 'old', NULL, 'intern medicin', 1.0, 4),
    ('DJ189', 'main', 0.8, 'veryold', NULL, 'intern medicin', 1.0, 5),
    ('DJ069', 'main', 0.5, 'child', NULL, 'pædiatri', 1.0, 0.5),
    ('DJ459', 'main', 0.6, 'young', NULL, 'lungesygdomme', 0.3, 0.5),
    ('DM545', 'main', 1.2, 'adult', NULL, 'ortopædisk kirurgi', 0.3, 0.2),
    ('DM179', 'main', 0.8, 'old', NULL, 'ortopædisk kirurgi', 0, 0.5),
    ('DM161', 'main', 0.5, 'old', NULL, 'ortopædisk kirurgi', 0, 1),
    ('DM751', 'main', 0.5, 'mid', NULL, 'ortopædisk kirurgi', 0, 0),
    ('DM069', 'main', 0.3, 'mid', NULL, 'reumatologi', 0, 0),
    ('DF329', 'main', 0.9, 'young', NULL, 'psykiatri', 0.2, 3),
    ('DF411', 'main', 0.5, 'young', NULL, 'psykiatri', 0.2, 0.5),
    ('DF900', 'main', 0.5, 'young', NULL, 'børne- og ungdomspsykiatri', 0, 0),
    ('DF200', 'main', 0.3, 'young', NULL, 'psykiatri', 0.3, 10),
    ('DF102', 'main', 0.3, 'adult', NULL, 'psykiatri', 0.5, 3),
    ('DK359', 'main', 0.3, 'young', NULL, 'kirurgi', 1.0, 2),
    ('DK802', 'main', 0.4, 'adult', NULL, 'kirurgi', 0.6, 2),
    ('DK409', 'main', 0.4, 'adult', '1', 'kirurgi', 0.1, 0.5),
    ('DK590', 'main', 0.3, 'child', NULL, 'pædiatri', 0.5, 0),
    ('DK529', 'main', 0.3, 'flat', NULL, 'gastroenterologi og hepatologi', 0.5, 1),
    ('DN390', 'main', 0.6, 'old', NULL, 'urologi', 0.7, 2),
    ('DN200', 'main', 0.3, 'adult', NULL, 'urologi', 0.8, 1),
    ('DN40', 'main', 0.4, 'old', '1', 'urologi', 0.1, 0.5),
    ('DN185', 'main', 0.3, 'veryold', NULL, 'nefrologi', 0.1, 1),
    ('DN979', 'main', 0.2, 'fertile', '2', 'gynækologi og obstetrik', 0, 0),
    ('DO800', 'main', 0.4, 'fertile', '2', 'gynækologi og obstetrik', 1.0, 2),
    ('DC349', 'main', 0.15, 'old', NULL, 'lungesygdomme', 0.3, 3),
    ('DC619', 'main', 0.15, 'old', '1', 'urologi', 0, 1),
    ('DC189', 'main', 0.12, 'old', NULL, 'kirurgi', 0.3, 5),
    ('DD179', 'main', 0.2, 'adult', NULL, 'plastikkirurgi', 0, 0),
    ('DH251', 'main', 0.6, 'veryold', NULL, 'oftalmologi', 0, 0),
    ('DH669', 'main', 0.4, 'child', NULL, 'oto-rhino-laryngologi', 0.8, 0),
    ('DL029', 'main', 0.3, 'young', NULL, 'kirurgi', 0.8, 1),
    ('DL400', 'main', 0.2, 'mid', NULL, 'dermato-venerologi', 0, 0),
    ('DL209', 'main', 0.3, 'child', NULL, 'dermato-venerologi', 0, 0),
    ('DG439', 'main', 0.3, 'young', NULL, 'neurologi', 0.4, 0),
    ('DG409', 'main', 0.3, 'flat', NULL, 'neurologi', 0.5, 1),
    ('DG20', 'main', 0.15, 'veryold', NULL, 'neurologi', 0.1, 1),
    ('DG309', 'main', 0.15, 'veryold', NULL, 'geriatri', 0.2, 5),
    ('DG473', 'main', 0.3, 'mid', NULL, 'oto-rhino-laryngologi', 0, 0),
    ('DA099', 'main', 0.4, 'child', NULL, 'pædiatri', 1.0, 1),
    ('DB349', 'main', 0.4, 'child', NULL, 'pædiatri', 1.0, 0.5),
    ('DA419', 'main', 0.15, 'veryold', NULL, 'infektionsmedicin', 1.0, 8),
    ('DR074', 'symptom', 1.0, 'adult', NULL, 'kardiologi', 1.0, 0.3),
    ('DR109', 'symptom', 1.0, 'young', NULL, 'kirurgi', 1.0, 0.5),
    ('DR509', 'symptom', 0.6, 'child', NULL, 'pædiatri', 1.0, 0.5),
    ('DR55', 'symptom', 0.3, 'old', NULL, 'intern medicin', 1.0, 1),
    ('DR069', 'symptom', 0.3, 'old', NULL, 'lungesygdomme', 1.0, 1),
    ('DR529', 'symptom', 0.3, 'adult', NULL, 'anæstesiologi', 0, 0),
    ('DZ039', 'symptom', 1.5, 'flat', NULL, 'akutmedicin', 0.7, 0),
    ('DZ001', 'symptom', 0.5, 'flat', NULL, 'almen medicin', 0, 0),
    ('DZ099', 'symptom', 0.5, 'old', NULL, 'almen medicin', 0, 0),
    ('DZ348', 'symptom', 1.0, 'fertile', '2', 'gynækologi og obstetrik', 0, 0),
    ('DE785', 'comorbidity', 1.0, 'old', NULL, NULL, NULL, NULL),
    ('DE669', 'comorbidity', 0.6, 'mid', NULL, NULL, NULL, NULL),
    ('DE039', 'comorbidity', 0.4, 'mid', '2', NULL, NULL, NULL),
    ('DZ921', 'comorbidity', 0.5, 'veryold', NULL, NULL, NULL, NULL),
    ('DF172', 'comorbidity', 0.5, 'adult', NULL, NULL, NULL, NULL),
    ('DI251', 'comorbidity', 0.6, 'old', NULL, NULL, NULL, NULL),
    ('DM819', 'comorbidity', 0.4, 'veryold', '2', NULL, NULL, NULL),
    ('DH919', 'comorbidity', 0.3, 'veryold', NULL, NULL, NULL, NULL),
    ('DF039', 'comorbidity', 0.3, 'veryold', NULL, NULL, NULL, NULL);

-- Newborns' first contact.
INSERT INTO ref_diagnosis VALUES ('DZ380', 'birth', 0, 'flat', NULL, 'pædiatri', 1.0, 2);

-- Draw pools by age band and sex: action diagnoses, first and second secondary diagnoses.
INSERT INTO pick_weight
SELECT pools.pool, stratum(t.band, s.koen), d.code, d.w * p.w[t.band + 1]
FROM ref_diagnosis d
JOIN ref_profile p USING (profile)
CROSS JOIN (SELECT range::INTEGER AS band FROM range(10)) t
CROSS JOIN (VALUES ('1'), ('2')) s(koen)
JOIN (VALUES ('dx_a', 'main'), ('dx_a', 'symptom'), ('dx_b1', 'main'), ('dx_b1', 'comorbidity'),
             ('dx_b2', 'symptom')) pools(pool, source) ON pools.source = d.pool
WHERE d.sex IS NULL OR d.sex = s.koen;

-- Referral ('H') and additional ('+') rows: suspected disease codes that must not count.
INSERT INTO pick_weight
SELECT 'dx_h', 0, code, w FROM (VALUES
    ('DG35', 2), ('DE119', 3), ('DE109', 1), ('DJ449', 3), ('DC509', 2), ('DG122', 0.5), ('DG10', 0.3),
    ('DD869', 0.5), ('DE849', 0.2), ('DC349', 1), ('DI10', 2), ('DR074', 3), ('DZ039', 3)
) t(code, w);
