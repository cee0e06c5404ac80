import CompanyModel

/// One configuration of the model whose behaviour theory predicts, and the predictions.
///
/// A case is plain data: the scenario (as `ScenarioReader` read it, possibly adjusted in code),
/// and a list of checks, each a theoretical value and the per-replication quantity that should
/// estimate it. `ValidationSuite.standardCases` builds the shipped list; callers may alter it
/// (drop cases, change a theoretical value) before `ValidationSuite.run` — a test does exactly
/// that to prove that a wrong theory makes the validation fail.
public struct ValidationCase: Sendable {
    /// Short name shown in the report, e.g. "mmc-fifo".
    public var name: String
    /// The queueing model or process the scenario reduces to, e.g. "M/M/3 FIFO (Erlang C)".
    public var model: String
    /// Where the scenario comes from, and what was changed in code, for the report.
    public var source: String
    /// The scenario run through `CompanySimulation`, baseline policy, exactly as `run` would.
    public var scenario: Scenario
    public var checks: [ValidationCheck]

    public init(name: String, model: String, source: String, scenario: Scenario, checks: [ValidationCheck]) {
        self.name = name
        self.model = model
        self.source = source
        self.scenario = scenario
        self.checks = checks
    }

    /// Hours from the decision day (start of measurement) to the horizon.
    public var windowHours: Double {
        (scenario.simulation.horizonDays - scenario.simulation.effectiveDecisionDay) * 24
    }
}

/// One theoretical value and the per-replication observation whose mean should equal it.
public struct ValidationCheck: Sendable, Hashable {
    /// What is compared, with its unit, e.g. "key wait Wq (h)".
    public var quantity: String
    /// The theoretical value (from `QueueingTheory` or `HazardTheory`, computed from the
    /// scenario's parameters).
    public var theory: Double
    /// The formula that gave `theory`, for the report.
    public var formula: String
    public var observable: ValidationObservable

    public init(quantity: String, theory: Double, formula: String, observable: ValidationObservable) {
        self.quantity = quantity
        self.theory = theory
        self.formula = formula
        self.observable = observable
    }
}

/// How one replication's result gives one observation of a check's quantity.
public enum ValidationObservable: Sendable, Hashable {
    /// The metric as the model reports it.
    case metric(Metric)
    /// Little's law residual L − λ̂·W̄ (orders), expected 0: L = `meanBacklogOrders` (time
    /// average over the window), λ̂ = `throughputOrders` / `windowHours`, and W̄ the overall mean
    /// time in system, `keyShare`·`keyMeanFlowHours` + (1 − `keyShare`)·`otherMeanFlowHours`.
    /// The model reports flow times per class but not deliveries per class, so the classes are
    /// weighted by their nominal shares of the arrival rate; the per-replication error this
    /// adds has mean ≈ 0 and lands in the interval's width.
    case littleResidual(keyShare: Double, windowHours: Double)

    /// The observation from one replication (NaN when undefined, e.g. no delivery).
    public func value(in result: ReplicationResult) -> Double {
        switch self {
        case .metric(let metric):
            return result[metric]
        case .littleResidual(let keyShare, let windowHours):
            let flow = switch keyShare {
            case 1: result[.keyMeanFlowHours]
            case 0: result[.otherMeanFlowHours]
            default: keyShare * result[.keyMeanFlowHours] + (1 - keyShare) * result[.otherMeanFlowHours]
            }
            return result[.meanBacklogOrders] - result[.throughputOrders] / windowHours * flow
        }
    }
}
