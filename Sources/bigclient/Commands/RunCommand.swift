import Foundation
import CompanyModel
import Experiments
import SimulationKernel

/// `bigclient run`: the Monte Carlo comparison of the scenario's policies — the main job.
enum RunCommand {
    static let spec = CommandSpec(
        name: "run",
        summary: "Compare the scenario's policies over many replications; write CSV results and print a report.",
        positionals: [("SCENARIO", "scenario file (JSON5)")],
        options: ExperimentOptions.common + [
            .init(name: "--precision", valueName: "REL", help: "add replications until the CI half-width of --metric's difference is within REL of it"),
            .init(name: "--metric", valueName: "M", help: "metric for --precision, e.g. profit_eur"),
            .init(name: "--max-replications", valueName: "N", help: "cap for --precision (default 10 × --replications)"),
            .init(name: "--format", valueName: "F", help: "report format: text (default) or json"),
        ],
        flags: ExperimentOptions.flags)

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        let path = arguments.positionals[0]
        var scenario = try ScenarioLoading.load(path)
        try ScenarioOverrides.apply(arguments, to: &scenario)
        let replications = try arguments.integer("--replications", in: 1...1_000_000)
        let seed = try arguments.integer("--seed", in: 0...Int(RandomStream.maxMasterSeed)).map(UInt64.init)
        let jobs = try arguments.integer("--jobs", in: 1...1024) ?? ProcessInfo.processInfo.activeProcessorCount
        let confidence = try arguments.number("--confidence", in: 0.5...0.9999)
        let format = arguments.value("--format") ?? "text"
        guard format == "text" || format == "json" else {
            throw CommandLineError.invalidValue(option: "--format", value: format, allowed: "text or json")
        }
        var precision: PrecisionTarget?
        if let relative = try arguments.number("--precision", in: 0.0001...10) {
            guard let metricName = arguments.value("--metric") else {
                throw CommandLineError.missingValue(option: "--metric", valueName: "M")
            }
            guard let metric = Metric.allCases.first(where: { $0.name == metricName }) else {
                let suggestion = closestMatch(to: metricName, among: Metric.allCases.map(\.name))
                throw CommandLineError.invalidValue(option: "--metric", value: metricName,
                                                    allowed: "one of the metrics (\(suggestion.map { "did you mean '\($0)'? " } ?? "")see 'bigclient help run')")
            }
            let initial = replications ?? scenario.simulation.replications
            let cap = try arguments.integer("--max-replications", in: 2...1_000_000) ?? max(initial * 10, initial)
            precision = PrecisionTarget(metric: metric, relative: relative, maxReplications: max(cap, initial))
        } else if arguments.value("--metric") != nil {
            throw CommandLineError.invalidValue(option: "--metric", value: arguments.value("--metric")!, allowed: "only with --precision")
        }
        let policies = arguments.allValues("--policy")
        for name in policies where scenario.policies[name] == nil {
            throw UnknownPolicyFailure(failure: .unknownPolicy(name, known: scenario.policyNames))
        }
        let settings = ExperimentSettings(scenario: scenario, policies: policies.isEmpty ? nil : policies,
                                          replications: replications, seed: seed, confidence: confidence, jobs: jobs,
                                          timeseries: arguments.has("--timeseries"), precision: precision)
        try ConfirmHugeWork.check(WorkEstimate(scenarios: [scenario], policies: settings.policies,
                                               replications: precision?.maxReplications ?? settings.replications,
                                               timeseries: settings.timeseries),
                                  arguments: arguments)
        let quiet = arguments.has("--quiet")
        let directory = arguments.value("--out") ?? "results/\(scenario.name)"
        let bytes = (try? Data(contentsOf: URL(fileURLWithPath: path))).map { [UInt8]($0) } ?? []
        // The folder is taken (created, locked, checked writable, repaired) before anything is
        // simulated, so a bad --out costs no simulation and two runs never share one.
        let folder = try OutputFolder.open(directory)
        defer { folder.release() }
        let started = Date()
        let command = ["bigclient"] + CommandLine.arguments.dropFirst()
        // Replications append their rows as they finish, so an interrupted run keeps them and
        // --resume continues it (with --precision too); the files are rebuilt from the rows.
        var options = SweepRunner.Options(
            replications: precision?.maxReplications ?? settings.replications, seed: settings.seed,
            confidence: settings.confidence, jobs: settings.jobs, timeseries: settings.timeseries, policies: settings.policies,
            shard: .whole, resume: arguments.has("--resume"), directory: directory, version: CommandRunner.version,
            scenarioSHA256: SHA256.hex(bytes))
        options.precision = precision
        options.initialReplications = settings.replications
        options.shouldStop = { Interruption.isRequested }
        let line = ProgressDisplay(quiet: quiet)
        var outcome: ExperimentOutcome
        do {
            let jobs = settings.jobs
            let result = try SweepRunner.run(plan: .single(scenario), options: options, folder: folder, record: { tables in
                RunRecord(version: CommandRunner.version, command: command, scenarioPath: path, scenarioSHA256: SHA256.hex(bytes),
                          outcome: tables.points[0].outcome.with(jobs: jobs, wallSeconds: Date().timeIntervalSince(started))).json
            }, progress: { line.update($0) })
            line.finish()
            ConsoleNotes.print(result.notes)
            outcome = result.tables!.points[0].outcome
        } catch {
            line.finish()
            throw error.userFacing
        }
        outcome = outcome.with(jobs: settings.jobs, wallSeconds: Date().timeIntervalSince(started))
        if !quiet {
            Console.out(format == "json" ? JSONReport.render(outcome)
                : TextReport.render(outcome) + "\n\nResults: \(ScenarioError.printable(directory))/")
        }
        return .success
    }
}

