/// Everything that can be wrong with a command line, as data; the wording lives in `message`.
enum CommandLineError: Error, Equatable {
    case missingCommand
    case unknownCommand(String, suggestion: String?)
    case unknownOption(String, command: String, suggestion: String?)
    case missingValue(option: String, valueName: String)
    case invalidValue(option: String, value: String, allowed: String)
    case missingArgument(command: String, name: String)
    case unexpectedArgument(command: String, value: String)
    case conflictingOptions(String, String)

    var message: String {
        switch self {
        case .missingCommand:
            return "no command given"
        case .unknownCommand(let name, let suggestion):
            return "unknown command '\(name)'" + (suggestion.map { ". Did you mean '\($0)'?" } ?? "")
        case .unknownOption(let option, let command, let suggestion):
            return "unknown option '\(option)' for '\(command)'" + (suggestion.map { ". Did you mean '\($0)'?" } ?? "")
        case .missingValue(let option, let valueName):
            return "option '\(option)' needs a value: \(option) <\(valueName)>"
        case .invalidValue(let option, let value, let allowed):
            return "the value '\(value)' is invalid for '\(option)': \(allowed)"
        case .missingArgument(let command, let name):
            return "'\(command)' needs the argument <\(name)>"
        case .unexpectedArgument(let command, let value):
            return "unexpected argument '\(value)' for '\(command)'"
        case .conflictingOptions(let a, let b):
            return "'\(a)' and '\(b)' cannot be used together"
        }
    }
}
