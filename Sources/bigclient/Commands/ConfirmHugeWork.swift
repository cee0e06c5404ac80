import Foundation
import Experiments

/// Refuses, with the estimate, a run that would take more than an hour of CPU (or the
/// `--confirm-above` limit), or more memory than the machine has, unless `--yes` says the user
/// means it (exit 64: the command line must change).
enum ConfirmHugeWork {
    static func refusal(_ estimate: WorkEstimate, thresholdCoreSeconds: Double) -> CommandFailure {
        let hours = thresholdCoreSeconds / 3_600
        let limit = hours == 1 ? "1 core-hour" : String(format: "%g core-hours (--confirm-above)", hours)
        return CommandFailure(message: "this run is large: \(estimate.summary), more than the \(limit) allowed without confirmation. "
                                  + "Check the numbers (replications, horizon, technicians, clients, points), or add --yes to run it",
                              status: .usage)
    }

    static func memoryRefusal(_ estimate: WorkEstimate, machineBytes: Double) -> CommandFailure {
        CommandFailure(message: "this run would need ≈ \(WorkEstimate.size(estimate.memoryBytes)) of memory, more than this machine's "
                           + "\(WorkEstimate.size(machineBytes)) (\(estimate.summary)). Use fewer replications or points, leave out "
                           + "--timeseries, split it with 'sweep --shard K/N', or add --yes to run it anyway",
                       status: .usage)
    }

    static let option = CommandSpec.Option(
        name: "--confirm-above", valueName: "HOURS",
        help: "ask for --yes when the estimated CPU time exceeds HOURS core-hours (default 1)")

    /// Reads `--confirm-above` and `--yes`, and throws the refusal when the estimate is over the limit.
    static func check(_ estimate: WorkEstimate, arguments: ParsedArguments) throws {
        let hours = try arguments.number("--confirm-above", in: 0...1_000_000) ?? 1
        let threshold = hours * 3_600
        let jobs = try arguments.integer("--jobs", in: 1...1024) ?? ProcessInfo.processInfo.activeProcessorCount
        let wallSeconds = estimate.coreSeconds / Double(max(1, min(jobs, ProcessInfo.processInfo.activeProcessorCount)))
        if wallSeconds > 30, !arguments.has("--quiet") {
            Console.error("note: this run is estimated at \(estimate.summary), ≈ \(WorkEstimate.duration(wallSeconds).replacingOccurrences(of: "core-", with: "")) on \(min(jobs, ProcessInfo.processInfo.activeProcessorCount)) cores")
        }
        guard !arguments.has("--yes") else { return }
        if estimate.needsConfirmation(thresholdCoreSeconds: threshold) {
            throw refusal(estimate, thresholdCoreSeconds: threshold)
        }
        if estimate.exceedsMemory() {
            throw memoryRefusal(estimate, machineBytes: WorkEstimate.physicalMemoryBytes)
        }
    }
}
