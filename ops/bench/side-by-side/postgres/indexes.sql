-- A DBA's indexes for cohort queries: events by code (prefix ranges), contacts by id and by person and date,
-- dispensings by ATC and by person, persons by pseudonym. Then statistics for the planner.
ALTER TABLE cpr_person ADD PRIMARY KEY (pnr);
ALTER TABLE lpr_f_kontakter ADD PRIMARY KEY (dw_ek_kontakt);
CREATE INDEX ON lpr_f_kontakter (pnr, dato_start);
CREATE INDEX ON lpr_f_diagnoser (diagnosekode);
CREATE INDEX ON lpr_f_diagnoser (dw_ek_kontakt);
CREATE INDEX ON lpr_f_procedurer (procedurekode);
CREATE INDEX ON lpr_f_procedurer (dw_ek_kontakt);
CREATE INDEX ON lmdb (atc, eksd);
CREATE INDEX ON lmdb (pnr, eksd);
CREATE INDEX ON dodsaarsag (pnr);
CREATE INDEX ON lmdb_produkt (vnr);
ANALYZE;
