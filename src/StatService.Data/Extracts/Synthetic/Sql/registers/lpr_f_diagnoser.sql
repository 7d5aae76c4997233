-- LPR3 diagnoses: the action diagnosis ('A') of every contact; secondary diagnoses ('B') from two
-- disjoint pools so a contact never repeats a code; the person's known diseases (usual code) as
-- secondary on a quarter of their background contacts; and a few referral ('H') and additional
-- ('+') rows with suspected-disease codes that must not count. About 1 % of rows are retracted.
CREATE VIEW lpr_f_diagnoser AS
WITH c AS (
    SELECT pidx * 100000 + source * 1000 + j AS dw_ek_kontakt, pidx, source, stratum, dato_start, code
    FROM contact
), d AS (
    SELECT dw_ek_kontakt, code AS diagnosekode, 'A' AS diagnosetype FROM c
    UNION ALL
    SELECT c.dw_ek_kontakt, b.item, 'B'
    FROM c JOIN pick b ON b.pool = 'dx_b1' AND b.stratum = c.stratum AND b.bin = bin(u(c.dw_ek_kontakt, 'secondary 1 code'))
    WHERE u(c.dw_ek_kontakt, 'secondary 1') < 0.45 AND b.item <> c.code
    UNION ALL
    SELECT c.dw_ek_kontakt, b.item, 'B'
    FROM c JOIN pick b ON b.pool = 'dx_b2' AND b.stratum = c.stratum AND b.bin = bin(u(c.dw_ek_kontakt, 'secondary 2 code'))
    WHERE u(c.dw_ek_kontakt, 'secondary 2') < 0.25 AND b.item <> c.code
    UNION ALL
    SELECT c.dw_ek_kontakt, pd.code, 'B'
    FROM c JOIN person_disease pd ON pd.pidx = c.pidx AND pd.onset <= c.dato_start
    WHERE c.source = 0 AND u2(c.dw_ek_kontakt, pd.disease_id, 'known disease') < 0.25
    UNION ALL
    SELECT c.dw_ek_kontakt, h.item, 'H'
    FROM c JOIN pick h ON h.pool = 'dx_h' AND h.stratum = 0 AND h.bin = bin(u(c.dw_ek_kontakt, 'referral code'))
    WHERE u(c.dw_ek_kontakt, 'referral') < 0.01
    UNION ALL
    SELECT c.dw_ek_kontakt, h.item, '+'
    FROM c JOIN pick h ON h.pool = 'dx_h' AND h.stratum = 0 AND h.bin = bin(u(c.dw_ek_kontakt, 'additional code'))
    WHERE u(c.dw_ek_kontakt, 'additional') < 0.005
)
SELECT dw_ek_kontakt, diagnosekode, diagnosetype,
       CASE WHEN ut(dw_ek_kontakt, diagnosetype || diagnosekode, 'retracted') < 0.01 THEN 'Ja' ELSE 'Nej' END AS senere_afkraeftet
FROM d;
