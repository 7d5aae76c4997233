using System.Globalization;
using StatService.Data.Extracts.Import;

namespace StatService.Api.Tests.Ledger;

/// <summary>
/// A register extract written by hand, so every count the differencing tests meet is known: multiple sclerosis (DG35)
/// in 7 men (5 in Nordjylland, 2 in Midtjylland) and 1 woman; motor neuron disease (DG12) in 7 men spread over every
/// region and 1 woman; and residents without either. Everyone is adult, alive and resident at the end of 2023. Imported
/// as a real extract version (DuckDB), as a delivery from the registers would be.
/// </summary>
public sealed class LedgerExtract : IAsyncLifetime
{
    public const string Version = "ledger-test-1";
    public const string Sclerosis = "DG35";
    public const string MotorNeuron = "DG12";

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "statservice-tests", $"ledger-extract-{Guid.NewGuid():N}");

    public string Directory => Path.Combine(Root, "extracts");

    private static readonly Dictionary<string, string> Municipality = new(StringComparer.Ordinal)
    {
        ["1081"] = "773", ["1082"] = "615", ["1083"] = "410", ["1084"] = "101", ["1085"] = "253",
    };

    /// <summary>Per diagnosis, the sex and region of each person who has it.</summary>
    public static readonly IReadOnlyDictionary<string, (string Sex, string Region)[]> Patients = new Dictionary<string, (string, string)[]>
    {
        [Sclerosis] =
        [
            ("1", "1081"), ("1", "1081"), ("1", "1081"), ("1", "1081"), ("1", "1081"), ("1", "1082"), ("1", "1082"),
            ("2", "1083"),
        ],
        [MotorNeuron] =
        [
            ("1", "1081"), ("1", "1081"), ("1", "1082"), ("1", "1082"), ("1", "1083"), ("1", "1084"), ("1", "1085"),
            ("2", "1081"),
        ],
    };

    public async Task InitializeAsync()
    {
        var delivery = Path.Combine(Root, "delivery");
        System.IO.Directory.CreateDirectory(delivery);
        var persons = new List<string> { "pnr,koen,foed_dag,c_status,d_status_hen_start,kom,reg" };
        var contacts = new List<string> { "dw_ek_kontakt,pnr,dato_start,dato_slut" };
        var diagnoses = new List<string> { "dw_ek_kontakt,diagnosekode,diagnosetype,senere_afkraeftet" };
        var contact = 0;

        void Person(string pnr, string sex, string region, int number)
        {
            var born = new DateOnly(1950, 1, 1).AddDays(number * 97).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            persons.Add($"{pnr},{sex},{born},01,{born},{Municipality[region]},{region}");
        }

        foreach (var (code, patients) in Patients)
        {
            for (var i = 0; i < patients.Length; i++)
            {
                var pnr = $"{code}-{i}";
                Person(pnr, patients[i].Sex, patients[i].Region, contact);
                contact++;
                contacts.Add(string.Create(CultureInfo.InvariantCulture, $"{contact},{pnr},2022-03-01,2022-03-02"));
                diagnoses.Add(string.Create(CultureInfo.InvariantCulture, $"{contact},{code}9,A,Nej"));
            }
        }

        var regions = Municipality.Keys.ToArray();
        for (var i = 0; i < 30; i++)
        {
            Person($"R{i}", (i % 2 + 1).ToString(CultureInfo.InvariantCulture), regions[i % regions.Length], 100 + i);
        }

        // The events that set the extract's coverage to 2021-2023.
        contacts.Add("9001,R0,2021-01-01,2021-01-01");
        contacts.Add("9002,R1,2023-12-31,2023-12-31");
        diagnoses.Add("9001,DJ069,A,Nej");
        diagnoses.Add("9002,DJ069,A,Nej");
        await File.WriteAllLinesAsync(Path.Combine(delivery, "cpr_person.csv"), persons);
        await File.WriteAllLinesAsync(Path.Combine(delivery, "lpr_f_kontakter.csv"), contacts);
        await File.WriteAllLinesAsync(Path.Combine(delivery, "lpr_f_diagnoser.csv"), diagnoses);
        await File.WriteAllLinesAsync(Path.Combine(delivery, "dodsaarsag.csv"), ["pnr,d_dodsdato,c_dodtilgrundl_acme"]);
        await File.WriteAllLinesAsync(Path.Combine(delivery, "lmdb.csv"), ["pnr,eksd,atc,vnr,apk", "R2,2021-01-01,J01CA04,345678,1", "R3,2023-12-31,J01CA04,345678,1"]);
        await File.WriteAllLinesAsync(Path.Combine(delivery, "lmdb_produkt.csv"), ["vnr,atc,pname,packsize", "345678,J01CA04,Amoxicillin,20"]);

        var imported = await ExtractImporter.ImportAsync(new ExtractImportRequest(delivery, Version, Directory));
        Assert.Equal((new DateOnly(2021, 1, 1), new DateOnly(2023, 12, 31)), (imported.Manifest.CoverageFrom, imported.Manifest.CoverageTo));
    }

    public Task DisposeAsync()
    {
        TemporaryDirectory.Delete(Root);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class LedgerExtractCollection : ICollectionFixture<LedgerExtract>
{
    public const string Name = "Hand-made extract for differencing orders";
}
