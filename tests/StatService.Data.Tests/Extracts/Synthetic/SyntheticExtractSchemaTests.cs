namespace StatService.Data.Tests.Extracts.Synthetic;

[Collection(SyntheticExtractCollection.Name)]
public sealed class SyntheticExtractSchemaTests(SyntheticExtractFixture fixture)
{
    // Product SQL written elsewhere depends on these names and types.
    public static TheoryData<string, string> Schemas => new()
    {
        { "cpr_person", "pnr VARCHAR, koen VARCHAR, foed_dag DATE, c_status VARCHAR, d_status_hen_start DATE, kom VARCHAR, reg VARCHAR" },
        { "dodsaarsag", "pnr VARCHAR, d_dodsdato DATE, c_dodtilgrundl_acme VARCHAR, c_dod_1a VARCHAR, c_dod_1b VARCHAR, c_dod_1c VARCHAR, c_dod_1d VARCHAR" },
        { "lpr_f_kontakter", "dw_ek_kontakt BIGINT, dw_ek_forloeb BIGINT, pnr VARCHAR, dato_start DATE, dato_slut DATE, kontakttype VARCHAR, prioritet VARCHAR, aktionsdiagnose VARCHAR, hovedspeciale_ans VARCHAR, sorenhed_ans VARCHAR, region_ans VARCHAR" },
        { "lpr_f_diagnoser", "dw_ek_kontakt BIGINT, diagnosekode VARCHAR, diagnosetype VARCHAR, senere_afkraeftet VARCHAR" },
        { "lpr_f_procedurer", "dw_ek_kontakt BIGINT, procedurekode VARCHAR, proceduretype VARCHAR, dato_start DATE" },
        { "lmdb", "pnr VARCHAR, eksd DATE, atc VARCHAR, vnr VARCHAR, apk DOUBLE, indo VARCHAR" },
        { "lmdb_produkt", "vnr VARCHAR, atc VARCHAR, pname VARCHAR, packsize DOUBLE, strnum DOUBLE, strunit VARCHAR, volume DOUBLE" },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Tables_have_the_register_columns_and_types(string table, string schema)
    {
        var columns = fixture.Main.Rows($"DESCRIBE {table}").Select(r => $"{r[0]} {r[1]}");

        Assert.Equal(schema, string.Join(", ", columns));
    }

    [Fact]
    public void Codes_have_their_register_formats()
    {
        var bad = fixture.Main.Scalar<long>("""
            SELECT (SELECT count(*) FROM cpr_person WHERE NOT regexp_full_match(pnr, 'P[0-9a-f]{12}')
                        OR koen NOT IN ('1', '2') OR c_status NOT IN ('01', '70', '80', '90')
                        OR NOT regexp_full_match(kom, '[1-8][0-9]{2}') OR reg NOT IN ('1081', '1082', '1083', '1084', '1085'))
                 + (SELECT count(*) FROM lpr_f_diagnoser WHERE NOT regexp_full_match(diagnosekode, 'D[A-Z][0-9]{2,3}')
                        OR diagnosetype NOT IN ('A', 'B', 'H', '+') OR senere_afkraeftet NOT IN ('Ja', 'Nej'))
                 + (SELECT count(*) FROM lpr_f_kontakter WHERE kontakttype NOT IN ('ALCA00', 'ALCA10', 'ALCA20')
                        OR prioritet NOT IN ('ATA1', 'ATA3') OR region_ans NOT IN ('1081', '1082', '1083', '1084', '1085'))
                 + (SELECT count(*) FROM lmdb WHERE NOT regexp_full_match(atc, '[A-Z][0-9]{2}[A-Z]{2}[0-9]{2}')
                        OR NOT regexp_full_match(vnr, '[0-9]{6}') OR NOT regexp_full_match(coalesce(indo, '0000000'), '[0-9]{7}'))
                 + (SELECT count(*) FROM dodsaarsag WHERE NOT regexp_full_match(c_dodtilgrundl_acme, '[A-Z][0-9]{2,3}'))
            """);

        Assert.Equal(0, bad);
    }

    [Fact]
    public void Municipalities_are_the_98_real_ones_each_within_one_region()
    {
        var row = fixture.Main.Rows(
            "SELECT count(DISTINCT kom), count(DISTINCT (kom, reg)), min(kom), max(kom) FROM cpr_person").Single();

        Assert.Equal(new object?[] { 98L, 98L, "101", "860" }, row);
    }
}
