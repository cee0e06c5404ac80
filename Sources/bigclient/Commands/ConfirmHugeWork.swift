import Foundation
import Experiments

/// Refuses, with the estimate, a run that would take more than an hour of CPU (or the
/// `--confirm-above` limit) unless `--yes` says the user means it (exit 64: the command line
/// must change).
enum ConfirmHugeWork {
    struct Refusal: UserFacingError {
        let estimate: WorkEstimate
        let thresholdCoreSeconds: Double
        var message: String {
            "this run is large: \(estimate.summary), more than the \(limitText) allowed without confirmation. "
                + "Check the numbers (replications, horizon, technicians, clients, points), or add --yes to run it"
        }
        var limitText: String {
            let hours = thresholdCoreSeconds / 3_600
            return hours == 1 ? "1 core-hour" : String(format: "%g core-hours (--confirm-above)", hours)
        }
        var exitCode: ExitCode { .usage }
    }

    static let option = CommandSpec.Option(
        name: "--confirm-above", valueName: "HOURS",
        help: "ask for --yes when the estimated CPU time exceeds HOURS core-hours (default 1)")

    /// Reads `--confirm-above` and `--yes`, and throws the refusal when the estimate is over the limit.
    static func check(_ estimate: WorkEstimate, arguments: ParsedArguments) throws {
        let hours = try arguments.number("--confirm-above", in: 0...1_000_000) ?? 1
        let threshold = hours * 3_600
        if estimate.needsConfirmation(thresholdCoreSeconds: threshold) && !arguments.has("--yes") {
            throw Refusal(estimate: estimate, thresholdCoreSeconds: threshold)
        }
    }
}
