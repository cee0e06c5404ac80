import Foundation
import Dispatch
import CompanyModel

/// Runs a sweep (and `run`, a sweep of one point): every point × every replication × every
/// policy, through the `ReplicationScheduler`, appending rows as tasks finish, resumable,
/// optionally as one shard of many, optionally until a precision target is met.
///
/// A task is one (point, replication) pair run under every policy. Tasks are numbered point by
/// point; a shard runs its share (see `Shard`). Results are always rebuilt from the written rows,
/// so a resumed or merged sweep gives the same bytes as an uninterrupted single run. With a
/// precision target (one point, whole), replications are added in the batches of
/// `PrecisionTarget.iterate` up to the cap (`replications`); each decision is taken from the
/// rows on disk, so a resumed run takes the same decisions and ends with the same files.
public enum SweepRunner {
    public struct Options: Sendable {
        public var replications: Int
        public var seed: UInt64
        public var confidence: Double
        public var jobs: Int
        public var timeseries: Bool
        public var policies: [String]?
        public var shard: Shard
        public var resume: Bool
        public var directory: String
        public var version: String
        public var scenarioSHA256: String
        /// Polled between tasks: when it returns true (Ctrl-C, SIGTERM), no new task starts, the
        /// finished rows stay on disk, and the run throws `.interrupted`.
        public var shouldStop: @Sendable () -> Bool = { false }
        /// With a target, `replications` is the cap and the first batch is `initialReplications`.
        public var precision: PrecisionTarget?
        public var initialReplications: Int?
        /// Outcome branches (the default) or one sampled outcome per replication.
        public var outcomeMode: OutcomeMode = .branches
        /// The dialect of the finished CSV files (recorded in `sweep.json`); the partial row
        /// files are RFC 4180 whatever it is.
        public var csvDialect: CSVDialect = .rfc4180

        public init(replications: Int, seed: UInt64, confidence: Double, jobs: Int, timeseries: Bool, policies: [String]?,
                    shard: Shard, resume: Bool, directory: String, version: String, scenarioSHA256: String) {
            self.replications = replications
            self.seed = seed
            self.confidence = confidence
            self.jobs = jobs
            self.timeseries = timeseries
            self.policies = policies
            self.shard = shard
            self.resume = resume
            self.directory = directory
            self.version = version
            self.scenarioSHA256 = scenarioSHA256
        }
    }

    public enum Failure: Error, CustomStringConvertible {
        case output(AtomicFile.Failure)
        case resumeMismatch(String)
        case unreadable(String)
        case policy(CompanySimulation.Failure)
        /// `done` is −1 when the stop came while the saved rows were being read.
        case interrupted(done: Int, planned: Int, directory: String)

        public var description: String {
            switch self {
            case .interrupted(let done, _, let directory) where done < 0:
                return "interrupted while reading the rows saved in \(ScenarioError.printable(directory))/replications.partial.csv (they are kept); run the same command with --resume to finish"
            case .interrupted(let done, let planned, let directory):
                return "interrupted: \(done) of \(planned) replication tasks are saved in \(ScenarioError.printable(directory))/replications.partial.csv; run the same command with --resume to finish"
            case .output(let failure): return failure.description
            case .resumeMismatch(let reason): return "cannot resume: \(reason)"
            case .unreadable(let reason): return reason
            case .policy(let failure): return failure.description
            }
        }
    }

    /// What was run, and the tables when this was the whole sweep (shard 1/1).
    public struct Outcome: Sendable {
        public var manifest: SweepManifest
        public var tasksRun: Int
        public var tasksResumed: Int
        public var tables: ResultTables?
        /// What resuming found and repaired in the partial files, one sentence each (stderr).
        public var notes: [String]
    }

    /// The plan of a run in progress; `sweep.json` is installed with the final files.
    public static let partialManifestName = "sweep.partial.json"
    static let partialName = "replications.partial.csv"
    static let seriesPartialName = "timeseries.partial.csv"
    static let outcomesPartialName = "outcomes.partial.csv"

