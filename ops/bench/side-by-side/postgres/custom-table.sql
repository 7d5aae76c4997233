-- queries/custom-table/custom-table.sql for PostgreSQL: one measure summed per cell of the breakdowns.
WITH
-- @include cohort.sql
, measure_atc_ranges AS (
    SELECT * FROM unnest(CAST(@measure_atc_low AS text[]), CAST(@measure_atc_high AS text[])) AS r(low, high)
),
contacts AS (
    SELECT k.pnr, count(*) AS n
    FROM lpr_f_kontakter k
    WHERE CAST(@measure AS text) = 'contacts'
      AND k.dato_start BETWEEN CAST(@period_from AS date) AND CAST(@period_to AS date)
      AND k.pnr IN (SELECT pnr FROM cohort)
    GROUP BY k.pnr
),
dispensings AS (
    SELECT l.pnr, count(*) AS n, round(sum(CAST(l.apk AS numeric(18, 3)) * CAST(p.volume AS numeric(18, 3)))) AS ddd
    FROM lmdb l
    JOIN lmdb_produkt p ON p.vnr = l.vnr
    WHERE CAST(@measure AS text) IN ('dispensings', 'ddd')
      AND l.eksd BETWEEN CAST(@period_from AS date) AND CAST(@period_to AS date)
      AND l.pnr IN (SELECT pnr FROM cohort)
      AND (CAST(@measure_atc_all AS boolean) OR EXISTS (SELECT 1 FROM measure_atc_ranges r WHERE l.atc >= r.low AND l.atc < r.high))
    GROUP BY l.pnr
),
cells AS (
    SELECT
        CASE CAST(@dim1 AS text) WHEN 'region' THEN c.region WHEN 'sex' THEN c.sex WHEN 'ageband' THEN c.ageband END AS d1,
        CASE CAST(@dim2 AS text) WHEN 'region' THEN c.region WHEN 'sex' THEN c.sex WHEN 'ageband' THEN c.ageband END AS d2,
        CASE CAST(@dim3 AS text) WHEN 'region' THEN c.region WHEN 'sex' THEN c.sex WHEN 'ageband' THEN c.ageband END AS d3,
        CAST(CASE CAST(@measure AS text)
            WHEN 'persons' THEN 1
            WHEN 'contacts' THEN coalesce(k.n, 0)
            WHEN 'dispensings' THEN coalesce(d.n, 0)
            WHEN 'ddd' THEN coalesce(d.ddd, 0)
        END AS bigint) AS v
    FROM cohort c
    LEFT JOIN contacts k ON k.pnr = c.pnr
    LEFT JOIN dispensings d ON d.pnr = c.pnr
)
SELECT 'custom-table' AS tbl,
       CASE WHEN GROUPING(d1) = 1 THEN 'total' ELSE d1 END AS d1,
       CASE WHEN GROUPING(d2) = 1 THEN 'total' ELSE d2 END AS d2,
       CASE WHEN GROUPING(d3) = 1 THEN 'total' ELSE d3 END AS d3,
       CAST(coalesce(sum(v), 0) AS bigint) AS value
FROM cells
GROUP BY CUBE (d1, d2, d3)
HAVING (GROUPING(d1) = 1 OR CAST(@dim1 AS text) <> '')
   AND (GROUPING(d2) = 1 OR CAST(@dim2 AS text) <> '')
   AND (GROUPING(d3) = 1 OR CAST(@dim3 AS text) <> '')
