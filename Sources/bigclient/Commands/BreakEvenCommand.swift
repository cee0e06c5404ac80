import Foundation
import CompanyModel
import Experiments
import SimulationKernel

/// `bigclient breakeven`: the value of one parameter at which a policy stops paying off.
enum BreakEvenCommand {
    static let spec = CommandSpec(
        name: "breakeven",
        summary: "Find the value of one parameter at which a policy's difference in a metric crosses zero (closed form for an outcome probability of the key client's response, bisection under common random numbers otherwise); write breakeven.csv.",
        positionals: [("SCENARIO", "scenario file (JSON5)")],
        options: [
            .init(name: "--vary", valueName: "PATH=LO:HI", help: "the field and the range to search"),
            .init(name: "--metric", valueName: "M", help: "metric, e.g. profit_eur"),
            .init(name: "--policy", valueName: "P", help: "policy compared with the baseline (required when the scenario has more than one besides it); a swept field of another policy cannot move the answer, and is warned about"),
            .init(name: "--replications", valueName: "N", help: "replications per evaluation (default: the scenario's)"),
            .init(name: "--iterations", valueName: "K", help: "bisection steps (default 12)"),
            .init(name: "--out", valueName: "DIR", help: "directory for breakeven.csv (default: results/<scenario name>)"),
            ExperimentOptions.seedOption, ExperimentOptions.jobsOption, ExperimentOptions.confidenceOption,
            .init(name: "--csv-dialect", valueName: "D", help: "breakeven.csv: rfc4180 (',' and '.' decimals; default) or excel-eu (';' and ',' decimals)"),
        ] + ExperimentOptions.overrides.map(\.option) + [
            ConfirmHugeWork.option,
        ],
        flags: [
            .init(name: "--integer", help: "search whole values only (e.g. technicians.count)"),
            .init(name: "--yes", help: "run even when the estimated work exceeds an hour of CPU (or --confirm-above)"),
            .init(name: "--quiet", help: "no estimate note before a long search"),
        ])

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        let path = arguments.positionals[0]
        guard let varyText = arguments.value("--vary") else {
            throw CommandLineError.missingOption(command: "breakeven", option: "--vary", valueName: "PATH=LO:HI", reason: "the field to search, and its range")
        }
        guard let metric = try ExperimentOptions.metric(arguments) else {
            throw CommandLineError.missingOption(command: "breakeven", option: "--metric", valueName: "M", reason: "the metric whose difference crosses zero, e.g. profit_eur")
        }
        let parameter: SweepParameter
        do { parameter = try SweepParameter(argument: varyText) } catch {
            throw CommandLineError.invalidValue(option: "--vary", value: varyText, allowed: error.description)
        }
        guard let range = parameter.range, range.lowerBound < range.upperBound else {
            throw CommandLineError.invalidValue(option: "--vary", value: varyText, allowed: "a numeric range LO:HI with LO < HI")
        }
        let tree = try ExperimentOptions.tree(arguments, path: path)
        let scenario: Scenario
        scenario = try ScenarioReader.decode(tree, fileName: path)
        let others = Array(scenario.policyNames.dropFirst())
        if arguments.value("--policy") == nil, others.count > 1 {
            throw CommandLineError.missingOption(command: "breakeven", option: "--policy", valueName: "P",
                                                 reason: "the scenario has \(others.count) policies besides the baseline '\(scenario.baseline)' (\(others.joined(separator: ", "))): say which one to compare with it")
        }
        guard let policy = arguments.value("--policy") ?? others.first else {
            throw CommandLineError.invalidValue(option: "--policy", value: "", allowed: "the scenario has only its baseline: add a policy to compare")
        }
        if policy == scenario.baseline {
            throw CommandLineError.invalidValue(option: "--policy", value: policy,
                                                allowed: "'\(ScenarioError.printable(policy))' is the baseline, which the search compares with: "
                                                    + (others.isEmpty ? "the scenario has no other policy; add one to compare"
                                                       : "name one of \(others.map { ScenarioError.printable($0) }.joined(separator: ", "))"))
        }
        guard scenario.policies[policy] != nil else {
            throw CompanySimulation.Failure.unknownPolicy(policy, known: others)
        }
        let replications = try ExperimentOptions.replications(arguments, minimum: 2) ?? scenario.simulation.replications
        let seed = try ExperimentOptions.seed(arguments) ?? scenario.simulation.seed
        let confidence = try ExperimentOptions.confidence(arguments)
        let jobs = try ExperimentOptions.jobs(arguments)
        let iterations = try arguments.integer("--iterations", in: 1...60) ?? 12
        let dialect = try ExperimentOptions.csvDialect(arguments) ?? .rfc4180
        // After the options (a usage error comes alone), before any work.
        if let owner = unrunPolicy(of: parameter.path, policy: policy, baseline: scenario.baseline) {
            Console.error("warning: \(ScenarioError.printable(parameter.path.description)) belongs to policy '\(ScenarioError.printable(owner))', which this search does not run (it compares '\(ScenarioError.printable(policy))' with the baseline '\(ScenarioError.printable(scenario.baseline))'): the difference cannot change; pass --policy \(ScenarioError.printable(owner)) to search that policy")
        }
        ConsoleNotes.print(scenario.warnings, file: path)
        try ConfirmHugeWork.check(try estimate(tree: tree, path: path, parameter: parameter, range: range, policies: [scenario.baseline, policy],
                                               replications: replications, iterations: iterations, seed: seed),
                                  arguments: arguments)
        let directory = arguments.value("--out") ?? "results/\(scenario.name)"
        let folder = try OutputFolder.open(directory)
        defer { folder.release() }
        let result = try BreakEven.find(tree: tree, fileName: path, path: parameter.path, range: range, metric: metric, policy: policy,
                                        replications: replications, seed: seed, confidence: confidence, jobs: jobs,
                                        iterations: iterations, integer: arguments.has("--integer"),
                                        shouldStop: { Interruption.isRequested })
        try folder.commit([("breakeven.csv", dialect.render(BreakEvenReport.csv(result, scenario: scenario, path: parameter.path.description,
                                                                                 metric: metric, policy: policy)))], removing: [])
        Console.out(BreakEvenReport.render(result, scenario: scenario, path: parameter.path.description, range: range, metric: metric,
                                           policy: policy) + "\n\nResults: \(ScenarioError.printable(directory))/breakeven.csv")
        return .success
    }

    /// The policy that owns `path` when the search cannot be moved by it, for certain: a field
    /// under `policies.X` (its terms, its response, its operations) for X neither the compared
    /// policy nor the baseline, the only two policies the search simulates. Nil otherwise, and
    /// for an outcome probability of X's response (the closed form refuses that one, exit 64).
    /// Any other field (technicians, clients, the simulation) may move both, so no warning.
    static func unrunPolicy(of path: ParameterPath, policy: String, baseline: String) -> String? {
        guard path.components.count > 1, case .key("policies") = path.components[0],
              case .key(let owner) = path.components[1], owner != policy, owner != baseline,
              path.outcomeProbability == nil else { return nil }
        return owner
    }

    /// The work of the longest search: the two ends of the range, then up to `iterations`
    /// bisection steps for the mean and for each bound of its interval, each evaluation
    /// costing what the range's two ends cost on average.
    static func estimate(tree: JSONValue, path: String, parameter: SweepParameter, range: ClosedRange<Double>, policies: [String],
                         replications: Int, iterations: Int, seed: UInt64) throws -> WorkEstimate {
        let ends: SweepPlan
        ends = try SweepPlan.make(tree: tree, fileName: path,
                                  parameters: [SweepParameter(path: parameter.path, values: [.number(range.lowerBound), .number(range.upperBound)])],
                                  design: .grid, samples: 0, seed: seed)

        var estimate = WorkEstimate(scenarios: ends.scenarios, policies: policies, replications: replications)
        // The closed form (an outcome probability) is one experiment; bisection up to 2 + 3 × iterations.
        let evaluations = parameter.path.outcomeProbability != nil ? 0.5 : Double(2 + 3 * iterations) / 2
        estimate.events *= evaluations
        estimate.coreSeconds *= evaluations
        return estimate
    }
}
