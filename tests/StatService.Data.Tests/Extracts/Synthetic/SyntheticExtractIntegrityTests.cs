namespace StatService.Data.Tests.Extracts.Synthetic;

[Collection(SyntheticExtractCollection.Name)]
public sealed class SyntheticExtractIntegrityTests(SyntheticExtractFixture fixture)
{
    private long Count(string sql) => fixture.Main.Scalar<long>(sql);

    [Fact]
    public void Persons_and_contacts_have_unique_keys()
    {
        Assert.Equal(0, Count("SELECT count(*) - count(DISTINCT pnr) FROM cpr_person"));
        Assert.Equal(0, Count("SELECT count(*) - count(DISTINCT dw_ek_kontakt) FROM lpr_f_kontakter"));
        Assert.Equal(0, Count("SELECT count(*) - count(DISTINCT vnr) FROM lmdb_produkt"));
    }

    [Fact]
    public void Every_diagnosis_belongs_to_an_existing_contact() =>
        Assert.Equal(0, Count("SELECT count(*) FROM lpr_f_diagnoser d ANTI JOIN lpr_f_kontakter k USING (dw_ek_kontakt)"));

    [Fact]
    public void Every_procedure_belongs_to_an_existing_contact_and_is_dated_on_its_first_day() =>
        Assert.Equal(0, Count("""
            SELECT count(*) FROM lpr_f_procedurer p LEFT JOIN lpr_f_kontakter k USING (dw_ek_kontakt)
            WHERE k.dw_ek_kontakt IS NULL OR p.dato_start <> k.dato_start
            """));

    [Fact]
    public void Procedures_follow_their_contacts_diagnoses()
    {
        // Appendectomies belong to appendicitis contacts, PCI mostly to ischaemic heart disease.
        Assert.Equal(0, Count("""
            SELECT count(*) FROM lpr_f_procedurer p JOIN lpr_f_kontakter k USING (dw_ek_kontakt)
            WHERE p.procedurekode LIKE 'KJEA%' AND NOT starts_with(k.aktionsdiagnose, 'DK35')
            """));
        Assert.True(Count("SELECT count(*) FROM lpr_f_procedurer WHERE procedurekode LIKE 'KFNG%'") > 0);
        Assert.Equal(0, Count("""
            SELECT count(*) FROM lpr_f_procedurer p JOIN lpr_f_kontakter k USING (dw_ek_kontakt)
            WHERE p.procedurekode LIKE 'KFNG%' AND NOT starts_with(k.aktionsdiagnose, 'DI2')
            """));
    }

    [Fact]
    public void Every_contact_has_one_action_diagnosis_equal_to_its_aktionsdiagnose()
    {
        Assert.Equal(0, Count("""
            SELECT count(*) FROM lpr_f_kontakter k
            LEFT JOIN (SELECT dw_ek_kontakt, count(*) AS n, any_value(diagnosekode) AS code
                       FROM lpr_f_diagnoser WHERE diagnosetype = 'A' GROUP BY ALL) a USING (dw_ek_kontakt)
            WHERE a.n IS DISTINCT FROM 1 OR a.code <> k.aktionsdiagnose
            """));
    }

    [Fact]
    public void A_contact_never_repeats_a_counted_diagnosis() =>
        Assert.Equal(0, Count("""
            SELECT count(*) FROM (SELECT dw_ek_kontakt, diagnosekode FROM lpr_f_diagnoser
                                  WHERE diagnosetype IN ('A', 'B') GROUP BY ALL HAVING count(*) > 1)
            """));

    [Fact]
    public void Every_person_in_other_registers_is_in_cpr()
    {
        Assert.Equal(0, Count("SELECT count(*) FROM lpr_f_kontakter ANTI JOIN cpr_person USING (pnr)"));
        Assert.Equal(0, Count("SELECT count(*) FROM lmdb ANTI JOIN cpr_person USING (pnr)"));
    }

    [Fact]
    public void Every_dispensing_names_a_product_of_its_atc_code() =>
        Assert.Equal(0, Count("SELECT count(*) FROM lmdb m ANTI JOIN lmdb_produkt p ON p.vnr = m.vnr AND p.atc = m.atc"));

    [Fact]
    public void Every_death_has_a_dead_person_in_cpr_and_every_dead_person_a_cause()
    {
        Assert.Equal(0, Count("""
            SELECT count(*) FROM dodsaarsag d ANTI JOIN cpr_person p
                ON p.pnr = d.pnr AND p.c_status = '90' AND p.d_status_hen_start = d.d_dodsdato
            """));
        Assert.Equal(0, Count("SELECT count(*) FROM cpr_person p ANTI JOIN dodsaarsag d USING (pnr) WHERE p.c_status = '90'"));
    }

