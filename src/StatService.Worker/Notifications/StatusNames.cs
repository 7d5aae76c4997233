using StatService.Core.Orders;

namespace StatService.Worker.Notifications;

/// <summary>Order statuses (by their codes, <see cref="OrderStatuses.Code"/>) in Danish and English words for e-mail.</summary>
internal static class StatusNames
{
    public static string Danish(string code) => code switch
    {
        "submitted" => "modtaget",
        "in_review" => "til vurdering hos en sagsbehandler",
        "queued" => "i kø",
        "running" => "under beregning",
        "delivered" => "leveret",
        "failed" => "mislykket",
        "rejected" => "afvist",
        "cancelled" => "annulleret",
        _ => code,
    };

    public static string English(string code) => code switch
    {
        "in_review" => "in review by a caseworker",
        _ => code.Replace('_', ' '),
    };
}