    /// Runs the plan's tasks into `folder` (opened, and so locked, by the caller) and installs
    /// the final files there as one set: the tables, `sweep.json` and, when `record` is given,
    /// `run.json` (its text made from the tables), last.
    public static func run(plan: SweepPlan, options: Options, folder: OutputFolder,
                           record: ((ResultTables) -> String)? = nil,
                           progress: (@Sendable (ReplicationScheduler.Progress) -> Void)? = nil) throws(Failure) -> Outcome {
        precondition(options.precision == nil || (plan.scenarios.count == 1 && options.shard == .whole),
                     "a precision target is for one point, run whole")
        let first = plan.scenarios[0]
        let settings = ExperimentSettings(scenario: first, policies: options.policies, replications: options.replications,
                                          seed: options.seed, confidence: options.confidence, jobs: options.jobs,
                                          timeseries: options.timeseries, outcomeMode: options.outcomeMode)
        let manifest = SweepManifest(version: options.version, scenarioName: first.name, scenarioSHA256: options.scenarioSHA256,
                                     design: plan.design.rawValue, parameterNames: plan.parameterNames, pointValues: plan.pointValues,
                                     policies: settings.policies, replications: options.replications, seed: options.seed,
                                     confidence: settings.confidence, timeseries: options.timeseries, shard: options.shard.description,
                                     precision: options.precision.map { $0.described(initial: options.initialReplications ?? options.replications) },
                                     outcomes: options.outcomeMode, dialect: options.csvDialect)
        let directory = folder.path
        let partial = folder.file(partialName)
        let seriesPartial = folder.file(seriesPartialName)
        let seriesPath = options.timeseries ? seriesPartial : nil
        let outcomesPartial = folder.file(outcomesPartialName)
        var notes: [String] = []
        let taskCount = plan.scenarios.count * options.replications
        let mine = (0..<taskCount).filter { options.shard.owns(task: $0) }
        /// The rows on disk, read forgivingly: a row that does not read is a task to run again.
        func readRows(done: Int) throws(Failure) -> ReplicationRows {
            do {
                return try ReplicationRows.read(path: partial, seriesPath: seriesPath, outcomesPath: outcomesPartial,
                                                manifest: manifest, reading: .forgiving, shouldStop: options.shouldStop)
            } catch .stopped {
                throw .interrupted(done: done, planned: mine.count, directory: directory)
            } catch {
                throw .unreadable("\(error)")
            }
        }
        let partialManifest = folder.file(partialManifestName)

        // Resume: the same plan, and the rows already written, cut back to the last complete row.
        var done = Set<Int>()
        var resumedRows: ReplicationRows?
        if options.resume, access(partial, F_OK) == 0 {
            guard let previous = (try? SweepManifest.read(partialManifest)) ?? (try? SweepManifest.read(folder.file("sweep.json"))) else {
                throw .resumeMismatch("\(ScenarioError.printable(partialManifest)) is missing or unreadable")
            }
            let differences = manifest.differences(from: previous)
            guard differences.isEmpty else {
                throw .resumeMismatch("the run in \(ScenarioError.printable(directory)) was started with other settings: \(differences.joined(separator: "; "))")
            }
            let rows = try readRows(done: -1)
            resumedRows = rows
            do {
                if rows.tornBytes > 0 { try RowAppender.cutTornTail(partial, completeBytes: rows.completeBytes) }
                if rows.seriesTornBytes > 0, let seriesPath { try RowAppender.cutTornTail(seriesPath, completeBytes: rows.seriesCompleteBytes) }
                if rows.outcomesTornBytes > 0 { try RowAppender.cutTornTail(outcomesPartial, completeBytes: rows.outcomesCompleteBytes) }
            } catch {
                throw .output(error)
            }
            let torn = rows.tornBytes + rows.seriesTornBytes + rows.outcomesTornBytes
            if torn > 0 {
                notes.append("cut an incomplete last row (\(torn) bytes) from the partial files; its replication is run again")
            }
            if rows.droppedRows > 0 {
                notes.append("\(rows.droppedRows) damaged row\(rows.droppedRows == 1 ? "" : "s") in \(partialName) could not be read; \(rows.droppedRows == 1 ? "its replication is" : "their replications are") run again")
            }
        } else if options.resume, access(folder.file("replications.csv"), F_OK) == 0,
                  let finished = try? SweepManifest.read(folder.file("sweep.json")), manifest.differences(from: finished).isEmpty {
            // The run is complete already (or the folder's opening has just finished installing
            // its files): its rows are the final files', and nothing is simulated again. This
            // makes `--resume` safe to repeat, as a restarted cluster task does.
            do {
                // In the dialect they were written in; they are written again in this run's.
                resumedRows = try ReplicationRows.read(path: folder.file("replications.csv"),
                                                       seriesPath: options.timeseries ? folder.file("timeseries.csv") : nil,
                                                       outcomesPath: folder.file("outcomes.csv"),
                                                       manifest: manifest, reading: .forgiving, dialect: finished.dialect,
                                                       shouldStop: options.shouldStop)
                notes.append("the run in \(ScenarioError.printable(directory)) was complete: its files are rebuilt from its replications.csv, nothing is simulated again")
            } catch .stopped {
                throw .interrupted(done: -1, planned: mine.count, directory: directory)
            } catch {
                resumedRows = nil   // final files that do not read: the run starts again
            }
        }
        if let rows = resumedRows {
            for point in plan.pointValues.indices {
                for r in 0..<options.replications where settings.policies.allSatisfy({
                    rows.results[ReplicationRows.Key(point: point, policy: $0, replication: r)] != nil }) {
                    done.insert(point * options.replications + r)
                }
            }
        }
        do { try AtomicFile.write(manifest.json, to: partialManifest) } catch { throw .output(error) }

        var models: [[CompanySimulation]] = []
        for scenario in plan.scenarios {
            var row: [CompanySimulation] = []
            for name in settings.policies {
                do { row.append(try CompanySimulation(scenario: scenario, policy: name)) } catch { throw .policy(error) }
            }
            models.append(row)
        }
        let appender: RowAppender
        do {
            var companions = [(path: outcomesPartial, header: ResultTables.outcomesHeader(parameterNames: plan.parameterNames))]
            if let seriesPath { companions.append((seriesPath, ResultTables.timeseriesHeader(parameterNames: plan.parameterNames))) }
            appender = try RowAppender(path: partial, header: ResultTables.replicationsHeader(parameterNames: plan.parameterNames),
                                       companions: companions, fresh: done.isEmpty)
        } catch {
            throw .output(error)
        }
        let resumed = done.count
        let replications = options.replications
        let allModels = models
        let scheduler = ReplicationScheduler(jobs: options.jobs, shouldStop: options.shouldStop, progress: progress)
        /// Runs the tasks of `planned` that are not done yet, appending their rows.
        func runTasks(_ planned: [Int]) throws(Failure) {
            let pending = planned.filter { !done.contains($0) }
            var failure: AtomicFile.Failure?
            let finished = scheduler.run(count: pending.count, alreadyDone: planned.count - pending.count, planned: planned.count,
                                         work: { index, stop -> (rows: String, outcomes: String, series: String)? in
                let task = pending[index]
                let point = task / replications, replication = task % replications
                var rows = "", outcomes = "", series = ""
                for (p, model) in allModels[point].enumerated() {
                    // Stopped part-way: nothing of this task is written; --resume redoes it.
                    guard let branches = model.branches(replication: replication, seed: options.seed, timeseries: options.timeseries,
                                                        mode: options.outcomeMode, shouldStop: stop) else { return nil }
                    let result = OutcomeBranch.weighted(branches)
                    rows += ResultTables.replicationRow(parameterValues: plan.pointValues[point], point: point,
                                                       policy: settings.policies[p], replication: replication, result: result)
                    outcomes += ResultTables.outcomeRows(parameterValues: plan.pointValues[point], point: point,
                                                         policy: settings.policies[p], replication: replication, branches: branches)
                    if options.timeseries {
                        series += ResultTables.timeseriesRows(parameterValues: plan.pointValues[point], point: point,
                                                              policy: settings.policies[p], replication: replication, result: result)
                    }
                }
                return (rows, outcomes, series)
            }, sink: { index, written in
                do throws(AtomicFile.Failure) {
                    try appender.append(rows: written.rows, companions: [written.outcomes, written.series])
                    done.insert(pending[index])
                    return true
                } catch {
                    failure = error
                    return false
                }
            })
            if let failure { throw .output(failure) }
            if finished < pending.count { throw .interrupted(done: planned.count - pending.count + finished, planned: planned.count, directory: directory) }
        }
        /// The rows on disk, read again only when tasks ran since they were last read.
        var rowsOnDisk = resumedRows
        var rowsRead = resumed
        func currentRows(planned: Int) throws(Failure) -> ReplicationRows {
            if let rowsOnDisk, rowsRead == done.count { return rowsOnDisk }
            let rows = try readRows(done: planned)
            rowsOnDisk = rows
            rowsRead = done.count
            return rows
        }

        // Run every task, or (with a precision target) batches of replications until the target
        // or the cap; every decision from the rows on disk.
        var owned = mine
        var stop = Experiment.StopReason.replicationCount
        if let target = options.precision {
            let (_, reason) = try PrecisionTarget.iterate(initial: options.initialReplications ?? replications, target: target) {
                (batch: Int) throws(Failure) -> ExperimentOutcome in
                owned = mine.filter { $0 % replications < batch }
                try runTasks(owned)
                let rows = try currentRows(planned: owned.count)
                guard let tables = assemble(manifest: manifest, scenarios: plan.scenarios, rows: rows, only: Set(owned),
                                            shouldStop: options.shouldStop) else {
                    throw .interrupted(done: owned.count, planned: owned.count, directory: directory)
                }
                return tables.points[0].outcome
            }
            stop = reason
        } else {
            try runTasks(mine)
        }
        let interrupted = Failure.interrupted(done: owned.count, planned: owned.count, directory: directory)

        // Rebuild from the rows on disk, in canonical order; a stop request is honoured until
        // the commit installs files.
        let rows = try currentRows(planned: owned.count)
        let missing = owned.filter { task in
            !settings.policies.allSatisfy { rows.results[ReplicationRows.Key(point: task / replications, policy: $0,
                                                                              replication: task % replications)] != nil }
        }
        guard missing.isEmpty else {
            throw .unreadable("\(missing.count) finished replication tasks are missing from \(ScenarioError.printable(partial)) (was it edited while the run went on?); run the same command with --resume to run them again")
        }
        guard let tables = assemble(manifest: manifest, scenarios: plan.scenarios, rows: rows, only: Set(owned), stop: stop,
                                    precision: options.precision, shouldStop: options.shouldStop) else { throw interrupted }
        let whole = options.shard.count == 1
        var files: [(name: String, text: String)] = []
        let stopRequested = options.shouldStop
        let renderings: [(String, () -> String?)] = [("replications.csv", { tables.replicationsCSV(shouldStop: stopRequested) }),
                                                     ("outcomes.csv", { tables.outcomesCSV(shouldStop: stopRequested) })]
            + (options.timeseries ? [("timeseries.csv", { tables.timeseriesCSV(shouldStop: stopRequested) })] : [])
            + (whole ? [("summary.csv", { tables.summaryCSV }), ("comparison.csv", { tables.comparisonCSV }),
                        ("decision.csv", { tables.decisionCSV }),
                        (HTMLReport.fileName, { HTMLReport.render(tables, manifest: manifest) })] : [])
        for (name, render) in renderings {
            guard !stopRequested(), let text = render() else { throw interrupted }
            files.append((name, name.hasSuffix(".csv") ? options.csvDialect.render(text) : text))
        }
        files.append(("sweep.json", manifest.json))
        if let record { files.append(("run.json", record(tables))) }
        var removing = [partialName, seriesPartialName, outcomesPartialName, partialManifestName]
        if !options.timeseries { removing.append("timeseries.csv") }
        if !whole { removing += ["summary.csv", "comparison.csv", "decision.csv", HTMLReport.fileName] }
        if record == nil { removing.append("run.json") }
        do {
            guard try folder.commit(files, removing: removing, shouldStop: options.shouldStop) else { throw interrupted }
        } catch let error as AtomicFile.Failure {
            throw .output(error)
        } catch {
            throw interrupted
        }
        return Outcome(manifest: manifest, tasksRun: owned.count - resumed, tasksResumed: resumed,
                       tables: whole ? tables : nil, notes: notes)
    }

