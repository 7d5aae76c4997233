namespace StatService.Core.Disclosure;

/// <summary>The release cannot be protected; nothing may be delivered.</summary>
public sealed class DisclosureException(string message) : Exception(message);
