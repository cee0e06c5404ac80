import CompanyModel

/// The table of commands and the dispatch from the command line to one of them.
enum CommandRunner {
    static let version = "0.2.0"

    /// A command: its specification and the function that runs it on parsed arguments.
    struct Command: Sendable {
        var spec: CommandSpec
        var run: @Sendable (ParsedArguments) throws -> ExitCode
    }

    static let commands: [Command] = [
        Command(spec: RunCommand.spec, run: RunCommand.run),
        Command(spec: SweepCommand.spec, run: SweepCommand.run),
        Command(spec: MergeCommand.spec, run: MergeCommand.run),
        Command(spec: ReportCommand.spec, run: ReportCommand.run),
        Command(spec: BreakEvenCommand.spec, run: BreakEvenCommand.run),
        Command(spec: FitCommand.spec, run: FitCommand.run),
        Command(spec: CalibrateCommand.spec, run: CalibrateCommand.run),
        Command(spec: CheckCommand.spec, run: CheckCommand.run),
        Command(spec: ValidateCommand.spec, run: ValidateCommand.run),
        Command(spec: TraceCommand.spec, run: TraceCommand.run),
        Command(spec: InitCommand.spec, run: InitCommand.run),
        Command(spec: BenchCommand.spec, run: BenchCommand.run),
    ]

    /// Runs one command line (without the program name) and returns the exit status: the
    /// command's, or 74 when what it printed on stdout could not be written (`Console`).
    static func run(_ arguments: [String]) -> ExitCode {
        let status = dispatch(arguments)
        guard let reason = Console.outputFailure else { return status }
        Console.error("error: cannot write to standard output: \(reason)")
        return status == .success ? .ioError : status
    }

    static func dispatch(_ arguments: [String]) -> ExitCode {
        guard let first = arguments.first else {
            Console.error("error: \(CommandLineError.missingCommand.message)")
            Console.error(HelpText.usageLine + "\nSee 'bigclient --help'.")
            return .usage
        }
        switch first {
        case "--help", "-h", "help":
            if arguments.count > 1, let command = commands.first(where: { $0.spec.name == arguments[1] }) {
                Console.out(HelpText.help(for: command.spec))
            } else {
                Console.out(HelpText.overview(commands.map(\.spec)))
            }
            return .success
        case "--version", "version":
            Console.out("bigclient \(version)")
            return .success
        default:
            break
        }
        guard let command = commands.first(where: { $0.spec.name == first }) else {
            let error = first.hasPrefix("-")
                ? CommandLineError.unknownOption(first, command: "bigclient", suggestion: Spelling.suggestion(for: first, among: ["--help", "--version"]))
                : CommandLineError.unknownCommand(first, suggestion: Spelling.suggestion(for: first, among: commands.map(\.spec.name)))
            return report(error, spec: nil)
        }
        do {
            let parsed = try parseArguments(Array(arguments.dropFirst()), for: command.spec)
            if parsed.has("--help") {
                Console.out(HelpText.help(for: command.spec))
                return .success
            }
            return try command.run(parsed)
        } catch let error as CommandLineError {
            return report(error, spec: command.spec)
        } catch {
            let (message, status) = ErrorReport.of(error)
            Console.error("error: \(message)")
            return status
        }
    }

    static func report(_ error: CommandLineError, spec: CommandSpec?) -> ExitCode {
        Console.error("error: \(error.message)")
        Console.error("Usage: \(spec.map(HelpText.usage(for:)) ?? HelpText.usageLine)")
        Console.error("See 'bigclient \(spec.map { "help \($0.name)" } ?? "--help")'.")
        return .usage
    }
}
