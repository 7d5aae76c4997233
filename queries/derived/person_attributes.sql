-- order by: pid
-- What the cohort takes from the population register, keyed by person index place; no pseudonym, so
-- a cohort reads narrow columns and looks pseudonyms up in person_index for its own members only.
SELECT i.pid, p.foed_dag, p.koen, p.reg, p.c_status, p.d_status_hen_start
FROM cpr_person p
JOIN person_index i ON i.pnr = p.pnr
