import CompanyModel

/// A scenario problem as the command line reports it: 66 when the file is missing or
/// unreadable, 65 when its content is wrong.
struct ScenarioFailure: UserFacingError {
    let error: ScenarioError
    var message: String { error.description }
    var exitCode: ExitCode { error.isMissingInput ? .noInput : .dataError }
}

/// A policy named on the command line that the scenario does not have (exit 64: usage).
struct UnknownPolicyFailure: UserFacingError {
    let failure: CompanySimulation.Failure
    var message: String { failure.description }
    var exitCode: ExitCode { .usage }
}

enum ScenarioLoading {
    static func load(_ path: String) throws -> Scenario {
        do {
            return try ScenarioReader.load(contentsOf: path)
        } catch {
            throw ScenarioFailure(error: error)
        }
    }

    static func simulation(_ scenario: Scenario, policy: String) throws -> CompanySimulation {
        do {
            return try CompanySimulation(scenario: scenario, policy: policy)
        } catch {
            throw UnknownPolicyFailure(failure: error)
        }
    }
}
