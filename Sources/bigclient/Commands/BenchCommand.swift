import Foundation
import SimulationKernel
import CompanyModel
import Experiments

/// `bigclient bench`: events per second of the kernel on reference workloads.
enum BenchCommand {
    static let spec = CommandSpec(
        name: "bench",
        summary: "Measure kernel and model throughput (events per second).",
        options: [
            .init(name: "--hold-pending", valueName: "N", help: "pending events in the hold benchmark (default 1000)"),
            .init(name: "--hold-events", valueName: "N", help: "events in the hold benchmark (default 10,000,000)"),
            .init(name: "--days", valueName: "D", help: "simulated days of the two-class M/M/8 benchmark (default 1,000,000)"),
            .init(name: "--seed", valueName: "S", help: "random seed (default 1)"),
            .init(name: "--scenario", valueName: "FILE", help: "scenario for the model benchmark (default scenarios/historic-client.json5)"),
            .init(name: "--replications", valueName: "N", help: "replications per policy in the model benchmark (default 500)"),
            .init(name: "--jobs", valueName: "J", help: "threads for the parallel model run (default: the number of cores)"),
        ],
        flags: [.init(name: "--kernel-only", help: "skip the company-model benchmark")])

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        let pending = try arguments.integer("--hold-pending", in: 1...10_000_000) ?? 1_000
        let holdEvents = try arguments.integer("--hold-events", in: 0...1_000_000_000) ?? 10_000_000
        let days = try arguments.number("--days", in: 1...100_000_000) ?? 1_000_000
        let seed = UInt64(try arguments.integer("--seed", in: 0...Int(RandomStream.maxMasterSeed)) ?? 1)

        // Nothing to keep: a stop request ends the benchmark at once, even inside a kernel loop.
        Interruption.endAtOnce(saying: CommandFailure.interrupted("benchmark").message)
        var rows: [BenchmarkRow] = []
        let hold = HoldModel(pendingEvents: pending, events: holdEvents)
        let (holdResult, holdSeconds) = timed { hold.run(seed: seed) }
        rows.append(BenchmarkRow(name: "kernel: hold, \(pending) pending", events: holdResult.eventsProcessed, seconds: holdSeconds))

        let model = PriorityQueueingModel(.benchmark(days: days, warmupDays: min(1_000, days / 10)))
        let (queueResult, queueSeconds) = timed { model.run(seed: seed, replication: 0) }
        rows.append(BenchmarkRow(name: "kernel: M/M/8, 2 priority classes", events: queueResult.eventsProcessed, seconds: queueSeconds))

        var speedUp: String?
        var perRun: String?
        if !arguments.has("--kernel-only") {
            let path = arguments.value("--scenario") ?? "scenarios/historic-client.json5"
            let scenario = try ScenarioReader.load(contentsOf: path)
            let replications = try arguments.integer("--replications", in: 1...1_000_000) ?? 500
            let jobs = try arguments.integer("--jobs", in: 1...1024) ?? ProcessInfo.processInfo.activeProcessorCount
            let serial = ExperimentSettings(scenario: scenario, replications: replications, seed: seed, jobs: 1)
            let (one, oneSeconds) = timed { try? Experiment.run(scenario: scenario, settings: serial) }
            // Runs, not policies: with outcome branches a policy the key client responds to is
            // simulated once per outcome.
            let runs = serial.policies.reduce(0) { total, name in
                total + ((try? CompanySimulation(scenario: scenario, policy: name))?.runsPerReplication(serial.outcomeMode) ?? 1)
            }
            let label = "\(scenario.name): \(replications) reps × \(runs) runs"
            rows.append(BenchmarkRow(name: "model: \(label), 1 job", events: UInt64(one?.totalEvents ?? 0), seconds: oneSeconds))
            // The figure issue 15's target reads: one replication of one policy (one run),
            // on one thread; and all the runs a replication needs.
            let runMilliseconds = 1_000 * oneSeconds / Double(replications * runs)
            perRun = String(format: "One run (a replication of one policy or outcome), 1 job: %.2f ms; a replication's %d runs: %.2f ms.",
                            runMilliseconds, runs, runMilliseconds * Double(runs))
            if jobs > 1 {
                let parallel = ExperimentSettings(scenario: scenario, replications: replications, seed: seed, jobs: jobs)
                let (many, manySeconds) = timed { try? Experiment.run(scenario: scenario, settings: parallel) }
                rows.append(BenchmarkRow(name: "model: \(label), \(jobs) jobs", events: UInt64(many?.totalEvents ?? 0), seconds: manySeconds))
                speedUp = String(format: "Parallel speed-up, 1 → %d jobs: %.2f×.", jobs, oneSeconds / max(manySeconds, 1e-9))
            }
        }
        Console.out(BenchmarkRow.table(rows))
        if let perRun { Console.out(perRun) }
        if let speedUp { Console.out(speedUp) }
        if let peak = peakMemoryMegabytes() { Console.out(String(format: "Peak memory (VmHWM): %.1f MB.", peak)) }
        let waits = queueResult.meanWait.map { String(format: "%.4f", $0) }.joined(separator: ", ")
        let theory = QueueingTheory.mmcPriorityWaits(servers: 8, arrivalRates: [2, 4], serviceRate: 1)
            .map { String(format: "%.4f", $0) }.joined(separator: ", ")
        Console.out("\nM/M/8 check: mean waits per class \(waits) days; theory \(theory).")
        return .success
    }

    /// The process's peak resident memory, from /proc (Linux); nil elsewhere.
    static func peakMemoryMegabytes() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first
        return kilobytes.map { $0 / 1024 }
    }

    static func timed<T>(_ work: () -> T) -> (T, Double) {
        let clock = ContinuousClock()
        var result: T?
        let elapsed = clock.measure { result = work() }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return (result!, seconds)
    }
}
