-- CPR: one row per person resident at some time during coverage.
CREATE VIEW cpr_person AS
SELECT pnr, koen, foed_dag, c_status, d_status_hen_start, kom, reg
FROM person_full;
