import CompanyModel

/// The `sweep` section of a scenario file — the same sweep as `--vary` on the command line:
///
/// ```json5
/// sweep: {
///   vary: ["clients.key.keyClient.onEnforcement.leaveProbability=0:1/6", "clients.key.ordersPerWeek=8:16/5"],
///   design: "grid",      // grid | oat | lhs
///   samples: 20,         // for lhs
/// }
/// ```
public struct SweepSection: Sendable {
    public var parameters: [SweepParameter]
    public var design: SweepDesign?
    public var samples: Int?

    /// Reads the section, if the file has one; errors name `sweep.…`.
    public static func read(_ tree: JSONValue, fileName: String) throws(SweepParameter.Failure) -> SweepSection? {
        guard case .object(let root) = tree, let section = root["sweep"] else { return nil }
        guard case .object(let fields) = section else {
            throw .malformed("\(fileName): sweep", reason: "must be an object with vary, design and samples")
        }
        for key in fields.keys where !["vary", "design", "samples"].contains(key) {
            throw .malformed("\(fileName): sweep.\(key)", reason: "unknown field (sweep has vary, design, samples)")
        }
        var parameters: [SweepParameter] = []
        switch fields["vary"] {
        case .array(let items)?:
            for item in items {
                guard case .string(let text) = item else {
                    throw .malformed("\(fileName): sweep.vary", reason: "each entry is a string \"PATH=VALUES\"")
                }
                parameters.append(try SweepParameter(argument: text))
            }
        case nil:
            throw .malformed("\(fileName): sweep.vary", reason: "is required: a list of \"PATH=VALUES\" strings")
        default:
            throw .malformed("\(fileName): sweep.vary", reason: "must be a list of \"PATH=VALUES\" strings")
        }
        var design: SweepDesign?
        if let value = fields["design"] {
            guard case .string(let text) = value, let d = SweepDesign(rawValue: text) else {
                throw .malformed("\(fileName): sweep.design", reason: "must be one of \"grid\", \"oat\", \"lhs\" (got \(value.messageText))")
            }
            design = d
        }
        var samples: Int?
        if let value = fields["samples"] {
            guard case .number(let n) = value, n == n.rounded(), n >= 2, n <= 100_000 else {
                throw .malformed("\(fileName): sweep.samples", reason: "must be an integer from 2 to 100000 (got \(value.messageText))")
            }
            samples = Int(n)
        }
        return SweepSection(parameters: parameters, design: design, samples: samples)
    }
}
