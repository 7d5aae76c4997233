using StatService.Core.CodeLists;
using StatService.Worker.Pipeline;

namespace StatService.Data.Tests.Extracts.Synthetic;

/// <summary>
/// Every code the generator writes is in the code lists the service ships, so an order can name it and an import
/// of a generated extract validates without warnings.
/// </summary>
[Collection(SyntheticExtractCollection.Name)]
public sealed class SyntheticExtractCodeTests(SyntheticExtractFixture fixture)
{
    private static readonly string CodeListsDirectory = Path.Combine(PipelineRegistration.DefaultQueriesDirectory, "codelists");
    private static readonly CodeListSet Lists = CodeListSet.Load(CodeListsDirectory);

    private IEnumerable<string> Codes(string sql) => fixture.Main.Rows(sql).Select(r => (string)r[0]!);

    // The generator writes no cancer register yet; when it does, its c_icd10 codes belong here too.
    [Theory]
    [InlineData("SELECT DISTINCT diagnosekode FROM lpr_f_diagnoser")]
    [InlineData("SELECT DISTINCT aktionsdiagnose FROM lpr_f_kontakter WHERE aktionsdiagnose IS NOT NULL")]
    [InlineData("SELECT DISTINCT 'D' || c_dodtilgrundl_acme FROM dodsaarsag WHERE c_dodtilgrundl_acme IS NOT NULL")]
    public void Every_diagnosis_code_is_in_the_shipped_icd10_list(string sql)
    {
        var codes = Codes(sql).ToArray();
        Assert.NotEmpty(codes);
        Assert.Equal("", string.Join(" ", codes.Where(c => Lists.Icd10.Find(c) is null).Order()));
    }

    [Fact]
    public void Every_medicine_code_is_in_the_shipped_atc_list()
    {
        var codes = Codes("SELECT DISTINCT atc FROM lmdb UNION SELECT DISTINCT atc FROM lmdb_produkt").ToArray();
        Assert.NotEmpty(codes);
        Assert.Equal("", string.Join(" ", codes.Where(c => Lists.Atc.Find(c) is null).Order()));
    }

    [Fact]
    public void Every_procedure_code_is_in_the_shipped_procedure_list()
    {
        var procedures = ProcedureCodes.Load(CodeListsDirectory);
        var codes = Codes("SELECT DISTINCT procedurekode FROM lpr_f_procedurer").ToArray();
        Assert.NotEmpty(codes);
        Assert.Equal("", string.Join(" ", codes.Where(c => procedures.List.Find(c) is null).Order()));
    }
}
