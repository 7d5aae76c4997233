namespace StatService.Core.CodeLists;

/// <summary>
/// One code of a code list. <see cref="Parent"/> is null for the roots (ICD-10 chapters, ATC level 1,
/// regions). <see cref="Level"/> is one of <see cref="CodeLevels"/>.
/// </summary>
public sealed record CodeEntry(string Code, string? Parent, string Level, string LabelDa, string LabelEn);
