-- Prescription register: dispensings from treatment episodes (disease drugs from onset; long-term
-- background drugs by age and sex, more often for frail persons) at regular intervals, plus one-off
-- (acute) prescriptions, spread unevenly (frailty^1.5, mean 1) so about three in four persons
-- redeem something in a year. All within the person's residence; product, packs and indication drawn.
CREATE TABLE ref_drug_no AS SELECT DISTINCT atc, drug_no, products FROM ref_product;

CREATE TABLE chronic_drug_probability AS
WITH strata AS (
    SELECT band, koen, count(*) AS n FROM person_full GROUP BY ALL
), weighted AS (
    SELECT c.atc, s.band, s.koen,
           CASE s.koen WHEN '2' THEN c.female_share ELSE 1 - c.female_share END AS sex_share,
           c.users, p.w[s.band + 1] AS w,
           sum(s.n * p.w[s.band + 1]::DECIMAL(18, 6)) OVER (PARTITION BY c.atc, s.koen) AS norm
    FROM ref_chronic_drug c JOIN ref_profile p USING (profile) CROSS JOIN strata s
)
SELECT atc, band, koen, CASE WHEN norm > 0 THEN scaled(users) * sex_share * w / norm::DOUBLE ELSE 0 END AS p
FROM weighted;

-- Episode key: (person * 16 + source) * 1000 + drug number; source is the disease, 0 background.
-- Dispensing key: episode * 64 + number, or negative for one-off prescriptions.
CREATE TABLE drug_episode AS
WITH disease_drug AS (
    SELECT pd.pidx, pd.disease_id AS source, dd.atc, dd.refills, p.exit_date,
           greatest(p.entry_date, pd.onset + floor(60 * u2(pd.pidx * 16 + pd.disease_id, n.drug_no, 'treatment delay'))::INTEGER) AS start_date,
           p.exit_date AS stop_date
    FROM person_disease pd
    JOIN person_full p USING (pidx)
    JOIN ref_disease_drug dd USING (disease_id)
    JOIN ref_drug_no n USING (atc)
    WHERE u2(pd.pidx * 16 + pd.disease_id, n.drug_no, 'treated') < dd.p_use
), background AS (
    SELECT p.pidx, 0 AS source, c.atc, r.refills, p.exit_date, n.drug_no,
           CASE WHEN u2(p.pidx, n.drug_no, 'already treated') < 0.8 THEN p.entry_date
                ELSE p.entry_date + floor(u2(p.pidx, n.drug_no, 'start') * (p.exit_date - p.entry_date + 1))::INTEGER
           END AS start_date
    FROM person_full p
    JOIN chronic_drug_probability c ON c.band = p.band AND c.koen = p.koen
    JOIN ref_chronic_drug r USING (atc)
    JOIN ref_drug_no n USING (atc)
    WHERE u2(p.pidx, n.drug_no, 'long-term drug') < c.p * (0.5 + 0.5 * p.frailty)
)
SELECT pidx, source, atc, refills, start_date, stop_date FROM disease_drug WHERE start_date <= stop_date
UNION ALL
SELECT pidx, source, atc, refills, start_date,
       CASE WHEN u2(pidx, drug_no, 'stopped') < 0.15
            THEN start_date + floor(u2(pidx, drug_no, 'stop') * (exit_date - start_date + 1))::INTEGER
            ELSE exit_date END
FROM background WHERE start_date <= exit_date;

CREATE VIEW lmdb AS
WITH repeated AS (
    SELECT e.pidx, e.atc, n.products, n.drug_no,
           (e.pidx * 16 + e.source) * 1000 + n.drug_no AS episode,
           e.start_date, e.stop_date, 365.25 / e.refills AS interval,
           unnest(range(least(63, greatest(1, floor(e.refills * (e.stop_date - e.start_date + 1) / 365.25
                                                    + u((e.pidx * 16 + e.source) * 1000 + n.drug_no, 'dispensings'))))::BIGINT)) AS k
    FROM drug_episode e JOIN ref_drug_no n USING (atc)
), dispensing AS (
    SELECT pidx, atc, products, episode * 64 + k AS key,
           start_date + floor((k + 0.8 * u2(episode, k, 'timing')) * interval)::INTEGER AS eksd, stop_date
    FROM repeated
    UNION ALL
    SELECT a.pidx, n.atc, n.products, -(a.pidx * 1000 + a.j) - 1 AS key, a.eksd, a.eksd
    FROM (
        SELECT pidx, stratum, j,
               entry_date + floor(u2(pidx, j, 'acute date') * (exit_date - entry_date + 1))::INTEGER AS eksd
        FROM (
            SELECT p.pidx, p.entry_date, p.exit_date, stratum(p.band, p.koen) AS stratum,
                   unnest(range(least(999, floor(r.acute_drugs * female_factor(p.koen, p.band) * pow(p.frailty, 1.5) / 1.33
                                                 * p.exposure + u(p.pidx, 'acute drugs'))::BIGINT))) AS j
            FROM person_full p JOIN ref_rate r ON r.band = p.band
        )
    ) a
    JOIN pick k ON k.pool = 'drug_acute' AND k.stratum = a.stratum AND k.bin = bin(u2(a.pidx, a.j, 'acute drug'))
    JOIN ref_drug_no n ON n.atc = k.item
)
SELECT p.pnr, d.eksd, d.atc, r.vnr,
       (CASE WHEN x_packs < 0.72 THEN 1 WHEN x_packs < 0.92 THEN 2 WHEN x_packs < 0.985 THEN 3 ELSE 4 END)::DOUBLE AS apk,
       CASE WHEN u(d.key, 'indication') >= 0.25 THEN r.indo END AS indo
FROM (
    SELECT *, floor(u(key, 'product') * products)::INTEGER AS slot, u(key, 'packs') AS x_packs
    FROM dispensing WHERE eksd <= stop_date
) d
JOIN ref_product r ON r.atc = d.atc AND r.slot = d.slot
JOIN person_full p ON p.pidx = d.pidx;
