-- Hazards of death and emigration per person before calibration (exits.sql scales them).
-- Death: Gompertz in age (doubling about every 6.5 years), higher for infants and men, times the
-- hazard ratios of the person's diseases. Exposure: years from entry to the end of coverage.
CREATE TABLE person_hazard AS
WITH disease_ratio AS (
    SELECT pd.pidx, round(exp(sum(ln(d.mortality))), 9) AS ratio
    FROM person_disease pd JOIN ref_disease d USING (disease_id)
    GROUP BY pd.pidx
), base AS (
    SELECT p.pidx, p.origin, p.band,
           (getvariable('to_date') - p.entry_date + 1) / 365.25 AS exposure,
           age_years(p.foed_dag, p.entry_date) + (getvariable('to_date') - p.entry_date + 1) / 730.5 AS mid_age,
           p.koen
    FROM person p
)
SELECT b.pidx, b.exposure,
       (exp(-11.25 + 0.107 * b.mid_age) + CASE WHEN b.mid_age < 1 THEN 0.003 ELSE 0 END)
           * CASE b.koen WHEN '1' THEN 1.25 ELSE 0.85 END
           * coalesce(r.ratio, 1.0) AS death,
       e.emigration * CASE b.origin WHEN 'immigrant' THEN 4 ELSE 1 END AS emigration
FROM base b
JOIN ref_rate e ON e.band = b.band
LEFT JOIN disease_ratio r USING (pidx);
