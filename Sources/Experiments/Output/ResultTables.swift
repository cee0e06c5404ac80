import CompanyModel

/// The CSV files of results/README.md, as text, from the outcomes of one or more points.
///
/// One point per parameter combination of a sweep (a plain `run` has one point, 0, and no
/// parameter columns). Every file starts with one column per swept parameter, then `point`.
/// Summaries are computed from the per-replication values, exactly as a reader of
/// `replications.csv` would, so merging shards reproduces them bit for bit.
public struct ResultTables: Sendable {
    public struct Point: Sendable {
        public var index: Int
        /// Values of the swept parameters, as written in the CSV (same order as `parameterNames`).
        public var parameterValues: [String]
        public var outcome: ExperimentOutcome
        /// The replication number of each result (a shard holds only some); nil = 0, 1, 2, ….
        public var replicationNumbers: [Int]?

        public init(index: Int, parameterValues: [String], outcome: ExperimentOutcome, replicationNumbers: [Int]? = nil) {
            self.index = index
            self.parameterValues = parameterValues
            self.outcome = outcome
            self.replicationNumbers = replicationNumbers
        }

        func replicationNumber(_ position: Int) -> Int { replicationNumbers?[position] ?? position }
    }

    public var parameterNames: [String]
    public var points: [Point]

    public init(parameterNames: [String] = [], points: [Point]) {
        self.parameterNames = parameterNames
        self.points = points
    }

    func prefix(_ point: Point) -> [String] { point.parameterValues.map(CSVFormat.text) + [String(point.index)] }
    var prefixHeader: [String] { parameterNames.map(CSVFormat.text) + ["point"] }

    /// One row per (point, policy, replication): status, then every metric.
    public var replicationsCSV: String { replicationsCSV(shouldStop: { false })! }

    /// `replicationsCSV`, or nil when `shouldStop` (asked every 256 rows) says stop: a large
    /// sweep's files take seconds to render, and a stop request must not wait for them.
    public func replicationsCSV(shouldStop: () -> Bool) -> String? {
        var text = Self.replicationsHeader(parameterNames: parameterNames)
        for point in points {
            let outcome = point.outcome
            for (p, policy) in outcome.policies.enumerated() {
                for (r, result) in outcome.results[p].enumerated() {
                    if r % 256 == 0, shouldStop() { return nil }
                    text += Self.replicationRow(parameterValues: point.parameterValues, point: point.index, policy: policy,
                                                replication: point.replicationNumber(r), result: result)
                }
            }
        }
        return text
    }

    public static func replicationsHeader(parameterNames: [String]) -> String {
        CSVFormat.row(parameterNames.map(CSVFormat.text) + ["point", "policy", "replication", "status"] + Metric.allCases.map(\.name))
    }

    public static func replicationRow(parameterValues: [String], point: Int, policy: String, replication: Int,
                                      result: ReplicationResult) -> String {
        CSVFormat.row(parameterValues.map(CSVFormat.text) + [String(point), CSVFormat.text(policy), String(replication),
                                                              result.status.rawValue] + result.values.map(CSVFormat.number))
    }

    /// One row per (point, policy, replication, outcome): the outcome's name and probability,
    /// the status, then every metric of that branch.
    public func outcomesCSV(shouldStop: () -> Bool) -> String? {
        var text = Self.outcomesHeader(parameterNames: parameterNames)
        for point in points {
            let outcome = point.outcome
            for (p, policy) in outcome.policies.enumerated() {
                for (r, branches) in outcome.branches[p].enumerated() {
                    if r % 256 == 0, shouldStop() { return nil }
                    text += Self.outcomeRows(parameterValues: point.parameterValues, point: point.index, policy: policy,
                                             replication: point.replicationNumber(r), branches: branches)
                }
            }
        }
        return text
    }

    public static func outcomesHeader(parameterNames: [String]) -> String {
        CSVFormat.row(parameterNames.map(CSVFormat.text) + ["point", "policy", "replication", "outcome", "probability", "status"]
            + Metric.allCases.map(\.name))
    }

    public static func outcomeRows(parameterValues: [String], point: Int, policy: String, replication: Int,
                                   branches: [OutcomeBranch]) -> String {
        var text = ""
        for branch in branches {
            text += CSVFormat.row(parameterValues.map(CSVFormat.text) + [String(point), CSVFormat.text(policy), String(replication),
                                                                         CSVFormat.text(branch.name), CSVFormat.number(branch.probability),
                                                                         branch.result.status.rawValue]
                + branch.result.values.map(CSVFormat.number))
        }
        return text
    }

    public static func timeseriesHeader(parameterNames: [String]) -> String {
        CSVFormat.row(parameterNames.map(CSVFormat.text) + ["point", "policy", "replication", "week", "backlog_orders",
                                                            "overtime_hours", "absent_technicians", "active_clients",
                                                            "revenue_eur", "mean_stress"])
    }

    public static func timeseriesRows(parameterValues: [String], point: Int, policy: String, replication: Int,
                                      result: ReplicationResult) -> String {
        var text = ""
        for week in result.weeks {
            text += CSVFormat.row(parameterValues.map(CSVFormat.text) + [String(point), CSVFormat.text(policy), String(replication),
                                                                         String(week.week)]
                + [week.backlogOrders, week.overtimeHours, week.absentTechnicians, week.activeClients,
                   week.revenueEur, week.meanStress].map(CSVFormat.number))
        }
        return text
    }

