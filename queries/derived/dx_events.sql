-- order by: diagnosekode, dato_start, pid, diagnosetype, senere_afkraeftet
-- Each diagnosis with its contact's person and start date, sorted by code: a code prefix reads only
-- its own row groups and needs no join to all contacts.
SELECT d.diagnosekode, d.diagnosetype, d.senere_afkraeftet, k.dato_start, i.pid
FROM lpr_f_diagnoser d
JOIN lpr_f_kontakter k ON k.dw_ek_kontakt = d.dw_ek_kontakt
JOIN person_index i ON i.pnr = k.pnr
