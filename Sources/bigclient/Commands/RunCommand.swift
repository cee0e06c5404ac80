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
            .init(name: "--max-replications", valueName: "N", help: "cap for --precision or --select-best (default 10 × --replications)"),
            .init(name: "--indifference", valueName: "EUR", help: "with --select-best: the smallest profit difference worth acting on, in euros"),
            .init(name: "--format", valueName: "F", help: "report format: text (default) or json"),
            .init(name: "--materiality", valueName: "F", help: "smallest side effect the conclusion names, as a share of the baseline's mean (default 0.05)"),
        ],
        flags: ExperimentOptions.flags + [
            .init(name: "--select-best", help: "select the best policy by expected profit (Kim–Nelson, with --indifference), adding replications as needed"),
        ])

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        let path = arguments.positionals[0]
        let scenario = try ScenarioReader.decode(try ExperimentOptions.tree(arguments, path: path), fileName: path)
        let replications = try ExperimentOptions.replications(arguments)
        let format = arguments.value("--format") ?? "text"
        guard format == "text" || format == "json" else {
            throw CommandLineError.invalidValue(option: "--format", value: format, allowed: "text or json")
        }
        var precision: PrecisionTarget?
        let metric = try ExperimentOptions.metric(arguments)
        if let relative = try arguments.number("--precision", in: 0.0001...10) {
            guard let metric else { throw CommandLineError.missingOption(command: "run", option: "--metric", valueName: "M", reason: "--precision needs the metric to make precise") }
            let initial = replications ?? scenario.simulation.replications
            let cap = try arguments.integer("--max-replications", in: 2...1_000_000) ?? max(initial * 10, initial)
            precision = PrecisionTarget(metric: metric, relative: relative, maxReplications: max(cap, initial))
        } else if let name = arguments.value("--metric") {
            throw CommandLineError.invalidValue(option: "--metric", value: name, allowed: "only with --precision")
        }
        let policies = try ExperimentOptions.policies(arguments, in: scenario)
        let materiality = try arguments.number("--materiality", in: 0...1) ?? TextReport.defaultMateriality
        let indifference = try arguments.number("--indifference", in: 0.01...1e12)
        if arguments.has("--select-best") {
            if precision != nil { throw CommandLineError.conflictingOptions("--select-best", "--precision") }
            guard let indifference else {
                throw CommandLineError.missingOption(command: "run", option: "--indifference", valueName: "EUR",
                                                     reason: "--select-best needs the profit difference below which two policies count as equally good")
            }
            let studied = policies.isEmpty ? scenario.policyNames : policies
            guard studied.count >= 2 else {
                throw CommandLineError.invalidValue(option: "--select-best", value: studied.joined(separator: ", "),
                                                    allowed: "at least two policies to choose from")
            }
            let initial = replications ?? scenario.simulation.replications
            guard initial >= 2 else {
                throw CommandLineError.invalidValue(option: "--replications", value: String(initial),
                                                    allowed: "at least 2 with --select-best (its first stage; 10 or more is better)")
            }
            let cap = try arguments.integer("--max-replications", in: 2...1_000_000) ?? max(initial * 10, initial)
            precision = PrecisionTarget(selectingBestBy: .profitEur, indifference: indifference, firstStage: initial,
                                        maxReplications: max(cap, initial))
        } else if let indifference {
            throw CommandLineError.invalidValue(option: "--indifference", value: CSVFormat.number(indifference), allowed: "only with --select-best")
        }
        let dialect = try ExperimentOptions.csvDialect(arguments) ?? .rfc4180
        let settings = ExperimentSettings(scenario: scenario, policies: policies.isEmpty ? nil : policies,
                                          replications: replications, seed: try ExperimentOptions.seed(arguments),
                                          confidence: try ExperimentOptions.confidence(arguments), jobs: try ExperimentOptions.jobs(arguments),
                                          timeseries: arguments.has("--timeseries"), precision: precision,
                                          outcomeMode: ExperimentOptions.outcomeMode(arguments))
        // After the options (a usage error comes alone), before any work.
        ConsoleNotes.print(scenario.warnings, file: path)
        try ConfirmHugeWork.check(WorkEstimate(scenarios: [scenario], policies: settings.policies,
                                               replications: precision?.maxReplications ?? settings.replications,
                                               timeseries: settings.timeseries, outcomeMode: settings.outcomeMode),
                                  arguments: arguments)
        let quiet = arguments.has("--quiet")
        let directory = arguments.value("--out") ?? "results/\(scenario.name)"
        let bytes = (try? Data(contentsOf: URL(fileURLWithPath: path))).map { [UInt8]($0) } ?? []
        // The folder is taken (created, locked, checked writable, repaired) before anything is
        // simulated, so a bad --out costs no simulation and two runs never share one.
        let folder = try OutputFolder.open(directory)
        defer { folder.release() }
        // Once, before the replications: the warm-up's verdict (a warning when it is too short).
        // Not for `continuous` scenarios (the textbook reductions and the M/M/8 benchmark, whose
        // warm-up the validation suite states): their pilot would add a replication or more to
        // every run of a benchmark whose cost must stay comparable; `check` still runs it.
        if scenario.calendar.mode != .continuous,
           let warmup = WarmupCheck.run(scenario: scenario, jobs: settings.jobs, shouldStop: { Interruption.isRequested }) {
            Console.error(warmup.warning(file: path, scenario: scenario) ?? warmup.summary)
        }
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
        options.outcomeMode = settings.outcomeMode
        options.csvDialect = dialect
        options.shouldStop = { Interruption.isRequested }
        let line = ProgressDisplay(quiet: quiet)
        var outcome: ExperimentOutcome
        do {
            let jobs = settings.jobs
            let result = try SweepRunner.run(plan: .single(scenario), options: options, folder: folder, record: { tables in
                var record = RunRecord(version: CommandRunner.version, command: command, scenarioPath: path, scenarioSHA256: SHA256.hex(bytes),
                                       outcome: tables.points[0].outcome.with(jobs: jobs, wallSeconds: Date().timeIntervalSince(started)))
                record.csvDialect = dialect == .rfc4180 ? nil : dialect
                return record.json
            }, progress: { line.update($0) })
            line.finish()
            ConsoleNotes.print(result.notes)
            outcome = result.tables!.points[0].outcome
        } catch {
            line.finish()
            throw error
        }
        outcome = outcome.with(jobs: settings.jobs, wallSeconds: Date().timeIntervalSince(started))
        if !quiet {
            Console.out(format == "json" ? JSONReport.render(outcome, materiality: materiality)
                : TextReport.render(outcome, materiality: materiality) + "\n\nResults: \(ScenarioError.printable(directory))/")
        }
        return .success
    }
}

