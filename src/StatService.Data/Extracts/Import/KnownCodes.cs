using StatService.Core.CodeLists;

namespace StatService.Data.Extracts.Import;

/// <summary>
/// Whether a delivered code is known to a code list that may not list every level everywhere (the
/// shipped lists carry subcategories only for common diagnoses): known when the list holds the code, or
/// holds an ancestor (a prefix of at least <c>minLength</c>) that the list does not subdivide further.
/// </summary>
internal static class KnownCodes
{
    public static bool IsKnown(CodeList list, string code, int minLength)
    {
        for (var length = code.Length; length >= minLength; length--)
        {
            if (list.Find(code[..length]) is { } entry)
            {
                return length == code.Length || list.Children(entry.Code).Count == 0;
            }
        }

        return false;
    }
}
