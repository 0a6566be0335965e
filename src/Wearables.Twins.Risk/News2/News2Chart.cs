namespace Wearables.Twins.Risk.News2;

/// <summary>
/// The NEWS2 observation chart of the Royal College of Physicians, "National Early Warning Score (NEWS) 2:
/// Standardising the assessment of acute-illness severity in the NHS", London: RCP, 2017 (chart 1). Whole-number
/// parameters are rounded half away from zero before scoring, temperature to one decimal, as they are charted.
/// </summary>
public static class News2Chart
{
    /// <summary>≤8 → 3; 9–11 → 1; 12–20 → 0; 21–24 → 2; ≥25 → 3.</summary>
    public static int RespirationRate(double perMinute)
        => Whole(perMinute) switch
        {
            <= 8 => 3,
            <= 11 => 1,
            <= 20 => 0,
            <= 24 => 2,
            _ => 3,
        };

    /// <summary>SpO2 scale 1: ≤91 → 3; 92–93 → 2; 94–95 → 1; ≥96 → 0.</summary>
    public static int OxygenSaturationScale1(double percent)
        => Whole(percent) switch
        {
            <= 91 => 3,
            <= 93 => 2,
            <= 95 => 1,
            _ => 0,
        };

    /// <summary>
    /// SpO2 scale 2 (target 88–92%, for hypercapnic respiratory failure, on a clinician's decision): ≤83 → 3; 84–85 → 2;
    /// 86–87 → 1; 88–92 or ≥93 on air → 0; on oxygen 93–94 → 1, 95–96 → 2, ≥97 → 3.
    /// </summary>
    public static int OxygenSaturationScale2(double percent, bool onOxygen)
        => Whole(percent) switch
        {
            <= 83 => 3,
            <= 85 => 2,
            <= 87 => 1,
            <= 92 => 0,
            _ when !onOxygen => 0,
            <= 94 => 1,
            <= 96 => 2,
            _ => 3,
        };

    /// <summary>Air → 0; oxygen → 2.</summary>
    public static int AirOrOxygen(bool onOxygen) => onOxygen ? 2 : 0;

    /// <summary>≤90 → 3; 91–100 → 2; 101–110 → 1; 111–219 → 0; ≥220 → 3.</summary>
    public static int SystolicBloodPressure(double mmHg)
        => Whole(mmHg) switch
        {
            <= 90 => 3,
            <= 100 => 2,
            <= 110 => 1,
            <= 219 => 0,
            _ => 3,
        };

    /// <summary>≤40 → 3; 41–50 → 1; 51–90 → 0; 91–110 → 1; 111–130 → 2; ≥131 → 3.</summary>
    public static int Pulse(double perMinute)
        => Whole(perMinute) switch
        {
            <= 40 => 3,
            <= 50 => 1,
            <= 90 => 0,
            <= 110 => 1,
            <= 130 => 2,
            _ => 3,
        };

    /// <summary>Alert → 0; new confusion, or responds only to voice or pain, or unresponsive (CVPU) → 3.</summary>
    public static int Consciousness(bool cvpu) => cvpu ? 3 : 0;

    /// <summary>≤35.0 → 3; 35.1–36.0 → 1; 36.1–38.0 → 0; 38.1–39.0 → 1; ≥39.1 → 2.</summary>
    public static int Temperature(double celsius)
        => OneDecimal(celsius) switch
        {
            <= 350 => 3,
            <= 360 => 1,
            <= 380 => 0,
            <= 390 => 1,
            _ => 2,
        };

    /// <summary>Bands of chart 2: high ≥ 7, medium 5–6, low–medium when any single parameter scores 3, else low.</summary>
    public static News2Band Band(int aggregate, bool anySingleThree)
        => aggregate >= 7 ? News2Band.High
            : aggregate >= 5 ? News2Band.Medium
            : anySingleThree ? News2Band.LowMedium
            : News2Band.Low;

    internal static long Whole(double value) => (long)Math.Round(value, MidpointRounding.AwayFromZero);

    // Tenths of a degree as an integer, so 38.05 and 38.1 compare exactly against the chart's 38.1.
    internal static long OneDecimal(double value) => (long)Math.Round(value * 10, MidpointRounding.AwayFromZero);
}
