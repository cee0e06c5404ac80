import Foundation
import CompanyModel
import Experiments
import SimulationKernel

/// `bigclient trace`: one replication's event log as CSV on stdout.
enum TraceCommand {
    static let spec = CommandSpec(
        name: "trace",
        summary: "Print one replication's event log as CSV (time, event, order, client, technician, details).",
        positionals: [("SCENARIO", "scenario file (JSON5)")],
        options: [
            .init(name: "--policy", valueName: "P", help: "policy to simulate (default: the baseline)"),
            .init(name: "--replication", valueName: "R", help: "replication index (default 0)"),
            .init(name: "--seed", valueName: "S", help: "master seed (default: the scenario's)"),
            .init(name: "--outcome", valueName: "O", help: "the key client's response to simulate (a branch: leaves, leavesLater, reducesVolume or accepts, as the policy declares; default: the one its draw gives)"),
        ],
        flags: [])

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        let scenario = try ScenarioReader.load(contentsOf: arguments.positionals[0])
        let replication = try arguments.integer("--replication", in: 0...1_000_000_000) ?? 0
        let seed = try arguments.integer("--seed", in: 0...Int(RandomStream.maxMasterSeed)).map(UInt64.init)
        let model = try CompanySimulation(scenario: scenario, policy: arguments.value("--policy") ?? scenario.baseline)
        var outcome: Int?
        if let name = arguments.value("--outcome") {
            let names = model.outcomes.map(\.name)
            guard let index = names.firstIndex(of: name) else {
                let allowed = names.isEmpty
                    ? "none: the policy '\(model.policyName)' keeps the baseline's terms, so the key client does not respond"
                    : "one of the policy's possible outcomes: " + names.joined(separator: ", ")
                        + (Spelling.suggestion(for: name, among: names).map { ". Did you mean '\($0)'?" } ?? "")
                throw CommandLineError.invalidValue(option: "--outcome", value: name, allowed: allowed)
            }
            outcome = index
        }
        let (_, log) = model.trace(replication: replication, seed: seed, outcome: outcome)
        Console.write(TraceCSV.render(log), to: STDOUT_FILENO)
        return .success
    }
}
