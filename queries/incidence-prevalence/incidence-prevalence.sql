-- incidence-prevalence: per calendar year of the period (clipped to it), among persons alive and
-- resident at the year's end E (the year's index date; age, sex and region taken at E):
--   population-Y      every resident: the denominator of the rates
--   existing-cases-Y  residents who first met the inclusion criteria on or before E (prevalent)
--   new-cases-Y       residents who first met them during the year (incident)
-- "First met" is the entry date of shared/cohort.sql with first-ever occurrence: the extract's first
-- qualifying events, so prevalence counts only cases seen since the extract's start. Exclusions
-- apply over the whole period. Each table counts a person once (additive); rates per 100,000 are
-- computed after protection from the published counts.
-- Every cell of all three tables also returns key_sum, its persons' record keys summed modulo 2^32
-- (cell-key perturbation): the residents' keys are the same HMAC of the pseudonym as in
-- shared/cohort.sql, so a resident has one key in every table, year and product, and the population
-- is perturbed like the cases (see the README's cell-key section for why).
WITH
-- @include cohort.sql
, years AS (
    SELECT y_from, y_to, year(y_to) * 10000 + month(y_to) * 100 + day(y_to) AS to_ymd
    FROM (SELECT unnest(CAST($year_from AS DATE[])) AS y_from, unnest(CAST($year_to AS DATE[])) AS y_to)
),
-- each person's record key, hashed once per person (not per year) and only when the order uses cell keys
person_keys AS (
    SELECT pid,
           CAST(('0x' || left(sha256(CAST($key_outer AS BLOB) || unhex(sha256(CAST($key_inner AS BLOB) || encode(pnr)))), 8)) AS UBIGINT) AS record_key
    FROM person_index
    WHERE CAST($cell_keys AS BOOLEAN)
),
-- what the year ends need of each person, worked out once per person rather than once per person and year
persons AS (
    SELECT pid, reg AS region, foed_dag, c_status, d_status_hen_start,
           CASE koen WHEN '1' THEN 'male' WHEN '2' THEN 'female' END AS sex,
           year(foed_dag) * 10000 + month(foed_dag) * 100 + day(foed_dag) AS born_ymd
    FROM person_attributes
),
residents AS (
    SELECT year(y.y_to) AS yr, y.y_from, y.y_to, p.pid, coalesce(k.record_key, CAST(0 AS UBIGINT)) AS record_key,
           p.region, p.sex,
           -- completed years as a difference of yyyymmdd numbers: a birthday counts from the same month and day
           -- (29 February: from 1 March), as in shared/cohort.sql
           (y.to_ymd - p.born_ymd) // 10000 AS age
    FROM persons p CROSS JOIN years y
    LEFT JOIN person_keys k ON k.pid = p.pid
    WHERE p.foed_dag <= y.y_to
      AND CASE WHEN p.c_status = '01' THEN p.d_status_hen_start <= y.y_to ELSE p.d_status_hen_start > y.y_to END
),
filtered AS (
    -- pid: the case's (null for residents who are not cases); rpid: every resident's, for the population's person sets
    SELECT r.yr, r.y_from, r.y_to, r.record_key, r.region, r.sex, r.age, r.pid AS rpid,
           -- constant labels: no string is built for each of the tens of millions of resident-years
           CASE WHEN age >= 90 THEN '90+' WHEN age >= 80 THEN '80-89' WHEN age >= 70 THEN '70-79'
                WHEN age >= 60 THEN '60-69' WHEN age >= 50 THEN '50-59' WHEN age >= 40 THEN '40-49'
                WHEN age >= 30 THEN '30-39' WHEN age >= 20 THEN '20-29' WHEN age >= 10 THEN '10-19' ELSE '0-9' END AS ageband,
           q.entry_date, q.pid
    FROM residents r
    LEFT JOIN qualified q ON q.pid = r.pid AND q.entry_date <= r.y_to
    WHERE (CAST($age_min AS INTEGER) IS NULL OR r.age >= CAST($age_min AS INTEGER))
      AND (CAST($age_max AS INTEGER) IS NULL OR r.age <= CAST($age_max AS INTEGER))
      AND (CAST($sex AS VARCHAR) IS NULL OR r.sex = CAST($sex AS VARCHAR))
      AND (len(CAST($regions AS VARCHAR[])) = 0 OR list_contains(CAST($regions AS VARCHAR[]), r.region))
),
cells AS (
    SELECT yr, y_from, entry_date, record_key, pid, rpid,
        CASE CAST($dim1 AS VARCHAR) WHEN 'region' THEN region WHEN 'sex' THEN sex WHEN 'ageband' THEN ageband END AS d1,
        CASE CAST($dim2 AS VARCHAR) WHEN 'region' THEN region WHEN 'sex' THEN sex WHEN 'ageband' THEN ageband END AS d2,
        CASE CAST($dim3 AS VARCHAR) WHEN 'region' THEN region WHEN 'sex' THEN sex WHEN 'ageband' THEN ageband END AS d3
    FROM filtered
),
inner_cells AS (
    -- each year's residents counted once per inner cell (every breakdown set): one pass over the population,
    -- whose few hundred groups the margins below then add up, instead of eight passes of the grouping sets
    SELECT yr, d1, d2, d3,
        count(*) AS population,
        count(entry_date) AS existing_cases,
        count(*) FILTER (WHERE entry_date >= y_from) AS new_cases,
        coalesce(sum(record_key), 0) AS population_key,
        coalesce(sum(record_key) FILTER (WHERE entry_date IS NOT NULL), 0) AS existing_cases_key,
        coalesce(sum(record_key) FILTER (WHERE entry_date >= y_from), 0) AS new_cases_key,
        list(rpid) FILTER (WHERE CAST($person_sets AS BOOLEAN)) AS population_persons,
        list(pid) FILTER (WHERE CAST($person_sets AS BOOLEAN) AND entry_date IS NOT NULL) AS existing_cases_persons,
        list(pid) FILTER (WHERE CAST($person_sets AS BOOLEAN) AND entry_date >= y_from) AS new_cases_persons
    FROM cells
    GROUP BY yr, d1, d2, d3
),
counted AS (
    SELECT yr,
        CASE WHEN GROUPING(d1) = 1 THEN 'total' ELSE d1 END AS d1,
        CASE WHEN GROUPING(d2) = 1 THEN 'total' ELSE d2 END AS d2,
        CASE WHEN GROUPING(d3) = 1 THEN 'total' ELSE d3 END AS d3,
        CAST(sum(population) AS BIGINT) AS population,
        CAST(sum(existing_cases) AS BIGINT) AS existing_cases,
        CAST(sum(new_cases) AS BIGINT) AS new_cases,
        CAST(sum(population_key) % 4294967296 AS UBIGINT) AS population_key,
        CAST(sum(existing_cases_key) % 4294967296 AS UBIGINT) AS existing_cases_key,
        CAST(sum(new_cases_key) % 4294967296 AS UBIGINT) AS new_cases_key,
        -- the release ledger's person sets of inner cells (one inner row each): the residents of each population cell too, since a reader who
        -- holds the population tables next to the cases can tell residents from cases who died or moved away
        CASE WHEN (GROUPING(d1) = 0 OR CAST($dim1 AS VARCHAR) = '') AND (GROUPING(d2) = 0 OR CAST($dim2 AS VARCHAR) = '') AND (GROUPING(d3) = 0 OR CAST($dim3 AS VARCHAR) = '') THEN first(population_persons) END AS population_persons,
        CASE WHEN (GROUPING(d1) = 0 OR CAST($dim1 AS VARCHAR) = '') AND (GROUPING(d2) = 0 OR CAST($dim2 AS VARCHAR) = '') AND (GROUPING(d3) = 0 OR CAST($dim3 AS VARCHAR) = '') THEN first(existing_cases_persons) END AS existing_cases_persons,
        CASE WHEN (GROUPING(d1) = 0 OR CAST($dim1 AS VARCHAR) = '') AND (GROUPING(d2) = 0 OR CAST($dim2 AS VARCHAR) = '') AND (GROUPING(d3) = 0 OR CAST($dim3 AS VARCHAR) = '') THEN first(new_cases_persons) END AS new_cases_persons
    FROM inner_cells
    GROUP BY GROUPING SETS (
        (yr, d1, d2, d3), (yr, d1, d2), (yr, d1, d3), (yr, d2, d3), (yr, d1), (yr, d2), (yr, d3), (yr))
    HAVING (GROUPING(d1) = 1 OR CAST($dim1 AS VARCHAR) <> '')
       AND (GROUPING(d2) = 1 OR CAST($dim2 AS VARCHAR) <> '')
       AND (GROUPING(d3) = 1 OR CAST($dim3 AS VARCHAR) <> '')
)
SELECT 'population-' || yr AS tbl, d1, d2, d3, population AS value, CAST(NULL AS BIGINT[]) AS top, population_key AS key_sum,
       population_persons AS persons FROM counted
UNION ALL
SELECT 'existing-cases-' || yr, d1, d2, d3, existing_cases, NULL, existing_cases_key, existing_cases_persons FROM counted
UNION ALL
SELECT 'new-cases-' || yr, d1, d2, d3, new_cases, NULL, new_cases_key, new_cases_persons FROM counted
