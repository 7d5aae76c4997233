using System.Data.Common;
using System.Globalization;
using StatService.Core.Orders;
using static StatService.Data.Storage.AdoCommands;

namespace StatService.Data.Orders;

/// <summary>An order's row: its columns as command parameters and back, in <see cref="OrderStoreSql"/>'s column order.</summary>
internal static class OrderRows
{
    public static void AddOrderParameters(DbCommand command, Order order)
    {
        Add(command, "id", order.Id.ToString());
        Add(command, "product", order.Product);
        Add(command, "parameters_json", order.ParametersJson);
        Add(command, "requester_id", order.RequesterId);
        Add(command, "status", OrderStatuses.Code(order.Status));
        Add(command, "submitted_at", order.SubmittedAt.ToUnixTimeMilliseconds());
        Add(command, "queued_at", order.QueuedAt?.ToUnixTimeMilliseconds());
        Add(command, "started_at", order.StartedAt?.ToUnixTimeMilliseconds());
        Add(command, "delivered_at", order.DeliveredAt?.ToUnixTimeMilliseconds());
        Add(command, "failed_at", order.FailedAt?.ToUnixTimeMilliseconds());
        Add(command, "failure_reason", order.FailureReason);
        Add(command, "extract_version", order.ExtractVersion);
        Add(command, "requester_kind", order.RequesterKind is { } kind ? RequesterKinds.Code(kind) : null);
        Add(command, "purpose", order.Purpose);
        Add(command, "contact_name", order.ContactName);
        Add(command, "contact_email", order.ContactEmail);
        Add(command, "contact_organisation", order.ContactOrganisation);
        Add(command, "callback_url", order.CallbackUrl);
        Add(command, "channel", order.Channel.ToString().ToLowerInvariant());
        Add(command, "language", order.Language);
        Add(command, "status_token_hash", order.StatusTokenHash);
        Add(command, "review_required", order.ReviewRequired ? 1L : 0L);
        Add(command, "estimated_cells", order.EstimatedCells);
        Add(command, "price_quote_dkk", order.PriceQuoteDkk?.ToString(CultureInfo.InvariantCulture));
        Add(command, "review_note", order.ReviewNote);
        Add(command, "rejection_reason", order.RejectionReason);
        Add(command, "approved_at", order.ApprovedAt?.ToUnixTimeMilliseconds());
        Add(command, "cancelled_at", order.CancelledAt?.ToUnixTimeMilliseconds());
    }

    /// <summary>Every order row the command selects, in the order the SQL gives them.</summary>
    public static async Task<IReadOnlyList<Order>> ReadOrdersAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var orders = new List<Order>();
        while (await reader.ReadAsync(cancellationToken))
        {
            orders.Add(ReadOrder(reader));
        }

        return orders;
    }

    private static Order ReadOrder(DbDataReader reader) => new()
    {
        Id = Guid.Parse(reader.GetString(0)),
        Product = reader.GetString(1),
        ParametersJson = reader.GetString(2),
        RequesterId = reader.GetString(3),
        Status = ParseStatus(reader.GetString(4)),
        SubmittedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
        QueuedAt = Timestamp(reader, 6),
        StartedAt = Timestamp(reader, 7),
        DeliveredAt = Timestamp(reader, 8),
        FailedAt = Timestamp(reader, 9),
        FailureReason = reader.IsDBNull(10) ? null : reader.GetString(10),
        ExtractVersion = Text(reader, 11),
        RequesterKind = Text(reader, 12) is { } kind && RequesterKinds.TryParse(kind, out var parsed) ? parsed : null,
        Purpose = Text(reader, 13),
        ContactName = Text(reader, 14),
        ContactEmail = Text(reader, 15),
        ContactOrganisation = Text(reader, 16),
        CallbackUrl = Text(reader, 17),
        Channel = Enum.Parse<OrderChannel>(reader.GetString(18), ignoreCase: true),
        Language = Text(reader, 19),
        StatusTokenHash = Text(reader, 20),
        ReviewRequired = reader.GetInt64(21) != 0,
        EstimatedCells = reader.IsDBNull(22) ? null : reader.GetInt64(22),
        PriceQuoteDkk = Text(reader, 23) is { } price ? decimal.Parse(price, CultureInfo.InvariantCulture) : null,
        ReviewNote = Text(reader, 24),
        RejectionReason = Text(reader, 25),
        ApprovedAt = Timestamp(reader, 26),
        CancelledAt = Timestamp(reader, 27),
    };

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? Timestamp(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    /// <summary>Statuses are stored as the API writes them (<see cref="OrderStatuses.Code"/>).</summary>
    public static OrderStatus ParseStatus(string text) =>
        Enum.Parse<OrderStatus>(text.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true);
}
