-- LPR3 contacts: background contacts for everyone (rate by age band and sex, times frailty), the
-- diagnosis contact and follow-ups of each disease, and newborns' first contact; all dated within
-- the person's residence (entry_date..exit_date). Ids: person * 100000 + source * 1000 + number,
-- source 0 background, 1-9 disease, 90 birth; a disease's contacts share one course (forloeb).
CREATE TABLE contact AS
WITH background AS (
    SELECT p.pidx, p.entry_date, p.exit_date, stratum(p.band, p.koen) AS stratum,
           unnest(range(least(999, floor(r.contacts * female_factor(p.koen, p.band) * p.frailty * p.exposure
                                         + u(p.pidx, 'contacts'))::BIGINT))) AS j
    FROM person_full p JOIN ref_rate r ON r.band = p.band
), disease_course AS (
    SELECT pd.pidx, pd.disease_id, pd.onset, p.exit_date, stratum(p.band, p.koen) AS stratum,
           greatest(p.entry_date, pd.onset) AS course_start,
           pd.onset >= p.entry_date AS diagnosed_in_coverage,
           pd.prevalent AND u(pd.pidx * 16 + pd.disease_id, 'seen in hospital') >= d.visible AS gp_only,
           d.followups, d.specialty, d.dx_acute
    FROM person_disease pd
    JOIN person_full p USING (pidx)
    JOIN ref_disease d USING (disease_id)
    WHERE greatest(p.entry_date, pd.onset) <= p.exit_date
), disease_contact AS (
    SELECT c.*, unnest(range(
               CASE WHEN c.diagnosed_in_coverage THEN 0 ELSE 1 END,
               1 + CASE WHEN c.gp_only THEN 0 ELSE least(999, floor(c.followups * (c.exit_date - c.course_start + 1) / 365.25
                                                            + u(c.pidx * 16 + c.disease_id, 'followups')))::BIGINT END)) AS j
    FROM disease_course c
)
SELECT b.pidx, 0 AS source, b.j, b.stratum, b.exit_date,
       b.entry_date + floor(u2(b.pidx, b.j, 'contact date') * (b.exit_date - b.entry_date + 1))::INTEGER AS dato_start,
       a.item AS code, d.specialty, d.acute, d.los
FROM background b
JOIN pick a ON a.pool = 'dx_a' AND a.stratum = b.stratum AND a.bin = bin(u2(b.pidx, b.j, 'action diagnosis'))
JOIN ref_diagnosis d ON d.code = a.item
UNION ALL
SELECT c.pidx, c.disease_id, c.j, c.stratum, c.exit_date,
       CASE WHEN c.j = 0 THEN c.onset
            ELSE c.course_start + floor(u2(c.pidx * 16 + c.disease_id, c.j, 'contact date') * (c.exit_date - c.course_start + 1))::INTEGER
       END,
       k.item, c.specialty,
       CASE WHEN c.j = 0 THEN c.dx_acute ELSE 0.1 END,
       CASE WHEN c.j = 0 THEN 2 ELSE 0.3 END
FROM disease_contact c
JOIN pick k ON k.pool = 'dx:' || c.disease_id AND k.stratum = 0 AND k.bin = bin(u2(c.pidx * 16 + c.disease_id, c.j, 'code'))
UNION ALL
SELECT p.pidx, 90, 0, stratum(0, p.koen), p.exit_date, p.foed_dag, d.code, d.specialty, d.acute, d.los
FROM person_full p JOIN ref_diagnosis d ON d.code = 'DZ380'
WHERE p.origin = 'birth';

CREATE VIEW lpr_f_kontakter AS
WITH c AS (
    SELECT c.*, p.pnr, p.reg,
           c.pidx * 100000 + c.source * 1000 + c.j AS dw_ek_kontakt,
           CASE WHEN c.source BETWEEN 1 AND 89 THEN c.pidx * 100000 + c.source * 1000
                ELSE c.pidx * 100000 + c.source * 1000 + c.j END AS dw_ek_forloeb
    FROM contact c JOIN person_full p USING (pidx)
), drawn AS (
    SELECT c.*, u(dw_ek_kontakt, 'priority') < c.acute AS is_acute,
           u(dw_ek_kontakt, 'contact type') AS x_type, u(dw_ek_kontakt, 'region') AS x_region
    FROM c
), placed AS (
    SELECT d.*,
           -- mostly treated in the home region; specialised care goes to Hovedstaden
           CASE WHEN x_region < 0.88 THEN reg WHEN x_region < 0.95 THEN '1084'
                ELSE ['1081', '1082', '1083', '1084', '1085'][1 + floor((x_region - 0.95) * 100)::INTEGER]
           END AS region_ans
    FROM drawn d
)
SELECT dw_ek_kontakt, dw_ek_forloeb, pnr, dato_start,
       least(exit_date, dato_start + CASE WHEN los > 0 THEN floor(expo(u(dw_ek_kontakt, 'length of stay')) * los)::INTEGER ELSE 0 END) AS dato_slut,
       CASE WHEN is_acute OR x_type < 0.84 THEN 'ALCA00' WHEN x_type < 0.95 THEN 'ALCA10' ELSE 'ALCA20' END AS kontakttype,
       CASE WHEN is_acute THEN 'ATA1' ELSE 'ATA3' END AS prioritet,
       code AS aktionsdiagnose,
       specialty AS hovedspeciale_ans,
       -- SOR-like unit: region, one of four hospitals, a fixed number per specialty
       region_ans || lpad(floor(u(dw_ek_kontakt, 'hospital') * 4)::VARCHAR, 2, '0')
           || lpad((hash(specialty) % 1000)::VARCHAR, 3, '0') || '1' AS sorenhed_ans,
       region_ans
FROM placed;
