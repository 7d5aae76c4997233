-- Pseudo-random draws for the synthetic extract.
-- Every draw is a hash of (seed, key, purpose) instead of random(): the value then depends only on
-- what is drawn for whom, never on thread scheduling or row order, so a seed reproduces an extract.

-- Uniform in [0, 1) from the top 53 bits of the hash (a double holds exactly 53).
-- hash() of several values xors the last one's hash in, so draws of one key for two purposes would
-- differ by a constant xor and be strongly correlated; hashing the hash again mixes that away.
CREATE MACRO u(k, purpose) AS
    (hash(hash(getvariable('seed'), k::BIGINT, purpose)) >> 11)::DOUBLE / 9007199254740992.0;

-- A second key for draws repeated within one entity (the j-th contact of a person, ...).
CREATE MACRO u2(k, j, purpose) AS
    (hash(hash(getvariable('seed'), k::BIGINT, j::BIGINT, purpose)) >> 11)::DOUBLE / 9007199254740992.0;

-- Exponential with mean 1 (waiting times, frailty); 1 - u avoids ln(0).
CREATE MACRO expo(x) AS -ln(1.0 - x);

-- Whole years of age at a date; 365.25-day years are a day off near birthdays, harmless here.
CREATE MACRO age_years(birth, on_date) AS floor((on_date - birth) / 365.25)::INTEGER;

-- Age band 0..9 (0-9, 10-19, ..., 90+): the grain of every age-dependent weight.
CREATE MACRO age_band(birth, on_date) AS least(9, age_years(birth, on_date) // 10);

-- Categorical draws use tables of 10,000 bins per stratum, so a draw is an equality join.
CREATE MACRO bin(x) AS least(9999, floor(x * 10000))::INTEGER;

-- Scale of national magnitudes to this extract (persons / 5.9 million) and years of coverage.
CREATE MACRO scaled(national_count) AS national_count * getvariable('scale');

-- Weights of every categorical draw: (pool, stratum, item, weight); reference/picks.sql turns
-- them into bins. Stratum is 0, or band * 2 + sex - 1 for draws that depend on age band and sex.
CREATE TABLE pick_weight (pool VARCHAR, stratum INTEGER, item VARCHAR, w DOUBLE);

CREATE MACRO stratum(band, koen) AS band * 2 + koen::INTEGER - 1;

-- Uniform keyed by a number and a text (a diagnosis on a contact, ...).
CREATE MACRO ut(k, t, purpose) AS
    (hash(hash(getvariable('seed'), k::BIGINT, t, purpose)) >> 11)::DOUBLE / 9007199254740992.0;
