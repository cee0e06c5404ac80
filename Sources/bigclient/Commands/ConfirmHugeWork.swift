import Experiments

/// Refuses, with the estimate, a run that would take more than an hour of CPU unless `--yes`
/// says the user means it (exit 64: the command line must change).
enum ConfirmHugeWork {
    struct Refusal: UserFacingError {
        let estimate: WorkEstimate
        var message: String {
            "this run is large: \(estimate.summary). Check the numbers (replications, horizon, points), or add --yes to run it"
        }
        var exitCode: ExitCode { .usage }
    }

    static func check(_ estimate: WorkEstimate, confirmed: Bool) throws {
        if estimate.needsConfirmation && !confirmed { throw Refusal(estimate: estimate) }
    }
}
