namespace StatService.Worker.Notifications;

/// <summary>The order history in its global order: the status changes after a sequence number, oldest first.</summary>
internal interface IStatusChangeFeed
{
    Task<IReadOnlyList<StatusChange>> ReadAfterAsync(long sequence, int limit, CancellationToken cancellationToken);
}
