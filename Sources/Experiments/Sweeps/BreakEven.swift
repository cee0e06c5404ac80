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

    public var answer: Answer
    public var evaluations: [Evaluation]

    public enum Failure: Error, CustomStringConvertible {
        case plan(SweepPlan.Failure)
        case policy(CompanySimulation.Failure)
        case undefined(Double)
        /// The stop request was honoured (Ctrl-C, SIGTERM).
        case interrupted
        public var description: String {
            switch self {
            case .interrupted: return "interrupted: the search was stopped before it ended; nothing is kept"
            case .plan(let failure): return failure.description
            case .policy(let failure): return failure.description
            case .undefined(let x): return "the metric's difference is undefined at \(x) (no replication defines it)"
            }
        }
    }

    /// - Parameters: `integer` restricts the search to whole values (e.g. technicians.count).
    public static func find(tree: JSONValue, fileName: String, path: ParameterPath, range: ClosedRange<Double>,
                            metric: Metric, policy: String, replications: Int, seed: UInt64, confidence: Double?, jobs: Int,
                            iterations: Int, integer: Bool,
                            shouldStop: @escaping @Sendable () -> Bool = { false }) throws(Failure) -> BreakEven {
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
            let settings = ExperimentSettings(scenario: scenario, policies: [policy], replications: replications, seed: seed,
                                              confidence: confidence, jobs: jobs)
            let outcome: ExperimentOutcome
            do {
                outcome = try Experiment.run(scenario: scenario, settings: settings, shouldStop: shouldStop)
            } catch {
                switch error {
                case .policy(let failure): throw .policy(failure)
                case .interrupted: throw .interrupted
                }
            }
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
}
