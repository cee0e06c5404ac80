import CompanyModel
import Foundation
import SimulationKernel
import Testing

/// docs/model.md's "Parameter reference" is what users read to write a scenario: every row's
/// default and range is held here against what the reader does.
///
/// A row's **default** is checked against the value the reader produces for a file that leaves
/// the field out (found by reflection at the row's path, so the Swift property path is the JSON
/// path). Numbers, booleans, enumeration values, lists and distributions are parsed from the
/// cell; a default given in words is checked by ``proseDefault(_:)``, which quotes the cell it
/// knows, so that a reworded cell fails until the check is updated too.
///
/// A row's **range** is checked up to its first `;` (what follows is advice or a rule that ties
/// several fields, tested in ScenarioReaderCrossFieldTests.swift): an interval `[a, b)` or bounds
/// `≥ a, ≤ b` must be the reader's — each inclusive bound accepted and a value just outside it
/// refused (by an out-of-range error at that very path), an exclusive bound refused and a value
/// just inside accepted, and a side without a bound accepting 10^12; an enumeration's listed
/// values must be the reader's values; `—` for a boolean means true and false only. Ranges in
/// words are checked by ``proseRange(_:)`` or listed there as not checkable, with the reason.
@Suite("docs/model.md's parameter reference agrees with the scenario reader")
struct ParameterReferenceTests {
    struct Row: CustomStringConvertible {
        var path: String
        var defaultText: String
        var rangeText: String
        var line: Int
        var description: String { "docs/model.md:\(line) \(path)" }
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The rows of every table under "## Parameter reference", in order.
    static let rows: [Row] = {
        let text = (try? String(contentsOf: root.appendingPathComponent("docs/model.md"), encoding: .utf8)) ?? ""
        var rows: [Row] = []
        var inReference = false
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            if line.hasPrefix("## ") { inReference = line == "## Parameter reference" }
            guard inReference, line.hasPrefix("| `") else { continue }
            let cells = line.dropFirst().dropLast().components(separatedBy: " | ")
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 6 else {
                rows.append(Row(path: "malformed row", defaultText: "", rangeText: line, line: index + 1))
                continue
            }
            rows.append(Row(path: cells[0].replacingOccurrences(of: "`", with: ""), defaultText: cells[3],
                            rangeText: cells[4], line: index + 1))
        }
        return rows
    }()

    // MARK: - The file the checks read

    /// A file that leaves out every field but names one ordinary group, one key-client group
    /// and one policy, so that `clients.<group>` and `policies.<policy>` rows have somewhere to
    /// be read.
    static let base: JSONValue = .object([
        "clients": .object(["regular": .object([:]), "key": .object(["isKeyClient": .bool(true)])]),
        "policies": .object(["p": .object([:])]),
    ])

    /// The row's path in ``base``: the key-client group for key-client fields, else `regular`.
    static func concrete(_ path: String) -> [String] {
        let group = path.contains(".keyClient") ? "key" : "regular"
        return path.replacingOccurrences(of: "<group>", with: group).replacingOccurrences(of: "<policy>", with: "p")
            .split(separator: ".").map(String.init)
    }

    /// The Swift property path of a JSON path: the same names.
    static func property(_ path: [String]) -> [String] { path }

    static func setting(_ tree: JSONValue, _ path: ArraySlice<String>, to value: JSONValue) -> JSONValue {
        guard let key = path.first else { return value }
        guard case .object(var fields) = tree else { return tree }
        fields[key] = setting(fields[key] ?? .object([:]), path.dropFirst(), to: value)
        return .object(fields)
    }

    static func read(_ tree: JSONValue, fileName: String = "scenarios/reference.json5") throws(ScenarioError) -> Scenario {
        try ScenarioReader.decode(tree, fileName: fileName)
    }

    // MARK: - Values by reflection

