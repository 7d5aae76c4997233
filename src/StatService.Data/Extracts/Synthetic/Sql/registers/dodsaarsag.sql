-- Cause of Death Register: one row per person who died during coverage ('90').
-- Underlying cause: the person's most lethal disease when drawn as the cause, else a cause typical
-- for age and sex. Certificate lines: an immediate cause, often the underlying one again, rarely more.
CREATE TABLE death AS
SELECT pidx, pnr, d_status_hen_start AS d_dodsdato,
       stratum(least(9, age_years(foed_dag, d_status_hen_start) // 10), koen) AS stratum
FROM person_full WHERE c_status = '90';

CREATE TABLE death_own_cause AS
SELECT pd.pidx, arg_min(d.death_code, d.disease_id) AS code
FROM person_disease pd
JOIN ref_disease d USING (disease_id)
JOIN death x ON x.pidx = pd.pidx AND pd.onset <= x.d_dodsdato
WHERE u(pd.pidx * 16 + pd.disease_id, 'death cause') < d.death_share
GROUP BY pd.pidx;

CREATE VIEW dodsaarsag AS
WITH cause AS (
    SELECT x.pidx, x.pnr, x.d_dodsdato, x.stratum, coalesce(o.code, c.item) AS underlying
    FROM death x
    JOIN pick c ON c.pool = 'death_cause' AND c.stratum = x.stratum AND c.bin = bin(u(x.pidx, 'underlying'))
    LEFT JOIN death_own_cause o USING (pidx)
)
SELECT c.pnr, c.d_dodsdato, c.underlying AS c_dodtilgrundl_acme,
       i.item AS c_dod_1a,
       CASE WHEN u(c.pidx, 'line 1b') < 0.6 THEN c.underlying END AS c_dod_1b,
       CASE WHEN u(c.pidx, 'line 1c') < 0.12 THEN o.item END AS c_dod_1c,
       CASE WHEN u(c.pidx, 'line 1d') < 0.03 THEN 'I10' END AS c_dod_1d
FROM cause c
JOIN pick i ON i.pool = 'death_immediate' AND i.stratum = 0 AND i.bin = bin(u(c.pidx, 'line 1a'))
JOIN pick o ON o.pool = 'death_cause' AND o.stratum = c.stratum AND o.bin = bin(u(c.pidx, 'line 1c cause'));
