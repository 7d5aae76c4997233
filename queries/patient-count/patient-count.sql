-- patient-count: persons in the cohort (see shared/cohort.sql), counted per cell of the CUBE over
-- the order's breakdowns (up to three of region, sex, ageband, all at the index date), margins as
-- 'total'. Output rows: tbl, d1..d3 (unused dimensions stay 'total'), value, top, key_sum, persons.
WITH
-- @include cohort.sql
, cells AS (
    SELECT
        CASE CAST($dim1 AS VARCHAR) WHEN 'region' THEN region WHEN 'sex' THEN sex WHEN 'ageband' THEN ageband END AS d1,
        CASE CAST($dim2 AS VARCHAR) WHEN 'region' THEN region WHEN 'sex' THEN sex WHEN 'ageband' THEN ageband END AS d2,
        CASE CAST($dim3 AS VARCHAR) WHEN 'region' THEN region WHEN 'sex' THEN sex WHEN 'ageband' THEN ageband END AS d3,
        record_key, pid
    FROM cohort
)
SELECT
    'patient-count' AS tbl,
    CASE WHEN GROUPING(d1) = 1 THEN 'total' ELSE d1 END AS d1,
    CASE WHEN GROUPING(d2) = 1 THEN 'total' ELSE d2 END AS d2,
    CASE WHEN GROUPING(d3) = 1 THEN 'total' ELSE d3 END AS d3,
    count(*) AS value,
    CAST(NULL AS BIGINT[]) AS top,
    -- the cell's key: its persons' record keys summed modulo 2^32 (cell-key perturbation only; 0 for no persons)
    CAST(coalesce(sum(record_key), 0) % 4294967296 AS UBIGINT) AS key_sum,
    -- the release ledger's person set of an inner cell (person_index places; margins are unions of inner cells)
    CASE WHEN (GROUPING(d1) = 0 OR CAST($dim1 AS VARCHAR) = '') AND (GROUPING(d2) = 0 OR CAST($dim2 AS VARCHAR) = '') AND (GROUPING(d3) = 0 OR CAST($dim3 AS VARCHAR) = '') THEN list(pid) FILTER (WHERE CAST($person_sets AS BOOLEAN)) END AS persons
FROM cells
GROUP BY CUBE (d1, d2, d3)
HAVING (GROUPING(d1) = 1 OR CAST($dim1 AS VARCHAR) <> '')
   AND (GROUPING(d2) = 1 OR CAST($dim2 AS VARCHAR) <> '')
   AND (GROUPING(d3) = 1 OR CAST($dim3 AS VARCHAR) <> '')
