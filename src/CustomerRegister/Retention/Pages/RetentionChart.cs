using System.Globalization;
using CustomerRegister.Localization;

namespace CustomerRegister.Retention.Pages;

/// <summary>One stacked piece of a month's bar: a rule's items in that month.</summary>
public sealed record ChartBar(int Month, string Rule, string Colour, double X, double Y, double Width, double Height, long Value);

/// <summary>A horizontal grid line with its value.</summary>
public sealed record ChartTick(double Y, long Value);

/// <summary>
/// The forecast as a stacked bar chart, drawn on the server as SVG (no script, no remote assets): a bar per month, a
/// piece per rule, in a fixed colour per rule. The same figures are in the table beside it, so the chart is a picture of
/// the table, not the only way to read it.
/// </summary>
public sealed class RetentionChart
{
    public const double Width = 760;
    public const double Height = 300;
    private const double Left = 56;
    private const double Right = 8;
    private const double Top = 12;
    private const double Bottom = 40;

    /// <summary>Colours with at least 3:1 contrast on white (WCAG 1.4.11), told apart also by the legend and the table.</summary>
    private static readonly string[] Palette =
        ["#1f6f50", "#0b57d0", "#a4262c", "#8a5a00", "#6a3d9a", "#b15928", "#1b6f80", "#8c2d6b", "#4f5e63", "#2e6b1e", "#5c4bb5", "#9e3d00", "#34495e"];

    public RetentionChart(ForecastResponse forecast)
    {
        Months = forecast.Months;
        Rules = [.. forecast.Rules.Where(r => r.Months.Sum() > 0).Select((r, i) => (r.Rule, Palette[i % Palette.Length]))];
        var max = forecast.Months.Count == 0 ? 0 : forecast.Months.Max(m => m.Due);
        var step = NiceStep(max);
        Top4 = step * 4;
        Ticks = [.. Enumerable.Range(0, 5).Select(i => new ChartTick(Y(step * i), step * i))];

        var slot = (Width - Left - Right) / Math.Max(1, Months.Count);
        var bars = new List<ChartBar>();
        for (var m = 0; m < Months.Count; m++)
        {
            long below = 0;
            foreach (var (rule, colour) in Rules)
            {
                var value = forecast.Rules.First(r => r.Rule == rule).Months[m];
                if (value == 0)
                {
                    continue;
                }

                var y = Y(below + value);
                bars.Add(new ChartBar(m, rule, colour, Left + (m * slot) + (slot * 0.15), y, slot * 0.7, Y(below) - y, value));
                below += value;
            }
        }

        Bars = bars;
        Labels = [.. Months.Select((month, m) => (Left + (m * slot) + (slot / 2), MonthLabel(month)))];
    }

    public IReadOnlyList<ForecastMonth> Months { get; }

    public IReadOnlyList<(string Rule, string Colour)> Rules { get; }

    public IReadOnlyList<ChartBar> Bars { get; }

    public IReadOnlyList<ChartTick> Ticks { get; }

    public IReadOnlyList<(double X, string Text)> Labels { get; }

    public static double AxisLeft => Left;

    public static double AxisRight => Width - Right;

    public static double AxisBottom => Height - Bottom;

    private long Top4 { get; }

    /// <summary>"12/2026": the month of a forecast column.</summary>
    public static string MonthLabel(ForecastMonth month) => month.To.ToString("M/yyyy", Display.Format);

    /// <summary>A number for SVG coordinates (invariant, short).</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private double Y(long value) => Top4 == 0 ? Height - Bottom : Height - Bottom - ((Height - Top - Bottom) * value / Top4);

    /// <summary>A grid step of 1, 2 or 5 times a power of ten, so that four steps reach the largest month.</summary>
    private static long NiceStep(long max)
    {
        if (max <= 4)
        {
            return 1;
        }

        var raw = max / 4.0;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 5, 10 }.Select(f => f * power).First(s => s >= raw);
        return (long)Math.Ceiling(step);
    }
}