    /// Tidy: one row per (point, policy, metric) with n, mean, sd, the interval and percentiles.
    public var summaryCSV: String {
        var text = CSVFormat.row(prefixHeader + ["policy", "metric", "n", "mean", "sd", "ci_low", "ci_high", "p5", "p50", "p95"])
        for point in points {
            let outcome = point.outcome
            for (p, policy) in outcome.policies.enumerated() {
                for metric in Metric.allCases {
                    let values = outcome.values(policy: p, metric: metric)
                    let s = outcome.summary(policy: p, metric: metric)
                    text += CSVFormat.row(prefix(point) + [CSVFormat.text(policy), metric.name, String(s.n)]
                        + [s.mean, s.standardDeviation, s.lower, s.upper,
                           percentile(values, 0.05), percentile(values, 0.5), percentile(values, 0.95)].map(CSVFormat.number))
                }
            }
        }
        return text
    }

    /// Tidy: one row per (point, policy ≠ baseline, outcome, metric): the paired difference
    /// against the baseline and its interval; the shares of replications in which the policy
    /// did better, exactly as well, and worse; the downside (`DownsideRisk`: probability of
    /// doing worse, mean of the worst 10 %, quantiles of the difference, with intervals, the
    /// last two for money metrics only); the replications left out as runaways; the verdict.
    /// `outcome` is `all` for the outcome-weighted values (the downside over every outcome
    /// with its probability), then each outcome of the key client's response (conditional on it).
    public var comparisonCSV: String {
        var header = prefixHeader + ["policy", "baseline", "outcome", "metric", "n", "mean_diff", "ci_low", "ci_high",
                                     "share_better", "share_tied", "share_worse", "prob_worse", "prob_worse_ci_low", "prob_worse_ci_high",
                                     "shortfall_p10", "shortfall_p10_ci_low", "shortfall_p10_ci_high"]
        for q in DownsideRisk.quantileLevels {
            let name = "diff_p\(Int((q * 100).rounded()))"
            header += [name, name + "_ci_low", name + "_ci_high"]
        }
        var text = CSVFormat.row(header + ["runaways_excluded", "verdict"])
        for point in points {
            let outcome = point.outcome
            for p in outcome.policies.indices.dropFirst() {
                let names = outcome.outcomeNames(policy: p)
                let conditional = names == [KeyClientOutcome.statusQuoName] ? [] : names
                for name in ["all"] + conditional {
                    for metric in Metric.allCases {
                        let c = name == "all" ? outcome.comparison(policy: p, metric: metric)
                            : outcome.comparison(policy: p, outcome: name, metric: metric)
                        let risk = outcome.risk(policy: p, outcome: name == "all" ? nil : name, metric: metric)
                        let d = c.differences
                        var numbers = [d.mean, d.lower, d.upper, c.shareBetter, c.shareTied, c.shareWorse]
                        for e in [risk?.probabilityWorse, risk?.shortfall] + (risk?.quantiles.map(Optional.some)
                                                                               ?? DownsideRisk.quantileLevels.map { _ in nil }) {
                            numbers += [e?.value ?? .nan, e?.lower ?? .nan, e?.upper ?? .nan]
                        }
                        text += CSVFormat.row(prefix(point) + [CSVFormat.text(outcome.policies[p]), CSVFormat.text(outcome.baseline),
                                                               CSVFormat.text(name), metric.name, String(d.n)]
                            + numbers.map(CSVFormat.number) + [String(c.excludedRunaways), c.verdict.rawValue])
                    }
                }
            }
        }
        return text
    }

    /// Tidy: per point, the decision figures (`DecisionFigures`): `figure`, the policy and
    /// outcome it concerns, its value with an interval, and a note.
    public var decisionCSV: String {
        var text = CSVFormat.row(prefixHeader + ["figure", "policy", "outcome", "value", "ci_low", "ci_high", "note"])
        for point in points {
            for row in DecisionFigures(point.outcome).rows {
                text += CSVFormat.row(prefix(point) + [row.figure, CSVFormat.text(row.policy), CSVFormat.text(row.outcome)]
                    + [row.value, row.ciLow, row.ciHigh].map(CSVFormat.number) + [CSVFormat.text(row.note)])
            }
        }
        return text
    }

    /// Weekly series, when the replications recorded them.
    public var timeseriesCSV: String { timeseriesCSV(shouldStop: { false })! }

    /// `timeseriesCSV`, or nil when `shouldStop` (asked every 16 replications) says stop.
    public func timeseriesCSV(shouldStop: () -> Bool) -> String? {
        var text = Self.timeseriesHeader(parameterNames: parameterNames)
        for point in points {
            let outcome = point.outcome
            for (p, policy) in outcome.policies.enumerated() {
                for (r, result) in outcome.results[p].enumerated() {
                    if r % 16 == 0, shouldStop() { return nil }
                    text += Self.timeseriesRows(parameterValues: point.parameterValues, point: point.index, policy: policy,
                                                replication: point.replicationNumber(r), result: result)
                }
            }
        }
        return text
    }
}
