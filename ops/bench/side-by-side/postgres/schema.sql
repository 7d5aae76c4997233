-- The registers as a DBA would load them for these queries: codes compared byte-wise (COLLATE "C", so a prefix range
-- is an index range), no constraints until loaded. One schema per extract version.
CREATE TABLE cpr_person (pnr text COLLATE "C" NOT NULL, koen text, foed_dag date, c_status text, d_status_hen_start date, kom text, reg text);
CREATE TABLE dodsaarsag (pnr text COLLATE "C" NOT NULL, d_dodsdato date, c_dodtilgrundl_acme text COLLATE "C",
                         c_dod_1a text, c_dod_1b text, c_dod_1c text, c_dod_1d text);
CREATE TABLE lpr_f_kontakter (dw_ek_kontakt bigint NOT NULL, dw_ek_forloeb bigint, pnr text COLLATE "C" NOT NULL, dato_start date, dato_slut date,
                              kontakttype text, prioritet text, aktionsdiagnose text, hovedspeciale_ans text, sorenhed_ans text, region_ans text);
CREATE TABLE lpr_f_diagnoser (dw_ek_kontakt bigint NOT NULL, diagnosekode text COLLATE "C" NOT NULL, diagnosetype text, senere_afkraeftet text);
CREATE TABLE lpr_f_procedurer (dw_ek_kontakt bigint NOT NULL, procedurekode text COLLATE "C" NOT NULL, proceduretype text, dato_start date);
CREATE TABLE lmdb (pnr text COLLATE "C" NOT NULL, eksd date, atc text COLLATE "C", vnr text COLLATE "C", apk double precision, indo text);
CREATE TABLE lmdb_produkt (vnr text COLLATE "C" NOT NULL, atc text, pname text, packsize double precision, strnum double precision,
                           strunit text, volume double precision);
