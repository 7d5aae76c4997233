-- order by: procedurekode, dato_start, pid
-- Each procedure (on its own date) with its contact's person, sorted by code.
SELECT p.procedurekode, p.dato_start, i.pid
FROM lpr_f_procedurer p
JOIN lpr_f_kontakter k ON k.dw_ek_kontakt = p.dw_ek_kontakt
JOIN person_index i ON i.pnr = k.pnr
