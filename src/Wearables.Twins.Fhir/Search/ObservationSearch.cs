using System.Collections.Immutable;
using Hl7.Fhir.Model;
using Wearables.Twins.Fhir.Mapping;
using Wearables.Twins.Grains;
using Wearables.Twins.Vitals;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;
using Task = System.Threading.Tasks.Task;

namespace Wearables.Twins.Fhir.Search;

/// <summary>
/// Observation search and read over the patient twin's recent windows (one <see cref="IPatientGrain.GetVitalsAsync"/>
/// per vital asked for). Results are ordered by effective time, oldest first, then by vital; pages are cut from
/// that order, so new samples land on the last page.
/// </summary>
public sealed class ObservationSearch(IGrainFactory grains, TimeProvider time)
{
    /// <summary>
    /// The Device an Observation names: the twin does not keep the wearable per sample, so it is the patient's
    /// only wearable when there is exactly one (and its id is a FHIR id), and omitted otherwise.
    /// </summary>
    public static string? DeviceOf(PatientStatus? status)
        => status is { Wearables: [var only] } && FhirIds.IsValid(only) ? only : null;

    /// <param name="query">The parsed search.</param>
    /// <param name="baseUrl">FHIR base for fullUrl and links, e.g. <c>http://localhost:5080/fhir</c>.</param>
    public async Task<Bundle> SearchAsync(ObservationQuery query, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(query);
        var patient = grains.GetGrain<IPatientGrain>(query.PatientId);
        var status = await patient.GetStatusAsync();
        var matches = new List<VitalSample>();
        if (status is not null)
        {
            var windows = await Task.WhenAll(query.Vitals.Select(vital => FetchAsync(patient, vital, query.Dates)));
            foreach (var window in windows)
            {
                matches.AddRange(window.Where(s => query.Dates.All(d => d.Matches(s))));
            }
        }

        matches.Sort(static (a, b) =>
        {
            var byTime = a.Time.UtcTicks.CompareTo(b.Time.UtcTicks);
            if (byTime != 0)
            {
                return byTime;
            }

            var byVital = a.Type.Id.CompareTo(b.Type.Id);
            return byVital != 0 ? byVital : Nullable.Compare(a.End, b.End);
        });

        var device = DeviceOf(status);
        var bundle = new Bundle
        {
            Id = Guid.NewGuid().ToString("N"),
            Meta = new Meta { LastUpdated = time.GetUtcNow() },
            Type = Bundle.BundleType.Searchset,
            Total = matches.Count,
        };

        var lastPage = query.Count == 0 ? 1 : Math.Max(1, (matches.Count + query.Count - 1) / query.Count);
        var self = $"{baseUrl}/Observation{query.ToQueryString(query.Page)}";
        bundle.Link.Add(new Bundle.LinkComponent { Relation = "self", Url = self });
        if (query.Count > 0)
        {
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "first", Url = $"{baseUrl}/Observation{query.ToQueryString(1)}" });
            if (query.Page > 1)
            {
                bundle.Link.Add(new Bundle.LinkComponent
                {
                    Relation = "previous", Url = $"{baseUrl}/Observation{query.ToQueryString(Math.Min(query.Page - 1, lastPage))}",
                });
            }

            if (query.Page < lastPage)
            {
                bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = $"{baseUrl}/Observation{query.ToQueryString(query.Page + 1)}" });
            }

            bundle.Link.Add(new Bundle.LinkComponent { Relation = "last", Url = $"{baseUrl}/Observation{query.ToQueryString(lastPage)}" });
        }

        var skip = (long)(query.Page - 1) * query.Count;
        foreach (var sample in matches.Skip((int)Math.Min(skip, int.MaxValue)).Take(query.Count))
        {
            var observation = VitalObservationMapper.ToObservation(query.PatientId, sample, device);
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"{baseUrl}/Observation/{observation.Id}",
                Resource = observation,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        }

        if (query.UnknownCodes.Count > 0)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                Resource = Outcomes.Warning(new FhirIssue(200, IssueType.NotFound, FhirReasons.UnknownCode,
                    $"code {string.Join(", ", query.UnknownCodes)} names no vital this server holds, so it matches nothing.")),
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Outcome },
            });
        }

        return bundle;
    }

    /// <summary>The Observation with this id, or null when its patient's recent window does not hold it.</summary>
    public async Task<Observation?> ReadAsync(ObservationKey key)
    {
        var patient = grains.GetGrain<IPatientGrain>(key.PatientId);
        var samples = await patient.GetVitalsAsync(key.Type, key.Start, key.Start.AddTicks(1));
        foreach (var sample in samples)
        {
            if (key.Matches(sample))
            {
                return VitalObservationMapper.ToObservation(key.PatientId, sample, DeviceOf(await patient.GetStatusAsync()));
            }
        }

        return null;
    }

    private static async Task<ImmutableArray<VitalSample>> FetchAsync(IPatientGrain patient, VitalDefinition vital, IReadOnlyList<DateFilter> dates)
    {
        var from = DateTimeOffset.MinValue;
        var to = DateTimeOffset.MaxValue;
        foreach (var date in dates)
        {
            var (lower, upper) = date.StartRange(instantsOnly: !vital.AcceptsEnd);
            from = lower > from ? lower : from;
            to = upper < to ? upper : to;
        }

        return from < to ? await patient.GetVitalsAsync(vital.Type, from, to) : [];
    }
}
