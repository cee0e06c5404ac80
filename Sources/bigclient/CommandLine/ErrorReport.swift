import CompanyModel
import Experiments

/// The one mapping from an error to what the user reads on stderr and the exit status
/// (docs/troubleshooting.md lists them): commands throw the libraries' own errors, and only
/// here are they turned into words and a status, so the same failure reads and exits the same
/// from every command. `CommandLineError` also prints the usage (`CommandRunner.report`).
enum ErrorReport {
    static func of(_ error: any Error) -> (message: String, status: ExitCode) {
        switch error {
        case let error as CommandFailure:
            return (error.message, error.status)
        case let error as ScenarioError:
            return (error.description, error.isMissingInput ? .noInput : .dataError)
        case let error as CompanySimulation.Failure:
            return (error.description, .usage)   // a --policy the scenario does not have
        case let error as AtomicFile.Failure:
            switch error {
            case .cannotCreateDirectory, .inUse: return (error.description, .cannotCreate)
            case .cannotWrite: return (error.description, .ioError)
            }
        case let error as SweepRunner.Failure:
            switch error {
            case .output(let failure): return of(failure)
            case .policy(let failure): return of(failure)
            case .resumeMismatch, .unreadable: return (error.description, .dataError)
            case .interrupted: return (error.description, .interrupted)
            }
        case let error as SweepMerge.Failure:
            switch error {
            case .output(let failure): return of(failure)
            case .damaged: return (error.description, .dataError)
            case .noManifest, .mismatch, .shards, .incomplete, .unreadable: return (error.description, .noInput)
            }
        case let error as ReportRebuild.Failure:
            switch error {
            case .output(let failure): return of(failure)
            case .damaged: return (error.description, .dataError)
            case .missing, .notWhole: return (error.description, .noInput)
            }
        case let error as BreakEven.Failure:
            switch error {
            case .policy(let failure): return of(failure)
            case .interrupted: return (error.description, .interrupted)
            case .plan, .undefined: return (error.description, .dataError)
            case .unsuitable: return (error.description, .usage)
            }
        case let error as Experiment.Failure:
            switch error {
            case .policy(let failure): return of(failure)
            case .interrupted: return ("interrupted: stopped before the replications ended; nothing is kept", .interrupted)
            }
        case let error as KPIFile.Failure:
            return (error.description, error.isMissingInput ? .noInput : .dataError)
        case let error as RecordLogFailure:
            return (error.description, error.isMissingInput ? .noInput : .dataError)
        case let error as SweepPlan.Failure:
            return (error.description, .dataError)
        case let error as SweepParameter.Failure:
            return (error.description, .dataError)
        case let error as ValidationSetupError:
            switch error {
            case .scenario(let scenarioError): return of(scenarioError)
            case .noScenarios: return (error.description, .noInput)
            case .unsuitable: return (error.description, .dataError)
            }
        default:
            return ("\(error)", .failure)
        }
    }
}

/// A refusal that is the command's own, not a library's (the work gate, a command without
/// files to resume stopped on request), with its words and status.
struct CommandFailure: Error {
    let message: String
    let status: ExitCode

    /// A command without files to resume (`validate`, `breakeven`, `bench`) stopped on request.
    static func interrupted(_ what: String) -> CommandFailure {
        CommandFailure(message: "interrupted: the \(what) was stopped before it ended; nothing is kept", status: .interrupted)
    }
}
