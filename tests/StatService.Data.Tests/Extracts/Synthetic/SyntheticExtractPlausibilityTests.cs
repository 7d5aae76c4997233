namespace StatService.Data.Tests.Extracts.Synthetic;

/// <summary>
/// The extract should look like Denmark scaled down (domain notes, "Realistic magnitudes"); bands
/// are generous because a 20,000-person extract is a small sample.
/// </summary>
[Collection(SyntheticExtractCollection.Name)]
public sealed class SyntheticExtractPlausibilityTests(SyntheticExtractFixture fixture)
{
    private const double Scale = SyntheticExtractFixture.Persons / 5_900_000.0;
    private const double Years = 5;

    // Persons with a counted (action or secondary, not retracted) diagnosis starting with the prefix.
    private long PersonsWithDiagnosis(string prefix) => fixture.Main.Scalar<long>($"""
        SELECT count(DISTINCT k.pnr) FROM lpr_f_diagnoser d JOIN lpr_f_kontakter k USING (dw_ek_kontakt)
        WHERE d.diagnosekode LIKE '{prefix}%' AND d.diagnosetype IN ('A', 'B') AND d.senere_afkraeftet = 'Nej'
        """);

    [Theory]
    [InlineData("1084", 0.316)]
    [InlineData("1082", 0.227)]
    [InlineData("1083", 0.211)]
    [InlineData("1085", 0.144)]
    [InlineData("1081", 0.102)]
    public void Regions_hold_their_national_population_shares(string region, double share) =>
        Assert.InRange(fixture.Main.Scalar<double>($"SELECT avg((reg = '{region}')::INTEGER) FROM cpr_person"),
            share - 0.02, share + 0.02);

    [Fact]
    public void Copenhagen_and_Aarhus_are_the_largest_municipalities()
    {
        var largest = fixture.Main.Rows("SELECT kom FROM cpr_person GROUP BY kom ORDER BY count(*) DESC LIMIT 2")
            .Select(r => (string)r[0]!);

        Assert.Equal(["101", "751"], largest);
    }

    [Fact]
    public void Age_pyramid_and_sex_ratio_look_Danish()
    {
        var row = fixture.Main.Rows("""
            SELECT avg((foed_dag > DATE '2009-01-01')::INTEGER), avg((foed_dag <= DATE '1939-01-01')::INTEGER),
                   avg((koen = '2')::INTEGER), avg((koen = '2')::INTEGER) FILTER (WHERE foed_dag <= DATE '1934-01-01')
            FROM cpr_person WHERE foed_dag < DATE '2019-01-01'
            """).Single().Select(Convert.ToDouble).ToArray();

        Assert.InRange(row[0], 0.08, 0.14); // aged 0-9
        Assert.InRange(row[1], 0.03, 0.08); // aged 80+
        Assert.InRange(row[2], 0.47, 0.53);
        Assert.InRange(row[3], 0.55, 0.75); // women outnumber men among the very old
    }

    [Fact]
    public void Births_and_deaths_follow_national_yearly_numbers()
    {
        var births = fixture.Main.Scalar<double>("SELECT count(*) FROM cpr_person WHERE foed_dag >= DATE '2019-01-01'");
        var deaths = fixture.Main.Scalar<double>("SELECT count(*) FROM cpr_person WHERE c_status = '90'");

        Assert.InRange(births / (61_000 * Scale * Years), 0.85, 1.15);
        Assert.InRange(deaths / (55_000 * Scale * Years), 0.8, 1.2);
    }

    [Fact]
    public void Mortality_is_far_higher_at_80_plus_than_at_40_to_49()
    {
        const string mortality = """
            SELECT avg((c_status = '90')::INTEGER) FROM cpr_person
            WHERE datediff('year', foed_dag, DATE '2019-01-01') BETWEEN {0} AND {1}
            """;
        var old = fixture.Main.Scalar<double>(string.Format(System.Globalization.CultureInfo.InvariantCulture, mortality, 80, 120));
        var middle = fixture.Main.Scalar<double>(string.Format(System.Globalization.CultureInfo.InvariantCulture, mortality, 40, 49));

        Assert.True(old > 10 * middle, $"80+: {old:P2}, 40-49: {middle:P2}");
    }