    [Fact]
    public void Everyone_was_resident_at_some_time_during_coverage()
    {
        Assert.Equal(0, Count("""
            SELECT count(*) FROM cpr_person
            WHERE foed_dag > DATE '2023-12-31'
               OR (c_status <> '01' AND d_status_hen_start NOT BETWEEN DATE '2019-01-01' AND DATE '2023-12-31')
               OR d_status_hen_start < foed_dag
            """));
    }

    [Fact]
    public void Contacts_and_dispensings_fall_within_coverage_and_the_persons_residence()
    {
        Assert.Equal(0, Count("""
            SELECT count(*) FROM lpr_f_kontakter k JOIN cpr_person p USING (pnr)
            WHERE k.dato_start < DATE '2019-01-01' OR k.dato_slut > DATE '2023-12-31' OR k.dato_slut < k.dato_start
               OR k.dato_start < p.foed_dag OR (p.c_status <> '01' AND k.dato_slut > p.d_status_hen_start)
               OR (p.c_status = '01' AND k.dato_start < p.d_status_hen_start)
            """));
        Assert.Equal(0, Count("""
            SELECT count(*) FROM lmdb m JOIN cpr_person p USING (pnr)
            WHERE m.eksd NOT BETWEEN DATE '2019-01-01' AND DATE '2023-12-31'
               OR m.eksd < p.foed_dag OR (p.c_status <> '01' AND m.eksd > p.d_status_hen_start)
               OR (p.c_status = '01' AND m.eksd < p.d_status_hen_start)
            """));
    }

    [Fact]
    public void Diagnoses_are_written_sorted_by_code_then_contact() =>
        Assert.Equal(0, Count("""
            SELECT count(*) FROM (
                SELECT diagnosekode, dw_ek_kontakt,
                       lag(diagnosekode) OVER (ORDER BY file_row_number) AS prev_code,
                       lag(dw_ek_kontakt) OVER (ORDER BY file_row_number) AS prev_contact
                FROM read_parquet('PATH', file_row_number = true))
            WHERE prev_code IS NOT NULL AND (prev_code, prev_contact) > (diagnosekode, dw_ek_kontakt)
            """.Replace("PATH", fixture.Main.FilePath("lpr_f_diagnoser"), StringComparison.Ordinal)));

    [Fact]
    public void Procedures_are_written_sorted_by_code_then_date() =>
        Assert.Equal(0, Count("""
            SELECT count(*) FROM (
                SELECT procedurekode, dato_start, lag(procedurekode) OVER (ORDER BY file_row_number) AS prev_code,
                       lag(dato_start) OVER (ORDER BY file_row_number) AS prev_date
                FROM read_parquet('PATH', file_row_number = true))
            WHERE prev_code IS NOT NULL AND (prev_code, prev_date) > (procedurekode, dato_start)
            """.Replace("PATH", fixture.Main.FilePath("lpr_f_procedurer"), StringComparison.Ordinal)));

    [Fact]
    public void Dispensings_are_written_sorted_by_atc_then_date() =>
        Assert.Equal(0, Count("""
            SELECT count(*) FROM (
                SELECT atc, eksd, lag(atc) OVER (ORDER BY file_row_number) AS prev_atc,
                       lag(eksd) OVER (ORDER BY file_row_number) AS prev_eksd
                FROM read_parquet('PATH', file_row_number = true))
            WHERE prev_atc IS NOT NULL AND (prev_atc, prev_eksd) > (atc, eksd)
            """.Replace("PATH", fixture.Main.FilePath("lmdb"), StringComparison.Ordinal)));

    [Fact]
    public void About_one_per_cent_of_diagnoses_are_later_retracted()
    {
        var share = fixture.Main.Scalar<double>("SELECT avg((senere_afkraeftet = 'Ja')::INTEGER) FROM lpr_f_diagnoser");

        Assert.InRange(share, 0.007, 0.013);
    }

    [Fact]
    public void Some_referral_and_additional_rows_carry_codes_that_must_not_count()
    {
        var rows = Count("SELECT count(*) FROM lpr_f_diagnoser WHERE diagnosetype IN ('H', '+')");

        Assert.InRange(rows, 1, Count("SELECT count(*) FROM lpr_f_kontakter") / 20);
    }
}
