-- patient-count: persons alive and resident at the index date who, in the period, had a
-- non-retracted A or B diagnosis under an included prefix, none under an excluded prefix,
-- and (when asked) a dispensing under an included ATC prefix.
-- Every value is a $parameter. Prefixes arrive as [low, high) ranges so DuckDB can skip
-- row groups of the code-sorted extract files.
-- Output: one row per cell of the CUBE over (region, sex, ageband), margins as 'total';
-- dimensions not asked for are kept only at 'total'.
WITH
population AS (
    SELECT
        pnr,
        reg AS region,
        CASE koen WHEN '1' THEN 'male' WHEN '2' THEN 'female' END AS sex,
        -- completed years; a birthday counts from the same month and day (29 February: from 1 March)
        year(CAST($index_date AS DATE)) - year(foed_dag)
            - CASE WHEN month(CAST($index_date AS DATE)) * 100 + day(CAST($index_date AS DATE))
                        < month(foed_dag) * 100 + day(foed_dag) THEN 1 ELSE 0 END AS age
    FROM cpr_person
    WHERE foed_dag <= CAST($index_date AS DATE)
      -- resident at the index date: still resident, or left/died after it
      AND (c_status = '01' OR d_status_hen_start > CAST($index_date AS DATE))
),
diagnosis_ranges AS (
    SELECT unnest(CAST($dx_include_low AS VARCHAR[])) AS low, unnest(CAST($dx_include_high AS VARCHAR[])) AS high
),
exclusion_ranges AS (
    SELECT unnest(CAST($dx_exclude_low AS VARCHAR[])) AS low, unnest(CAST($dx_exclude_high AS VARCHAR[])) AS high
),
medication_ranges AS (
    SELECT unnest(CAST($atc_include_low AS VARCHAR[])) AS low, unnest(CAST($atc_include_high AS VARCHAR[])) AS high
),
diagnosed AS (
    SELECT DISTINCT k.pnr
    FROM lpr_f_diagnoser d
    JOIN diagnosis_ranges r ON d.diagnosekode >= r.low AND d.diagnosekode < r.high
    JOIN lpr_f_kontakter k ON k.dw_ek_kontakt = d.dw_ek_kontakt
    -- the span of all included ranges, as a plain filter DuckDB can check against row-group min/max
    WHERE d.diagnosekode >= CAST($dx_include_min AS VARCHAR) AND d.diagnosekode < CAST($dx_include_max AS VARCHAR)
      AND d.diagnosetype IN ('A', 'B')
      AND d.senere_afkraeftet = 'Nej'
      AND k.dato_start BETWEEN CAST($period_from AS DATE) AND CAST($period_to AS DATE)
),
excluded AS (
    SELECT DISTINCT k.pnr
    FROM lpr_f_diagnoser d
    JOIN exclusion_ranges r ON d.diagnosekode >= r.low AND d.diagnosekode < r.high
    JOIN lpr_f_kontakter k ON k.dw_ek_kontakt = d.dw_ek_kontakt
    WHERE d.diagnosekode >= CAST($dx_exclude_min AS VARCHAR) AND d.diagnosekode < CAST($dx_exclude_max AS VARCHAR)
      AND d.diagnosetype IN ('A', 'B')
      AND d.senere_afkraeftet = 'Nej'
      AND k.dato_start BETWEEN CAST($period_from AS DATE) AND CAST($period_to AS DATE)
),
medicated AS (
    SELECT DISTINCT l.pnr
    FROM lmdb l
    JOIN medication_ranges r ON l.atc >= r.low AND l.atc < r.high
    WHERE l.atc >= CAST($atc_include_min AS VARCHAR) AND l.atc < CAST($atc_include_max AS VARCHAR)
      AND l.eksd BETWEEN CAST($period_from AS DATE) AND CAST($period_to AS DATE)
),
cohort AS (
    SELECT
        p.region,
        p.sex,
        CASE WHEN p.age >= 90 THEN '90+'
             ELSE CAST(p.age // 10 * 10 AS VARCHAR) || '-' || CAST(p.age // 10 * 10 + 9 AS VARCHAR)
        END AS ageband
    FROM population p
    WHERE p.pnr IN (SELECT pnr FROM diagnosed)
      AND p.pnr NOT IN (SELECT pnr FROM excluded)
      AND (NOT CAST($medication_required AS BOOLEAN) OR p.pnr IN (SELECT pnr FROM medicated))
      AND (CAST($age_min AS INTEGER) IS NULL OR p.age >= CAST($age_min AS INTEGER))
      AND (CAST($age_max AS INTEGER) IS NULL OR p.age <= CAST($age_max AS INTEGER))
      AND (CAST($sex AS VARCHAR) IS NULL OR p.sex = CAST($sex AS VARCHAR))
      AND (len(CAST($regions AS VARCHAR[])) = 0 OR list_contains(CAST($regions AS VARCHAR[]), p.region))
)
SELECT
    CASE WHEN GROUPING(region) = 1 THEN 'total' ELSE region END AS region,
    CASE WHEN GROUPING(sex) = 1 THEN 'total' ELSE sex END AS sex,
    CASE WHEN GROUPING(ageband) = 1 THEN 'total' ELSE ageband END AS ageband,
    count(*) AS persons
FROM cohort
GROUP BY CUBE (region, sex, ageband)
HAVING (GROUPING(region) = 1 OR CAST($by_region AS BOOLEAN))
   AND (GROUPING(sex) = 1 OR CAST($by_sex AS BOOLEAN))
   AND (GROUPING(ageband) = 1 OR CAST($by_ageband AS BOOLEAN))
