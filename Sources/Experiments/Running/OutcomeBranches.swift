import CompanyModel

/// One branch of a replication: the key client's response outcome, its probability, and the
/// run in which the client responded so.
public struct OutcomeBranch: Sendable, Hashable {
    /// The outcome's name (`leaves`, `reducesVolume`, …), or `status-quo` for a policy the
    /// client does not respond to (the baseline's terms).
    public var name: String
    public var probability: Double
    public var result: ReplicationResult

    public init(name: String, probability: Double, result: ReplicationResult) {
        self.name = name
        self.probability = probability
        self.result = result
    }
}

/// How the key client's response enters a replication.
public enum OutcomeMode: String, Sendable, Hashable, Codable {
    /// Every outcome of positive probability is simulated on the same streams (conditional
    /// Monte Carlo); the replication's value is their probability-weighted mean. The default.
    case branches
    /// One outcome per replication, drawn from the response's probabilities
    /// (`--sample-outcomes`, for comparison).
    case sampled
}

extension CompanySimulation {
    /// Runs one replication of this policy takes: one per possible outcome with branches, else one.
    public func runsPerReplication(_ mode: OutcomeMode) -> Int {
        mode == .sampled ? 1 : max(1, outcomes.count)
    }

    /// The branches of replication `replication`: with `.branches`, one run per possible
    /// outcome (each forced, all on the replication's streams, so their history before the
    /// decision day is one and the same); with `.sampled`, or for a policy the client does not
    /// respond to, one run, the outcome drawn. Nil when `shouldStop` said stop.
    ///
    /// Why re-simulate the history rather than fork it: the history is the warm-up (an eighth
    /// of the default run), and a replication is a noncopyable value that is never copied;
    /// re-running it keeps the engine simple and makes "every branch shares its history" true
    /// by construction. A replication whose key client is gone by the decision day responds to
    /// nothing: its first branch is every branch, and the others are not simulated again.
    public func branches(replication: Int, seed: UInt64, timeseries: Bool, mode: OutcomeMode,
                         shouldStop: () -> Bool) -> [OutcomeBranch]? {
        let possible = outcomes
        if possible.isEmpty || mode == .sampled {
            guard let result = run(replication: replication, seed: seed, timeseries: timeseries, outcome: nil,
                                   shouldStop: shouldStop) else { return nil }
            let name = result.outcome.map { possible[$0].name } ?? KeyClientOutcome.statusQuoName
            return [OutcomeBranch(name: name, probability: 1, result: result)]
        }
        var branches: [OutcomeBranch] = []
        branches.reserveCapacity(possible.count)
        for (index, outcome) in possible.enumerated() {
            var result: ReplicationResult
            if let first = branches.first?.result, first[.keyClientPresent] == 0 {
                result = first
                result.outcome = index
            } else {
                guard let run = run(replication: replication, seed: seed, timeseries: timeseries, outcome: index,
                                    shouldStop: shouldStop) else { return nil }
                result = run
            }
            branches.append(OutcomeBranch(name: outcome.name, probability: outcome.probability, result: result))
        }
        return branches
    }
}

extension OutcomeBranch {
    /// The replication's value: every metric the probability-weighted mean over the branches.
    /// A metric undefined in some branch (a ratio with no delivery) is the weighted mean over
    /// the branches where it is defined, renormalised; undefined in all, it stays undefined.
    /// A runaway in any branch makes the replication a runaway. The weekly series, when
    /// recorded, is weighted week by week over the weeks every branch has.
    public static func weighted(_ branches: [OutcomeBranch]) -> ReplicationResult {
        if branches.count == 1 {
            var only = branches[0].result
            only.outcome = nil
            return only
        }
        let count = branches[0].result.values.count
        var values = [Double](repeating: .nan, count: count)
        for m in 0..<count {
            var sum = 0.0, weight = 0.0
            for branch in branches where branch.result.values[m].isFinite {
                sum += branch.probability * branch.result.values[m]
                weight += branch.probability
            }
            if weight > 0 { values[m] = sum / weight }
        }
        let status: ReplicationResult.Status = branches.contains { $0.result.status == .runaway } ? .runaway : .ok
        let weekCount = branches.map(\.result.weeks.count).min() ?? 0
        var weeks: [WeeklyRecord] = []
        weeks.reserveCapacity(weekCount)
        for w in 0..<weekCount {
            var record = WeeklyRecord(week: branches[0].result.weeks[w].week, backlogOrders: 0, overtimeHours: 0,
                                      absentTechnicians: 0, activeClients: 0, revenueEur: 0, meanStress: 0)
            for branch in branches {
                let p = branch.probability, week = branch.result.weeks[w]
                record.backlogOrders += p * week.backlogOrders
                record.overtimeHours += p * week.overtimeHours
                record.absentTechnicians += p * week.absentTechnicians
                record.activeClients += p * week.activeClients
                record.revenueEur += p * week.revenueEur
                record.meanStress += p * week.meanStress
            }
            weeks.append(record)
        }
        return ReplicationResult(values: values, status: status, weeks: weeks)
    }
}
