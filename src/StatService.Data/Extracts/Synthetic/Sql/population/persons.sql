-- Everyone resident at some time during coverage: residents at the start (the requested number
-- of persons), births and immigrants during coverage. Exits (death, emigration) follow in exits.sql.
-- Variables: seed, persons, from_date, to_date, scale, years.
SET VARIABLE days = (getvariable('to_date') - getvariable('from_date') + 1)::INTEGER;
SET VARIABLE births = round(scaled(61000) * getvariable('years'))::BIGINT;
SET VARIABLE immigrants = round(scaled(62000) * getvariable('years'))::BIGINT;

CREATE TABLE person_draw AS
WITH i AS (
    SELECT range AS pidx,
           CASE WHEN range < getvariable('persons') THEN 'resident'
                WHEN range < getvariable('persons') + getvariable('births') THEN 'birth'
                ELSE 'immigrant' END AS origin,
           bin(u(range, 'age band')) AS age_bin
    FROM range(getvariable('persons') + getvariable('births') + getvariable('immigrants'))
), banded AS (
    SELECT i.pidx, i.origin, coalesce(a.item::INTEGER, 0) AS band0
    FROM i
    LEFT JOIN pick a
        ON a.pool = CASE i.origin WHEN 'resident' THEN 'age_resident' WHEN 'immigrant' THEN 'age_immigrant' END
       AND a.stratum = 0 AND a.bin = i.age_bin
), aged AS (
    SELECT b.*,
           -- age in years (fractional) when entering coverage; the 90+ band thins out exponentially
           CASE WHEN origin = 'birth' THEN 0.0
                WHEN band0 < 9 THEN band0 * 10 + 10 * u(pidx, 'age')
                ELSE 90 + least(14.99, 4 * expo(u(pidx, 'age'))) END AS age,
           CASE origin WHEN 'resident' THEN getvariable('from_date')
                ELSE getvariable('from_date') + floor(u(pidx, 'entry') * getvariable('days'))::INTEGER END AS entry_date
    FROM banded b
)
SELECT a.pidx, a.origin, a.entry_date,
       (a.entry_date - floor(a.age * 365.25)::INTEGER) AS foed_dag,
       CASE WHEN u(a.pidx, 'sex') < f.p THEN '2' ELSE '1' END AS koen,
       m.item AS kom
FROM aged a
JOIN ref_female_share f ON f.band = a.band0
JOIN pick m ON m.pool = 'kom' AND m.stratum = 0 AND m.bin = bin(u(a.pidx, 'kom'));

-- Pseudonym: 'P' and 12 hex digits from a bijection of the index on 48 bits (multiply by odd
-- constants, xor-shift), so pseudonyms are unique yet carry no order; the offset depends on the seed.
-- The multiplication modulo 2^48 is split into 24-bit halves to stay within BIGINT.
CREATE MACRO mul48(x, k) AS
    ((x & 16777215) * (k & 16777215) + ((((x >> 24) * (k & 16777215) + (x & 16777215) * (k >> 24)) & 16777215) << 24))
    & 281474976710655;
CREATE MACRO xorshift(x, s) AS xor(x, x >> s);

CREATE TABLE person AS
SELECT d.pidx, d.origin, d.koen, d.foed_dag, d.kom, m.reg, d.entry_date,
       'P' || lpad(lower(hex(x4)), 12, '0') AS pnr,
       -- immigrants: during coverage, or (12 % of adult residents) at some earlier date
       CASE WHEN d.origin = 'immigrant' THEN d.entry_date
            WHEN d.origin = 'resident' AND d.entry_date - d.foed_dag > 400 AND u(d.pidx, 'immigrated') < 0.12
            THEN d.foed_dag + 1 + floor(u(d.pidx, 'immigrated when') * (d.entry_date - d.foed_dag - 1))::INTEGER
       END AS immigration_date,
       least(9, age_years(d.foed_dag, d.entry_date) // 10)::INTEGER AS band,
       -- frailty: persons differ in how often they see doctors and get medicines
       expo(u(d.pidx, 'frailty')) AS frailty
FROM (
    SELECT *, xorshift(mul48(x2, 76216119485437), 21) AS x4
    FROM (SELECT *, xorshift(mul48((pidx + hash(getvariable('seed'), 'pnr') % 281474976710656)::BIGINT
                                   & 281474976710655, 181268974101307), 23) AS x2
          FROM person_draw)
) d JOIN ref_municipality m USING (kom);

DROP TABLE person_draw;
