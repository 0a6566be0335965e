using Wearables.Twins.Ingest.Durability;

namespace Wearables.Twins.Ingest.Tests.Durability;

public sealed class ApplyTrackerTests
{
    [Fact]
    public void SafePositionIsTheEndWhenNothingIsInFlight()
    {
        var tracker = new ApplyTracker();

        Assert.Equal(4096, tracker.SafePosition(() => 4096));
    }

    [Fact]
    public void SafePositionIsTheLowestInFlightBound()
    {
        var tracker = new ApplyTracker();
        var second = tracker.BeginAppend(250);
        var first = tracker.BeginAppend(100);
        tracker.BeginAppend(400);

        Assert.Equal(100, first);
        Assert.Equal(250, second);
        Assert.Equal(100, tracker.SafePosition(() => 900));
    }

    [Fact]
    public void SafePositionAdvancesAsAppendsEnd()
    {
        var tracker = new ApplyTracker();
        var a = tracker.BeginAppend(100);
        var b = tracker.BeginAppend(250);

        tracker.EndAppend(b, "w2", 0);
        Assert.Equal(100, tracker.SafePosition(() => 900));

        tracker.EndAppend(a, "w1", 0);
        Assert.Equal(900, tracker.SafePosition(() => 900));
    }

    [Fact]
    public void AppendsThatShareABoundHoldItUntilTheLastEnds()
    {
        var tracker = new ApplyTracker();
        var a = tracker.BeginAppend(100);
        var b = tracker.BeginAppend(100);

        tracker.EndAppend(a, null, 0);
        Assert.Equal(100, tracker.SafePosition(() => 500));

        tracker.EndAppend(b, null, 0);
        Assert.Equal(500, tracker.SafePosition(() => 500));
    }

    [Fact]
    public void SafePositionNeverPassesTheCurrentEnd()
    {
        var tracker = new ApplyTracker();
        tracker.BeginAppend(300);

        Assert.Equal(200, tracker.SafePosition(() => 200));
    }

    [Fact]
    public void TakeTouchedReturnsEachWearableOnceAndClears()
    {
        var tracker = new ApplyTracker();
        tracker.EndAppend(tracker.BeginAppend(0), "w1", 0);
        tracker.EndAppend(tracker.BeginAppend(10), "w2", 0);
        tracker.EndAppend(tracker.BeginAppend(20), "w1", 0);
        tracker.EndAppend(tracker.BeginAppend(30), null, 0);

        var touched = tracker.TakeTouched().Touched.Keys;

        Assert.Equal(["w1", "w2"], touched.Order(StringComparer.Ordinal));
        Assert.Empty(tracker.TakeTouched().Touched);
    }

    [Fact]
    public void TouchedAfterATakeAppearsInTheNextTake()
    {
        var tracker = new ApplyTracker();
        tracker.EndAppend(tracker.BeginAppend(0), "w1", 0);
        _ = tracker.TakeTouched();

        tracker.EndAppend(tracker.BeginAppend(10), "w2", 0);

        Assert.Equal(["w2"], tracker.TakeTouched().Touched.Keys);
    }

    [Fact]
    public void RetouchPutsWearablesBackForTheNextTake()
    {
        var tracker = new ApplyTracker();
        tracker.EndAppend(tracker.BeginAppend(0), "w1", 0);
        tracker.EndAppend(tracker.BeginAppend(10), "w2", 0);
        var taken = tracker.TakeTouched().Touched;

        tracker.Retouch(taken);

        Assert.Equal(["w1", "w2"], tracker.TakeTouched().Touched.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(tracker.TakeTouched().Touched);
    }

    [Fact]
    public void RetouchMergesWithWearablesTouchedMeanwhile()
    {
        var tracker = new ApplyTracker();
        tracker.EndAppend(tracker.BeginAppend(0), "w1", 0);
        var taken = tracker.TakeTouched().Touched;
        tracker.EndAppend(tracker.BeginAppend(10), "w1", 0);
        tracker.EndAppend(tracker.BeginAppend(20), "w3", 0);

        tracker.Retouch(taken);

        Assert.Equal(["w1", "w3"], tracker.TakeTouched().Touched.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WearableIdsAreCaseSensitive()
    {
        var tracker = new ApplyTracker();
        tracker.Touch("Watch", 0);
        tracker.Touch("watch", 0);

        Assert.Equal(2, tracker.TakeTouched().Touched.Count);
    }

    [Fact]
    public void TwoIncarnationsForOneWearableMeanSamplesWereLost()
    {
        var tracker = new ApplyTracker();
        tracker.EndAppend(tracker.BeginAppend(0), "w1", 41);
        tracker.EndAppend(tracker.BeginAppend(10), "w1", 41);
        Assert.False(tracker.TakeTouched().IncarnationChanged);

        tracker.EndAppend(tracker.BeginAppend(20), "w1", 41);
        tracker.EndAppend(tracker.BeginAppend(30), "w1", 42);

        var (touched, changed) = tracker.TakeTouched();
        Assert.True(changed);
        Assert.Equal(41, touched["w1"]);
        Assert.False(tracker.TakeTouched().IncarnationChanged);
    }

    [Fact]
    public void AnUnknownIncarnationTakesTheFirstKnownOne()
    {
        var tracker = new ApplyTracker();
        tracker.Touch("w1", 0);
        tracker.EndAppend(tracker.BeginAppend(0), "w1", 7);

        var (touched, changed) = tracker.TakeTouched();
        Assert.False(changed);
        Assert.Equal(7, touched["w1"]);
    }
}
