-- The 98 municipalities (code, name, region) with approximate populations (about 2023).
-- Only relative sizes within a region matter: region totals are set by region_share below.
CREATE TABLE ref_municipality (kom VARCHAR, name VARCHAR, reg VARCHAR, population INTEGER);
INSERT INTO ref_municipality VALUES
    ('101', 'København', '1084', 654000), ('147', 'Frederiksberg', '1084', 104000),
    ('151', 'Ballerup', '1084', 49000), ('153', 'Brøndby', '1084', 35500),
    ('155', 'Dragør', '1084', 14500), ('157', 'Gentofte', '1084', 75000),
    ('159', 'Gladsaxe', '1084', 70000), ('161', 'Glostrup', '1084', 24000),
    ('163', 'Herlev', '1084', 30000), ('165', 'Albertslund', '1084', 28000),
    ('167', 'Hvidovre', '1084', 54000), ('169', 'Høje-Taastrup', '1084', 52000),
    ('173', 'Lyngby-Taarbæk', '1084', 57000), ('175', 'Rødovre', '1084', 41000),
    ('183', 'Ishøj', '1084', 23500), ('185', 'Tårnby', '1084', 43500),
    ('187', 'Vallensbæk', '1084', 17000), ('190', 'Furesø', '1084', 41500),
    ('201', 'Allerød', '1084', 26000), ('210', 'Fredensborg', '1084', 41000),
    ('217', 'Helsingør', '1084', 63500), ('219', 'Hillerød', '1084', 54000),
    ('223', 'Hørsholm', '1084', 25500), ('230', 'Rudersdal', '1084', 57000),
    ('240', 'Egedal', '1084', 44500), ('250', 'Frederikssund', '1084', 46000),
    ('260', 'Halsnæs', '1084', 31500), ('270', 'Gribskov', '1084', 41500),
    ('400', 'Bornholm', '1084', 39500),
    ('253', 'Greve', '1085', 51000), ('259', 'Køge', '1085', 62000),
    ('265', 'Roskilde', '1085', 90000), ('269', 'Solrød', '1085', 23500),
    ('306', 'Odsherred', '1085', 33000), ('316', 'Holbæk', '1085', 72500),
    ('320', 'Faxe', '1085', 37500), ('326', 'Kalundborg', '1085', 48500),
    ('329', 'Ringsted', '1085', 35500), ('330', 'Slagelse', '1085', 79500),
    ('336', 'Stevns', '1085', 23500), ('340', 'Sorø', '1085', 30000),
    ('350', 'Lejre', '1085', 29000), ('360', 'Lolland', '1085', 40500),
    ('370', 'Næstved', '1085', 84000), ('376', 'Guldborgsund', '1085', 60000),
    ('390', 'Vordingborg', '1085', 45500),
    ('410', 'Middelfart', '1083', 39500), ('420', 'Assens', '1083', 41000),
    ('430', 'Faaborg-Midtfyn', '1083', 52000), ('440', 'Kerteminde', '1083', 24000),
    ('450', 'Nyborg', '1083', 32500), ('461', 'Odense', '1083', 207000),
    ('479', 'Svendborg', '1083', 59000), ('480', 'Nordfyns', '1083', 29500),
    ('482', 'Langeland', '1083', 12000), ('492', 'Ærø', '1083', 6000),
    ('510', 'Haderslev', '1083', 55500), ('530', 'Billund', '1083', 27000),
    ('540', 'Sønderborg', '1083', 74000), ('550', 'Tønder', '1083', 37000),
    ('561', 'Esbjerg', '1083', 116000), ('563', 'Fanø', '1083', 3500),
    ('573', 'Varde', '1083', 50000), ('575', 'Vejen', '1083', 42500),
    ('580', 'Aabenraa', '1083', 59000), ('607', 'Fredericia', '1083', 52000),
    ('621', 'Kolding', '1083', 94000), ('630', 'Vejle', '1083', 120000),
    ('615', 'Horsens', '1082', 98000), ('657', 'Herning', '1082', 89000),
    ('661', 'Holstebro', '1082', 59000), ('665', 'Lemvig', '1082', 19500),
    ('671', 'Struer', '1082', 20500), ('706', 'Syddjurs', '1082', 43500),
    ('707', 'Norddjurs', '1082', 37000), ('710', 'Favrskov', '1082', 49500),
    ('727', 'Odder', '1082', 23500), ('730', 'Randers', '1082', 99000),
    ('740', 'Silkeborg', '1082', 97000), ('741', 'Samsø', '1082', 3700),
    ('746', 'Skanderborg', '1082', 64000), ('751', 'Aarhus', '1082', 365000),
    ('756', 'Ikast-Brande', '1082', 42000), ('760', 'Ringkøbing-Skjern', '1082', 56000),
    ('766', 'Hedensted', '1082', 47500), ('779', 'Skive', '1082', 46000),
    ('791', 'Viborg', '1082', 98000),
    ('773', 'Morsø', '1081', 20000), ('787', 'Thisted', '1081', 43500),
    ('810', 'Brønderslev', '1081', 36500), ('813', 'Frederikshavn', '1081', 59000),
    ('820', 'Vesthimmerlands', '1081', 36500), ('825', 'Læsø', '1081', 1800),
    ('840', 'Rebild', '1081', 30500), ('846', 'Mariagerfjord', '1081', 42000),
    ('849', 'Jammerbugt', '1081', 38500), ('851', 'Aalborg', '1081', 221000),
    ('860', 'Hjørring', '1081', 64000);

-- Regional shares of the population (Statistics Denmark, 2023).
CREATE TABLE ref_region (reg VARCHAR, name VARCHAR, share DOUBLE);
INSERT INTO ref_region VALUES
    ('1081', 'Nordjylland', 0.102), ('1082', 'Midtjylland', 0.227), ('1083', 'Syddanmark', 0.211),
    ('1084', 'Hovedstaden', 0.316), ('1085', 'Sjælland', 0.144);

-- Residence draw: municipality size scaled so each region gets its share.
INSERT INTO pick_weight
SELECT 'kom', 0, m.kom, r.share * m.population / sum(m.population) OVER (PARTITION BY m.reg)
FROM ref_municipality m JOIN ref_region r USING (reg);
