using System.Collections.Frozen;
using System.Globalization;

namespace Wearables.Twins.Import.Garmin;

/// <summary>
/// Names the device that wrote a FIT file from its file_id message, e.g. "garmin fenix5". The numbers are the
/// FIT profile's manufacturer and garmin_product values (a subset: common makers, and Garmin watches and
/// bike computers since 2015); an unknown number is named by itself ("garmin product 9999").
/// </summary>
internal static class GarminDeviceNames
{
    /// <summary>Manufacturers whose product numbers are Garmin product numbers (garmin, dynastream_oem, dynastream, tacx).</summary>
    private static readonly FrozenSet<ulong> GarminFamily = FrozenSet.Create<ulong>(1, 13, 15, 89);

    private static readonly FrozenDictionary<ulong, string> Manufacturers = new Dictionary<ulong, string>
    {
        [1] = "garmin", [9] = "saris", [13] = "dynastream_oem", [15] = "dynastream", [16] = "timex", [23] = "suunto",
        [32] = "wahoo_fitness", [40] = "concept2", [41] = "shimano", [48] = "pioneer", [69] = "stages_cycling",
        [70] = "sigmasport", [86] = "elite", [89] = "tacx", [123] = "polar_electro", [255] = "development",
        [260] = "zwift", [263] = "favero_electronics", [265] = "strava", [267] = "bryton", [282] = "the_sufferfest",
        [294] = "coros", [300] = "nurvv", [309] = "form",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<ulong, string> GarminProducts = new Dictionary<ulong, string>
    {
        [2050] = "fenix3", [2067] = "edge520", [2147] = "edge25", [2148] = "fr25", [2150] = "vivo_fit2",
        [2153] = "fr225", [2156] = "fr630", [2157] = "fr230", [2158] = "fr735xt", [2204] = "edge_explore1000",
        [2238] = "edge20", [2271] = "vivo_smart2", [2337] = "vivo_active_hr", [2347] = "vivo_smart_gps_hr",
        [2348] = "vivo_smart_hr", [2368] = "vivo_move", [2406] = "vivo_fit3", [2413] = "fenix3_hr", [2431] = "fr235",
        [2432] = "fenix3_chronos", [2503] = "fr35", [2530] = "edge820", [2531] = "edge_explore820",
        [2544] = "fenix5s", [2604] = "fenix5x", [2606] = "vivo_fit_jr", [2622] = "vivo_smart3", [2623] = "vivo_sport",
        [2691] = "fr935", [2697] = "fenix5", [2700] = "vivoactive3", [2713] = "edge1030", [2772] = "vivo_move_hr",
        [2859] = "descent", [2878] = "vivo_fit4", [2886] = "fr645", [2888] = "fr645m", [2891] = "fr30",
        [2900] = "fenix5s_plus", [2909] = "edge130", [2927] = "vivosmart4", [2988] = "vivoactive3m_w",
        [3011] = "edge_explore", [3066] = "vivoactive3m_l", [3076] = "fr245", [3077] = "fr245_music",
        [3110] = "fenix5_plus", [3111] = "fenix5x_plus", [3112] = "edge520_plus", [3113] = "fr945",
        [3121] = "edge530", [3122] = "edge830", [3143] = "descent_t1", [3224] = "vivoactive4_small",
        [3225] = "vivoactive4_large", [3226] = "venu", [3246] = "marq_driver", [3247] = "marq_aviator",
        [3248] = "marq_captain", [3249] = "marq_commander", [3250] = "marq_expedition", [3251] = "marq_athlete",
        [3258] = "descent_mk2", [3282] = "fr45", [3287] = "fenix6_s_sport", [3288] = "fenix6_s",
        [3289] = "fenix6_sport", [3290] = "fenix6", [3291] = "fenix6x", [3308] = "vivo_move3_premium",
        [3378] = "vivo_move3", [3405] = "swim2", [3466] = "instinct_solar", [3542] = "descent_mk2s",
        [3558] = "edge130_plus", [3570] = "edge1030_plus", [3589] = "fr745", [3596] = "venusq_music",
        [3599] = "venusq_music_v2", [3600] = "venusq", [3615] = "lily", [3624] = "marq_adventurer", [3638] = "enduro",
        [3652] = "fr945_lte", [3703] = "venu2", [3704] = "venu2s", [3739] = "marq_golfer", [3843] = "edge1040",
        [3851] = "venu2_plus", [3869] = "fr55", [3888] = "instinct2", [3889] = "instinct2s", [3905] = "fenix7s",
        [3906] = "fenix7", [3907] = "fenix7x", [3943] = "epix_gen2", [3982] = "vivo_move_sport",
        [3983] = "vivomove_trend", [3990] = "fr255_music", [3991] = "fr255_small_music", [3992] = "fr255",
        [3993] = "fr255_small", [4005] = "descent_g1", [4024] = "fr955", [4061] = "edge540", [4062] = "edge840",
        [4063] = "vivosmart5", [4105] = "marq_gen2", [4115] = "venusq2", [4116] = "venusq2music",
        [4124] = "marq_gen2_aviator", [4155] = "instinct_crossover", [4169] = "edge_explore2", [4222] = "descent_mk3",
        [4223] = "descent_mk3i", [4257] = "fr265_large", [4258] = "fr265_small", [4260] = "venu3", [4261] = "venu3s",
        [4312] = "epix_gen2_pro42", [4313] = "epix_gen2_pro47", [4314] = "epix_gen2_pro51", [4315] = "fr965",
        [4341] = "enduro2", [4374] = "fenix7s_pro_solar", [4375] = "fenix7_pro_solar", [4376] = "fenix7x_pro_solar",
        [4380] = "lily2", [4394] = "instinct2x", [4426] = "vivoactive5", [4432] = "fr165", [4433] = "fr165_music",
        [4440] = "edge1050", [4442] = "descent_t2", [4472] = "marq_gen2_commander", [4477] = "lily_athlete",
        [4532] = "fenix8_solar", [4533] = "fenix8_solar_large", [4534] = "fenix8_small", [4536] = "fenix8",
        [4565] = "fr970", [4570] = "fr570_large", [4574] = "fr570_small", [4575] = "enduro3",
        [4583] = "instinct_e40mm", [4584] = "instinct_e45mm", [4585] = "instinct3_solar45mm",
        [4586] = "instinct3_amoled45mm", [4587] = "instinct3_amoled50mm", [4588] = "descent_g2", [4603] = "venu_x1",
        [4625] = "vivoactive6", [4631] = "fenix8_pro", [4633] = "edge550", [4634] = "edge850", [4643] = "venu4",
        [4644] = "venu4s", [4655] = "edge_mtb", [4666] = "fenix_e", [4678] = "instinct_crossover_amoled",
        [4745] = "bounce2", [4759] = "instinct3_solar50mm", [4814] = "fr170_music", [4815] = "fr170",
        [4952] = "fenix9_pro43mm", [4953] = "fenix9_pro47mm", [4954] = "fenix9_pro51mm",
        [4955] = "fenix9_pro_solar47mm", [4956] = "fenix9_pro_solar51mm", [5133] = "fenix943mm", [5134] = "fenix9",
    }.ToFrozenDictionary();

    /// <summary>"manufacturer product", the product name the file gives, or null when file_id names no maker.</summary>
    public static string? Describe(ulong? manufacturer, ulong? product, string? productName)
    {
        if (manufacturer is not { } maker)
        {
            return string.IsNullOrWhiteSpace(productName) ? null : productName.Trim();
        }

        var makerName = Manufacturers.TryGetValue(maker, out var known)
            ? known
            : string.Create(CultureInfo.InvariantCulture, $"manufacturer {maker}");
        if (!string.IsNullOrWhiteSpace(productName))
        {
            return $"{makerName} {productName.Trim()}";
        }

        if (product is not { } number)
        {
            return makerName;
        }

        return GarminFamily.Contains(maker) && GarminProducts.TryGetValue(number, out var name)
            ? $"{makerName} {name}"
            : string.Create(CultureInfo.InvariantCulture, $"{makerName} product {number}");
    }
}
