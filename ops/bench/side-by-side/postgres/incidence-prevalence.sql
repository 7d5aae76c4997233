-- queries/incidence-prevalence/incidence-prevalence.sql for PostgreSQL: per year, residents at its end E, those
-- who first met the criteria on or before E (existing) and during the year (new).
WITH
-- @include cohort.sql
, years AS (
    SELECT * FROM unnest(CAST(@year_from AS date[]), CAST(@year_to AS date[])) AS y(y_from, y_to)
),
residents AS (
    SELECT extract(year FROM y.y_to)::integer AS yr, y.y_from, y.y_to, p.pnr, p.reg AS region,
           CASE p.koen WHEN '1' THEN 'male' WHEN '2' THEN 'female' END AS sex,
           (extract(year FROM y.y_to) - extract(year FROM p.foed_dag)
            - CASE WHEN extract(month FROM y.y_to) * 100 + extract(day FROM y.y_to)
                        < extract(month FROM p.foed_dag) * 100 + extract(day FROM p.foed_dag) THEN 1 ELSE 0 END)::integer AS age
    FROM cpr_person p CROSS JOIN years y
    WHERE p.foed_dag <= y.y_to
      AND CASE WHEN p.c_status = '01' THEN p.d_status_hen_start <= y.y_to ELSE p.d_status_hen_start > y.y_to END
),
filtered AS (
    SELECT r.yr, r.y_from, r.region, r.sex,
           CASE WHEN r.age >= 90 THEN '90+' ELSE (r.age / 10 * 10)::text || '-' || (r.age / 10 * 10 + 9)::text END AS ageband,
           q.entry_date
    FROM residents r
    LEFT JOIN qualified q ON q.pnr = r.pnr AND q.entry_date <= r.y_to
    WHERE (CAST(@age_min AS integer) IS NULL OR r.age >= CAST(@age_min AS integer))
      AND (CAST(@age_max AS integer) IS NULL OR r.age <= CAST(@age_max AS integer))
      AND (CAST(@sex AS text) IS NULL OR r.sex = CAST(@sex AS text))
      AND (cardinality(CAST(@regions AS text[])) = 0 OR r.region = ANY (CAST(@regions AS text[])))
),
cells AS (
    SELECT yr, y_from, entry_date,
        CASE CAST(@dim1 AS text) WHEN 'region' THEN region WHEN 'sex' THEN sex WHEN 'ageband' THEN ageband END AS d1,
        CASE CAST(@dim2 AS text) WHEN 'region' THEN region WHEN 'sex' THEN sex WHEN 'ageband' THEN ageband END AS d2,
        CASE CAST(@dim3 AS text) WHEN 'region' THEN region WHEN 'sex' THEN sex WHEN 'ageband' THEN ageband END AS d3
    FROM filtered
),
counted AS (
    SELECT yr,
        CASE WHEN GROUPING(d1) = 1 THEN 'total' ELSE d1 END AS d1,
        CASE WHEN GROUPING(d2) = 1 THEN 'total' ELSE d2 END AS d2,
        CASE WHEN GROUPING(d3) = 1 THEN 'total' ELSE d3 END AS d3,
        count(*) AS population,
        count(entry_date) AS existing_cases,
        count(*) FILTER (WHERE entry_date >= y_from) AS new_cases
    FROM cells
    GROUP BY GROUPING SETS (
        (yr, d1, d2, d3), (yr, d1, d2), (yr, d1, d3), (yr, d2, d3), (yr, d1), (yr, d2), (yr, d3), (yr))
    HAVING (GROUPING(d1) = 1 OR CAST(@dim1 AS text) <> '')
       AND (GROUPING(d2) = 1 OR CAST(@dim2 AS text) <> '')
       AND (GROUPING(d3) = 1 OR CAST(@dim3 AS text) <> '')
)
SELECT 'population-' || yr AS tbl, d1, d2, d3, population AS value FROM counted
UNION ALL
SELECT 'existing-cases-' || yr, d1, d2, d3, existing_cases FROM counted
UNION ALL
SELECT 'new-cases-' || yr, d1, d2, d3, new_cases FROM counted
