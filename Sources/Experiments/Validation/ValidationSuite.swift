import Foundation
import CompanyModel
import SimulationKernel

/// Why the validation cases could not be built.
public enum ValidationSetupError: Error, CustomStringConvertible, Sendable {
    /// A scenario file is missing or invalid.
    case scenario(ScenarioError)
    /// The directory of validation scenarios does not exist or holds no `.json5` file.
    case noScenarios(directory: String)
    /// A scenario (named by its file) does not reduce to a queue whose theory we know.
    case unsuitable(name: String, reason: String)

    public var description: String {
        switch self {
        case .scenario(let error): error.description
        case .noScenarios(let directory): "\(directory): no validation scenarios (*.json5) found"
        case .unsuitable(let name, let reason): "\(name): not a textbook reduction: \(reason)"
        }
    }
}

/// `bigclient validate`: the model, run through its ordinary scenario path (`ScenarioReader`,
/// `CompanySimulation`), against closed-form theory.
///
/// ```swift
/// var cases = try ValidationSuite.standardCases(directory: "scenarios/validation")
/// cases[0].checks[0].theory *= 1.5                     // a deliberately wrong theory…
/// let report = ValidationSuite.run(cases, replications: 30, seed: 1, jobs: 2)
/// report.failed                                        // …is caught: true
/// ```
///
/// Every theoretical value is computed from the scenario's own parameters (arrival rates,
/// moments of the work distribution, technicians, the baseline policy's priority rule) with
/// SimulationKernel's `QueueingTheory`, or with `HazardTheory` for churn and sick leave;
/// nothing is typed in.
public enum ValidationSuite {
    /// Family-wise error rate of a whole validation run (Bonferroni over all checks).
    public static let defaultAlpha = 0.01
    public static let defaultReplications = 30

    /// The churn check: every client leaves with this probability at each month end.
    public static let churnMonthlyProbability = 0.03
    /// The churn check's clients in the regular group (plus the key client).
    public static let churnRegularClients = 200
    /// The sick-leave check: base daily hazard h0 (no stress effect) and leave length in days.
    public static let sickBaseHazard = 0.01
    public static let sickLeaveDays = 5
    public static let sickTechnicians = 20
    /// Horizon of the churn and sick-leave cases before `horizonScale` (days; 24 month ends).
    public static let hazardHorizonDays = 740.0

    // MARK: - The shipped cases

