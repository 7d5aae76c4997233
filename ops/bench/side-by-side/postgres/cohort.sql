-- queries/shared/cohort.sql for PostgreSQL, over the registers themselves (no derived tables) with the indexes of
-- schema.sql: persons keyed by pseudonym (no person index), no record keys or person sets (the side-by-side orders
-- use neither). Ends in `qualified` (pnr, entry_date) and `cohort` (pnr, region, sex, age, ageband, entry_date).
dx_include_ranges AS (
    SELECT * FROM unnest(CAST(@dx_include_low AS text[]), CAST(@dx_include_high AS text[])) AS r(low, high)
),
dx_exclude_ranges AS (
    SELECT * FROM unnest(CAST(@dx_exclude_low AS text[]), CAST(@dx_exclude_high AS text[])) AS r(low, high)
),
proc_include_ranges AS (
    SELECT * FROM unnest(CAST(@proc_include_low AS text[]), CAST(@proc_include_high AS text[])) AS r(low, high)
),
proc_exclude_ranges AS (
    SELECT * FROM unnest(CAST(@proc_exclude_low AS text[]), CAST(@proc_exclude_high AS text[])) AS r(low, high)
),
atc_include_ranges AS (
    SELECT * FROM unnest(CAST(@atc_include_low AS text[]), CAST(@atc_include_high AS text[])) AS r(low, high)
),
atc_exclude_ranges AS (
    SELECT * FROM unnest(CAST(@atc_exclude_low AS text[]), CAST(@atc_exclude_high AS text[])) AS r(low, high)
),
dx_first AS (
    SELECT k.pnr, min(k.dato_start) AS first_date
    FROM dx_include_ranges r
    JOIN lpr_f_diagnoser d ON d.diagnosekode >= r.low AND d.diagnosekode < r.high
    JOIN lpr_f_kontakter k ON k.dw_ek_kontakt = d.dw_ek_kontakt
    WHERE d.diagnosetype IN (CAST(@dx_type_first AS text), CAST(@dx_type_last AS text))
      AND d.senere_afkraeftet = 'Nej'
      AND k.dato_start <= CAST(@period_to AS date)
      AND k.dato_start >= CAST(@events_from AS date)
    GROUP BY k.pnr
),
proc_first AS (
    SELECT k.pnr, min(p.dato_start) AS first_date
    FROM proc_include_ranges r
    JOIN lpr_f_procedurer p ON p.procedurekode >= r.low AND p.procedurekode < r.high
    JOIN lpr_f_kontakter k ON k.dw_ek_kontakt = p.dw_ek_kontakt
    WHERE p.dato_start <= CAST(@period_to AS date)
      AND p.dato_start >= CAST(@events_from AS date)
    GROUP BY k.pnr
),
atc_first AS (
    SELECT l.pnr, min(l.eksd) AS first_date
    FROM atc_include_ranges r
    JOIN lmdb l ON l.atc >= r.low AND l.atc < r.high
    WHERE l.eksd <= CAST(@period_to AS date)
      AND l.eksd >= CAST(@events_from AS date)
    GROUP BY l.pnr
),
excluded AS (
    SELECT k.pnr
    FROM dx_exclude_ranges r
    JOIN lpr_f_diagnoser d ON d.diagnosekode >= r.low AND d.diagnosekode < r.high
    JOIN lpr_f_kontakter k ON k.dw_ek_kontakt = d.dw_ek_kontakt
    WHERE d.diagnosetype IN (CAST(@dx_type_first AS text), CAST(@dx_type_last AS text))
      AND d.senere_afkraeftet = 'Nej'
      AND k.dato_start BETWEEN CAST(@period_from AS date) AND CAST(@period_to AS date)
    UNION
    SELECT k.pnr
    FROM proc_exclude_ranges r
    JOIN lpr_f_procedurer p ON p.procedurekode >= r.low AND p.procedurekode < r.high
    JOIN lpr_f_kontakter k ON k.dw_ek_kontakt = p.dw_ek_kontakt
    WHERE p.dato_start BETWEEN CAST(@period_from AS date) AND CAST(@period_to AS date)
    UNION
    SELECT l.pnr
    FROM atc_exclude_ranges r
    JOIN lmdb l ON l.atc >= r.low AND l.atc < r.high
    WHERE l.eksd BETWEEN CAST(@period_from AS date) AND CAST(@period_to AS date)
),
qualified AS (
    SELECT u.pnr, max(u.first_date) AS entry_date
    FROM (SELECT pnr, first_date FROM dx_first
          UNION ALL SELECT pnr, first_date FROM proc_first
          UNION ALL SELECT pnr, first_date FROM atc_first) u
    WHERE NOT EXISTS (SELECT 1 FROM excluded x WHERE x.pnr = u.pnr)
    GROUP BY u.pnr
    HAVING count(*) = CAST(@criteria_types AS integer)
),
cohort AS MATERIALIZED (
    SELECT p.pnr, p.reg AS region, CASE p.koen WHEN '1' THEN 'male' WHEN '2' THEN 'female' END AS sex, a.age, q.entry_date,
           CASE WHEN a.age >= 90 THEN '90+' ELSE (a.age / 10 * 10)::text || '-' || (a.age / 10 * 10 + 9)::text END AS ageband
    FROM qualified q
    JOIN cpr_person p ON p.pnr = q.pnr
    CROSS JOIN LATERAL (
        SELECT (extract(year FROM CAST(@index_date AS date)) - extract(year FROM p.foed_dag)
                - CASE WHEN extract(month FROM CAST(@index_date AS date)) * 100 + extract(day FROM CAST(@index_date AS date))
                            < extract(month FROM p.foed_dag) * 100 + extract(day FROM p.foed_dag) THEN 1 ELSE 0 END)::integer AS age) a
    WHERE p.foed_dag <= CAST(@index_date AS date)
      AND q.entry_date >= CAST(@period_from AS date)
      AND (NOT CAST(@alive_resident AS boolean)
           OR CASE WHEN p.c_status = '01' THEN p.d_status_hen_start <= CAST(@index_date AS date)
                   ELSE p.d_status_hen_start > CAST(@index_date AS date) END)
      AND (CAST(@age_min AS integer) IS NULL OR a.age >= CAST(@age_min AS integer))
      AND (CAST(@age_max AS integer) IS NULL OR a.age <= CAST(@age_max AS integer))
      AND (CAST(@sex AS text) IS NULL OR CASE p.koen WHEN '1' THEN 'male' WHEN '2' THEN 'female' END = CAST(@sex AS text))
      AND (cardinality(CAST(@regions AS text[])) = 0 OR p.reg = ANY (CAST(@regions AS text[])))
)
