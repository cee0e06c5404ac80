import CompanyModel

/// Everything that can be wrong with a command line, as data; the wording lives in `message`.
/// What the user typed is shown through `ScenarioError.printable`, as scenario values are:
/// escape sequences and invisible characters in an argument must not reach the terminal raw.
enum CommandLineError: Error, Equatable {
    case missingCommand
    case unknownCommand(String, suggestion: String?)
    case unknownOption(String, command: String, suggestion: String?)
    case missingValue(option: String, valueName: String)
    /// A required option left out: `reason` says why it is needed.
    case missingOption(command: String, option: String, valueName: String, reason: String)
    case invalidValue(option: String, value: String, allowed: String)
    case missingArgument(command: String, name: String)
    case unexpectedArgument(command: String, value: String)
    case conflictingOptions(String, String)

    var message: String {
        func shown(_ text: String) -> String { ScenarioError.printable(text) }
        switch self {
        case .missingCommand:
            return "no command given"
        case .unknownCommand(let name, let suggestion):
            return "unknown command '\(shown(name))'" + (suggestion.map { ". Did you mean '\(shown($0))'?" } ?? "")
        case .unknownOption(let option, let command, let suggestion):
            return "unknown option '\(shown(option))' for '\(shown(command))'" + (suggestion.map { ". Did you mean '\(shown($0))'?" } ?? "")
        case .missingValue(let option, let valueName):
            return "option '\(shown(option))' needs a value: \(shown(option)) <\(valueName)>"
        case .missingOption(let command, let option, let valueName, let reason):
            return "'\(shown(command))' needs \(shown(option)) <\(valueName)>: \(reason)"
        case .invalidValue(let option, let value, let allowed):
            return "the value '\(shown(value))' is invalid for '\(shown(option))': \(allowed)"
        case .missingArgument(let command, let name):
            return "'\(shown(command))' needs the argument <\(shown(name))>"
        case .unexpectedArgument(let command, let value):
            return "unexpected argument '\(shown(value))' for '\(shown(command))'"
        case .conflictingOptions(let a, let b):
            return "'\(shown(a))' and '\(shown(b))' cannot be used together"
        }
    }
}
