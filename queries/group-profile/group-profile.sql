-- group-profile: linked tables describing one cohort (see shared/cohort.sql).
--   age-sex, region        the cohort by age band x sex and by region (at the index date)
--   contacts               hospital contacts per person per year of the period, in bands
--   outcome                not registered dead, or dead (by the end of the extract) by the ICD-10
--                          chapter of the underlying cause of death
--   medication             persons with a dispensing in the period per ATC group (level 3 or 4): the
--                          $top_groups groups with most persons, the rest as 'other'; the total is
--                          persons with any dispensing. Not additive: a person uses several groups.
--   comorbidity            persons with a counted (A/B, not retracted) diagnosis in the period per
--                          ICD-10 chapter; the total is persons with any. Not additive either.
-- The first four count every cohort member once each, so they share the grand total (link group).
-- Every cell also returns key_sum, the record keys (shared/cohort.sql) of the DISTINCT persons it
-- counts summed modulo 2^32, for cell-key perturbation: the same persons give the same key in every
-- table, so the shared grand total gets the same noise wherever it is shown. In the non-additive
-- tables a person counts once in each of their groups and once in the total. Inner cells also
-- return persons, their person index places, for the release ledger (margins are unions of them).
-- Every row carries its variant (shared/cohort.sql): 0 is the order; the others are the order with an
-- attribute filter lifted, counted in the same pass over the registers (the registers' scans cost the
-- same for any cohort, so a second query would cost a second pass). Only variant 0 returns persons.
WITH
-- @include cohort.sql
, chapters AS (
    SELECT unnest(CAST($chapter_code AS VARCHAR[])) AS code,
           unnest(CAST($chapter_low AS VARCHAR[])) AS low,
           unnest(CAST($chapter_high AS VARCHAR[])) AS high
),
-- everyone any variant counts: the registers are met once for all of them
members AS (
    SELECT DISTINCT pid FROM cohort_variants
),
member_contacts AS (
    SELECT k.pid, count(*) AS contacts
    FROM contact_days k
    WHERE k.dato_start BETWEEN CAST($period_from AS DATE) AND CAST($period_to AS DATE)
      AND k.pid IN (SELECT pid FROM members)
    GROUP BY k.pid
),
contact_bands AS (
    SELECT c.variant, c.pnr, c.pid, c.record_key, coalesce(n.contacts, 0) / ((CAST($period_to AS DATE) - CAST($period_from AS DATE) + 1) / 365.25) AS per_year
    FROM cohort_variants c
    LEFT JOIN member_contacts n ON n.pid = c.pid
),
causes AS (
    -- the Cause of Death Register writes ICD-10 without the SKS 'D'; chapters are contiguous ranges,
    -- so the chapter is the one with the greatest start at or below the code (an ASOF join)
    SELECT d.pnr, ch.code AS chapter
    FROM dodsaarsag d
    ASOF JOIN chapters ch ON 'D' || d.c_dodtilgrundl_acme >= ch.low
    WHERE 'D' || d.c_dodtilgrundl_acme < ch.high
),
outcomes AS (
    SELECT c.variant, c.pnr, c.pid, c.record_key,
           CASE WHEN p.c_status <> '90' THEN 'alive' ELSE coalesce(x.chapter, 'unknown') END AS outcome
    FROM cohort_variants c
    JOIN person_attributes p ON p.pid = c.pid
    LEFT JOIN causes x ON x.pnr = c.pnr
),
member_medication AS (
    -- the dispensings carry their persons' places: the cohort is met by an integer, not by pseudonym
    SELECT DISTINCT e.pid, left(e.atc, CAST($atc_level_length AS INTEGER)) AS grp
    FROM dispensing_events e
    WHERE e.eksd BETWEEN CAST($period_from AS DATE) AND CAST($period_to AS DATE)
      AND e.pid IN (SELECT pid FROM members)
),
used AS (
    SELECT c.variant, m.pid, m.grp, c.pnr, c.record_key
    FROM member_medication m JOIN cohort_variants c ON c.pid = m.pid
),
ranked AS (
    SELECT variant, grp, row_number() OVER (PARTITION BY variant ORDER BY count(*) DESC, grp) AS rank
    FROM used GROUP BY variant, grp
),
-- one row per person and group; first_of_person marks one row per person, so the total's key sums
-- each person's key once however many groups they are in
medication AS (
    SELECT variant, pnr, pid, grp, record_key, row_number() OVER (PARTITION BY variant, pid ORDER BY grp) = 1 AS first_of_person
    FROM (SELECT DISTINCT u.variant, u.pnr, u.pid, u.record_key, CASE WHEN r.rank <= CAST($top_groups AS INTEGER) THEN u.grp ELSE 'other' END AS grp
          FROM used u JOIN ranked r ON r.variant = u.variant AND r.grp = u.grp)
),
member_chapters AS (
    -- the members' counted diagnoses on contacts in the period (each diagnosis carries its contact's person and date)
    SELECT DISTINCT d.pid, ch.code AS chapter
    FROM (SELECT e.pid, e.diagnosekode
          FROM dx_events e
          WHERE e.dato_start BETWEEN CAST($period_from AS DATE) AND CAST($period_to AS DATE)
            AND e.diagnosetype IN ('A', 'B')
            AND e.senere_afkraeftet = 'Nej'
            AND e.pid IN (SELECT pid FROM members)) d
    ASOF JOIN chapters ch ON d.diagnosekode >= ch.low
    WHERE d.diagnosekode < ch.high
),
comorbidity AS (
    SELECT c.variant, c.pnr, m.pid, m.chapter, c.record_key, row_number() OVER (PARTITION BY c.variant, m.pid ORDER BY m.chapter) = 1 AS first_of_person
    FROM member_chapters m JOIN cohort_variants c ON c.pid = m.pid
)
SELECT variant, 'age-sex' AS tbl,
       CASE WHEN GROUPING(ageband) = 1 THEN 'total' ELSE ageband END AS d1,
       CASE WHEN GROUPING(sex) = 1 THEN 'total' ELSE sex END AS d2,
       'total' AS d3, count(*) AS value, CAST(NULL AS BIGINT[]) AS top,
       CAST(coalesce(sum(record_key), 0) % 4294967296 AS UBIGINT) AS key_sum,
       CASE WHEN GROUPING(ageband) = 0 AND GROUPING(sex) = 0 AND variant = 0 THEN list(pid) FILTER (WHERE CAST($person_sets AS BOOLEAN)) END AS persons