    /// The value at `path` (Swift property names; dictionary keys; `name[]` maps the rest of the
    /// path over an array's elements), optionals unwrapped; nil when absent or `nil`.
    static func value(at path: ArraySlice<String>, in subject: Any) -> Any? {
        var subject = subject
        let mirror = Mirror(reflecting: subject)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return nil }
            subject = wrapped
        }
        guard let component = path.first else { return subject }
        let rest = path.dropFirst()
        if component.hasSuffix("[]") {
            guard let array = value(at: [String(component.dropLast(2))], in: subject) else { return nil }
            return Mirror(reflecting: array).children.map { value(at: rest, in: $0.value) as Any }
        }
        let children = Mirror(reflecting: subject)
        if children.displayStyle == .dictionary {
            for entry in children.children {
                let pair = Mirror(reflecting: entry.value).children.map(\.value)
                if pair.count == 2, let key = pair[0] as? String, key == component { return value(at: rest, in: pair[1]) }
            }
            return nil
        }
        guard let child = children.children.first(where: { $0.label == component }) else { return nil }
        return value(at: rest, in: child.value)
    }

    static func number(_ value: Any?) -> Double? {
        guard let value else { return nil }
        if let x = value as? Double { return x }
        if let x = value as? Int { return Double(x) }
        if let x = value as? UInt64 { return Double(x) }
        return nil
    }

    // MARK: - Parsing cells

    /// `730`, `20,000`, `0.0020`, `2^40 − 1`.
    static func parseNumber(_ text: String) -> Double? {
        let text = text.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("2^") {
            let parts = text.dropFirst(2).components(separatedBy: " − ")
            guard let exponent = Double(parts[0]), parts.count <= 2 else { return nil }
            let power = Foundation.pow(2, exponent)
            if parts.count == 2 { return Double(parts[1]).map { power - $0 } }
            return power
        }
        guard text.range(of: #"^-?\d{1,3}(,\d{3})+$|^-?\d*\.?\d+$"#, options: .regularExpression) != nil else { return nil }
        return Double(text.replacingOccurrences(of: ",", with: ""))
    }

    enum Bound { case inclusive(Double), exclusive(Double) }

    /// `[0, 1)`, `(0, 24]`, `≥ 0`, `> 0, ≤ 36,500`: the bounds, or nil when the text is not one.
    static func parseBounds(_ text: String) -> (lower: Bound?, upper: Bound?)? {
        if let match = text.firstMatch(of: /^([\[(])([^,]+), ([^\])]+)([\])])$/),
           let low = parseNumber(String(match.2)), let high = parseNumber(String(match.3)) {
            return (match.1 == "[" ? .inclusive(low) : .exclusive(low), match.4 == "]" ? .inclusive(high) : .exclusive(high))
        }
        var lower: Bound?, upper: Bound?
        for clause in text.components(separatedBy: ", ") {
            guard let match = clause.firstMatch(of: /^(≥|>|≤|<) (.+)$/), let bound = parseNumber(String(match.2)) else {
                return nil
            }
            switch match.1 {
            case "≥": lower = .inclusive(bound)
            case ">": lower = .exclusive(bound)
            case "≤": upper = .inclusive(bound)
            default: upper = .exclusive(bound)
            }
        }
        return (lower, upper)
    }

    /// `` `a`, `b` `` → ["a", "b"].
    static func parseWords(_ text: String) -> [String]? {
        let words = text.components(separatedBy: ", ")
        guard words.allSatisfy({ $0.count > 2 && $0.hasPrefix("`") && $0.hasSuffix("`") }) else { return nil }
        return words.map { String($0.dropFirst().dropLast()) }
    }

    // MARK: - Defaults

    @Test("every row's default is what the reader gives a file that leaves the field out")
    func defaults() throws {
        #expect(Self.rows.count >= 90, "the parameter reference has about a hundred rows")
        let scenario = try Self.read(Self.base)
        for row in Self.rows {
            if try proseDefault(row) { continue }
            let actual = Self.value(at: Self.property(Self.concrete(row.path))[...], in: scenario)
            let text = row.defaultText
            if let expected = Self.parseNumber(text) {
                #expect(Self.number(actual) == expected, "\(row): the docs say \(text), the reader gives \(String(describing: actual))")
            } else if text == "true" || text == "false" {
                #expect(actual as? Bool == (text == "true"), "\(row): the docs say \(text)")
            } else if let words = Self.parseWords(text), words.count == 1 {
                #expect(actual.map { "\($0)" } == words[0], "\(row): the docs say \(text), the reader gives \(String(describing: actual))")
            } else if text.hasPrefix("[{") {
                let bands = (actual as? [PremiumBand])?.map { "{\(JSONValue.format($0.fromWeeklyHours)), \(JSONValue.format($0.premium))}" }
                #expect(bands.map { "[" + $0.joined(separator: ", ") + "]" } == text, "\(row): the docs say \(text)")
            } else if text.hasPrefix("[") {
                let list = (actual as? [Int]).map { "[" + $0.map(String.init).joined(separator: ", ") + "]" }
                #expect(list == text, "\(row): the docs say \(text), the reader gives \(String(describing: actual))")
            } else if let match = text.firstMatch(of: /^lognormal mean (\S+), sd (\S+)$/),
                      let mean = Double(match.1), let sd = Double(match.2) {
                #expect(actual as? Distribution == (try Distribution.lognormal(mean: mean, sd: sd)), "\(row): the docs say \(text)")
            } else if row.path.contains("[]") {
                let values: [Double?] = text.components(separatedBy: ", ").map(Self.parseNumber)
                #expect((actual as? [Any])?.map(Self.number) == values, "\(row): the docs say \(text)")
            } else {
                Issue.record("\(row): a default the test cannot read (\(text)); give it in a form the test parses or add it to proseDefault")
            }
        }
    }

    /// Defaults given in words: each case quotes the cell it checks. False when the row's
    /// default is not in words.
    func proseDefault(_ row: Row) throws -> Bool {
        func quoted(_ text: String) {
            #expect(row.defaultText == text, "\(row): the docs' wording changed; update this check")
        }
        switch row.path {
        case "name":
            quoted("the file name without extension")
            #expect(try Self.read(.object([:]), fileName: "studies/some-study.json5").name == "some-study")
        case "description":
            quoted("empty")
            #expect(try Self.read(.object([:])).description == "")
        case "clients":
            quoted("`key` (1 client, 12 orders/week of lognormal(12, 8) h, due in 10 days, 3 % late penalty, default traits) "
                   + "and `regular` (the group defaults)")
            let clients = try Self.read(.object([:])).clients
            #expect(clients.keys.sorted() == ["key", "regular"])
            let key = try #require(clients["key"])
            #expect(key.isKeyClient && key.count == 1 && key.ordersPerWeek == 12 && key.leadTimeDays == 10)
            #expect(key.workHours == (try Distribution.lognormal(mean: 12, sd: 8)) && key.latePenaltyFraction == 0.03)
            #expect(key.keyClient == KeyClientTraits())
            #expect(clients["regular"] == ClientGroup())
        case "policies":
            quoted("`indulge` and `standard` (as in `scenarios/historic-client.json5`)")
            let policies = try Self.read(.object([:])).policies
            let historic = try ScenarioReader.load(contentsOf: Self.root.appendingPathComponent("scenarios/historic-client.json5").path)
                .policies
            #expect(policies == historic)
        case "baseline":
            quoted("the only policy, else `indulge`")
            #expect(try Self.read(.object(["policies": .object(["only": .object([:])])])).baseline == "only")
            #expect(try Self.read(.object(["policies": .object(["a": .object([:]), "indulge": .object([:])])])).baseline == "indulge")
        case "simulation.decisionDay":
            quoted("end of warm-up")
            let simulation = try Self.read(Self.base).simulation
            #expect(simulation.decisionDay == nil && simulation.effectiveDecisionDay == simulation.warmupDays)
        case "newClients.joinGroup":
            quoted("first non-key group")
            let scenario = try Self.read(Self.base)
            #expect(scenario.newClients.joinGroup == nil && scenario.joiningGroupName == "regular")
        case let path where path.hasPrefix("policies.<policy>.response."):
            try responseDefault(row)
        case "calendar.holidays":
            quoted("`france`")
            #expect(try Self.read(Self.base).calendar.holidays == PublicHolidays(set: .france, extraDates: []))
        case "clients.<group>.count":
            quoted("30 (1 in the key-client group)")
            let clients = try Self.read(Self.base).clients
            #expect(clients["regular"]?.count == 30 && clients["key"]?.count == 1)
        default:
            return false
        }
        return true
    }

    /// A file whose studied policy `q` changes the terms (a discount) and responds with
    /// `outcome` alone, written with `fields` (the baseline `p` keeps the standard terms).
    static func responding(_ outcome: String, _ fields: [String: JSONValue]) -> JSONValue {
        var policy = fields
        policy["probability"] = .number(1)
        return .object([
            "clients": .object(["regular": .object([:]), "key": .object(["isKeyClient": .bool(true)])]),
            "policies": .object(["p": .object([:]), "q": .object([
                "keyClientTerms": .object(["discount": .number(0.1)]),
                "response": .object([outcome: .object(policy)]),
            ])]),
            "baseline": .string("p"),
        ])
    }

    /// The response's fields have no value on a policy without a response: their defaults are
    /// "required" (leaving the field out is refused, naming it) or a number (the outcome read
    /// without it has that value).
    func responseDefault(_ row: Row) throws {
        let parts = row.path.split(separator: ".").map(String.init)   // policies <policy> response OUTCOME FIELD
        let (outcome, field) = (parts[3], parts[4])
        let required: [String: JSONValue] = ["leavesLater": .object(["months": .number(6)]),
                                             "reducesVolume": .object(["volumeFactor": .number(0.85)])]
        var fields: [String: JSONValue] = [:]
        if case .object(let needed)? = required[outcome] { fields = needed }
        if row.defaultText == "required" {
            fields[field] = nil
            var tree = Self.responding(outcome, fields)
            if field == "probability" {
                tree = Self.setting(tree, ["policies", "q", "response", outcome], to: .object(fields))
            }
            do {
                _ = try Self.read(tree)
                Issue.record("\(row): the docs say required, but a file without it is accepted")
            } catch {
                #expect(error.kind == .missingField && error.path == "policies.q.response.\(outcome).\(field)",
                        "\(row): the docs say required, the reader says \(error.description)")
            }
        } else {
            let expected = try #require(Self.parseNumber(row.defaultText), "\(row): a default the test cannot read")
            let response = try #require(try Self.read(Self.responding(outcome, fields)).policies["q"]?.response)
            let actual = Self.value(at: [field], in: try #require(response.outcomes.first))
            #expect(Self.number(actual) == expected, "\(row): the docs say \(row.defaultText), the reader gives \(String(describing: actual))")
        }
    }

    // MARK: - Ranges

    enum Verdict: Equatable { case accepted, refused }

    /// Whether the reader refuses `tree` by the rule of the field at `errorPath`: an
    /// out-of-range, wrong-type or unknown-value error at that very path. Errors elsewhere (a
    /// cross-field rule naming another field) do not count: they are not this field's range.
    static func verdict(of tree: JSONValue, at errorPath: String) -> Verdict {
        do {
            _ = try read(tree)
            return .accepted
        } catch {
            let own = error.path == errorPath && [.outOfRange, .wrongType, .unknownEnumValue].contains(error.kind)
            return own ? .refused : .accepted
        }
    }

    /// ``verdict(of:at:)`` for ``base`` with `value` at `path`.
    static func verdict(_ path: [String], _ value: JSONValue, errorPath: String? = nil) -> Verdict {
        verdict(of: setting(base, path[...], to: value), at: errorPath ?? path.joined(separator: "."))
    }

    /// Other fields set while a row's bounds are tried, where a rule tying the two (documented
    /// after the `;`) would otherwise refuse a bound at the same path: a 24-hour shift needs a
    /// shift that starts at midnight.
    /// An outcome of a response is read only with its required fields, so those are set
    /// while another of its fields is tried.
    static let contexts: [String: [(field: String, value: JSONValue)]] = {
        var contexts: [String: [(field: String, value: JSONValue)]] = [
            "calendar.shiftLengthHours": [("calendar.shiftStartHour", .number(0))],
        ]
        for (outcome, fields) in responseRequiredFields {
            for field in ["months", "volumeFactor", "abuseFactor"] {
                contexts["policies.<policy>.response.\(outcome).\(field)"] = fields.filter { !$0.field.hasSuffix("." + field) }
            }
        }
        return contexts
    }()

    /// The fields each outcome cannot be read without, set in ``base``'s policy `p`.
    static let responseRequiredFields: [String: [(field: String, value: JSONValue)]] = [
        "leaves": [("policies.p.response.leaves.probability", .number(1))],
        "leavesLater": [("policies.p.response.leavesLater.probability", .number(1)),
                        ("policies.p.response.leavesLater.months", .number(6))],
        "reducesVolume": [("policies.p.response.reducesVolume.probability", .number(1)),
                          ("policies.p.response.reducesVolume.volumeFactor", .number(0.85))],
        "accepts": [("policies.p.response.accepts.probability", .number(1))],
    ]

    /// The tree holding `x` in the row's field, and the path an error about it names. A field
    /// of list elements (`premiumBands[].premium`) gets a one-element list: the default's first
    /// element with the field changed.
    static func placing(_ x: Double, in row: Row, defaults scenario: Scenario) -> (tree: JSONValue, errorPath: String)? {
        let path = concrete(row.path)
        var base = base
        for (field, value) in contexts[row.path] ?? [] {
            base = setting(base, field.split(separator: ".").map(String.init)[...], to: value)
        }
        guard let arrayIndex = path.firstIndex(where: { $0.hasSuffix("[]") }) else {
            return (setting(base, path[...], to: .number(x)), path.joined(separator: "."))
        }
        let arrayPath = Array(path[..<arrayIndex]) + [String(path[arrayIndex].dropLast(2))]
        let field = path[(arrayIndex + 1)...].joined(separator: ".")
        guard let list = value(at: arrayPath[...], in: scenario), let first = Mirror(reflecting: list).children.first?.value
        else { return nil }
        var element: [String: JSONValue] = [:]
        for child in Mirror(reflecting: first).children {
            if let label = child.label, let number = number(child.value) { element[label] = .number(number) }
        }
        element[field] = .number(x)
        return (setting(base, arrayPath[...], to: .array([.object(element)])),
                arrayPath.joined(separator: ".") + "[0]." + field)
    }

    @Test("every row's range is the reader's")
    func ranges() throws {
        let scenario = try Self.read(Self.base)
        for row in Self.rows {
            if try proseRange(row) { continue }
            let clause = row.rangeText.components(separatedBy: ";")[0].trimmingCharacters(in: .whitespaces)
            let path = Self.concrete(row.path)
            let defaultValue = Self.value(at: Self.property(path)[...], in: scenario)
            if let (lower, upper) = Self.parseBounds(clause) {
                let isInteger = defaultValue is Int || defaultValue is UInt64
                func step(_ x: Double) -> Double { isInteger ? 1 : max(abs(x), 1) * 1e-9 }
                func check(_ x: Double, _ expected: Verdict, _ why: String) {
                    guard let (tree, errorPath) = Self.placing(x, in: row, defaults: scenario) else {
                        Issue.record("\(row): no default list to place a value in")
                        return
                    }
                    #expect(Self.verdict(of: tree, at: errorPath) == expected,
                            "\(row): the docs say \(clause), so \(JSONValue.format(x)) should be \(expected) (\(why))")
                }
                switch lower {
                case .inclusive(let a): check(a, .accepted, "the lower bound"); check(a - step(a), .refused, "just below")
                case .exclusive(let a): check(a, .refused, "the excluded lower bound"); check(a + step(a), .accepted, "just above")
                case nil: check(-1e12, .accepted, "no lower bound")
                }
                switch upper {
                case .inclusive(let b): check(b, .accepted, "the upper bound"); check(b + step(b), .refused, "just above")
                case .exclusive(let b): check(b, .refused, "the excluded upper bound"); check(b - step(b), .accepted, "just below")
                case nil: check(1e12, .accepted, "no upper bound")
                }
            } else if let words = Self.parseWords(clause) {
                for word in words {
                    #expect(Self.verdict(path, .string(word)) == .accepted, "\(row): the docs list '\(word)'")
                }
                do {
                    _ = try Self.read(Self.setting(Self.base, path[...], to: .string("notAValue")))
                    Issue.record("\(row): an unlisted value is accepted")
                } catch {
                    let allowed = "be one of " + words.map { "\"\($0)\"" }.joined(separator: ", ")
                    #expect(error.kind == .unknownEnumValue && error.requirement == allowed,
                            "\(row): the docs list \(clause), the reader says \(error.requirement)")
                }
            } else if clause == "—" && defaultValue is Bool {
                #expect(Self.verdict(path, .bool(true)) == .accepted && Self.verdict(path, .bool(false)) == .accepted, "\(row)")
                #expect(Self.verdict(path, .number(1)) == .refused, "\(row): a boolean only")
            } else {
                Issue.record("\(row): a range the test cannot read (\(row.rangeText)); write it as [a, b], ≥ a, ≤ b or a list of values, or add it to proseRange")
            }
        }
    }

    /// Ranges in words: each case quotes the cell's first clause and checks it, or says why it
    /// cannot be checked. False when the row's range is not in words.
    func proseRange(_ row: Row) throws -> Bool {
        let clause = row.rangeText.components(separatedBy: ";")[0].trimmingCharacters(in: .whitespaces)
        func quoted(_ text: String) {
            #expect(row.rangeText.hasPrefix(text), "\(row): the docs' wording changed; update this check")
        }
        let path = Self.concrete(row.path)
        func verdict(_ value: JSONValue, at errorPath: String? = nil) -> Verdict {
            Self.verdict(path, value, errorPath: errorPath)
        }
        let ints: ([Int]) -> JSONValue = { .array($0.map { .number(Double($0)) }) }
        switch row.path {
        case "name":
            quoted("1–100 letters, digits, `-`, `_`, `.`, not starting with `.`")
            #expect(verdict(.string(String(repeating: "a", count: 100))) == .accepted)
            #expect(verdict(.string("a-b_c.d")) == .accepted)
            #expect(verdict(.string(String(repeating: "a", count: 101))) == .refused)
            #expect(verdict(.string("")) == .refused && verdict(.string("a b")) == .refused && verdict(.string(".a")) == .refused)
        case "description":
            quoted("any text")
            #expect(verdict(.string("anything at all, even ; and |")) == .accepted && verdict(.number(1)) == .refused)
        case "clients", "policies":
            let isClients = row.path == "clients"
            quoted(isClients ? "≥ 1 group, at most one with `isKeyClient: true`; names of 1–64 letters, digits, `-`, `_`"
                             : "≥ 1; names as for groups")
            let entry: JSONValue = .object([:])
            #expect(verdict(.object([:])) == .refused, "\(row): an empty map")
            #expect(verdict(.object([String(repeating: "n", count: 64): entry])) == .accepted, "\(row): a 64-character name")
            #expect(verdict(.object([String(repeating: "n", count: 65): entry])) == .refused, "\(row): a 65-character name")
            #expect(verdict(.object(["a.b": entry])) == .refused, "\(row): a name with '.'")
            if isClients {
                let twoKeys: JSONValue = .object(["a": .object(["isKeyClient": .bool(true)]), "b": .object(["isKeyClient": .bool(true)])])
                #expect(throws: ScenarioError.self, "two key-client groups") { try Self.read(Self.setting(Self.base, ["clients"], to: twoKeys)) }
            }
        case "baseline":
            quoted("a key of `policies`")
            #expect(verdict(.string("p")) == .accepted)
            do {
                _ = try Self.read(Self.setting(Self.base, ["baseline"], to: .string("q")))
                Issue.record("\(row): a baseline that names no policy is accepted")
            } catch {
                #expect(error.path == "baseline")
            }
        case "calendar.workingWeekdays":
            quoted("values in 0…6, not empty (duplicates ignored)")
            #expect(verdict(ints([0, 1, 2, 3, 4, 5, 6])) == .accepted && verdict(ints([0, 0, 3])) == .accepted)
            #expect(verdict(ints([])) == .refused)
            #expect(verdict(ints([-1]), at: "calendar.workingWeekdays[0]") == .refused)
            #expect(verdict(ints([1, 7]), at: "calendar.workingWeekdays[1]") == .refused)
        case "calendar.startDate":
            quoted("a Monday that exists in the Gregorian calendar")
            #expect(verdict(.string("2027-01-04")) == .accepted && verdict(.string("2024-01-01")) == .accepted)
            #expect(verdict(.string("2027-01-06")) == .refused, "a Wednesday")
            #expect(verdict(.string("2027-02-29")) == .refused && verdict(.string("4 January 2027")) == .refused)
            #expect(verdict(.number(20270104)) == .refused)
        case "calendar.holidays":
            quoted("a name of `calendar.holidays.set`, or an object; not a list of numbers (the old day-of-year form)")
            for name in ["france", "france-alsace-moselle", "none"] { #expect(verdict(.string(name)) == .accepted, "\(name)") }
            #expect(verdict(.object(["set": .string("none")])) == .accepted)
            #expect(verdict(ints([1, 121])) == .refused && verdict(.string("germany")) == .refused)
        case "calendar.holidays.extraDates":
            quoted("dates `\"YYYY-MM-DD\"` that exist; duplicates ignored")
            let dates = { (texts: [String]) in JSONValue.array(texts.map { .string($0) }) }
            #expect(verdict(dates(["2027-08-16", "2027-08-16", "2030-12-24"])) == .accepted && verdict(dates([])) == .accepted)
            #expect(verdict(dates(["2027-08-16", "2027-02-30"]), at: "calendar.holidays.extraDates[1]") == .refused)
            #expect(verdict(ints([227]), at: "calendar.holidays.extraDates[0]") == .refused)
        case "technicians.overtime.premiumBands":
            quoted("increasing `fromWeeklyHours`")
            func bands(_ from: [Double]) -> JSONValue {
                .array(from.map { .object(["fromWeeklyHours": .number($0), "premium": .number(0.25)]) })
            }
            let tree = { (b: JSONValue) in Self.setting(Self.base, path[...], to: b) }
            #expect(throws: Never.self) { try Self.read(tree(bands([35, 43, 50]))) }
            #expect(throws: ScenarioError.self, "equal bounds") { try Self.read(tree(bands([35, 35]))) }
            #expect(throws: ScenarioError.self, "decreasing bounds") { try Self.read(tree(bands([43, 35]))) }
        case "technicians.sickLeave.durationDays", "technicians.burnout.durationDays", "clients.<group>.workHours":
            let cap = row.path.hasPrefix("clients") ? 10_000.0 : 36_500
            quoted("values ≥ 0; mean and sd ≤ " + (row.path.hasPrefix("clients") ? "10,000" : "36,500"))
            func distribution(_ fields: [String: JSONValue]) -> JSONValue { .object(fields) }
            let exponential = { (mean: Double) in distribution(["type": .string("exponential"), "mean": .number(mean)]) }
            #expect(throws: Never.self) { try Self.read(Self.setting(Self.base, path[...], to: exponential(cap))) }
            do {
                _ = try Self.read(Self.setting(Self.base, path[...], to: exponential(cap + 1)))
                Issue.record("\(row): a mean above \(cap) is accepted")
            } catch {
                #expect(error.path == path.joined(separator: "."), "\(row)")
            }
            #expect(verdict(.number(0)) == .accepted && verdict(.number(-1)) == .refused)
            let uniform = { (low: Double) in distribution(["type": .string("uniform"), "min": .number(low), "max": .number(4)]) }
            #expect(verdict(uniform(0)) == .accepted)
            #expect(verdict(uniform(-0.5), at: path.joined(separator: ".") + ".min") == .refused)
            let normal = distribution(["type": .string("normal"), "mean": .number(5), "sd": .number(2)])
            #expect(verdict(normal, at: path.joined(separator: ".") + ".truncatedAtZero") == .refused,
                    "\(row): an untruncated normal can draw below 0")
        case "clients.<group>.churn.sensitivity":
            quoted("[0, 1 − `baseMonthly`]")
            let base = try Self.read(Self.base).clients["regular"]!.churn.baseMonthly
            #expect(verdict(.number(0)) == .accepted && verdict(.number(-1e-9)) == .refused)
            do {
                _ = try Self.read(Self.setting(Self.base, path[...], to: .number(1 - base + 1e-9)))
                Issue.record("\(row): a sensitivity above 1 − baseMonthly is accepted")
            } catch {
                #expect(error.path == path.joined(separator: "."), "\(row)")
            }
            #expect(throws: Never.self) { try Self.read(Self.setting(Self.base, path[...], to: .number(1 - base))) }
        case "newClients.joinGroup":
            quoted("a non-key group")
            #expect(throws: Never.self) { try Self.read(Self.setting(Self.base, path[...], to: .string("regular"))) }
            #expect(throws: ScenarioError.self, "the key-client group") { try Self.read(Self.setting(Self.base, path[...], to: .string("key"))) }
            #expect(throws: ScenarioError.self, "no such group") { try Self.read(Self.setting(Self.base, path[...], to: .string("nope"))) }
        default:
            return false
        }
        return true
    }

    // MARK: - Completeness

    /// The objects whose fields the tables list, with the reader's name for the same object in
    /// ``base``. The top level also takes `sweep`, which belongs to `bigclient sweep`
    /// (docs/recipes.md), not to the model.
    static let sections: [(docs: String, reader: String, undocumented: Set<String>)] = [
        ("", "", ["sweep"]), ("simulation", "simulation", []), ("calendar", "calendar", []),
        ("calendar.holidays", "calendar.holidays", []),
        ("technicians", "technicians", []), ("technicians.overtime", "technicians.overtime", []),
        ("technicians.sickPay", "technicians.sickPay", []), ("technicians.annualLeave", "technicians.annualLeave", []),
        ("technicians.stress", "technicians.stress", []), ("technicians.sickLeave", "technicians.sickLeave", []),
        ("technicians.burnout", "technicians.burnout", []), ("technicians.resignation", "technicians.resignation", []),
        ("technicians.hiring", "technicians.hiring", []), ("clients.<group>", "clients.regular", []),
        ("clients.<group>.churn", "clients.regular.churn", []), ("clients.<group>.keyClient", "clients.key.keyClient", []),
        ("newClients", "newClients", []), ("money", "money", []), ("managers", "managers", []),
        ("policies.<policy>", "policies.p", []),
        ("policies.<policy>.keyClientTerms", "policies.p.keyClientTerms", []),
        ("policies.<policy>.response", "policies.p.response", []),
        ("policies.<policy>.response.leaves", "policies.p.response.leaves", []),
        ("policies.<policy>.response.leavesLater", "policies.p.response.leavesLater", []),
        ("policies.<policy>.response.reducesVolume", "policies.p.response.reducesVolume", []),
        ("policies.<policy>.response.accepts", "policies.p.response.accepts", []),
    ]

    @Test("the tables list every field the reader knows, and no other", arguments: ParameterReferenceTests.sections.map { $0.docs })
    func everyFieldIsListed(section: String) throws {
        let entry = try #require(Self.sections.first { $0.docs == section })
        let prefix = section.isEmpty ? "" : section + "."
        let documented = Set(Self.rows.compactMap { row -> String? in
            guard row.path.hasPrefix(prefix) else { return nil }
            return row.path.dropFirst(prefix.count).split(separator: ".").first
                .map { String($0).replacingOccurrences(of: "[]", with: "") }
        })
        let path = entry.reader.isEmpty ? [] : entry.reader.split(separator: ".").map(String.init)
        var tree = Self.base
        if section.hasPrefix("policies.<policy>.response."),
           let fields = Self.responseRequiredFields[String(section.split(separator: ".")[3])] {
            for (field, value) in fields { tree = Self.setting(tree, field.split(separator: ".").map(String.init)[...], to: value) }
        }
        let probe = Self.setting(tree, (path + ["zzUnknownField"])[...], to: .number(1))
        do {
            _ = try Self.read(probe)
            Issue.record("an unknown field in \(section) is accepted")
        } catch {
            let listing = error.requirement.replacingOccurrences(of: "known fields here: ", with: "")
            let known = Set(listing.components(separatedBy: ", "))
            #expect(error.kind == .unknownField)
            #expect(known.subtracting(entry.undocumented) == documented,
                    "'\(section)': the reader knows \(known.sorted()), the docs list \(documented.sorted())")
        }
    }
}
