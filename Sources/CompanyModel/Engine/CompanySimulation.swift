import SimulationKernel

/// The public entry point of the model: one scenario, one policy, one replication at a time.
///
/// ```swift
/// let model = try CompanySimulation(scenario: scenario, policy: "standard")
/// let result = model.run(replication: 0)
/// result[.profitEur]
/// ```
///
/// A value type with no shared state: replications can run on any thread, in any order, and
/// give the same numbers (each builds its streams from (seed, replication, stream id)).
public struct CompanySimulation: Sendable {
    public let scenario: Scenario
    public let policyName: String
    /// The run's working calendar, built once here (its holiday and working-day tables cover
    /// the horizon plus a year: tens of thousands of days) and shared by every replication.
    let calendar: WorkingCalendar
    /// The office calendar of office-hour arrivals, nil for 24/7 arrivals (also built once).
    let officeHours: WorkingCalendar?

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unknownPolicy(String, known: [String])
        public var description: String {
            switch self {
            case .unknownPolicy(let name, let known):
                "unknown policy '\(ScenarioError.printable(name))'; the scenario has: \(known.map { ScenarioError.printable($0) }.joined(separator: ", "))"
                    + (Spelling.suggestion(for: name, among: known).map { ". Did you mean '\(ScenarioError.printable($0))'?" } ?? "")
            }
        }
    }

    /// The most clients one group can hold, new clients included (a client's streams are
    /// keyed by its ordinal in the group, and the keys are finite).
    public static var clientCapacity: Int { StreamLayout.maxClientsPerGroup }

    public init(scenario: Scenario, policy: String) throws(Failure) {
        guard scenario.policies[policy] != nil else {
            throw .unknownPolicy(policy, known: scenario.policyNames)
        }
        self.scenario = scenario
        self.policyName = policy
        calendar = scenario.calendar.workingCalendar(horizonDays: scenario.simulation.horizonDays) ?? .standard
        officeHours = scenario.calendar.officeCalendar(horizonDays: scenario.simulation.horizonDays)
    }

    /// The outcomes of the key client's response to this policy that can happen (positive
    /// probability), harshest first; empty when its terms are the baseline's (the baseline
    /// itself, or a policy that changes only operations). Each is a branch of a replication
    /// (`run(replication:outcome:)`).
    public var outcomes: [KeyClientOutcome] {
        scenario.responseOutcomes(policy: policyName)
    }

    /// Runs replication `replication` with the scenario's seed (or `seed`).
    public func run(replication: Int, seed: UInt64? = nil, timeseries: Bool = false, outcome: Int? = nil) -> ReplicationResult {
        // Never stopped, so there is always a result.
        run(replication: replication, seed: seed, timeseries: timeseries, outcome: outcome, shouldStop: { false })!
    }

    /// Runs replication `replication`, asking `shouldStop` every few thousand events; returns
    /// `nil` when it said yes before the end. Why inside the replication: a century with
    /// thousands of technicians takes minutes, and a scheduler's SIGTERM grace period (30 s
    /// under Slurm or Kubernetes) must not run out while it finishes.
    ///
    /// `outcome` (an index into ``outcomes``) forces the key client's response: the branch of
    /// the replication in which it responds so. The history before the decision day, and every
    /// random stream after it, are those of the unforced run; nil draws the outcome from the
    /// response's probabilities (the client's one uniform on the decision day).
    public func run(replication: Int, seed: UInt64? = nil, timeseries: Bool = false, outcome: Int? = nil,
                    shouldStop: () -> Bool) -> ReplicationResult? {
        var model = CompanyReplication(scenario: scenario, policy: policyName, seed: seed ?? scenario.simulation.seed,
                                       replication: replication, trace: false, timeseries: timeseries, outcome: outcome,
                                       calendar: calendar, officeHours: officeHours)
        return model.run(shouldStop: shouldStop)
    }

    /// Runs one replication and returns its event log as well.
    public func trace(replication: Int, seed: UInt64? = nil, outcome: Int? = nil) -> (result: ReplicationResult, log: [TraceRecord]) {
        var model = CompanyReplication(scenario: scenario, policy: policyName, seed: seed ?? scenario.simulation.seed,
                                       replication: replication, trace: true, timeseries: false, outcome: outcome,
                                       calendar: calendar, officeHours: officeHours)
        let result = model.run()!   // never asked to stop
        return (result, model.trace?.records ?? [])
    }
}
