import CompanyModel

/// What a command accepts: options with a value, flags, and positional arguments.
struct CommandSpec: Sendable {
    struct Option: Sendable {
        var name: String            // "--seed"
        var valueName: String       // "S"
        var help: String
        var repeatable = false
    }
    struct Flag: Sendable {
        var name: String            // "--quiet"
        var help: String
    }

    var name: String
    var summary: String
    var positionals: [(name: String, help: String)] = []
    /// Positionals after the first `positionals.count - 1` may repeat (e.g. `merge DIR...`).
    var lastPositionalRepeats = false
    var optionalPositionals = 0
    var options: [Option] = []
    var flags: [Flag] = []
    /// Paragraphs printed after the options by `bigclient help <command>` (file formats).
    var notes: [String] = []
}

/// The parsed command line of one command.
struct ParsedArguments: Equatable {
    var positionals: [String] = []
    var values: [String: [String]] = [:]
    var flags: Set<String> = []

    func value(_ option: String) -> String? { values[option]?.last }
    func allValues(_ option: String) -> [String] { values[option] ?? [] }
    func has(_ flag: String) -> Bool { flags.contains(flag) }

    /// The option's value as an integer in `range`, or `nil` when absent.
    func integer(_ option: String, in range: ClosedRange<Int>) throws(CommandLineError) -> Int? {
        guard let text = value(option) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw .invalidValue(option: option, value: text, allowed: "an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// The option's value as a finite number in `range`, or `nil` when absent.
    func number(_ option: String, in range: ClosedRange<Double>) throws(CommandLineError) -> Double? {
        guard let text = value(option) else { return nil }
        guard let number = Double(text), number.isFinite, range.contains(number) else {
            throw .invalidValue(option: option, value: text, allowed: "a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}

/// A small hand-written parser: `--name value`, `--name=value`, flags, positionals, and `--`
/// to end options. Errors are `CommandLineError` values with a suggestion for typos.
func parseArguments(_ arguments: [String], for spec: CommandSpec) throws(CommandLineError) -> ParsedArguments {
    var parsed = ParsedArguments()
    var index = 0
    var optionsEnded = false
    let knownNames = spec.options.map(\.name) + spec.flags.map(\.name) + ["--help"]
    while index < arguments.count {
        let argument = arguments[index]
        index += 1
        if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
            parsed.positionals.append(argument)
            continue
        }
        if argument == "--" { optionsEnded = true; continue }
        var name = argument
        var inlineValue: String?
        if let equals = argument.firstIndex(of: "=") {
            name = String(argument[..<equals])
            inlineValue = String(argument[argument.index(after: equals)...])
        }
        if let option = spec.options.first(where: { $0.name == name }) {
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < arguments.count, !arguments[index].hasPrefix("--") {
                value = arguments[index]
                index += 1
            } else {
                throw .missingValue(option: name, valueName: option.valueName)
            }
            if !option.repeatable, parsed.values[name] != nil {
                throw .invalidValue(option: name, value: value, allowed: "give '\(name)' once")
            }
            parsed.values[name, default: []].append(value)
        } else if spec.flags.contains(where: { $0.name == name }) || name == "--help" || name == "-h" {
            if let inlineValue { throw .invalidValue(option: name, value: inlineValue, allowed: "'\(name)' takes no value") }
            parsed.flags.insert(name == "-h" ? "--help" : name)
        } else {
            throw .unknownOption(name, command: spec.name, suggestion: Spelling.suggestion(for: name, among: knownNames))
        }
    }
    if parsed.has("--help") { return parsed }
    let required = spec.positionals.count - spec.optionalPositionals
    if parsed.positionals.count < required {
        throw .missingArgument(command: spec.name, name: spec.positionals[parsed.positionals.count].name)
    }
    if parsed.positionals.count > spec.positionals.count, !spec.lastPositionalRepeats {
        throw .unexpectedArgument(command: spec.name, value: parsed.positionals[spec.positionals.count])
    }
    return parsed
}
