-- Hazards of death and emigration per person before calibration (ExitCalibration scales them).
-- Death: Gompertz, rising 11 % a year of age (so also while a person ages during coverage), higher
-- for infants and men, times the hazard ratios of the person's diseases. death_cum is the hazard
-- accumulated over the person's exposure: entry to the end of coverage, in years.
CREATE MACRO gompertz_slope() AS 0.107;

CREATE TABLE person_hazard AS
WITH disease_ratio AS (
    SELECT pd.pidx, round(exp(sum(ln(d.mortality))), 9) AS ratio
    FROM person_disease pd JOIN ref_disease d USING (disease_id)
    GROUP BY pd.pidx
), base AS (
    SELECT p.pidx, p.origin, p.band, p.koen,
           (getvariable('to_date') - p.entry_date + 1) / 365.25 AS exposure,
           (p.entry_date - p.foed_dag) / 365.25 AS entry_age
    FROM person p
), hazard AS (
    SELECT b.pidx, b.exposure,
           (exp(-11.25 + gompertz_slope() * b.entry_age) + CASE WHEN b.entry_age < 1 THEN 0.003 ELSE 0 END)
               * CASE b.koen WHEN '1' THEN 1.25 ELSE 0.85 END
               * coalesce(r.ratio, 1.0) AS death,
           e.emigration * CASE b.origin WHEN 'immigrant' THEN 4 ELSE 1 END AS emigration
    FROM base b
    JOIN ref_rate e ON e.band = b.band
    LEFT JOIN disease_ratio r USING (pidx)
)
SELECT *, death * (exp(gompertz_slope() * exposure) - 1) / gompertz_slope() AS death_cum
FROM hazard;
