import CompanyModel

/// Where a policy stops paying off: the value of one parameter at which the paired difference
/// (policy − baseline) of a metric crosses zero, found by bisection under common random numbers.
///
/// Every evaluation runs the same replications (same seeds) at a new parameter value, so the
/// difference is a smooth function of the value and bisection converges. The crossing of the
/// mean difference is the estimate; the crossings of the interval's bounds give its uncertainty:
/// between them the difference is not distinguishable from zero at the chosen confidence.
/// Assumes the difference crosses zero once in the range (monotone near the crossing).
public struct BreakEven: Sendable {
    public struct Evaluation: Sendable, Hashable {
        public var value: Double
        public var mean: Double
        public var lower: Double
        public var upper: Double
    }

    public enum Answer: Sendable {
        /// The mean difference crosses zero at `estimate`; the interval is where the confidence
        /// interval of the difference contains zero (an end is nil when that happens up to the
        /// end of the range).
        case crossing(estimate: Double, low: Double?, high: Double?)
        case noCrossing(atLow: Evaluation, atHigh: Evaluation)
    }

    public enum Method: String, Sendable {
        /// Repeated experiments at new parameter values.
        case bisection
        /// One experiment with outcome branches: the difference is linear in an outcome's
        /// probability, so its zero and Fieller interval follow without new simulation.
        case closedForm = "closed form"
    }

    public var answer: Answer
    public var evaluations: [Evaluation]
    public var method: Method = .bisection

    public enum Failure: Error, CustomStringConvertible {
        case plan(SweepPlan.Failure)
        case policy(CompanySimulation.Failure)
        case undefined(Double)
        /// A closed-form search that cannot be done, with the reason.
        case unsuitable(String)
        /// The stop request was honoured (Ctrl-C, SIGTERM).
        case interrupted
        public var description: String {
            switch self {
            case .interrupted: return "interrupted: the search was stopped before it ended; nothing is kept"
            case .plan(let failure): return failure.description
            case .policy(let failure): return failure.description
            case .undefined(let x): return "the metric's difference is undefined at \(x) (no replication defines it)"
            case .unsuitable(let reason): return reason
            }
        }
    }

    /// - Parameters: `integer` restricts the search to whole values (e.g. technicians.count).
    ///   A `path` that is an outcome probability of the compared policy's response
    ///   (`policies.P.response.leaves.probability`) is solved in closed form (`closedForm`)
    ///   unless `method` says bisection (which the tests use to check the closed form).
    public static func find(tree: JSONValue, fileName: String, path: ParameterPath, range: ClosedRange<Double>,
                            metric: Metric, policy: String, replications: Int, seed: UInt64, confidence: Double?, jobs: Int,
                            iterations: Int, integer: Bool, method: Method? = nil,
                            shouldStop: @escaping @Sendable () -> Bool = { false }) throws(Failure) -> BreakEven {
        if path.outcomeProbability != nil, method != .bisection {
            return try closedForm(tree: tree, fileName: fileName, path: path, range: range, metric: metric, policy: policy,
                                  replications: replications, seed: seed, confidence: confidence, jobs: jobs, shouldStop: shouldStop)
        }
        var cache: [Double: Evaluation] = [:]
        var order: [Evaluation] = []
        func evaluate(_ x: Double) throws(Failure) -> Evaluation {
            let value = integer ? x.rounded() : x
            if let known = cache[value] { return known }
            let plan: SweepPlan
            do {
                plan = try SweepPlan.make(tree: tree, fileName: fileName,
                                          parameters: [SweepParameter(path: path, values: [.number(value)])],
                                          design: .grid, samples: 0, seed: seed)
            } catch {
                throw .plan(error)
            }
            let scenario = plan.scenarios[0]
            let outcome = try experiment(scenario, policy: policy, replications: replications, seed: seed, confidence: confidence,
                                         jobs: jobs, shouldStop: shouldStop)
            let d = outcome.comparison(policy: 1, metric: metric).differences
            guard !d.mean.isNaN else { throw .undefined(value) }
            let evaluation = Evaluation(value: value, mean: d.mean, lower: d.lower.isNaN ? d.mean : d.lower,
                                        upper: d.upper.isNaN ? d.mean : d.upper)
            cache[value] = evaluation
            order.append(evaluation)
            return evaluation
        }
        /// Bisection on a sign change of `f` between a and b; nil if the signs agree.
        func crossing(_ f: (Evaluation) -> Double) throws(Failure) -> Double? {
            var a = range.lowerBound, b = range.upperBound
            var fa = f(try evaluate(a)), fb = f(try evaluate(b))
            if fa == 0 { return a }
            if fb == 0 { return b }
            guard (fa < 0) != (fb < 0) else { return nil }
            for _ in 0..<iterations {
                if integer && b - a <= 1 { break }
                let mid = integer ? ((a + b) / 2).rounded(.down) : (a + b) / 2
                let fm = f(try evaluate(mid))
                if fm == 0 { return mid }
                if (fm < 0) == (fa < 0) { a = mid; fa = fm } else { b = mid; fb = fm }
            }
            // Linear interpolation inside the last bracket (exact for a linear difference).
            let x = a + (b - a) * fa / (fa - fb)
            return integer ? x.rounded() : x
        }
        let low = try evaluate(range.lowerBound), high = try evaluate(range.upperBound)
        guard let estimate = try crossing({ $0.mean }) else {
            return BreakEven(answer: .noCrossing(atLow: low, atHigh: high), evaluations: order)
        }
        let a = try crossing({ $0.lower })
        let b = try crossing({ $0.upper })
        let bounds = [a, b].compactMap { $0 }
        let interval: (Double?, Double?)
        switch bounds.count {
        case 2: interval = (bounds.min(), bounds.max())
        case 1: interval = bounds[0] < estimate ? (bounds[0], nil) : (nil, bounds[0])
        default: interval = (nil, nil)
        }
        return BreakEven(answer: .crossing(estimate: estimate, low: interval.0, high: interval.1),
                         evaluations: order.sorted { $0.value < $1.value })
    }