    [Fact]
    public void Hospital_contacts_and_dispensings_have_national_magnitudes()
    {
        var contacts = fixture.Main.Scalar<double>("SELECT count(*) FROM lpr_f_kontakter");
        var diagnoses = fixture.Main.Scalar<double>("SELECT count(*) FROM lpr_f_diagnoser WHERE diagnosetype IN ('A', 'B')");
        var dispensings = fixture.Main.Scalar<double>("SELECT count(*) FROM lmdb");

        Assert.InRange(contacts / (Scale * Years), 15e6, 25e6);
        Assert.InRange(diagnoses / contacts, 1.5, 2.0);
        Assert.InRange(dispensings / (Scale * Years), 50e6, 65e6);
    }

    [Fact]
    public void Type_2_diabetes_has_national_prevalence_and_is_commoner_in_men()
    {
        var persons = PersonsWithDiagnosis("DE11");
        var male = fixture.Main.Scalar<double>("""
            SELECT avg((p.koen = '1')::INTEGER) FROM cpr_person p
            SEMI JOIN (SELECT k.pnr FROM lpr_f_diagnoser d JOIN lpr_f_kontakter k USING (dw_ek_kontakt)
                       WHERE d.diagnosekode LIKE 'DE11%' AND d.diagnosetype IN ('A', 'B')) t USING (pnr)
            """);

        Assert.InRange(persons / Scale, 200_000, 500_000);
        Assert.InRange(male, 0.5, 0.65);
    }

    [Fact]
    public void Multiple_sclerosis_is_mostly_female_and_rare()
    {
        var persons = PersonsWithDiagnosis("DG35");
        var female = fixture.Main.Scalar<double>("""
            SELECT avg((p.koen = '2')::INTEGER) FROM cpr_person p
            SEMI JOIN (SELECT k.pnr FROM lpr_f_diagnoser d JOIN lpr_f_kontakter k USING (dw_ek_kontakt)
                       WHERE d.diagnosekode = 'DG35' AND d.diagnosetype IN ('A', 'B')) t USING (pnr)
            """);

        Assert.InRange(persons / Scale, 10_000, 35_000);
        Assert.InRange(female, 0.55, 0.85);
    }

    [Fact]
    public void Diabetics_mostly_redeem_diabetes_drugs()
    {
        var share = fixture.Main.Scalar<double>("""
            WITH diabetic AS (
                SELECT DISTINCT k.pnr FROM lpr_f_diagnoser d JOIN lpr_f_kontakter k USING (dw_ek_kontakt)
                WHERE (d.diagnosekode LIKE 'DE10%' OR d.diagnosekode LIKE 'DE11%') AND d.diagnosetype IN ('A', 'B'))
            SELECT avg((pnr IN (SELECT pnr FROM lmdb WHERE atc LIKE 'A10%'))::INTEGER) FROM diabetic
            """);

        Assert.True(share > 0.75, $"{share:P0} of diabetics redeem A10");
    }

    [Fact]
    public void Most_people_redeem_a_prescription_in_a_year()
    {
        var share = fixture.Main.Scalar<double>("""
            SELECT (SELECT count(DISTINCT pnr) FROM lmdb WHERE year(eksd) = 2022)
                 / (SELECT count(*) FROM cpr_person WHERE foed_dag < DATE '2022-07-01'
                        AND (c_status = '01' OR d_status_hen_start > DATE '2022-07-01'))
            """);

        Assert.InRange(share, 0.6, 0.85);
    }

    [Fact]
    public void Rare_diseases_give_small_counts()
    {
        foreach (var prefix in new[] { "DG122", "DG10", "DE84" })
        {
            Assert.InRange(PersonsWithDiagnosis(prefix), 0, 15);
        }
    }

    [Fact]
    public void Underlying_causes_of_death_follow_the_persons_diseases()
    {
        var copdDeathsAmongCopd = fixture.Main.Scalar<double>("""
            SELECT avg((c_dodtilgrundl_acme = 'J449')::INTEGER) FROM dodsaarsag
            SEMI JOIN (SELECT k.pnr FROM lpr_f_diagnoser d JOIN lpr_f_kontakter k USING (dw_ek_kontakt)
                       WHERE d.diagnosekode LIKE 'DJ44%') t USING (pnr)
            """);
        var copdDeathsOverall = fixture.Main.Scalar<double>("SELECT avg((c_dodtilgrundl_acme = 'J449')::INTEGER) FROM dodsaarsag");

        Assert.True(copdDeathsAmongCopd > 2 * copdDeathsOverall);
    }
}
