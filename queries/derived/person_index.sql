-- order by: pid
-- Every person of cpr_person ranked by pseudonym (0, 1, ...): the only person key that leaves a query.
SELECT pnr, CAST(row_number() OVER (ORDER BY pnr) - 1 AS INTEGER) AS pid
FROM cpr_person
