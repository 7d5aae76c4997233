using StatService.Core.Tables;

namespace StatService.Delivery;

public static class CellStatusText
{
    public const string Published = "published";
    public const string Suppressed = "suppressed";

    public static string Of(CellStatus status) => status == CellStatus.Published ? Published : Suppressed;
}
