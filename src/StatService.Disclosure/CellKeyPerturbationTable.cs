using StatService.Core.Disclosure;

namespace StatService.Disclosure;

/// <summary>
/// The fixed perturbation table of the cell-key method (ABS TableBuilder, ONS census): for a cell value and a cell
/// key in [0,1) it gives the noise. Each row is a distribution over the noise -min(value, D)..D (never a negative
/// result) with mean 0 and variance <see cref="CellKeySettings.Variance"/> where the row allows it; the key picks the
/// noise through the row's cumulative probabilities, so uniform keys draw the noise with exactly those probabilities.
/// Values from D up share one row. Rows are the maximum-entropy distributions with that mean and variance (every
/// noise value possible, so the noise does not keep parity or any other trace of the true value); a row whose
/// support cannot reach the variance puts all its mass on its two ends.
/// </summary>
public sealed class CellKeyPerturbationTable
{
    private readonly Row[] _rows;

    public CellKeyPerturbationTable(CellKeySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxNoise, 0);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.Variance);
        MaxNoise = settings.MaxNoise;
        _rows = Enumerable.Range(0, MaxNoise + 1).Select(v => Row.For(v, MaxNoise, settings.Variance)).ToArray();
    }

    public int MaxNoise { get; }

    public int Noise(long value, double cellKey)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (!(cellKey >= 0 && cellKey < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(cellKey), cellKey, "A cell key lies in [0,1).");
        }

        return RowOf(value).Noise(cellKey);
    }

    /// <summary>The row used for a value: each noise and its probability.</summary>
    public IReadOnlyList<(int Noise, double Probability)> Distribution(long value) => RowOf(value).Distribution;

    private Row RowOf(long value) => _rows[(int)Math.Min(value, MaxNoise)];

    private sealed class Row
    {
        private readonly int _lowest;
        private readonly double[] _cumulative;

        private Row(int lowest, double[] probabilities)
        {
            _lowest = lowest;
            Distribution = probabilities.Select((p, i) => (lowest + i, p)).ToArray();
            _cumulative = new double[probabilities.Length];
            var sum = 0.0;
            for (var i = 0; i < probabilities.Length; i++)
            {
                sum += probabilities[i];
                _cumulative[i] = sum;
            }

            _cumulative[^1] = 1.0;
        }

        public IReadOnlyList<(int Noise, double Probability)> Distribution { get; }

        public int Noise(double key)
        {
            var i = 0;
            while (key >= _cumulative[i])
            {
                i++;
            }

            return _lowest + i;
        }

        public static Row For(int value, int maxNoise, double variance)
        {
            var down = Math.Min(value, maxNoise);
            if (down == 0 || maxNoise == 0 || variance == 0)
            {
                // Nothing can be taken from an empty cell, and mean 0 then forbids adding anything.
                return new Row(0, [1.0]);
            }

            var support = Enumerable.Range(-down, down + maxNoise + 1).ToArray();
            var widest = (double)down * maxNoise;
            if (variance >= widest * (1 - 1e-9))
            {
                var ends = new double[support.Length];
                ends[0] = (double)maxNoise / (down + maxNoise);
                ends[^1] = (double)down / (down + maxNoise);
                return new Row(-down, ends);
            }

            return new Row(-down, MaximumEntropy(support, variance));
        }

        /// <summary>
        /// p(n) proportional to exp(a n + b n^2) with mean 0 and the given variance, by Newton's method on the convex dual
        /// log Z(a, b) - b * variance, whose gradient is (mean, second moment - variance).
        /// </summary>
        private static double[] MaximumEntropy(int[] support, double variance)
        {
            double a = 0, b = 0;
            var p = Probabilities(support, a, b);
            for (var iteration = 0; iteration < 500; iteration++)
            {
                var (m1, m2, m3, m4) = Moments(support, p);
                var g1 = m1;
                var g2 = m2 - variance;
                if (Math.Abs(g1) < 1e-13 && Math.Abs(g2) < 1e-13)
                {
                    return p;
                }

                // Hessian: covariance of (n, n^2).
                var h11 = m2 - m1 * m1;
                var h12 = m3 - m1 * m2;
                var h22 = m4 - m2 * m2;
                var det = h11 * h22 - h12 * h12;
                var da = -(h22 * g1 - h12 * g2) / det;
                var db = -(h11 * g2 - h12 * g1) / det;
                var dual = Dual(support, a, b, variance);
                var step = 1.0;
                while (step > 1e-12 && Dual(support, a + step * da, b + step * db, variance) > dual + 1e-4 * step * (g1 * da + g2 * db))
                {
                    step /= 2;
                }

                a += step * da;
                b += step * db;
                p = Probabilities(support, a, b);
            }

            throw new InvalidOperationException("The perturbation table did not converge.");
        }

        private static double[] Probabilities(int[] support, double a, double b)
        {
            var logits = support.Select(n => a * n + b * n * n).ToArray();
            var max = logits.Max();
            var weights = logits.Select(l => Math.Exp(l - max)).ToArray();
            var total = weights.Sum();
            return weights.Select(w => w / total).ToArray();
        }

        private static double Dual(int[] support, double a, double b, double variance)
        {
            var logits = support.Select(n => a * n + b * n * n).ToArray();
            var max = logits.Max();
            return max + Math.Log(logits.Sum(l => Math.Exp(l - max))) - b * variance;
        }

        private static (double M1, double M2, double M3, double M4) Moments(int[] support, double[] p)
        {
            double m1 = 0, m2 = 0, m3 = 0, m4 = 0;
            for (var i = 0; i < support.Length; i++)
            {
                double n = support[i];
                m1 += p[i] * n;
                m2 += p[i] * n * n;
                m3 += p[i] * n * n * n;
                m4 += p[i] * n * n * n * n;
            }

            return (m1, m2, m3, m4);
        }
    }
}