    /// One queueing case per `.json5` file in `directory` (sorted by name), then the churn and
    /// sick-leave cases built in code from `mmc-fifo.json5` (or the first file).
    ///
    /// - Parameter horizonScale: multiplies every horizon and warm-up (1 = the files' own);
    ///   shorter runs give wider intervals, and the theory is recomputed for the new window.
    public static func standardCases(directory: String = "scenarios/validation",
                                     horizonScale: Double = 1) throws(ValidationSetupError) -> [ValidationCase] {
        precondition(horizonScale > 0 && horizonScale <= 1, "horizonScale must be in (0, 1]")
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
                .filter { $0.hasSuffix(".json5") }.sorted()
        } catch {
            throw .noScenarios(directory: directory)
        }
        guard !names.isEmpty else { throw .noScenarios(directory: directory) }
        var cases: [ValidationCase] = []
        var base: (scenario: Scenario, path: String)?
        for file in names {
            let path = (directory as NSString).appendingPathComponent(file)
            let scenario: Scenario
            do { scenario = try ScenarioReader.load(contentsOf: path) } catch { throw .scenario(error) }
            let name = String(file.dropLast(".json5".count))
            cases.append(try queueingCase(name: name, source: path, scenario: scaled(scenario, by: horizonScale)))
            if base == nil || file == "mmc-fifo.json5" { base = (scenario, path) }
        }
        if let base {
            cases.append(churnCase(from: base.scenario, source: base.path, horizonScale: horizonScale))
            cases.append(sickLeaveCase(from: base.scenario, source: base.path, horizonScale: horizonScale))
        }
        return cases
    }

    /// The scenario with its horizon and warm-up multiplied by `scale` (decision day = end of
    /// the warm-up).
    public static func scaled(_ scenario: Scenario, by scale: Double) -> Scenario {
        guard scale != 1 else { return scenario }
        var s = scenario
        s.simulation.horizonDays = scenario.simulation.horizonDays * scale
        s.simulation.warmupDays = scenario.simulation.warmupDays * scale
        s.simulation.decisionDay = scenario.simulation.decisionDay.map { $0 * scale }
        return s
    }

    // MARK: - Queueing reductions

    /// One class of the reduced queue: the key group, or all other groups pooled.
    struct QueueClass {
        var arrivalRate = 0.0              // per hour
        var meanService = 0.0              // hours
        var secondMoment = 0.0             // hours²
        var distributions: [Distribution] = []

        mutating func add(_ group: ClientGroup) {
            let rate = Double(group.count) * group.ordersPerWeek / 168
            guard rate > 0 else { return }
            let total = arrivalRate + rate
            let mean = group.workHours.mean
            meanService = (arrivalRate * meanService + rate * mean) / total
            secondMoment = (arrivalRate * secondMoment + rate * (group.workHours.variance + mean * mean)) / total
            arrivalRate = total
            distributions.append(group.workHours)
        }

        var priorityClass: QueueingTheory.PriorityClass {
            .init(arrivalRate: arrivalRate, meanService: meanService, secondMomentService: secondMoment)
        }
    }

    /// The textbook queue a scenario reduces to, its theory from `QueueingTheory`, and the
    /// checks: each class's mean wait and time in system, the mean number in system, the
    /// deliveries in the window, and Little's law.
    ///
    /// The two classes are the key-client group and all other groups pooled; c = technicians
    /// plus the baseline policy's extra technicians. Supported: FIFO (`keyClientTerms.priority` "none") with
    /// c = 1 (Pollaczek–Khinchine) or exponential work (Erlang C); non-preemptive priority with
    /// c = 1 (Cobham) or exponential work of one mean (Kleinrock's M/M/c priority formula);
    /// preemptive-resume priority with c = 1.
    public static func queueingCase(name: String, source: String, scenario: Scenario) throws(ValidationSetupError) -> ValidationCase {
        let policy = scenario.policies[scenario.baseline]!
        func require(_ condition: Bool, _ reason: String) throws(ValidationSetupError) {
            if !condition { throw .unsuitable(name: source, reason: reason) }
        }
        let t = scenario.technicians
        try require(scenario.calendar.mode == .continuous, "calendar.mode must be \"continuous\"")
        try require(t.sickLeave.baseDailyHazard == 0 && t.burnout.baseDailyHazard == 0 && t.resignation.baseDailyHazard == 0
                    && t.resignation.quitProbabilityPerAbuse == 0, "sick leave, burn-out and resignation must be off (hazards 0)")
        try require(scenario.clients.values.allSatisfy { $0.churn.baseMonthly == 0 && $0.churn.sensitivity == 0 },
                    "churn must be off (baseMonthly and sensitivity 0)")
        try require(scenario.newClients.baseRatePerMonth == 0, "newClients.baseRatePerMonth must be 0")
        try require(policy.overtimeTrigger == .never, "the baseline's overtimeTrigger must be \"never\"")
        try require(policy.discipline == .fifo, "the baseline's discipline must be \"fifo\"")
        try require(policy.keyClientTerms.meetingTechnicianHours == 0, "the baseline's keyClientTerms.meetingTechnicianHours must be 0")
        try require(!policy.keyClientTerms.acceptRush || scenario.clients.values.allSatisfy { ($0.keyClient?.rushFraction ?? 0) == 0 },
                    "rush orders must be off (keyClientTerms.acceptRush false, or rushFraction 0)")
        try require(policy.keyClientTerms.priority != .preemptive || policy.switchPenaltyHours == 0,
                    "preemptive resume needs switchPenaltyHours 0")

        var key = QueueClass(), other = QueueClass()
        for groupName in scenario.clientGroupNames {
            let group = scenario.clients[groupName]!
            if group.isKeyClient { key.add(group) } else { other.add(group) }
        }
        try require(key.arrivalRate > 0 && other.arrivalRate > 0, "needs orders from the key group and from the others")
        let c = t.count + policy.extraTechnicians
        let lambda = key.arrivalRate + other.arrivalRate
        let load = key.arrivalRate * key.meanService + other.arrivalRate * other.meanService
        try require(load < Double(c), "unstable: offered load \(load) ≥ \(c) technicians")

        let distributions = key.distributions + other.distributions
        let exponential = distributions.allSatisfy { (try? Distribution.exponential(mean: $0.mean)) == $0 }
        let oneMean = distributions.allSatisfy { $0.mean == distributions[0].mean }
        let service = distributions.allSatisfy { $0 == distributions[0] } ? kendall(distributions[0]) : "G"
        func format(_ x: Double) -> String { String(format: "%g", (x * 1e6).rounded() / 1e6) }
        let rates = "λ = \(format(key.arrivalRate)) + \(format(other.arrivalRate)) per hour"

        var waits: [Double]              // queue wait per class (key, other); NaN = not checked
        var flows: [Double]              // time in system per class
        var model: String
        var waitFormula: String, flowFormula = "Wq + E[S]"
        switch (policy.keyClientTerms.priority, c) {
        case (.none, 1):
            let wq = QueueingTheory.pollaczekKhinchineWait(arrivalRate: lambda, meanService: load / lambda,
                                                            secondMomentService: (key.arrivalRate * key.secondMoment + other.arrivalRate * other.secondMoment) / lambda)
            waits = [wq, wq]
            model = "M/\(service)/1 FIFO, \(rates)"
            waitFormula = "Pollaczek-Khinchine"
        case (.none, _):
            try require(exponential && oneMean, "FIFO with c > 1 needs exponential work of one mean (M/M/c)")
            let wq = QueueingTheory.mmcWait(servers: c, arrivalRate: lambda, serviceRate: 1 / distributions[0].mean)
            waits = [wq, wq]
            model = "M/M/\(c) FIFO, \(rates)"
            waitFormula = "Erlang C"
        case (.priority, 1):
            waits = QueueingTheory.mg1NonPreemptiveWaits([key.priorityClass, other.priorityClass])
            model = "M/\(service)/1 non-preemptive priority, \(rates)"
            waitFormula = "Cobham"
        case (.priority, _):
            try require(exponential && oneMean, "priority with c > 1 needs exponential work of one mean (M/M/c)")
            waits = QueueingTheory.mmcPriorityWaits(servers: c, arrivalRates: [key.arrivalRate, other.arrivalRate],
                                                    serviceRate: 1 / distributions[0].mean)
            model = "M/M/\(c) non-preemptive priority, \(rates)"
            waitFormula = "M/M/c priority"
        case (.preemptive, 1):
            // The key class never waits for a regular order: it is an M/G/1 queue of its own.
            let keyWait = QueueingTheory.pollaczekKhinchineWait(arrivalRate: key.arrivalRate, meanService: key.meanService,
                                                                 secondMomentService: key.secondMoment)
            waits = [keyWait, .nan]      // a regular order's wait for its first start has no simple closed form
            flows = QueueingTheory.mg1PreemptiveResumeSojourns([key.priorityClass, other.priorityClass])
            model = "M/\(service)/1 preemptive-resume priority, \(rates) — preemptive resume (key wait: P-K for the key class alone)"
            waitFormula = "P-K, key class alone"
            flowFormula = "preemptive resume"
            return assemble(name: name, model: model, source: source, scenario: scenario, key: key, other: other,
                            waits: waits, flows: flows, waitFormula: waitFormula, flowFormula: flowFormula)
        case (.preemptive, _):
            throw .unsuitable(name: source, reason: "preemptive priority is checked only with 1 technician")
        }
        flows = [waits[0] + key.meanService, waits[1] + other.meanService]
        return assemble(name: name, model: model + " — " + waitFormula, source: source, scenario: scenario, key: key, other: other,
                        waits: waits, flows: flows, waitFormula: waitFormula, flowFormula: flowFormula)
    }

    static func assemble(name: String, model: String, source: String, scenario: Scenario, key: QueueClass, other: QueueClass,
                         waits: [Double], flows: [Double], waitFormula: String, flowFormula: String) -> ValidationCase {
        let lambda = key.arrivalRate + other.arrivalRate
        let window = (scenario.simulation.horizonDays - scenario.simulation.effectiveDecisionDay) * 24
        var checks: [ValidationCheck] = []
        if !waits[0].isNaN { checks.append(.init(quantity: "key wait Wq (h)", theory: waits[0], formula: waitFormula, observable: .metric(.keyMeanWaitHours))) }
        if !waits[1].isNaN { checks.append(.init(quantity: "other wait Wq (h)", theory: waits[1], formula: waitFormula, observable: .metric(.otherMeanWaitHours))) }
        checks.append(.init(quantity: "key time in system T (h)", theory: flows[0], formula: flowFormula, observable: .metric(.keyMeanFlowHours)))
        checks.append(.init(quantity: "other time in system T (h)", theory: flows[1], formula: flowFormula, observable: .metric(.otherMeanFlowHours)))
        checks.append(.init(quantity: "mean number in system L", theory: key.arrivalRate * flows[0] + other.arrivalRate * flows[1],
                            formula: "Little: Σ λk·Tk", observable: .metric(.meanBacklogOrders)))
        checks.append(.init(quantity: "deliveries in window", theory: lambda * window,
                            formula: "λ × window", observable: .metric(.throughputOrders)))
        checks.append(.init(quantity: "Little L − λ̂·W̄ (orders)", theory: 0, formula: "Little's law",
                            observable: .littleResidual(keyShare: key.arrivalRate / lambda, windowHours: window)))
        let s = scenario.simulation
        let horizon = "\(formatDays(s.horizonDays)) days, measured after day \(formatDays(s.effectiveDecisionDay))"
        return ValidationCase(name: name, model: model, source: "\(source) (\(horizon))", scenario: scenario, checks: checks)
    }

    /// Kendall's letter for a work distribution: M, D, Ek, or G.
    static func kendall(_ d: Distribution) -> String {
        if (try? Distribution.exponential(mean: d.mean)) == d { return "M" }
        if (try? Distribution.constant(d.mean)) == d { return "D" }
        if d.variance > 0 {
            let k = Int((d.mean * d.mean / d.variance).rounded())
            if k >= 1, (try? Distribution.erlang(mean: d.mean, shape: k)) == d { return "E\(k)" }
        }
        return "G"
    }

    static func formatDays(_ days: Double) -> String {
        days == days.rounded() ? String(Int(days)) : String(format: "%.1f", days)
    }

    // MARK: - Churn and sick leave

    /// `base` with the lighter order stream the hazard checks need (a quarter of the rate:
    /// the queue only has to stay stable), its horizon, no warm-up (the window starts at 0,
    /// with every client active and every technician present) and new clients off.
    static func hazardBase(_ base: Scenario, horizonScale: Double) -> Scenario {
        var s = base
        for name in s.clients.keys { s.clients[name]!.ordersPerWeek *= 0.25 }
        s.simulation.horizonDays = max(61, (hazardHorizonDays * horizonScale).rounded())
        s.simulation.warmupDays = 0
        s.simulation.decisionDay = nil
        s.newClients.baseRatePerMonth = 0
        return s
    }

    /// Every client leaves with probability p at each month end (churn sensitivity 0, so
    /// satisfaction plays no part), no client joins: the clients lost over the m month ends of
    /// the window follow Binomial(N, 1 − (1 − p)^m).
    public static func churnCase(from base: Scenario, source: String, horizonScale: Double = 1) -> ValidationCase {
        var s = hazardBase(base, horizonScale: horizonScale)
        let p = churnMonthlyProbability
        for name in s.clients.keys {
            s.clients[name]!.churn.baseMonthly = p
            s.clients[name]!.churn.sensitivity = 0
            if !s.clients[name]!.isKeyClient {
                // Many small clients, same total order rate.
                let group = s.clients[name]!
                s.clients[name]!.ordersPerWeek = group.ordersPerWeek * Double(group.count) / Double(churnRegularClients)
                s.clients[name]!.count = churnRegularClients
            }
        }
        let clients = s.clients.values.reduce(0) { $0 + $1.count }
        // Month ends fall at k·730 h (k ≥ 1); the window is (0, horizon], ends included.
        let months = Int((s.simulation.horizonDays * 24 / (365.0 * 24 / 12)).rounded(.down))
        let expected = HazardTheory.expectedClientsLost(clients: clients, monthlyProbability: p, months: months)
        let check = ValidationCheck(quantity: "clients lost of \(clients)", theory: expected,
                                    formula: "N(1-(1-p)^m), m = \(months)", observable: .metric(.clientsLost))
        return ValidationCase(
            name: "churn", model: "geometric churn: monthly probability p = \(p), \(months) month ends, no new clients",
            source: "\(source), changed in code: churn base \(p), sensitivity 0, \(clients) clients, order rate × 0.25, \(formatDays(s.simulation.horizonDays)) days, no warm-up",
            scenario: s, checks: [check])
    }

    /// A constant daily sick-leave hazard (stress sensitivity 0; burn-out and resignation off)
    /// and leaves of exactly d days: episodes and days of absence over the window, from the
    /// exact alternating-renewal expectation (`HazardTheory.sickLeaveExpectations`).
    public static func sickLeaveCase(from base: Scenario, source: String, horizonScale: Double = 1) -> ValidationCase {
        var s = hazardBase(base, horizonScale: horizonScale)
        let d = sickLeaveDays
        s.technicians.count = sickTechnicians
        s.technicians.sickLeave = HazardSettings(baseDailyHazard: sickBaseHazard, stressSensitivity: 0,
                                                 durationDays: try! .constant(Double(d)))
        s.technicians.burnout.baseDailyHazard = 0
        s.technicians.resignation.baseDailyHazard = 0
        s.technicians.resignation.quitProbabilityPerAbuse = 0
        let h = HazardTheory.dailyProbability(baseHazard: sickBaseHazard)
        let nights = Int((s.simulation.horizonDays).rounded(.down))    // day ends at 24 h, 48 h, …, horizon
        let per = HazardTheory.sickLeaveExpectations(dailyProbability: h, leaveDays: d, dayEnds: nights)
        let n = Double(sickTechnicians)
        let stationary = HazardTheory.stationaryAbsentFraction(dailyProbability: h, leaveDays: d)
        return ValidationCase(
            name: "sick-leave",
            model: String(format: "alternating renewal: h = 1 − exp(−%g) = %.6f per present night, leaves of %d days; long-run absent share d·h/(1+d·h) = %.5f", sickBaseHazard, h, d, stationary),
            source: "\(source), changed in code: \(sickTechnicians) technicians, sick hazard \(sickBaseHazard)/day with stress sensitivity 0, leaves of \(d) days, burn-out and resignation 0, order rate × 0.25, \(formatDays(s.simulation.horizonDays)) days, no warm-up",
            scenario: s,
            checks: [
                ValidationCheck(quantity: "sick-leave episodes", theory: n * per.episodes,
                                formula: "renewal, exact over \(nights) nights", observable: .metric(.sickLeaveEpisodes)),
                ValidationCheck(quantity: "days of absence", theory: n * per.absentDays,
                                formula: "renewal, exact over \(nights) nights", observable: .metric(.absenceDays)),
            ])
    }
}