extension OutputFolder {
    /// Opens `directory` for this command line, reporting what it repaired (stderr) and a
    /// refusal as the command line's output failure (73, or 74).
    static func open(_ directory: String) throws -> OutputFolder {
        let command = (["bigclient"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
        let folder = try OutputFolder(directory, command: command)
        ConsoleNotes.print(folder.notes)
        return folder

    }
}

/// Repairs and other facts the user should know about but that are not errors.
enum ConsoleNotes {
    static func print(_ notes: [String]) {
        for note in notes { Console.error("note: \(note)") }
    }

    /// The scenario's warnings (`Scenario.warnings`), on stderr, before anything runs: what
    /// `check`, `run`, `sweep` and `breakeven` all say about a scenario that cannot mean what
    /// it says. `context` follows the message (a sweep point's values). They change no exit
    /// status.
    static func print(_ warnings: [ScenarioWarning], file: String, context: String? = nil) {
        for warning in warnings {
            Console.error(warning.message(file: file) + (context.map { " (\($0))" } ?? ""))
        }
    }

    /// The file's own warnings, then each warning that only some points have, once, with the
    /// points that have it (at most a few named): a sweep of `technicians.count` down to an
    /// overloaded company says at which counts the utilisation reaches 1.
    static func print(warningsOf base: Scenario, plan: SweepPlan, file: String) {
        let own = base.warnings
        print(own, file: file)
        let ownProblems = Set(own.map(\.problem))
        var points: [String: [Int]] = [:]
        var order: [ScenarioWarning] = []
        for (index, scenario) in plan.scenarios.enumerated() {
            for warning in scenario.warnings where !ownProblems.contains(warning.problem) {
                if points[warning.problem] == nil { order.append(warning) }
                points[warning.problem, default: []].append(index)
            }
        }
        for warning in order {
            let indices = points[warning.problem]!
            let named = indices.prefix(3).map { i in
                "point \(i): " + zip(plan.parameterNames, plan.pointValues[i]).map { "\($0)=\($1)" }.joined(separator: ", ")
            }
            let more = indices.count > 3 ? "; and \(indices.count - 3) more points" : ""
            print([warning], file: file, context: "sweep " + named.joined(separator: "; ") + more)
        }
    }
}