FROM cohort_variants GROUP BY variant, CUBE (ageband, sex)
UNION ALL
SELECT variant, 'region', CASE WHEN GROUPING(region) = 1 THEN 'total' ELSE region END, 'total', 'total', count(*), NULL,
       CAST(coalesce(sum(record_key), 0) % 4294967296 AS UBIGINT),
       CASE WHEN GROUPING(region) = 0 AND variant = 0 THEN list(pid) FILTER (WHERE CAST($person_sets AS BOOLEAN)) END
FROM cohort_variants GROUP BY variant, ROLLUP (region)
UNION ALL
SELECT variant, 'contacts', CASE WHEN GROUPING(band) = 1 THEN 'total' ELSE band END, 'total', 'total', count(*), NULL,
       CAST(coalesce(sum(record_key), 0) % 4294967296 AS UBIGINT),
       CASE WHEN GROUPING(band) = 0 AND variant = 0 THEN list(pid) FILTER (WHERE CAST($person_sets AS BOOLEAN)) END
FROM (SELECT variant, record_key, pid, CASE WHEN per_year <= 0 THEN '0' WHEN per_year < 1 THEN '0-1' WHEN per_year < 2 THEN '1-2'
                  WHEN per_year < 5 THEN '2-5' WHEN per_year < 10 THEN '5-10' ELSE '10+' END AS band
      FROM contact_bands)
GROUP BY variant, ROLLUP (band)
UNION ALL
SELECT variant, 'outcome', CASE WHEN GROUPING(outcome) = 1 THEN 'total' ELSE outcome END, 'total', 'total', count(*), NULL,
       CAST(coalesce(sum(record_key), 0) % 4294967296 AS UBIGINT),
       CASE WHEN GROUPING(outcome) = 0 AND variant = 0 THEN list(pid) FILTER (WHERE CAST($person_sets AS BOOLEAN)) END
FROM outcomes GROUP BY variant, ROLLUP (outcome)
UNION ALL
SELECT variant, 'medication', CASE WHEN GROUPING(grp) = 1 THEN 'total' ELSE grp END, 'total', 'total', count(DISTINCT pnr), NULL,
       CAST(coalesce(CASE WHEN GROUPING(grp) = 1 THEN sum(record_key) FILTER (WHERE first_of_person) ELSE sum(record_key) END, 0) % 4294967296 AS UBIGINT),
       CASE WHEN GROUPING(grp) = 0 AND variant = 0 THEN list(pid) FILTER (WHERE CAST($person_sets AS BOOLEAN)) END
FROM medication GROUP BY variant, ROLLUP (grp)
UNION ALL
SELECT variant, 'comorbidity', CASE WHEN GROUPING(chapter) = 1 THEN 'total' ELSE chapter END, 'total', 'total', count(DISTINCT pnr), NULL,
       CAST(coalesce(CASE WHEN GROUPING(chapter) = 1 THEN sum(record_key) FILTER (WHERE first_of_person) ELSE sum(record_key) END, 0) % 4294967296 AS UBIGINT),
       CASE WHEN GROUPING(chapter) = 0 AND variant = 0 THEN list(pid) FILTER (WHERE CAST($person_sets AS BOOLEAN)) END
FROM comorbidity GROUP BY variant, ROLLUP (chapter)
