-- Who has which disease: prevalent at entry (onset before coverage) or incident during coverage.
-- Probabilities are normalised over this population's age/sex mix so expected case counts match
-- the scaled national figures at any size; one uniform per person and disease decides both.
CREATE TABLE disease_probability AS
WITH strata AS (
    SELECT band, koen, count(*) AS n FROM person GROUP BY ALL
), weighted AS (
    SELECT d.disease_id, s.band, s.koen,
           CASE s.koen WHEN '2' THEN d.female_share ELSE 1 - d.female_share END AS sex_share,
           d.prevalent, d.incident, d.prev_w[s.band + 1] AS pw, d.inc_w[s.band + 1] AS iw,
           -- exact sums (DECIMAL) so probabilities never depend on summation order
           sum(s.n * d.prev_w[s.band + 1]::DECIMAL(18, 6)) OVER (PARTITION BY d.disease_id, s.koen) AS p_norm,
           sum(s.n * d.inc_w[s.band + 1]::DECIMAL(18, 6)) OVER (PARTITION BY d.disease_id, s.koen) AS i_norm
    FROM ref_disease d CROSS JOIN strata s
)
SELECT disease_id, band, koen,
       CASE WHEN p_norm > 0 THEN least(1.0, scaled(prevalent) * sex_share * pw / p_norm::DOUBLE) ELSE 0 END AS p_prevalent,
       CASE WHEN i_norm > 0 THEN least(1.0, scaled(incident) * getvariable('years') * sex_share * iw / i_norm::DOUBLE) ELSE 0 END AS p_incident
FROM weighted;

CREATE TABLE person_disease_drawn AS
WITH drawn AS (
    SELECT p.pidx, p.entry_date, p.foed_dag, dp.disease_id, dp.p_prevalent, dp.p_incident,
           u(p.pidx * 16 + dp.disease_id, 'disease') AS x
    FROM person p
    JOIN disease_probability dp ON dp.band = p.band AND dp.koen = p.koen
    WHERE dp.p_prevalent > 0 OR dp.p_incident > 0
)
SELECT pidx, disease_id, x < p_prevalent AS prevalent,
       CASE WHEN x < p_prevalent
            -- onset some years before entry, never before birth
            THEN greatest(foed_dag, entry_date - 1 - floor(365.25 * 6 * expo(u(pidx * 16 + disease_id, 'onset')))::INTEGER)
            ELSE entry_date + floor(u(pidx * 16 + disease_id, 'onset') * (getvariable('to_date') - entry_date + 1))::INTEGER
       END AS onset
FROM drawn
WHERE x < p_prevalent + p_incident;

-- The code a person's disease is usually recorded with (a separate step: a two-way join plans well).
CREATE TABLE person_disease AS
SELECT d.*, k.item AS code
FROM person_disease_drawn d
JOIN pick k ON k.pool = 'dx:' || d.disease_id AND k.stratum = 0 AND k.bin = bin(u(d.pidx * 16 + d.disease_id, 'usual code'));

DROP TABLE person_disease_drawn;
