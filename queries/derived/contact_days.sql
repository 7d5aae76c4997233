-- order by: pid, dato_start
-- Each hospital contact's person and start date: counting a cohort's contacts decodes two numbers a
-- contact instead of the contacts register's pseudonyms.
SELECT i.pid, k.dato_start
FROM lpr_f_kontakter k
JOIN person_index i ON i.pnr = k.pnr
