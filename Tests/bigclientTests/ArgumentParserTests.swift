import Testing
import CompanyModel
@testable import bigclient

@Suite("Argument parser")
struct ArgumentParserTests {
    static let spec = CommandSpec(
        name: "run",
        summary: "test",
        positionals: [("SCENARIO", "scenario file")],
        options: [
            .init(name: "--seed", valueName: "S", help: ""),
            .init(name: "--policy", valueName: "P", help: "", repeatable: true),
        ],
        flags: [.init(name: "--quiet", help: "")])

    @Test("options take values separately or after '=', flags and positionals mix freely")
    func parsesForms() throws {
        let parsed = try parseArguments(["--seed", "7", "a.json5", "--policy=x", "--policy", "y", "--quiet"], for: Self.spec)
        #expect(parsed.positionals == ["a.json5"])
        #expect(parsed.value("--seed") == "7")
        #expect(parsed.allValues("--policy") == ["x", "y"])
        #expect(parsed.has("--quiet"))
    }

    @Test("an unknown option suggests the closest known one")
    func didYouMean() {
        #expect(throws: CommandLineError.unknownOption("--sed", command: "run", suggestion: "--seed")) {
            try parseArguments(["a", "--sed", "1"], for: Self.spec)
        }
        #expect(throws: CommandLineError.unknownOption("--zzzzzz", command: "run", suggestion: nil)) {
            try parseArguments(["a", "--zzzzzz"], for: Self.spec)
        }
    }

    @Test("missing values, missing arguments, extra arguments and repeats are usage errors")
    func usageErrors() {
        #expect(throws: CommandLineError.missingValue(option: "--seed", valueName: "S")) {
            try parseArguments(["a", "--seed"], for: Self.spec)
        }
        #expect(throws: CommandLineError.missingArgument(command: "run", name: "SCENARIO")) {
            try parseArguments([], for: Self.spec)
        }
        #expect(throws: CommandLineError.unexpectedArgument(command: "run", value: "b")) {
            try parseArguments(["a", "b"], for: Self.spec)
        }
        #expect(throws: CommandLineError.self) {
            try parseArguments(["a", "--seed", "1", "--seed", "2"], for: Self.spec)
        }
        #expect(throws: CommandLineError.self) {
            try parseArguments(["a", "--quiet=yes"], for: Self.spec)
        }
    }

    @Test("numbers are checked against their allowed range, and the message says what is allowed")
    func numericValues() throws {
        let parsed = try parseArguments(["a", "--seed", "-3"], for: Self.spec)
        do {
            _ = try parsed.integer("--seed", in: 0...100)
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "the value '-3' is invalid for '--seed': an integer from 0 to 100")
        }
        let ok = try parseArguments(["a", "--seed", "42"], for: Self.spec)
        #expect(try ok.integer("--seed", in: 0...100) == 42)
    }

    @Test("'--' ends options, so a file may start with a dash")
    func doubleDash() throws {
        let parsed = try parseArguments(["--", "-odd.json5"], for: Self.spec)
        #expect(parsed.positionals == ["-odd.json5"])
    }

    @Test("edit distance: the program's one spelling rule (CompanyModel's Spelling)", arguments: [
        ("bench", "bnech", 1), ("run", "run", 0), ("", "abc", 3), ("kitten", "sitting", 3), ("ca", "abc", 3),
    ])
    func distances(a: String, b: String, distance: Int) {
        #expect(Spelling.distance(a, b) == distance)
    }

    @Test("unknown commands suggest a known one")
    func unknownCommandSuggestion() {
        #expect(Spelling.suggestion(for: "benhc", among: ["bench", "run"]) == "bench")
        #expect(Spelling.suggestion(for: "xyz", among: ["bench", "run"]) == nil)
        #expect(Spelling.suggestion(for: "Run", among: ["bench", "run"]) == "run", "case is folded, as for fields and policies")
    }
}
