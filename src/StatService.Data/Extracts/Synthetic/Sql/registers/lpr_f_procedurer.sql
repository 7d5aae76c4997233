-- LPR3 procedures: SKS procedure codes on contacts, drawn from the contact's action diagnosis
-- (PCI for myocardial infarction, hip and knee replacement for arthrosis, appendectomy for
-- appendicitis, imaging for stroke and multiple sclerosis, ...), plus chest X-rays as background.
-- The procedure is registered on the contact's first day. Every draw is keyed by contact and code.
CREATE TABLE ref_procedure_rule (diagnosis_prefix VARCHAR, code VARCHAR, p DOUBLE);
INSERT INTO ref_procedure_rule VALUES
    ('DI20', 'KFNG05', 0.20), ('DI21', 'KFNG05', 0.45), ('DI21', 'KFNG02', 0.08), ('DI25', 'KFNG05', 0.08),
    ('DI21', 'UXRC00', 0.50), ('DI50', 'UXRC00', 0.60), ('DI63', 'UXCA00', 0.90), ('DI63', 'UXMA00', 0.30),
    ('DM16', 'KNFB20', 0.30), ('DM17', 'KNGB20', 0.30), ('DS72', 'KNFB20', 0.35), ('DS72', 'UXRB00', 0.90),
    ('DS52', 'UXRB00', 0.80), ('DS82', 'UXRB00', 0.80), ('DS06', 'UXCA00', 0.80), ('DS09', 'UXCA00', 0.20),
    ('DK35', 'KJEA10', 0.70), ('DK35', 'KJEA00', 0.20), ('DK80', 'KJKA20', 0.40), ('DK40', 'KJAB30', 0.50),
    ('DO80', 'KMCA10', 0.18), ('DC50', 'KHAC20', 0.15), ('DC50', 'KHAB00', 0.15), ('DC50', 'BWHA1', 0.30),
    ('DC34', 'BWHA1', 0.30), ('DC18', 'BWHA1', 0.25), ('DC18', 'KJFB20', 0.10), ('DC61', 'KKEC00', 0.10),
    ('DG35', 'UXMA00', 0.35), ('DG12', 'UXMA00', 0.30), ('DG40', 'UXMA00', 0.20), ('DG20', 'UXMA00', 0.10),
    ('DJ44', 'UXRC00', 0.30), ('DJ18', 'UXRC00', 0.80), ('DD86', 'UXRC00', 0.50), ('DE84', 'UXRC00', 0.30),
    ('DE11', 'KNHQ11', 0.004), ('DE10', 'KNHQ11', 0.003), ('DH25', 'KCJE20', 0.40), ('DN18', 'BJFD2', 0.15),
    ('D', 'UXRC00', 0.02);

CREATE VIEW lpr_f_procedurer AS
WITH c AS (
    SELECT pidx * 100000 + source * 1000 + j AS dw_ek_kontakt, dato_start, code FROM contact
)
SELECT DISTINCT c.dw_ek_kontakt, r.code AS procedurekode,
       CASE WHEN r.code LIKE 'K%' THEN 'P' ELSE 'D' END AS proceduretype,
       c.dato_start
FROM c JOIN ref_procedure_rule r ON starts_with(c.code, r.diagnosis_prefix)
WHERE ut(c.dw_ek_kontakt, r.code || r.diagnosis_prefix, 'procedure') < r.p;
