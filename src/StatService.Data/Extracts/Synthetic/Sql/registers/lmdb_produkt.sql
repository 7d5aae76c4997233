-- Product catalogue: a few products (pack sizes) per ATC code; volume is DDD per pack.
CREATE VIEW lmdb_produkt AS
SELECT vnr, atc, pname, packsize, strnum, strunit, volume FROM ref_product;