/// Overrides of simulation settings from the command line, re-checked like the file's.
enum ScenarioOverrides {
    static func apply(_ arguments: ParsedArguments, to scenario: inout Scenario) throws {
        if let horizon = try arguments.number("--horizon-days", in: 1...36_500) { scenario.simulation.horizonDays = horizon }
        if let warmup = try arguments.number("--warmup-days", in: 0...36_500) { scenario.simulation.warmupDays = warmup }
        let s = scenario.simulation
        if s.warmupDays >= s.horizonDays || s.effectiveDecisionDay >= s.horizonDays {
            throw CommandLineError.invalidValue(
                option: arguments.value("--warmup-days") != nil ? "--warmup-days" : "--horizon-days",
                value: arguments.value("--warmup-days") ?? arguments.value("--horizon-days") ?? "",
                allowed: "the warm-up (\(s.warmupDays) days) and the decision day (\(s.effectiveDecisionDay)) must come before the horizon (\(s.horizonDays) days)")
        }
    }
}

/// Result files that could not be written: 73 for the directory, 74 for a file.
struct OutputFailure: UserFacingError {
    let failure: AtomicFile.Failure
    var message: String { failure.description }
    var exitCode: ExitCode {
        switch failure {
        case .cannotCreateDirectory, .inUse: .cannotCreate
        case .cannotWrite: .ioError
        }
    }
}

extension OutputFolder {
    /// Opens `directory` for this command line, reporting what it repaired (stderr) and a
    /// refusal as the command line's output failure (73, or 74).
    static func open(_ directory: String) throws -> OutputFolder {
        let command = (["bigclient"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
        do {
            let folder = try OutputFolder(directory, command: command)
            ConsoleNotes.print(folder.notes)
            return folder
        } catch {
            throw OutputFailure(failure: error)
        }
    }
}

/// Repairs and other facts the user should know about but that are not errors.
enum ConsoleNotes {
    static func print(_ notes: [String]) {
        for note in notes { Console.error("note: \(note)") }
    }
}
