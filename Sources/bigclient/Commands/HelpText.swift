/// All help wording in one place.
enum HelpText {
    static let usageLine = "bigclient <command> [options]"

    static func overview(_ specs: [CommandSpec]) -> String {
        var lines = [
            "bigclient — what-if simulation of a company and its historic big client.",
            "",
            "Usage: \(usageLine)",
            "",
            "Commands:",
        ]
        let width = (specs.map(\.name.count).max() ?? 0) + 2
        for spec in specs { lines.append("  " + spec.name.padding(toLength: width, withPad: " ", startingAt: 0) + spec.summary) }
        lines += [
            "",
            "Options:",
            "  --help       show this help, or 'bigclient help <command>' for one command",
            "  --version    print the version",
            "",
            "Exit status: 0 ok, 1 check failed, 64 usage, 65 bad scenario, 66 missing input,",
            "73/74 output errors, 130 interrupted.",
        ]
        return lines.joined(separator: "\n")
    }

    static func usage(for spec: CommandSpec) -> String {
        var parts = ["bigclient", spec.name]
        for (index, positional) in spec.positionals.enumerated() {
            let optional = index >= spec.positionals.count - spec.optionalPositionals
            let repeats = spec.lastPositionalRepeats && index == spec.positionals.count - 1
            let text = positional.name + (repeats ? "..." : "")
            parts.append(optional ? "[\(text)]" : text)
        }
        if !spec.options.isEmpty || !spec.flags.isEmpty { parts.append("[options]") }
        return parts.joined(separator: " ")
    }

    static func help(for spec: CommandSpec) -> String {
        var lines = [spec.summary, "", "Usage: \(usage(for: spec))"]
        if !spec.positionals.isEmpty {
            lines += ["", "Arguments:"]
            for positional in spec.positionals { lines.append("  \(positional.name.padding(toLength: 22, withPad: " ", startingAt: 0))\(positional.help)") }
        }
        if !spec.options.isEmpty || !spec.flags.isEmpty {
            lines += ["", "Options:"]
            for option in spec.options {
                let left = "\(option.name) <\(option.valueName)>" + (option.repeatable ? " ..." : "")
                lines.append("  \(left.padding(toLength: max(22, left.count + 2), withPad: " ", startingAt: 0))\(option.help)")
            }
            for flag in spec.flags {
                lines.append("  \(flag.name.padding(toLength: 22, withPad: " ", startingAt: 0))\(flag.help)")
            }
        }
        for note in spec.notes { lines += ["", note] }
        return lines.joined(separator: "\n")
    }
}
