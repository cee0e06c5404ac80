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
        case interrupted(done: Int, planned: Int, directory: String)

        public var description: String {
            switch self {
            case .interrupted(let done, let planned, let directory):
                return "interrupted: \(done) of \(planned) replication tasks are saved in \(directory)/replications.partial.csv; run the same command with --resume to finish"
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
    }

    public static func run(plan: SweepPlan, options: Options, progress: (@Sendable (Progress) -> Void)? = nil) throws(Failure) -> Outcome {
        let first = plan.scenarios[0]
        let settings = ExperimentSettings(scenario: first, policies: options.policies, replications: options.replications,
                                          seed: options.seed, confidence: options.confidence, jobs: options.jobs,
                                          timeseries: options.timeseries)
        let manifest = SweepManifest(version: options.version, scenarioName: first.name, scenarioSHA256: options.scenarioSHA256,
                                     design: plan.design.rawValue, parameterNames: plan.parameterNames, pointValues: plan.pointValues,
                                     policies: settings.policies, replications: options.replications, seed: options.seed,
                                     confidence: settings.confidence, timeseries: options.timeseries, shard: options.shard.description)
        let directory = options.directory
        do { try AtomicFile.createDirectory(directory) } catch { throw .output(error) }
        let partial = directory + "/replications.partial.csv"
        let seriesPartial = directory + "/timeseries.partial.csv"
        /// The rows on disk: read to skip finished tasks on --resume, and again to build the files.
        func readRows() throws(Failure) -> ParsedRows {
            do {
                return try ParsedRows.read(path: partial, parameterCount: plan.parameterNames.count,
                                           seriesPath: options.timeseries ? seriesPartial : nil)
            } catch {
                throw .unreadable("\(error)")
            }
        }
        let manifestPath = directory + "/sweep.json"

        // Resume: the same plan, and the rows already written.
        var done = Set<Int>()
        if options.resume, FileManager.default.fileExists(atPath: partial) {
            guard let previous = try? SweepManifest.read(manifestPath) else {
                throw .resumeMismatch("\(manifestPath) is missing or unreadable")
            }
            guard previous == manifest else {
                throw .resumeMismatch("the sweep in \(directory) was started with other settings (scenario, parameters, policies, replications, seed or shard)")
            }
            let rows = try readRows()
            for point in plan.pointValues.indices {
                for r in 0..<options.replications where settings.policies.allSatisfy({
                    rows.results[ParsedRows.Key(point: point, policy: $0, replication: r)] != nil }) {
                    done.insert(point * options.replications + r)
                }
            }
        }
        do { try AtomicFile.write(manifest.json, to: manifestPath) } catch { throw .output(error) }

        var models: [[CompanySimulation]] = []
        for scenario in plan.scenarios {
            var row: [CompanySimulation] = []
            for name in settings.policies {
                do { row.append(try CompanySimulation(scenario: scenario, policy: name)) } catch { throw .policy(error) }
            }
            models.append(row)
        }
        let taskCount = plan.scenarios.count * options.replications
        let mine = (0..<taskCount).filter { options.shard.owns(task: $0) }
        let remaining = mine.filter { !done.contains($0) }
        let appender: RowAppender
        do {
            appender = try RowAppender(path: partial, header: ResultTables.replicationsHeader(parameterNames: plan.parameterNames),
                                       seriesPath: options.timeseries ? seriesPartial : nil,
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
                do {
                    try appender.append(rows: rows, series: series)
                } catch let error as AtomicFile.Failure {
                    failure.set(error)
                } catch {
                    failure.set(.cannotWrite(path: partial, reason: "\(error)"))
                }
                let finished = counter.finish()
                progress?(Progress(tasksDone: resumed + finished, tasksPlanned: mine.count, points: plan.scenarios.count,
                                   seconds: Date().timeIntervalSince(start)))
            }
        }
        if let error = failure.value { throw .output(error) }
        let finishedNow = counter.finishedCount
        if finishedNow < remaining.count {
            throw .interrupted(done: resumed + finishedNow, planned: mine.count, directory: directory)
        }

        // Rebuild from the rows on disk, in canonical order.
        let rows = try readRows()
        let tables = assemble(manifest: manifest, scenarios: plan.scenarios, rows: rows, only: Set(mine))
        do {
            try AtomicFile.write(tables.replicationsCSV, to: directory + "/replications.csv")
            if options.timeseries { try AtomicFile.write(tables.timeseriesCSV, to: directory + "/timeseries.csv") }
            else { AtomicFile.remove(directory + "/timeseries.csv") }
            if options.shard.count == 1 {
                try AtomicFile.write(tables.summaryCSV, to: directory + "/summary.csv")
                try AtomicFile.write(tables.comparisonCSV, to: directory + "/comparison.csv")
            }
        } catch {
            throw .output(error)
        }
        AtomicFile.remove(partial)
        AtomicFile.remove(seriesPartial)
        return Outcome(manifest: manifest, tasksRun: remaining.count, tasksResumed: resumed,
                       tables: options.shard.count == 1 ? tables : nil)
    }

    /// Tables of the tasks in `only` (all of them for a whole sweep), from parsed rows.
    static func assemble(manifest: SweepManifest, scenarios: [Scenario], rows: ParsedRows, only: Set<Int>?) -> ResultTables {
        var points: [ResultTables.Point] = []
        for (index, values) in manifest.pointValues.enumerated() {
            // Replications present for every policy (a shard holds only its share).
            let numbers = (0..<manifest.replications).filter { r in
                (only?.contains(index * manifest.replications + r) ?? true)
                    && manifest.policies.allSatisfy { rows.results[ParsedRows.Key(point: index, policy: $0, replication: r)] != nil }
            }
            if numbers.isEmpty { continue }
            let results = manifest.policies.map { policy in
                numbers.map { rows.results[ParsedRows.Key(point: index, policy: policy, replication: $0)]! }
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
