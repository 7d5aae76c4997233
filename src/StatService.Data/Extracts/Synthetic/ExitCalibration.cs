namespace StatService.Data.Extracts.Synthetic;

/// <summary>
/// Scales the relative death and emigration hazards (table <c>person_hazard</c>) so that expected
/// deaths and emigrations match the national yearly figures scaled to the extract.
/// </summary>
internal static class ExitCalibration
{
    private const double NationalDeathsPerYear = 55_000;
    private const double NationalEmigrationsPerYear = 52_000;

    public static async Task<(double Death, double Emigration)> CalibrateAsync(
        SyntheticDatabase db, SyntheticExtractOptions options, CancellationToken ct)
    {
        var deaths = NationalDeathsPerYear * options.Scale * options.Years;
        var emigrations = NationalEmigrationsPerYear * options.Scale * options.Years;

        // Emigration hazards are small: expected count is linear in the scale.
        var emigrationExposure = await db.ScalarAsync<double>(
            "SELECT sum(emigration * exposure) FROM person_hazard", ct).ConfigureAwait(false);
        var emigration = Round(emigrations / emigrationExposure);

        // Death hazards of the very old are not small: fixed-point steps on sum(1 - exp(-c H)),
        // H the cumulative hazard over the person's exposure.
        var deathExposure = await db.ScalarAsync<double>(
            "SELECT sum(death_cum) FROM person_hazard", ct).ConfigureAwait(false);
        var death = deaths / deathExposure;
        for (var step = 0; step < 6; step++)
        {
            var expected = await db.ScalarAsync<double>(
                $"SELECT sum(1 - exp(-{SyntheticDatabase.Literal(death)} * death_cum)) FROM person_hazard", ct)
                .ConfigureAwait(false);
            death *= deaths / expected;
        }

        return (Round(death), Round(emigration));
    }

    // Parallel floating-point sums differ in their last bits between runs; rounding keeps a seed's
    // extract identical whatever the thread scheduling.
    private static double Round(double x) =>
        x == 0 ? 0 : Math.Round(x, Math.Clamp(9 - (int)Math.Floor(Math.Log10(Math.Abs(x))), 0, 15));
}
