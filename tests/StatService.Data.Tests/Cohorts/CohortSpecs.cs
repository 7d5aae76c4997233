using StatService.Core.CodeLists;
using StatService.Core.OrderSpec;
using StatService.Core.Tables;
using StatService.TestSupport.Cohorts;

namespace StatService.Data.Tests.Cohorts;

/// <summary>
/// Bridges from the service's validated parameters and tables to the independent computation (which knows none of
/// the service's types): the parameters field by field, the query's table cell by cell.
/// </summary>
public static class CohortSpecs
{
    public static CohortSpec ToSpec(this CohortParameters p) => new()
    {
        Diagnoses = new CodeSpec { Include = p.Diagnoses.Include, Exclude = p.Diagnoses.Exclude },
        DiagnosisTypes = p.Diagnoses.DiagnosisTypes,
        Procedures = new CodeSpec { Include = p.Procedures.Include, Exclude = p.Procedures.Exclude },
        Medications = new CodeSpec { Include = p.Medications.Include, Exclude = p.Medications.Exclude },
        Occurrence = p.Occurrence,
        From = p.Period.From,
        To = p.Period.To,
        IndexDate = p.IndexDate,
        AgeMin = p.Age.Min,
        AgeMax = p.Age.Max,
        Sex = p.Sex,
        Regions = p.Regions,
        AliveAndResident = p.AliveAndResident,
        Breakdown = p.Breakdown,
        Measure = p.Measure,
        MeasureAtc = p.MeasureAtc,
        MedicationLevel = p.MedicationGroups.Level,
        MedicationTop = p.MedicationGroups.Top,
    };

    /// <summary>The ICD-10 chapter of an SKS code, found by walking up the code list's hierarchy from its longest listed prefix.</summary>
    public static Func<string, string?> ChaptersOf(CodeListSet codeLists) => code =>
    {
        for (var length = code.Length; length >= 2; length--)
        {
            if (codeLists.Icd10.Find(code[..length]) is { } entry)
            {
                return codeLists.Icd10.Ancestors(entry.Code).Append(entry).FirstOrDefault(e => e.Level == CodeLevels.Chapter)?.Code;
            }
        }

        return null;
    };

    /// <summary>Every cell of the query's table equals the independent value; the table has exactly the expected dimensions.</summary>
    public static void AssertEqual(this ExpectedTable expected, CountTable table)
    {
        Assert.Equal(expected.Name, table.Name);
        Assert.Equal(expected.Dimensions, table.Dimensions.Select(d => d.Name));
        for (var cell = 0; cell < table.CellCount; cell++)
        {
            var codes = Enumerable.Range(0, table.Dimensions.Count).Select(d => table.Dimensions[d].Codes[table.CodeIndex(cell, d)].Code).ToArray();
            var want = expected.ValueAt(codes);
            Assert.True(want == table.Values[cell], $"{expected.Name} [{string.Join(", ", codes)}]: query {table.Values[cell]}, independent {want}");
        }

        // No record falls outside the table's codes (e.g. a medicine group the query left out).
        foreach (var record in expected.Records)
        {
            for (var d = 0; d < expected.Dimensions.Count; d++)
            {
                Assert.True(table.Dimensions[d].IndexOf(record.Codes[d]) >= 0, $"{expected.Name}: code {record.Codes[d]} of {expected.Dimensions[d]} is missing.");
            }
        }
    }
}
