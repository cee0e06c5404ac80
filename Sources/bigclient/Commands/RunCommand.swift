import Foundation
import CompanyModel
import SimulationKernel

/// `bigclient run`: for now one replication per policy, printed as a table of metrics. The
/// Monte Carlo experiment layer (replications in parallel, intervals, CSV) replaces it.
enum RunCommand {
    static let spec = CommandSpec(
        name: "run",
        summary: "Simulate a scenario: one replication per policy, metrics side by side.",
        positionals: [("SCENARIO", "scenario file (JSON5)")],
        options: [
            .init(name: "--policy", valueName: "P", help: "restrict to this policy (repeatable)", repeatable: true),
            .init(name: "--replication", valueName: "R", help: "replication index (default 0)"),
            .init(name: "--seed", valueName: "S", help: "master seed (default: the scenario's)"),
            .init(name: "--horizon-days", valueName: "D", help: "override simulation.horizonDays"),
            .init(name: "--warmup-days", valueName: "W", help: "override simulation.warmupDays"),
        ],
        flags: [])

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        var scenario = try ScenarioLoading.load(arguments.positionals[0])
        if let horizon = try arguments.number("--horizon-days", in: 1...36_500) { scenario.simulation.horizonDays = horizon }
        if let warmup = try arguments.number("--warmup-days", in: 0...36_500) { scenario.simulation.warmupDays = warmup }
        if scenario.simulation.warmupDays >= scenario.simulation.horizonDays || scenario.simulation.effectiveDecisionDay >= scenario.simulation.horizonDays {
            throw CommandLineError.invalidValue(option: "--warmup-days", value: String(scenario.simulation.warmupDays),
                                                allowed: "the warm-up and decision day must be before the horizon (\(scenario.simulation.horizonDays) days)")
        }
        let replication = try arguments.integer("--replication", in: 0...1_000_000_000) ?? 0
        let seed = try arguments.integer("--seed", in: 0...Int(RandomStream.maxMasterSeed)).map(UInt64.init)
        let names = arguments.allValues("--policy").isEmpty ? scenario.policyNames : arguments.allValues("--policy")
        var columns: [(String, ReplicationResult)] = []
        for name in names {
            let model = try ScenarioLoading.simulation(scenario, policy: name)
            columns.append((name, model.run(replication: replication, seed: seed)))
        }
        var lines = ["\(scenario.name): replication \(replication), seed \(seed ?? scenario.simulation.seed), measured from day \(CheckCommand.format(scenario.simulation.effectiveDecisionDay)) to day \(CheckCommand.format(scenario.simulation.horizonDays))", ""]
        lines.append("metric".padding(toLength: 24, withPad: " ", startingAt: 0) + columns.map { $0.0.leftPadded(16) }.joined())
        lines.append("status".padding(toLength: 24, withPad: " ", startingAt: 0) + columns.map { $0.1.status.rawValue.leftPadded(16) }.joined())
        for metric in Metric.allCases {
            lines.append(metric.name.padding(toLength: 24, withPad: " ", startingAt: 0)
                + columns.map { value($0.1[metric]).leftPadded(16) }.joined())
        }
        lines.append("")
        lines.append("One replication is an anecdote, not evidence: differences between policies here include chance.")
        Console.out(lines.joined(separator: "\n"))
        return .success
    }

    static func value(_ x: Double) -> String {
        if x.isNaN { return "—" }
        if abs(x) >= 1000 { return String(format: "%.0f", x) }
        return String(format: "%.3f", x)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? " " + self : String(repeating: " ", count: width - count) + self
    }
}
