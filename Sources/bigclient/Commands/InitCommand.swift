import CompanyModel

/// `bigclient init`: prints a commented starter scenario that passes `check`.
enum InitCommand {
    static let spec = CommandSpec(
        name: "init",
        summary: "Print a commented starter scenario (redirect it to a file, then edit it).",
        positionals: [],
        options: [],
        flags: [])

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        Console.out(StarterScenario.text)
        return .success
    }
}
