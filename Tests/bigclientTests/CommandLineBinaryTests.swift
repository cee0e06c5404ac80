import Testing
import Foundation

/// The built binary, run as a subprocess: output, errors and exit statuses as users see them.
@Suite("bigclient binary: command line")
struct CommandLineBinaryTests {
    @Test("--help lists the commands and exits 0")
    func help() throws {
        let outcome = try BinaryRunner.run(["--help"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("Usage: bigclient <command>"))
        #expect(outcome.stdout.contains("bench"))
    }

    @Test("--version prints the version")
    func version() throws {
        let outcome = try BinaryRunner.run(["--version"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasPrefix("bigclient "))
    }

    @Test("an unknown command exits 64 with a suggestion and the usage")
    func unknownCommand() throws {
        let outcome = try BinaryRunner.run(["bnech"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("error: unknown command 'bnech'. Did you mean 'bench'?"))
        #expect(outcome.stderr.contains("See 'bigclient --help'."))
    }

    @Test("an unknown option exits 64 and names the closest option")
    func unknownOption() throws {
        let outcome = try BinaryRunner.run(["bench", "--hold-event", "10"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("unknown option '--hold-event' for 'bench'. Did you mean '--hold-events'?"))
    }

    @Test("a bad value exits 64 and says what is allowed")
    func badValue() throws {
        let outcome = try BinaryRunner.run(["bench", "--days", "-5"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("the value '-5' is invalid for '--days'"))
    }

    @Test("no command at all is a usage error")
    func noCommand() throws {
        let outcome = try BinaryRunner.run([])
        #expect(outcome.status == 64)
    }

    @Test("bench runs small workloads and reports events per second")
    func bench() throws {
        let outcome = try BinaryRunner.run(["bench", "--hold-events", "20000", "--days", "2000", "--replications", "2", "--jobs", "2"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("events/s"))
        #expect(outcome.stdout.contains("kernel: hold, 1000 pending"))
        #expect(outcome.stdout.contains("kernel: M/M/8, 2 priority classes"))
        #expect(outcome.stdout.contains("model: historic-client: 2 reps × 3 runs, 2 jobs"))
        #expect(outcome.stdout.contains("Parallel speed-up"))
    }
}

/// One options parser for `run`, `sweep` and `breakeven`: the same mistake gets the same
/// message and exit status from each (issue #12).
@Suite("bigclient binary: one way to read the experiment options")
struct ExperimentOptionsBinaryTests {
    /// Each command with the least it needs to get past its own required options.
    static let commands: [[String]] = [
        ["run", "scenarios/small-shop.json5", "--out", "/tmp/bigclient-never-written"],
        ["sweep", "scenarios/small-shop.json5", "--vary", "technicians.count=4,5", "--out", "/tmp/bigclient-never-written"],
        ["breakeven", "scenarios/small-shop.json5", "--vary", "technicians.count=3:6", "--metric", "profit_eur"],
    ]

    static func firstLine(_ outcome: BinaryRunner.Outcome) -> String {
        String(outcome.stderr.split(separator: "\n").first ?? "")
    }

    @Test("the same bad value of an option gives the same exit status and message from run, sweep and breakeven",
          arguments: [["--horizon-days", "0"], ["--warmup-days", "9000"], ["--horizon-days", "soon"], ["--seed", "-1"],
                      ["--jobs", "0"], ["--confidence", "2"]])
    func sameMistakeSameMessage(option: [String]) throws {
        let outcomes = try Self.commands.map { try BinaryRunner.run($0 + option) }
        for outcome in outcomes { #expect(outcome.status == 64, "\(option): \(outcome.stderr)") }
        let messages = Set(outcomes.map(Self.firstLine))
        #expect(messages.count == 1, "\(option): \(messages)")
        #expect(messages.first?.hasPrefix("error: the value '\(option[1])' is invalid for '\(option[0])'") == true, "\(messages)")
    }

    @Test("--horizon-days 0 is judged by the scenario's own rule, in its words")
    func overridesJudgedByTheScenario() throws {
        let outcome = try BinaryRunner.run(Self.commands[0] + ["--horizon-days", "0"])
        #expect(Self.firstLine(outcome) == "error: the value '0' is invalid for '--horizon-days': simulation.horizonDays must be a number > 0 (got 0)")
    }

    @Test("a file that is wrong where an override goes is the file's mistake (65), not the option's")
    func fileMistakeBeforeOverride() throws {
        let root = try BinaryRunner.scratchDirectory("override")
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("bad.json5")
        try "{ simulation: { horizonDays: { mean: 3 } } }".write(to: file, atomically: true, encoding: .utf8)
        for command in Self.commands {
            let arguments = [command[0], file.path] + command.dropFirst(2) + ["--horizon-days", "30"]
            let outcome = try BinaryRunner.run(Array(arguments))
            #expect(outcome.status == 65, "\(command[0]): \(outcome.stderr)")
            #expect(outcome.stderr.contains("simulation.horizonDays must be a number (got an object)"), "\(command[0]): \(outcome.stderr)")
        }
    }

    @Test("a misspelt --policy or --metric gets 'did you mean' from every command (64)")
    func suggestionsEverywhere() throws {
        for command in Self.commands {
            let policy = try BinaryRunner.run(command + ["--policy", "Standard"])
            #expect(policy.status == 64, "\(command[0]): \(policy.stderr)")
            #expect(policy.stderr.contains("Did you mean 'standard'?"), "\(command[0]): \(policy.stderr)")
            let metricCommand = command[0] == "run" ? command + ["--precision", "0.1", "--metric", "proft_eur"]
                : command.filter { $0 != "--metric" && $0 != "profit_eur" } + ["--metric", "proft_eur"]
            let metric = try BinaryRunner.run(metricCommand)
            #expect(metric.status == 64, "\(command[0]): \(metric.stderr)")
            #expect(metric.stderr.contains("Did you mean 'profit_eur'?"), "\(command[0]): \(metric.stderr)")
        }
    }

    @Test("usage errors exit 64: sweep --design lhs without --samples, breakeven without --metric, and say what is needed")
    func usageErrors() throws {
        let lhs = try BinaryRunner.run(["sweep", "scenarios/small-shop.json5", "--vary", "technicians.count=4,5", "--design", "lhs"])
        #expect(lhs.status == 64, "\(lhs.stderr)")
        #expect(lhs.stderr.contains("'sweep' needs --samples <N>"), "\(lhs.stderr)")
        let metric = try BinaryRunner.run(["breakeven", "scenarios/small-shop.json5", "--vary", "technicians.count=3:6"])
        #expect(metric.status == 64, "\(metric.stderr)")
        #expect(metric.stderr.contains("'breakeven' needs --metric <M>"), "\(metric.stderr)")
    }
}
