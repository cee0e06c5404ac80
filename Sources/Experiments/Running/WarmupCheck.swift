import Foundation
import CompanyModel

/// Whether the company has settled by the decision day: what `check` reports and `run` says
/// once before its replications, about the start of the scenario.
///
/// Why: every replication starts from the scenario's starting state, by default an empty,
/// calm company (no backlog, no stress, satisfied clients). The decision day must come late
/// enough that the status quo has reached its usual level, or the measured window begins in a
/// transient that flatters (or darkens) every policy alike — and the decision itself lands on
/// a company that does not yet exist. A scenario that gives a `startingState` says where the
/// company stands; one that does not relies on the warm-up, which is checked here.
///
/// The check: a pilot of at most ``pilotReplications`` replications of the baseline (the
/// scenario's seed, replications 0, 1, …, the whole horizon, weekly series on), run through
/// the same `Experiment` and `ReplicationScheduler` as everything else; the weekly mean stress
/// and the weekly backlog (mean orders in the system) averaged over the pilot's replications;
/// MSER-5 (``MSER``) on each averaged series. The series is the whole horizon's, not only the
/// weeks up to the decision day: a truncation point can only come out later than the decision
/// day if the series runs past it, and after the decision day the baseline simply continues,
/// so the series is still the status quo's. The warm-up is adequate when both truncation points
/// are at or before the decision day's week.
///
/// Skipped (with a reason) when the horizon has fewer than 10 weeks (two batches of 5), or
/// when the pilot would cost more than ``budgetCoreSeconds`` by the `WorkEstimate`, so that
/// `check` stays quick on enormous scenarios.
public struct WarmupCheck: Sendable {
    /// Replications of the pilot: enough that the averaged series shows the level, few enough
    /// that `check` stays interactive.
    public static let pilotReplications = 10
    /// The largest pilot run, in estimated core-seconds (`WorkEstimate`): about a second of
    /// wall time on two cores for a release build.
    public static let budgetCoreSeconds = 3.0

    public enum Finding: Sendable, Hashable {
        /// The scenario gives a starting state; no warm-up is needed to reach one.
        case startingStateGiven(StartingState)
        /// Not checked, and why.
        case skipped(String)
        /// The pilot ran: MSER-5's truncation of each series, in weeks.
        case checked(Pilot)
    }

    public struct Pilot: Sendable, Hashable {
        public var replications: Int
        public var stress: MSER.Truncation
        public var backlog: MSER.Truncation
        /// The decision day's week: the weeks before it are the warm-up.
        public var decisionWeeks: Double
        /// Pilot replications in which the key client was gone before the decision day.
        public var keyClientAbsent: Int
        /// Pilot replications that stopped as runaways (their series are shorter).
        public var runaways: Int

        /// Whether both series settle by the decision day and have a stable level.
        public var isAdequate: Bool {
            !stress.reachedLimit && !backlog.reachedLimit
                && Double(max(stress.observations, backlog.observations)) <= decisionWeeks + 1e-9
        }
    }

    public var finding: Finding

    /// Runs the check on `scenario` (the pilot on `jobs` threads). Nil when `shouldStop` said
    /// yes during the pilot.
    public static func run(scenario: Scenario, jobs: Int = 1,
                           shouldStop: @escaping @Sendable () -> Bool = { false }) -> WarmupCheck? {
        if !scenario.startingState.isEmptyAndCalm { return WarmupCheck(finding: .startingStateGiven(scenario.startingState)) }
        let weeks = Int(scenario.simulation.horizonDays / 7)
        guard weeks >= 2 * MSER.batchSize else {
            return WarmupCheck(finding: .skipped("the horizon has \(weeks) whole weeks, fewer than the 10 MSER-5 needs"))
        }
        let replications = min(pilotReplications, scenario.simulation.replications)
        let estimate = WorkEstimate(scenarios: [scenario], policies: [scenario.baseline], replications: replications, timeseries: true)
        guard estimate.coreSeconds <= budgetCoreSeconds else {
            return WarmupCheck(finding: .skipped(String(format: "a %d-replication pilot would take about %.0f core-seconds; "
                                                        + "look at 'bigclient run --timeseries' output instead", replications,
                                                        estimate.coreSeconds)))
        }
        let settings = ExperimentSettings(scenario: scenario, policies: [scenario.baseline], replications: replications,
                                          seed: scenario.simulation.seed, jobs: jobs, timeseries: true)
        guard let outcome = try? Experiment.run(scenario: scenario, settings: settings, shouldStop: shouldStop) else { return nil }
        let results = outcome.results[0]
        let stress = averaged(results.map { $0.weeks.map(\.meanStress) })
        let backlog = averaged(results.map { $0.weeks.map(\.backlogOrders) })
        guard let stressCut = MSER.truncation(of: stress), let backlogCut = MSER.truncation(of: backlog) else {
            return WarmupCheck(finding: .skipped("the pilot's weekly series are too short or undefined (runaway replications?)"))
        }
        return WarmupCheck(finding: .checked(Pilot(
            replications: replications, stress: stressCut, backlog: backlogCut,
            decisionWeeks: scenario.simulation.effectiveDecisionDay / 7,
            keyClientAbsent: scenario.keyClientGroupName == nil ? 0 : outcome.keyClientAbsentCount,
            runaways: results.filter { $0.status == .runaway }.count)))
    }

    /// The mean over replications of each week, over the replications that have that week
    /// (a runaway stops early) and a defined value there (mean stress is undefined in a week
    /// without staff); the series ends at the first week none has.
    static func averaged(_ series: [[Double]]) -> [Double] {
        let length = series.map(\.count).max() ?? 0
        var result: [Double] = []
        result.reserveCapacity(length)
        for week in 0..<length {
            var sum = 0.0, count = 0
            for s in series where week < s.count && s[week].isFinite {
                sum += s[week]
                count += 1
            }
            guard count > 0 else { break }
            result.append(sum / Double(count))
        }
        return result
    }
}