    /// The break-even probability of one outcome of `policy`'s response, in closed form: one
    /// experiment with outcome branches at the declared probabilities, then
    /// `DecisionAnalysis.breakEven` (q* and its Fieller interval). The evaluations are D(q) on
    /// eleven points of the range, computed from the same branches (no new simulation). The
    /// interval is cut to the range.
    static func closedForm(tree: JSONValue, fileName: String, path: ParameterPath, range: ClosedRange<Double>, metric: Metric,
                           policy: String, replications: Int, seed: UInt64, confidence: Double?, jobs: Int,
                           shouldStop: @escaping @Sendable () -> Bool) throws(Failure) -> BreakEven {
        guard let (owner, outcomeName) = path.outcomeProbability else { preconditionFailure("not an outcome probability") }
        guard owner == policy else {
            throw .unsuitable("\(path) is the response to '\(ScenarioError.printable(owner))', but the search compares '\(ScenarioError.printable(policy))' with the baseline: vary policies.\(ScenarioError.printable(policy)).response.… or pass --policy \(ScenarioError.printable(owner))")
        }
        guard range.lowerBound >= 0, range.upperBound <= 1 else {
            throw .unsuitable("\(path) is a probability: search a range within 0:1 (got \(range.lowerBound):\(range.upperBound))")
        }
        let scenario: Scenario
        do { scenario = try ScenarioReader.decode(tree, fileName: fileName) } catch {
            throw .plan(.point(index: 0, values: [], error: error))
        }
        guard let response = scenario.policies[policy]?.response,
              let declared = response.outcomes.first(where: { $0.name == outcomeName }) else {
            throw .unsuitable("policy '\(ScenarioError.printable(policy))' declares no outcome '\(ScenarioError.printable(outcomeName))' in its response")
        }
        guard declared.probability > 0, declared.probability < 1 else {
            throw .unsuitable("the closed-form break-even of \(path) needs its declared probability strictly between 0 and 1 (it is \(declared.probability)), so that both this outcome and another are simulated: declare, say, 0.5 in the file")
        }
        let outcome = try experiment(scenario, policy: policy, replications: replications, seed: seed, confidence: confidence,
                                     jobs: jobs, shouldStop: shouldStop)
        guard metric.direction != .neutral, let analysis = outcome.decisionAnalysis(metric: metric) else {
            throw .unsuitable("\(metric.name) has no better direction, so it has no break-even; use a metric such as profit_eur")
        }
        guard analysis.replications >= 2 else { throw .undefined(declared.probability) }
        let breakEven = analysis.breakEven(policy: policy, outcome: outcomeName)
        let evaluations = (0...10).map { i -> Evaluation in
            let q = range.lowerBound + (range.upperBound - range.lowerBound) * Double(i) / 10
            let d = analysis.difference(policy: policy, outcome: outcomeName, probability: q)
            return Evaluation(value: q, mean: d.mean, lower: d.lower.isNaN ? d.mean : d.lower, upper: d.upper.isNaN ? d.mean : d.upper)
        }
        guard case .crossing(let q, _) = breakEven.answer, range.contains(q) else {
            return BreakEven(answer: .noCrossing(atLow: evaluations[0], atHigh: evaluations[10]), evaluations: evaluations,
                             method: .closedForm)
        }
        // Fieller's set within the range; the piece that holds q*.
        let (pieces, _) = breakEven.confidenceSet.clipped(to: range)
        let piece = pieces.first { $0.contains(q) }
        let low = piece.flatMap { $0.lowerBound > range.lowerBound ? $0.lowerBound : nil }
        let high = piece.flatMap { $0.upperBound < range.upperBound ? $0.upperBound : nil }
        return BreakEven(answer: .crossing(estimate: q, low: low, high: high), evaluations: evaluations, method: .closedForm)
    }

    /// One evaluation's experiment: the baseline and `policy` on the same replications.
    static func experiment(_ scenario: Scenario, policy: String, replications: Int, seed: UInt64, confidence: Double?, jobs: Int,
                           shouldStop: @escaping @Sendable () -> Bool) throws(Failure) -> ExperimentOutcome {
        let settings = ExperimentSettings(scenario: scenario, policies: [policy], replications: replications, seed: seed,
                                          confidence: confidence, jobs: jobs)
        do {
            return try Experiment.run(scenario: scenario, settings: settings, shouldStop: shouldStop)
        } catch {
            switch error {
            case .policy(let failure): throw .policy(failure)
            case .interrupted: throw .interrupted
            }
        }
    }
}
