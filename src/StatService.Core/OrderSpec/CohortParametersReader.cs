using System.Text.Json;
using StatService.Core.Catalogue;
using StatService.Core.CodeLists;

namespace StatService.Core.OrderSpec;

/// <summary>
/// Reads and validates the cohort parameters of an order body. Strict: unknown fields, wrong types,
/// unknown codes and dates outside the extract are errors naming the field; nothing is guessed. Each group of
/// parameters has its reader (<see cref="CriteriaReader"/>, <see cref="PeriodReader"/>, <see cref="PopulationReader"/>,
/// <see cref="TableShapeReader"/>); all record their errors by path in the one <see cref="ValidationErrors"/>.
/// </summary>
public sealed class CohortParametersReader(CodeListSet codeLists, ProcedureCodes procedures, OrderLimits limits)
{
    /// <summary>Every field of order spec version 1.</summary>
    public static readonly string[] KnownFields =
    [
        "specVersion", "extractVersion", "diagnoses", "procedures", "medications", "occurrence", "period", "indexDate",
        "age", "sex", "regions", "aliveAndResident", "breakdown", "measure", "measureAtc", "medicationGroups",
    ];

    public const int MaxTopGroups = 30;

    private readonly Breakdowns _breakdowns = new(codeLists);

    private readonly CriteriaReader _criteria = new(codeLists, procedures, limits);

    private readonly PopulationReader _population = new(codeLists);

    /// <summary>The release's size in cells (margins and rate tables included), estimated from the dimensions before the query runs.</summary>
    public long EstimateCells(ProductDefinition product, CohortParameters parameters) => product.EstimateCells(parameters, _breakdowns);

    public CohortParameters? Read(JsonElement parameters, ExtractInfo extract, ProductDefinition product, ValidationErrors errors)
    {
        var root = new BodyField("parameters", errors);
        if (parameters.ValueKind != JsonValueKind.Object)
        {
            root.Error("Must be an object.");
            return null;
        }

        foreach (var property in parameters.EnumerateObject())
        {
            if (!KnownFields.Contains(property.Name, StringComparer.Ordinal))
            {
                root.Field(property.Name).Error($"Unknown parameter. Known parameters: {string.Join(", ", product.Parameters)}.");
            }
            else if (!product.Parameters.Contains(property.Name, StringComparer.Ordinal) && property.Value.ValueKind != JsonValueKind.Null)
            {
                root.Field(property.Name).Error($"Not used by the product '{product.Id}'. Its parameters: {string.Join(", ", product.Parameters)}.");
            }
        }

        // The order of the reads is the order of the errors in the answer.
        ReadSpecVersion(parameters, root);
        var diagnoses = _criteria.ReadDiagnoses(parameters, root);
        var procedureCriteria = _criteria.ReadProcedures(parameters, root);
        var medications = _criteria.ReadMedications(parameters, root);
        var occurrence = product.FixedOccurrence ?? PeriodReader.ReadOccurrence(parameters, root);
        var period = PeriodReader.ReadPeriod(parameters, extract, product.Limits, root);
        var indexDate = PeriodReader.ReadIndexDate(parameters, period, extract, root);
        var age = PopulationReader.ReadAge(parameters, root);
        var sex = PopulationReader.ReadSex(parameters, root);
        var regions = _population.ReadRegions(parameters, root);
        var alive = PopulationReader.ReadAliveAndResident(parameters, root);
        var breakdown = TableShapeReader.ReadBreakdown(parameters, product.Breakdowns, product.Limits.MaxDimensions, root);
        var measure = TableShapeReader.ReadMeasure(parameters, product.Measures, root);
        var measureAtc = _criteria.ReadMeasureAtc(parameters, root);
        var groups = TableShapeReader.ReadMedicationGroups(parameters, root);

        if (diagnoses is not null && procedureCriteria is not null && medications is not null &&
            diagnoses.Include.Count + procedureCriteria.Include.Count + medications.Include.Count == 0)
        {
            root.Error("At least one inclusion criterion is required: diagnoses.include, procedures.include or medications.include.");
        }

        if (errors.Any || diagnoses is null || procedureCriteria is null || medications is null || occurrence is null || period is null ||
            indexDate is null || age is null || regions is null || breakdown is null || measure is null || measureAtc is null || groups is null)
        {
            return null;
        }

        var result = new CohortParameters
        {
            ExtractVersion = extract.Version,
            Diagnoses = diagnoses,
            Procedures = procedureCriteria,
            Medications = medications,
            Occurrence = occurrence,
            Period = period,
            IndexDate = indexDate.Value,
            Age = age,
            Sex = sex,
            Regions = regions,
            AliveAndResident = alive,
            Breakdown = breakdown,
            Measure = measure,
            MeasureAtc = measureAtc.Count > 0 ? measureAtc : medications.Include,
            MedicationGroups = groups,
        };
        CheckLimits(result, product, root);
        return errors.Any ? null : result;
    }

    /// <summary>The product's limits on criteria and size; the size is estimated from the dimensions before anything runs.</summary>
    private void CheckLimits(CohortParameters parameters, ProductDefinition product, BodyField root)
    {
        if (parameters.CriteriaCount > product.Limits.MaxCriteria)
        {
            root.Error($"The order has {parameters.CriteriaCount} code criteria; '{product.Id}' allows at most {product.Limits.MaxCriteria} over diagnoses, procedures and medications.");
        }

        var cells = product.CountedCells(parameters, _breakdowns);
        if (cells > product.Limits.MaxCells)
        {
            root.Field("breakdown").Error($"The result would have about {cells:N0} cells; '{product.Id}' allows at most {product.Limits.MaxCells:N0}. Use fewer breakdowns or a shorter period.");
        }
    }

    private static void ReadSpecVersion(JsonElement parameters, BodyField root)
    {
        var field = root.Field("specVersion");
        if (field.In(parameters) is { } element &&
            !(element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var version) && version == CohortParameters.CurrentSpecVersion))
        {
            field.Error($"Unsupported order spec version. This service reads version {CohortParameters.CurrentSpecVersion}.");
        }
    }
}
