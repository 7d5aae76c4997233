namespace StatService.Data.Tests.Extracts.Import;

/// <summary>A small, valid delivery written by hand (service names, comma-separated UTF-8), for tests to spoil one thing at a time.</summary>
internal sealed class TinyDelivery : IDisposable
{
    public TinyDelivery()
    {
        Files = new Dictionary<string, List<string>>(StringComparer.Ordinal)
        {
            ["cpr_person.csv"] =
            [
                "pnr,koen,foed_dag,c_status,d_status_hen_start,kom,reg",
                "P1,1,1950-03-01,01,,101,1084",
                "P2,2,1980-07-15,01,,751,1082",
                "P3,2,1930-01-01,90,2021-05-01,851,1081",
            ],
            ["dodsaarsag.csv"] = ["pnr,d_dodsdato,c_dodtilgrundl_acme", "P3,2021-05-01,I219"],
            ["lpr_f_kontakter.csv"] =
            [
                "dw_ek_kontakt,pnr,dato_start,dato_slut",
                "1,P1,2020-02-01,2020-02-03",
                "2,P2,2021-06-01,2021-06-01",
                "3,P3,2021-04-20,2021-05-01",
            ],
            ["lpr_f_diagnoser.csv"] =
            [
                "dw_ek_kontakt,diagnosekode,diagnosetype,senere_afkraeftet",
                "1,DE119,A,Nej",
                "2,DJ449,A,Nej",
                "3,DI219,A,Nej",
                "3,DE119,B,Nej",
            ],
            ["lmdb.csv"] =
            [
                "pnr,eksd,atc,vnr,apk",
                "P1,2020-02-10,A10BA02,123456,1",
                "P2,2021-07-01,R03AC02,234567,2",
            ],
            ["lmdb_produkt.csv"] =
            [
                "vnr,atc,pname,packsize",
                "123456,A10BA02,Metformin,100",
                "234567,R03AC02,Salbutamol,1",
            ],
        };
    }

    public string Root { get; } = Directory.CreateTempSubdirectory("statservice-tiny-delivery-").FullName;

    public string Delivery => Path.Combine(Root, "delivery");

    public string Extracts => Path.Combine(Root, "extracts");

    public Dictionary<string, List<string>> Files { get; }

    public string Write()
    {
        Directory.CreateDirectory(Delivery);
        foreach (var (name, lines) in Files)
        {
            File.WriteAllText(Path.Combine(Delivery, name), string.Join('\n', lines) + "\n");
        }

        return Delivery;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
