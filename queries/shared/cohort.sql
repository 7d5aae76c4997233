-- The cohort of order spec v1, shared by every product: common table expressions ending in
-- `qualified` (pid, entry_date), `cohort` (pnr, pid, region, sex, age, ageband, entry_date, record_key) and
-- `cohort_variants` (the same with a variant: the order, and the order with its attribute filters lifted).
-- pid is the person's place in the extract version's person index (person_index: every person of
-- cpr_person ranked by pseudonym), the only person key that leaves a query (for the release ledger).
-- Spliced by the catalogue where a product's SQL says "-- @include cohort.sql", right after WITH.
-- Every value is a $parameter; prefixes arrive as [low, high) ranges plus a scalar span of them,
-- so DuckDB skips row groups of the code-sorted files. Events come from the derived tables
-- (queries/derived): diagnoses, procedures and dispensings sorted by code already carry their person's
-- place and date, so a cohort costs what its codes' events cost, not a join to every contact or pseudonym.
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
    SELECT e.pid, min(e.dato_start) AS first_date
    FROM dx_events e
    JOIN dx_include_ranges r ON e.diagnosekode >= r.low AND e.diagnosekode < r.high
    WHERE e.diagnosekode >= CAST($dx_include_min AS VARCHAR) AND e.diagnosekode < CAST($dx_include_max AS VARCHAR)
      AND e.diagnosetype IN (CAST($dx_type_first AS VARCHAR), CAST($dx_type_last AS VARCHAR))
      AND e.senere_afkraeftet = 'Nej'
      AND e.dato_start <= CAST($period_to AS DATE)
      AND e.dato_start >= CAST($events_from AS DATE)
    GROUP BY e.pid
),
proc_first AS (
    SELECT e.pid, min(e.dato_start) AS first_date
    FROM proc_events e
    JOIN proc_include_ranges r ON e.procedurekode >= r.low AND e.procedurekode < r.high
    WHERE e.procedurekode >= CAST($proc_include_min AS VARCHAR) AND e.procedurekode < CAST($proc_include_max AS VARCHAR)
      AND e.dato_start <= CAST($period_to AS DATE)
      AND e.dato_start >= CAST($events_from AS DATE)
    GROUP BY e.pid
),
atc_first AS (
    -- the ATC-sorted dispensings read only the prefixes' row groups and carry their persons' places
    SELECT e.pid, min(e.eksd) AS first_date
    FROM dispensing_events e
    JOIN atc_include_ranges r ON e.atc >= r.low AND e.atc < r.high
    WHERE e.atc >= CAST($atc_include_min AS VARCHAR) AND e.atc < CAST($atc_include_max AS VARCHAR)
      AND e.eksd <= CAST($period_to AS DATE)
      AND e.eksd >= CAST($events_from AS DATE)
    GROUP BY e.pid
),
excluded AS (
    SELECT e.pid
    FROM dx_events e
    JOIN dx_exclude_ranges r ON e.diagnosekode >= r.low AND e.diagnosekode < r.high
    WHERE e.diagnosekode >= CAST($dx_exclude_min AS VARCHAR) AND e.diagnosekode < CAST($dx_exclude_max AS VARCHAR)
      AND e.diagnosetype IN (CAST($dx_type_first AS VARCHAR), CAST($dx_type_last AS VARCHAR))
      AND e.senere_afkraeftet = 'Nej'
      AND e.dato_start BETWEEN CAST($period_from AS DATE) AND CAST($period_to AS DATE)
    UNION
    SELECT e.pid
    FROM proc_events e
    JOIN proc_exclude_ranges r ON e.procedurekode >= r.low AND e.procedurekode < r.high
    WHERE e.procedurekode >= CAST($proc_exclude_min AS VARCHAR) AND e.procedurekode < CAST($proc_exclude_max AS VARCHAR)
      AND e.dato_start BETWEEN CAST($period_from AS DATE) AND CAST($period_to AS DATE)
    UNION
    SELECT e.pid
    FROM dispensing_events e
    JOIN atc_exclude_ranges r ON e.atc >= r.low AND e.atc < r.high
    WHERE e.atc >= CAST($atc_exclude_min AS VARCHAR) AND e.atc < CAST($atc_exclude_max AS VARCHAR)
      AND e.eksd BETWEEN CAST($period_from AS DATE) AND CAST($period_to AS DATE)
),
qualified AS (
    -- one row per person and criterion type met; all required types present, the latest date is the entry
    SELECT pid, max(first_date) AS entry_date
    FROM (SELECT pid, first_date FROM dx_first
          UNION ALL SELECT pid, first_date FROM proc_first
          UNION ALL SELECT pid, first_date FROM atc_first)
    WHERE pid NOT IN (SELECT pid FROM excluded)
    GROUP BY pid
    HAVING count(*) = CAST($criteria_types AS INTEGER)
),
person_at_index AS (
    SELECT
        pid,
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
    FROM person_attributes
    WHERE foed_dag <= CAST($index_date AS DATE)
),
-- The cohort before its attribute filters (age span, sex, regions), each filter as a flag: the order's cohort
-- keeps the persons who pass all three, and the variants below lift one at a time.
cohort_wide AS MATERIALIZED (
    SELECT
        i.pnr, p.pid, p.region, p.sex, p.age, q.entry_date,
        CASE WHEN p.age >= 90 THEN '90+'
             ELSE CAST(p.age // 10 * 10 AS VARCHAR) || '-' || CAST(p.age // 10 * 10 + 9 AS VARCHAR)
        END AS ageband,
        -- cell-key perturbation: the person's record key, HMAC-SHA256 of the pseudonym under the secret (bound as
        -- its two key pads), first 4 bytes as a whole number below 2^32; 0 when the product does not use cell keys
        CASE WHEN CAST($cell_keys AS BOOLEAN)
             THEN CAST(('0x' || left(sha256(CAST($key_outer AS BLOB) || unhex(sha256(CAST($key_inner AS BLOB) || encode(i.pnr)))), 8)) AS UBIGINT)
             ELSE CAST(0 AS UBIGINT)
        END AS record_key,
        (CAST($age_min AS INTEGER) IS NULL OR p.age >= CAST($age_min AS INTEGER))
            AND (CAST($age_max AS INTEGER) IS NULL OR p.age <= CAST($age_max AS INTEGER)) AS in_age,
        (CAST($sex AS VARCHAR) IS NULL OR p.sex = CAST($sex AS VARCHAR)) AS in_sex,
        (len(CAST($regions AS VARCHAR[])) = 0 OR list_contains(CAST($regions AS VARCHAR[]), p.region)) AS in_regions
    FROM person_at_index p
    JOIN qualified q ON q.pid = p.pid
    JOIN person_index i ON i.pid = p.pid
    WHERE q.entry_date >= CAST($period_from AS DATE)
      AND (NOT CAST($alive_resident AS BOOLEAN) OR p.resident)
),
cohort AS (
    SELECT pnr, pid, region, sex, age, entry_date, ageband, record_key
    FROM cohort_wide
    WHERE in_age AND in_sex AND in_regions
),
-- Variant 0 is the order; variant k > 0 the order with the filters its flags name lifted (the zero-group check's
-- relaxations): a product that groups by variant counts them all in one pass over the registers.
variants AS (
    SELECT unnest(range(len(CAST($variant_any_age AS BOOLEAN[])))) AS variant,
           unnest(CAST($variant_any_age AS BOOLEAN[])) AS any_age,
           unnest(CAST($variant_any_sex AS BOOLEAN[])) AS any_sex,
           unnest(CAST($variant_any_region AS BOOLEAN[])) AS any_region
),
cohort_variants AS (
    SELECT v.variant, c.pnr, c.pid, c.region, c.sex, c.age, c.entry_date, c.ageband, c.record_key
    FROM cohort_wide c
    JOIN variants v ON (v.any_age OR c.in_age) AND (v.any_sex OR c.in_sex) AND (v.any_region OR c.in_regions)
)
