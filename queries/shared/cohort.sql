-- The cohort of order spec v1, shared by every product: common table expressions ending in
-- `qualified` (pnr, entry_date) and `cohort` (pnr, pid, region, sex, age, ageband, entry_date, record_key).
-- pid is the person's place in the extract version's person index (person_index: every person of
-- cpr_person ranked by pseudonym), the only person key that leaves a query (for the release ledger).
-- Spliced by the catalogue where a product's SQL says "-- @include cohort.sql", right after WITH.
-- Every value is a $parameter; prefixes arrive as [low, high) ranges plus a scalar span of them,
-- so DuckDB skips row groups of the code-sorted register files.
--
-- Inclusion: each criterion type with include prefixes (diagnoses, procedures, medications) must be
-- met; within a type any prefix will do. A type's date is the person's first qualifying event: in the
-- period ("any": prevalent) or in the whole extract up to the period's end ("first-ever"). The entry
-- date is the latest of those dates, the day the person first met every criterion, and must lie in
-- the period ($events_from is the period's start, or the earliest date for first-ever). Exclusion:
-- any event under an exclude prefix in the period. Retracted diagnoses and
-- diagnosis types other than those asked for never count.
dx_include_ranges AS (
    SELECT unnest(CAST($dx_include_low AS VARCHAR[])) AS low, unnest(CAST($dx_include_high AS VARCHAR[])) AS high
),
dx_exclude_ranges AS (
    SELECT unnest(CAST($dx_exclude_low AS VARCHAR[])) AS low, unnest(CAST($dx_exclude_high AS VARCHAR[])) AS high
),
proc_include_ranges AS (
    SELECT unnest(CAST($proc_include_low AS VARCHAR[])) AS low, unnest(CAST($proc_include_high AS VARCHAR[])) AS high
),
proc_exclude_ranges AS (
    SELECT unnest(CAST($proc_exclude_low AS VARCHAR[])) AS low, unnest(CAST($proc_exclude_high AS VARCHAR[])) AS high
),
atc_include_ranges AS (
    SELECT unnest(CAST($atc_include_low AS VARCHAR[])) AS low, unnest(CAST($atc_include_high AS VARCHAR[])) AS high
),
atc_exclude_ranges AS (
    SELECT unnest(CAST($atc_exclude_low AS VARCHAR[])) AS low, unnest(CAST($atc_exclude_high AS VARCHAR[])) AS high
),
dx_first AS (
    SELECT k.pnr, min(k.dato_start) AS first_date
    FROM lpr_f_diagnoser d
    JOIN dx_include_ranges r ON d.diagnosekode >= r.low AND d.diagnosekode < r.high
    JOIN lpr_f_kontakter k ON k.dw_ek_kontakt = d.dw_ek_kontakt
    WHERE d.diagnosekode >= CAST($dx_include_min AS VARCHAR) AND d.diagnosekode < CAST($dx_include_max AS VARCHAR)
      AND d.diagnosetype IN (CAST($dx_type_first AS VARCHAR), CAST($dx_type_last AS VARCHAR))
      AND d.senere_afkraeftet = 'Nej'
      AND k.dato_start <= CAST($period_to AS DATE)
      AND k.dato_start >= CAST($events_from AS DATE)
    GROUP BY k.pnr
),
proc_first AS (
    SELECT k.pnr, min(p.dato_start) AS first_date
    FROM lpr_f_procedurer p
    JOIN proc_include_ranges r ON p.procedurekode >= r.low AND p.procedurekode < r.high
    JOIN lpr_f_kontakter k ON k.dw_ek_kontakt = p.dw_ek_kontakt
    WHERE p.procedurekode >= CAST($proc_include_min AS VARCHAR) AND p.procedurekode < CAST($proc_include_max AS VARCHAR)
      AND p.dato_start <= CAST($period_to AS DATE)
      AND p.dato_start >= CAST($events_from AS DATE)
    GROUP BY k.pnr
),
atc_first AS (
    SELECT l.pnr, min(l.eksd) AS first_date
    FROM lmdb l
    JOIN atc_include_ranges r ON l.atc >= r.low AND l.atc < r.high
    WHERE l.atc >= CAST($atc_include_min AS VARCHAR) AND l.atc < CAST($atc_include_max AS VARCHAR)
      AND l.eksd <= CAST($period_to AS DATE)
      AND l.eksd >= CAST($events_from AS DATE)
    GROUP BY l.pnr
),
excluded AS (
    SELECT k.pnr
    FROM lpr_f_diagnoser d
    JOIN dx_exclude_ranges r ON d.diagnosekode >= r.low AND d.diagnosekode < r.high
    JOIN lpr_f_kontakter k ON k.dw_ek_kontakt = d.dw_ek_kontakt
    WHERE d.diagnosekode >= CAST($dx_exclude_min AS VARCHAR) AND d.diagnosekode < CAST($dx_exclude_max AS VARCHAR)
      AND d.diagnosetype IN (CAST($dx_type_first AS VARCHAR), CAST($dx_type_last AS VARCHAR))
      AND d.senere_afkraeftet = 'Nej'
      AND k.dato_start BETWEEN CAST($period_from AS DATE) AND CAST($period_to AS DATE)
    UNION
    SELECT k.pnr
    FROM lpr_f_procedurer p
    JOIN proc_exclude_ranges r ON p.procedurekode >= r.low AND p.procedurekode < r.high
    JOIN lpr_f_kontakter k ON k.dw_ek_kontakt = p.dw_ek_kontakt
    WHERE p.procedurekode >= CAST($proc_exclude_min AS VARCHAR) AND p.procedurekode < CAST($proc_exclude_max AS VARCHAR)
      AND p.dato_start BETWEEN CAST($period_from AS DATE) AND CAST($period_to AS DATE)
    UNION
    SELECT l.pnr
    FROM lmdb l
    JOIN atc_exclude_ranges r ON l.atc >= r.low AND l.atc < r.high
    WHERE l.atc >= CAST($atc_exclude_min AS VARCHAR) AND l.atc < CAST($atc_exclude_max AS VARCHAR)
      AND l.eksd BETWEEN CAST($period_from AS DATE) AND CAST($period_to AS DATE)
),
qualified AS (
    -- one row per person and criterion type met; all required types present, the latest date is the entry
    SELECT pnr, max(first_date) AS entry_date
    FROM (SELECT pnr, first_date FROM dx_first
          UNION ALL SELECT pnr, first_date FROM proc_first
          UNION ALL SELECT pnr, first_date FROM atc_first)
    WHERE pnr NOT IN (SELECT pnr FROM excluded)
    GROUP BY pnr
    HAVING count(*) = CAST($criteria_types AS INTEGER)
),
person_at_index AS (
    SELECT
        pnr,
        reg AS region,
        CASE koen WHEN '1' THEN 'male' WHEN '2' THEN 'female' END AS sex,
        -- completed years; a birthday counts from the same month and day (29 February: from 1 March)
        year(CAST($index_date AS DATE)) - year(foed_dag)
            - CASE WHEN month(CAST($index_date AS DATE)) * 100 + day(CAST($index_date AS DATE))
                        < month(foed_dag) * 100 + day(foed_dag) THEN 1 ELSE 0 END AS age,
        -- alive and resident at the index date: resident now and since (birth or immigration) on or
        -- before it, or left/died after it
        CASE WHEN c_status = '01' THEN d_status_hen_start <= CAST($index_date AS DATE)
             ELSE d_status_hen_start > CAST($index_date AS DATE) END AS resident
    FROM cpr_person
    WHERE foed_dag <= CAST($index_date AS DATE)
),
cohort AS MATERIALIZED (
    SELECT
        p.pnr, i.pid, p.region, p.sex, p.age, q.entry_date,
        CASE WHEN p.age >= 90 THEN '90+'
             ELSE CAST(p.age // 10 * 10 AS VARCHAR) || '-' || CAST(p.age // 10 * 10 + 9 AS VARCHAR)
        END AS ageband,
        -- cell-key perturbation: the person's record key, HMAC-SHA256 of the pseudonym under the secret (bound as
        -- its two key pads), first 4 bytes as a whole number below 2^32; 0 when the product does not use cell keys
        CASE WHEN CAST($cell_keys AS BOOLEAN)
             THEN CAST(('0x' || left(sha256(CAST($key_outer AS BLOB) || unhex(sha256(CAST($key_inner AS BLOB) || encode(p.pnr)))), 8)) AS UBIGINT)
             ELSE CAST(0 AS UBIGINT)
        END AS record_key
    FROM person_at_index p
    JOIN qualified q ON q.pnr = p.pnr
    JOIN person_index i ON i.pnr = p.pnr
    WHERE q.entry_date >= CAST($period_from AS DATE)
      AND (NOT CAST($alive_resident AS BOOLEAN) OR p.resident)
      AND (CAST($age_min AS INTEGER) IS NULL OR p.age >= CAST($age_min AS INTEGER))
      AND (CAST($age_max AS INTEGER) IS NULL OR p.age <= CAST($age_max AS INTEGER))
      AND (CAST($sex AS VARCHAR) IS NULL OR p.sex = CAST($sex AS VARCHAR))
      AND (len(CAST($regions AS VARCHAR[])) = 0 OR list_contains(CAST($regions AS VARCHAR[]), p.region))
)
