namespace StatService.Api.Http;

/// <summary>What is wrong with a JSON body, and where: a path such as <c>parameters.years[1]</c>, or <c>body</c>.</summary>
public sealed record JsonBodyFault(string Path, string Reason);
