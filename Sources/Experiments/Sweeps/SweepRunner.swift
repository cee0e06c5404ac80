import Foundation
import Dispatch
import CompanyModel

/// Runs a sweep: every point × every replication × every policy, in parallel, appending rows
/// as tasks finish, resumable, optionally as one shard of many.
///
/// A task is one (point, replication) pair run under every policy. Tasks are numbered point by
/// point; a shard runs its share (see `Shard`). Results are always rebuilt from the written rows,
/// so a resumed or merged sweep gives the same bytes as an uninterrupted single run.
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

    public struct Progress: Sendable {
        public var tasksDone: Int
        public var tasksPlanned: Int
        public var points: Int
        public var seconds: Double
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

    /// Runs the plan's tasks into `folder` (opened, and so locked, by the caller) and installs
    /// the final files there as one set: the tables, `sweep.json` and, when `record` is given,
    /// `run.json` (its text made from the tables), last.
    public static func run(plan: SweepPlan, options: Options, folder: OutputFolder,
                           record: ((ResultTables) -> String)? = nil,
                           progress: (@Sendable (Progress) -> Void)? = nil) throws(Failure) -> Outcome {
        let first = plan.scenarios[0]
        let settings = ExperimentSettings(scenario: first, policies: options.policies, replications: options.replications,
                                          seed: options.seed, confidence: options.confidence, jobs: options.jobs,
                                          timeseries: options.timeseries)
        let manifest = SweepManifest(version: options.version, scenarioName: first.name, scenarioSHA256: options.scenarioSHA256,
                                     design: plan.design.rawValue, parameterNames: plan.parameterNames, pointValues: plan.pointValues,
                                     policies: settings.policies, replications: options.replications, seed: options.seed,
                                     confidence: settings.confidence, timeseries: options.timeseries, shard: options.shard.description)
        let directory = folder.path
        let partial = folder.file(partialName)
        let seriesPartial = folder.file(seriesPartialName)
        let seriesPath = options.timeseries ? seriesPartial : nil
        var notes: [String] = []
        let taskCount = plan.scenarios.count * options.replications
        let mine = (0..<taskCount).filter { options.shard.owns(task: $0) }
        /// The rows on disk, read forgivingly: a row that does not read is a task to run again.
        func readRows(done: Int) throws(Failure) -> ReplicationRows {
            do {
                return try ReplicationRows.read(path: partial, seriesPath: seriesPath, manifest: manifest, reading: .forgiving,
                                                shouldStop: options.shouldStop)
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
            } catch {
                throw .output(error)
            }
            if rows.tornBytes > 0 || rows.seriesTornBytes > 0 {
                notes.append("cut an incomplete last row (\(rows.tornBytes + rows.seriesTornBytes) bytes) from the partial files; its replication is run again")
            }
            if rows.droppedRows > 0 {
                notes.append("\(rows.droppedRows) damaged row\(rows.droppedRows == 1 ? "" : "s") in \(partialName) could not be read; \(rows.droppedRows == 1 ? "its replication is" : "their replications are") run again")
            }
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
        let remaining = mine.filter { !done.contains($0) }
        let appender: RowAppender
        do {
            appender = try RowAppender(path: partial, header: ResultTables.replicationsHeader(parameterNames: plan.parameterNames),
                                       seriesPath: seriesPath,
                                       seriesHeader: ResultTables.timeseriesHeader(parameterNames: plan.parameterNames),
                                       fresh: done.isEmpty)
        } catch {
            throw .output(error)
        }
        let counter = TaskCounter()
        let start = Date()
        let resumed = mine.count - remaining.count
        let workers = max(1, min(options.jobs, remaining.count))
        let failure = FailureBox()
        let replications = options.replications
        let allModels = models
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while !options.shouldStop(), failure.value == nil, let next = counter.claim(below: remaining.count) {
                let task = remaining[next]
                let point = task / replications, replication = task % replications
                var rows = "", series = ""
                var stopped = false
                for (p, model) in allModels[point].enumerated() {
                    guard let result = model.run(replication: replication, seed: options.seed, timeseries: options.timeseries,
                                                 shouldStop: options.shouldStop) else {
                        stopped = true   // nothing of this task is written: --resume redoes it
                        break
                    }
                    rows += ResultTables.replicationRow(parameterValues: plan.pointValues[point], point: point,
                                                       policy: settings.policies[p], replication: replication, result: result)
                    if options.timeseries {
                        series += ResultTables.timeseriesRows(parameterValues: plan.pointValues[point], point: point,
                                                              policy: settings.policies[p], replication: replication, result: result)
                    }
                }
                if stopped { break }
                do throws(AtomicFile.Failure) {
                    try appender.append(rows: rows, series: series)
                } catch {
                    failure.set(error)
                    break
                }
                let finished = counter.finish()
                progress?(Progress(tasksDone: resumed + finished, tasksPlanned: mine.count, points: plan.scenarios.count,
                                   seconds: Date().timeIntervalSince(start)))
            }
        }
        if let error = failure.value { throw .output(error) }
        let finishedNow = counter.finishedCount
        let interrupted = Failure.interrupted(done: resumed + finishedNow, planned: mine.count, directory: directory)
        if finishedNow < remaining.count { throw interrupted }

        // Rebuild from the rows on disk, in canonical order (a resume with nothing left to run
        // has just read them); a stop request is honoured until the commit installs files.
        let rows: ReplicationRows
        if remaining.isEmpty, let resumedRows { rows = resumedRows } else { rows = try readRows(done: mine.count) }
        let missing = mine.filter { task in
            !settings.policies.allSatisfy { rows.results[ReplicationRows.Key(point: task / replications, policy: $0,
                                                                              replication: task % replications)] != nil }
        }
        guard missing.isEmpty else {
            throw .unreadable("\(missing.count) finished replication tasks are missing from \(ScenarioError.printable(partial)) (was it edited while the run went on?); run the same command with --resume to run them again")
        }
        guard let tables = assemble(manifest: manifest, scenarios: plan.scenarios, rows: rows, only: Set(mine),
                                    shouldStop: options.shouldStop) else { throw interrupted }
        let whole = options.shard.count == 1
        var files: [(name: String, text: String)] = []
        let stop = options.shouldStop
        let renderings: [(String, () -> String?)] = [("replications.csv", { tables.replicationsCSV(shouldStop: stop) })]
            + (options.timeseries ? [("timeseries.csv", { tables.timeseriesCSV(shouldStop: stop) })] : [])
            + (whole ? [("summary.csv", { tables.summaryCSV }), ("comparison.csv", { tables.comparisonCSV })] : [])
        for (name, render) in renderings {
            guard !stop(), let text = render() else { throw interrupted }
            files.append((name, text))
        }
        files.append(("sweep.json", manifest.json))
        if let record { files.append(("run.json", record(tables))) }
        var removing = [partialName, seriesPartialName, partialManifestName]
        if !options.timeseries { removing.append("timeseries.csv") }
        if !whole { removing += ["summary.csv", "comparison.csv"] }
        if record == nil { removing.append("run.json") }
        do {
            guard try folder.commit(files, removing: removing, shouldStop: options.shouldStop) else { throw interrupted }
        } catch let error as AtomicFile.Failure {
            throw .output(error)
        } catch {
            throw interrupted
        }
        return Outcome(manifest: manifest, tasksRun: remaining.count, tasksResumed: resumed,
                       tables: whole ? tables : nil, notes: notes)
    }

    /// Tables of the tasks in `only` (all of them for a whole sweep), from parsed rows.
    /// Nil when `shouldStop` asked to stop (it is asked once per point).
    static func assemble(manifest: SweepManifest, scenarios: [Scenario], rows: ReplicationRows, only: Set<Int>?,
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
            let scenario = scenarios[min(index, scenarios.count - 1)]
            let settings = ExperimentSettings(scenario: scenario, policies: manifest.policies, replications: manifest.replications,
                                              seed: manifest.seed, confidence: manifest.confidence, jobs: 1,
                                              timeseries: manifest.timeseries)
            let outcome = ExperimentOutcome(scenario: scenario, settings: settings, results: results,
                                            stop: .replicationCount, wallSeconds: 0)
            points.append(ResultTables.Point(index: index, parameterValues: values, outcome: outcome, replicationNumbers: numbers))
        }
        return ResultTables(parameterNames: manifest.parameterNames, points: points)
    }
}

final class TaskCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var finished = 0
    func claim(below limit: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < limit else { return nil }
        next += 1
        return next - 1
    }
    func finish() -> Int {
        lock.lock(); defer { lock.unlock() }
        finished += 1
        return finished
    }
    var finishedCount: Int {
        lock.lock(); defer { lock.unlock() }
        return finished
    }
}

final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: AtomicFile.Failure?
    var value: AtomicFile.Failure? { lock.lock(); defer { lock.unlock() }; return stored }
    func set(_ failure: AtomicFile.Failure) { lock.lock(); defer { lock.unlock() }; if stored == nil { stored = failure } }
}
