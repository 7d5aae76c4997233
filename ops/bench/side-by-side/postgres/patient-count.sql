-- queries/patient-count/patient-count.sql for PostgreSQL: the cohort counted per cell of the CUBE of the breakdowns.
WITH
-- @include cohort.sql
, cells AS (
    SELECT
        CASE CAST(@dim1 AS text) WHEN 'region' THEN region WHEN 'sex' THEN sex WHEN 'ageband' THEN ageband END AS d1,
        CASE CAST(@dim2 AS text) WHEN 'region' THEN region WHEN 'sex' THEN sex WHEN 'ageband' THEN ageband END AS d2,
        CASE CAST(@dim3 AS text) WHEN 'region' THEN region WHEN 'sex' THEN sex WHEN 'ageband' THEN ageband END AS d3
    FROM cohort
)
SELECT 'patient-count' AS tbl,
       CASE WHEN GROUPING(d1) = 1 THEN 'total' ELSE d1 END AS d1,
       CASE WHEN GROUPING(d2) = 1 THEN 'total' ELSE d2 END AS d2,
       CASE WHEN GROUPING(d3) = 1 THEN 'total' ELSE d3 END AS d3,
       count(*) AS value
FROM cells
GROUP BY CUBE (d1, d2, d3)
HAVING (GROUPING(d1) = 1 OR CAST(@dim1 AS text) <> '')
   AND (GROUPING(d2) = 1 OR CAST(@dim2 AS text) <> '')
   AND (GROUPING(d3) = 1 OR CAST(@dim3 AS text) <> '')