    /// Tables of the tasks in `only` (all of them for a whole sweep), from parsed rows.
    /// Nil when `shouldStop` asked to stop (it is asked once per point).
    static func assemble(manifest: SweepManifest, scenarios: [Scenario], rows: ReplicationRows, only: Set<Int>?,
                         stop: Experiment.StopReason = .replicationCount, precision: PrecisionTarget? = nil,
                         shouldStop: () -> Bool = { false }) -> ResultTables? {
        var points: [ResultTables.Point] = []
        for (index, values) in manifest.pointValues.enumerated() {
            if shouldStop() { return nil }
            // Replications present for every policy (a shard holds only its share).
            let numbers = (0..<manifest.replications).filter { r in
                (only?.contains(index * manifest.replications + r) ?? true)
                    && manifest.policies.allSatisfy { rows.results[ReplicationRows.Key(point: index, policy: $0, replication: r)] != nil }
            }
            if numbers.isEmpty { continue }
            let results = manifest.policies.map { policy in
                numbers.map { rows.results[ReplicationRows.Key(point: index, policy: policy, replication: $0)]! }
            }
            let branches = manifest.policies.map { policy in
                numbers.map { r in
                    let key = ReplicationRows.Key(point: index, policy: policy, replication: r)
                    return rows.branches[key] ?? [OutcomeBranch(name: KeyClientOutcome.statusQuoName, probability: 1, result: rows.results[key]!)]
                }
            }
            let scenario = scenarios[min(index, scenarios.count - 1)]
            let settings = ExperimentSettings(scenario: scenario, policies: manifest.policies, replications: manifest.replications,
                                              seed: manifest.seed, confidence: manifest.confidence, jobs: 1,
                                              timeseries: manifest.timeseries, precision: precision,
                                              outcomeMode: OutcomeMode(rawValue: manifest.outcomes) ?? .branches)
            let outcome = ExperimentOutcome(scenario: scenario, settings: settings, results: results, branches: branches,
                                            stop: stop, wallSeconds: 0)
            points.append(ResultTables.Point(index: index, parameterValues: values, outcome: outcome, replicationNumbers: numbers))
        }
        return ResultTables(parameterNames: manifest.parameterNames, points: points)
    }
}
