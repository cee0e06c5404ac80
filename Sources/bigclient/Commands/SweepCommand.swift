import Foundation
import CompanyModel
import Experiments
import SimulationKernel

/// `bigclient sweep`: vary scenario fields in batch; every point runs every policy on the same
/// replication seeds.
enum SweepCommand {
    static let spec = CommandSpec(
        name: "sweep",
        summary: "Vary scenario fields (grid, one-at-a-time or Latin hypercube) and compare the policies at every point.",
        positionals: [("SCENARIO", "scenario file (JSON5); its 'sweep' section is used when no --vary is given")],
        options: [
            .init(name: "--vary", valueName: "PATH=VALUES", help: "a field and its values: 8,10,12 | 0.1:0.6:0.1 | 0.1:0.6/6 (repeatable)", repeatable: true),
            .init(name: "--design", valueName: "D", help: "grid (default), oat (one at a time around the file's values) or lhs"),
            .init(name: "--samples", valueName: "N", help: "points of a Latin hypercube (--design lhs)"),
            .init(name: "--shard", valueName: "K/N", help: "run only the K-th of N interleaved slices of the work (merge them with 'bigclient merge')"),
            .init(name: "--metric", valueName: "M", help: "metric shown in the report (default profit_eur)"),
        ] + ExperimentOptions.common,
        flags: ExperimentOptions.flags)

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        let path = arguments.positionals[0]
        // Command-line overrides go into the tree, so every point carries them.
        let tree = try ExperimentOptions.tree(arguments, path: path)
        let section = try SweepSection.read(tree, fileName: path)
        var parameters: [SweepParameter] = []
        for text in arguments.allValues("--vary") {
            do { parameters.append(try SweepParameter(argument: text)) } catch {
                throw CommandLineError.invalidValue(option: "--vary", value: text, allowed: error.description)
            }
        }
        if parameters.isEmpty { parameters = section?.parameters ?? [] }
        guard !parameters.isEmpty else {
            throw CommandLineError.missingValue(option: "--vary", valueName: "PATH=VALUES (or a 'sweep' section in the scenario)")
        }
        let designText = arguments.value("--design") ?? section?.design?.rawValue ?? "grid"
        guard let design = SweepDesign(rawValue: designText) else {
            throw CommandLineError.invalidValue(option: "--design", value: designText, allowed: "grid, oat or lhs")
        }
        let samples = try arguments.integer("--samples", in: 2...100_000) ?? section?.samples ?? 0
        if design == .lhs, samples == 0, arguments.value("--design") != nil || section?.design != .lhs {
            throw CommandLineError.missingOption(command: "sweep", option: "--samples", valueName: "N",
                                                 reason: "a Latin hypercube (--design lhs) needs its number of points")
        }
        var shard = Shard.whole
        if let text = arguments.value("--shard") {
            guard let parsed = Shard(text) else {
                throw CommandLineError.invalidValue(option: "--shard", value: text, allowed: "K/N with 1 ≤ K ≤ N, e.g. 2/8")
            }
            shard = parsed
        }
        let base = try ScenarioReader.decode(tree, fileName: path)
        let seed = try ExperimentOptions.seed(arguments) ?? base.simulation.seed
        let plan = try SweepPlan.make(tree: tree, fileName: path, parameters: parameters, design: design, samples: samples, seed: seed)
        let policies = try ExperimentOptions.policies(arguments, in: base)
        let metric = try ExperimentOptions.metric(arguments) ?? .profitEur
        let directory = arguments.value("--out") ?? "results/\(base.name)"
        let bytes = (try? Data(contentsOf: URL(fileURLWithPath: path))).map { [UInt8]($0) } ?? []
        var options = SweepRunner.Options(
            replications: try ExperimentOptions.replications(arguments) ?? base.simulation.replications,
            seed: seed, confidence: try ExperimentOptions.confidence(arguments) ?? base.simulation.confidence,
            jobs: try ExperimentOptions.jobs(arguments),
            timeseries: arguments.has("--timeseries"), policies: policies.isEmpty ? nil : policies, shard: shard,
            resume: arguments.has("--resume"), directory: directory, version: CommandRunner.version,
            scenarioSHA256: SHA256.hex(bytes))
        options.shouldStop = { Interruption.isRequested }
        options.outcomeMode = ExperimentOptions.outcomeMode(arguments)
        options.csvDialect = try ExperimentOptions.csvDialect(arguments) ?? .rfc4180
        let policyNames = policies.isEmpty ? base.policyNames : base.policyNames.filter { Set(policies + [base.baseline]).contains($0) }
        var estimate = WorkEstimate(scenarios: plan.scenarios, policies: policyNames, replications: options.replications,
                                    timeseries: options.timeseries, outcomeMode: options.outcomeMode)
        // A shard runs, and holds the results of, every shard.count-th task.
        estimate.events /= Double(shard.count)
        estimate.coreSeconds /= Double(shard.count)
        estimate.memoryBytes = WorkEstimate.baseBytes + (estimate.memoryBytes - WorkEstimate.baseBytes) / Double(shard.count)
        // After the options (a usage error comes alone), before any work.
        ConsoleNotes.print(warningsOf: base, plan: plan, file: path)
        try ConfirmHugeWork.check(estimate, arguments: arguments)
        let quiet = arguments.has("--quiet")
        let folder = try OutputFolder.open(directory)
        defer { folder.release() }
        let line = ProgressDisplay(quiet: quiet, unit: "point-replications (\(plan.scenarios.count) points)")
        let outcome: SweepRunner.Outcome
        do {
            outcome = try SweepRunner.run(plan: plan, options: options, folder: folder, progress: { line.update($0) })
        } catch {
            line.finish()
            throw error
        }
        line.finish()
        ConsoleNotes.print(outcome.notes)
        if !quiet {
            Console.out(SweepReport.render(outcome, plan: plan, metric: metric, directory: directory))
        }
        return .success
    }
}
