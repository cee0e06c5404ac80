import Foundation
import CompanyModel
import Experiments
import SimulationKernel

/// `bigclient validate`: the model against queueing theory, churn and sick-leave formulas,
/// through its ordinary scenario path. The cases, the theory and the checks live in
/// Experiments' `ValidationSuite`; this command parses, runs and prints.
enum ValidateCommand {
    static let spec = CommandSpec(
        name: "validate",
        summary: "Check the model against queueing theory (scenarios/validation/), geometric churn and sick-leave renewal; exit 1 if a check fails.",
        positionals: [],
        options: [
            .init(name: "--replications", valueName: "N", help: "replications per case (default \(ValidationSuite.defaultReplications), at least 2)"),
            .init(name: "--seed", valueName: "S", help: "master seed (default 1)"),
            .init(name: "--jobs", valueName: "J", help: "worker threads (default: the number of cores); results do not depend on it"),
            .init(name: "--horizon-scale", valueName: "X", help: "multiply every case's horizon and warm-up by X in 0.01…1 (default 1): faster, wider intervals"),
            .init(name: "--scenarios", valueName: "DIR", help: "directory of validation scenarios (default scenarios/validation)"),
        ],
        flags: [])

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        let replications = try arguments.integer("--replications", in: 2...1_000_000) ?? ValidationSuite.defaultReplications
        let seed = try arguments.integer("--seed", in: 0...Int(RandomStream.maxMasterSeed)).map(UInt64.init) ?? 1
        let jobs = try arguments.integer("--jobs", in: 1...1024) ?? ProcessInfo.processInfo.activeProcessorCount
        let scale = try arguments.number("--horizon-scale", in: 0.01...1) ?? 1
        let directory = arguments.value("--scenarios") ?? "scenarios/validation"

        let cases: [ValidationCase]
        cases = try ValidationSuite.standardCases(directory: directory, horizonScale: scale)
        let progress = ProgressDisplay(quiet: false, unit: "validation replications")
        let report = ValidationSuite.run(cases, replications: replications, seed: seed, jobs: jobs,
                                         shouldStop: { Interruption.isRequested }, progress: { progress.update($0) })
        progress.finish()
        guard let report else { throw CommandFailure.interrupted("validation") }
        Console.out(report.render())
        return report.passed ? .success : .failure
    }
}
