-- Deaths and emigrations during coverage from the calibrated hazards (variables death_scale and
-- emigration_scale): waiting times invert the cumulative hazard at an exponential draw (Gompertz
-- for death), the earlier one wins if it falls inside the person's exposure. A few emigrations are
-- recorded as disappearances ('70').
CREATE TABLE person_exit AS
WITH t AS (
    SELECT h.pidx, h.exposure,
           ln(1 + gompertz_slope() * expo(u(h.pidx, 'death')) / (getvariable('death_scale') * h.death)) / gompertz_slope() AS t_death,
           expo(u(h.pidx, 'emigration')) / (getvariable('emigration_scale') * h.emigration) AS t_emigration
    FROM person_hazard h
)
SELECT pidx,
       CASE WHEN t_death <= t_emigration THEN 'death' ELSE 'emigration' END AS kind,
       least(t_death, t_emigration) AS t
FROM t
WHERE least(t_death, t_emigration) < exposure;

CREATE TABLE person_status AS
SELECT p.pidx,
       CASE WHEN x.kind = 'death' THEN '90'
            WHEN x.kind = 'emigration' AND u(p.pidx, 'disappeared') < 0.03 THEN '70'
            WHEN x.kind = 'emigration' THEN '80'
            ELSE '01' END AS c_status,
       -- last day resident (and alive): contacts and dispensings stay within entry_date..exit_date
       coalesce(least(getvariable('to_date'), p.entry_date + floor(x.t * 365.25)::INTEGER), getvariable('to_date')) AS exit_date
FROM person p LEFT JOIN person_exit x USING (pidx);

-- Everything later registers need about a person, in one place.
CREATE TABLE person_full AS
SELECT p.*, s.c_status, s.exit_date,
       CASE WHEN s.c_status = '01' THEN coalesce(p.immigration_date, p.foed_dag) ELSE s.exit_date END AS d_status_hen_start,
       (s.exit_date - p.entry_date + 1) / 365.25 AS exposure
FROM person p JOIN person_status s USING (pidx);

DROP TABLE person_exit;
DROP TABLE person_status;
