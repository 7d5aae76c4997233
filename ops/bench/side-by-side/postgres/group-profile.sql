-- queries/group-profile/group-profile.sql for PostgreSQL: the linked tables describing one cohort. DuckDB's ASOF
-- join to the chapter ranges is a lateral lookup of the greatest chapter start at or below the code.
WITH
-- @include cohort.sql
, chapters AS (
    SELECT * FROM unnest(CAST(@chapter_code AS text[]), CAST(@chapter_low AS text[]), CAST(@chapter_high AS text[])) AS c(code, low, high)
),
cohort_contacts AS (
    SELECT k.pnr, count(*) AS contacts
    FROM lpr_f_kontakter k
    WHERE k.dato_start BETWEEN CAST(@period_from AS date) AND CAST(@period_to AS date)
      AND k.pnr IN (SELECT pnr FROM cohort)
    GROUP BY k.pnr
),
contact_bands AS (
    SELECT c.pnr, coalesce(n.contacts, 0) / ((CAST(@period_to AS date) - CAST(@period_from AS date) + 1) / 365.25) AS per_year
    FROM cohort c
    LEFT JOIN cohort_contacts n ON n.pnr = c.pnr
),
causes AS (
    SELECT d.pnr, ch.code AS chapter
    FROM dodsaarsag d
    CROSS JOIN LATERAL (SELECT c.code, c.high FROM chapters c WHERE c.low <= 'D' || d.c_dodtilgrundl_acme ORDER BY c.low DESC LIMIT 1) ch
    WHERE 'D' || d.c_dodtilgrundl_acme < ch.high
),
outcomes AS (
    SELECT c.pnr, CASE WHEN p.c_status <> '90' THEN 'alive' ELSE coalesce(x.chapter, 'unknown') END AS outcome
    FROM cohort c
    JOIN cpr_person p ON p.pnr = c.pnr
    LEFT JOIN causes x ON x.pnr = c.pnr
),
used AS (
    SELECT DISTINCT l.pnr, left(l.atc, CAST(@atc_level_length AS integer)) AS grp
    FROM lmdb l
    WHERE l.eksd BETWEEN CAST(@period_from AS date) AND CAST(@period_to AS date)
      AND l.pnr IN (SELECT pnr FROM cohort)
),
ranked AS (
    SELECT grp, row_number() OVER (ORDER BY count(*) DESC, grp) AS rank
    FROM used GROUP BY grp
),
medication AS (
    SELECT DISTINCT u.pnr, CASE WHEN r.rank <= CAST(@top_groups AS integer) THEN u.grp ELSE 'other' END AS grp
    FROM used u JOIN ranked r ON r.grp = u.grp
),
comorbidity AS (
    SELECT DISTINCT d.pnr, ch.code AS chapter
    FROM (SELECT k.pnr, g.diagnosekode
          FROM lpr_f_kontakter k
          JOIN lpr_f_diagnoser g ON g.dw_ek_kontakt = k.dw_ek_kontakt
          WHERE k.dato_start BETWEEN CAST(@period_from AS date) AND CAST(@period_to AS date)
            AND g.diagnosetype IN ('A', 'B')
            AND g.senere_afkraeftet = 'Nej'
            AND k.pnr IN (SELECT pnr FROM cohort)) d
    CROSS JOIN LATERAL (SELECT c.code, c.high FROM chapters c WHERE c.low <= d.diagnosekode ORDER BY c.low DESC LIMIT 1) ch
    WHERE d.diagnosekode < ch.high
)
SELECT 'age-sex' AS tbl,
       CASE WHEN GROUPING(ageband) = 1 THEN 'total' ELSE ageband END AS d1,
       CASE WHEN GROUPING(sex) = 1 THEN 'total' ELSE sex END AS d2,
       'total' AS d3, count(*) AS value
FROM cohort GROUP BY CUBE (ageband, sex)
UNION ALL
SELECT 'region', CASE WHEN GROUPING(region) = 1 THEN 'total' ELSE region END, 'total', 'total', count(*)
FROM cohort GROUP BY ROLLUP (region)
UNION ALL
SELECT 'contacts', CASE WHEN GROUPING(band) = 1 THEN 'total' ELSE band END, 'total', 'total', count(*)
FROM (SELECT CASE WHEN per_year <= 0 THEN '0' WHEN per_year < 1 THEN '0-1' WHEN per_year < 2 THEN '1-2'
                  WHEN per_year < 5 THEN '2-5' WHEN per_year < 10 THEN '5-10' ELSE '10+' END AS band
      FROM contact_bands) b
GROUP BY ROLLUP (band)
UNION ALL
SELECT 'outcome', CASE WHEN GROUPING(outcome) = 1 THEN 'total' ELSE outcome END, 'total', 'total', count(*)
FROM outcomes GROUP BY ROLLUP (outcome)
UNION ALL
SELECT 'medication', CASE WHEN GROUPING(grp) = 1 THEN 'total' ELSE grp END, 'total', 'total', count(DISTINCT pnr)
FROM medication GROUP BY ROLLUP (grp)
UNION ALL
SELECT 'comorbidity', CASE WHEN GROUPING(chapter) = 1 THEN 'total' ELSE chapter END, 'total', 'total', count(DISTINCT pnr)
FROM comorbidity GROUP BY ROLLUP (chapter)
