import CompanyModel

/// The `sweep` section of a scenario file — the same sweep as `--vary` on the command line:
///
/// ```json5
/// sweep: {
///   vary: ["policies.standard.response.leaves.probability=0:1/6", "clients.key.ordersPerWeek=8:16/5"],
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
            throw .section(place: "\(fileName)", reason: "sweep must be an object with vary, design and samples (got \(section.messageText))")
        }
        for key in fields.keys where !["vary", "design", "samples"].contains(key) {
            throw .section(place: "\(fileName)", reason: "unknown field 'sweep.\(JSONValue.string(key).messageText.dropFirst().dropLast())' (sweep has vary, design, samples)")
        }
        var parameters: [SweepParameter] = []
        switch fields["vary"] {
        case .array(let items)?:
            for (index, item) in items.enumerated() {
                guard case .string(let text) = item else {
                    throw .section(place: "\(fileName)", reason: "sweep.vary[\(index)] must be a string \"PATH=VALUES\" (got \(item.messageText))")
                }
                do {
                    parameters.append(try SweepParameter(argument: text))
                } catch {
                    throw .section(place: "\(fileName)", reason: "sweep.vary[\(index)] must be \"PATH=VALUES\" (got \(JSONValue.string(text).messageText): \(error.reason))")
                }
            }
            if parameters.isEmpty {
                throw .section(place: "\(fileName)", reason: "sweep.vary must list at least one \"PATH=VALUES\" string (got [])")
            }
        case nil:
            throw .section(place: "\(fileName)", reason: "sweep.vary is required: a list of \"PATH=VALUES\" strings")
        default:
            throw .section(place: "\(fileName)", reason: "sweep.vary must be a list of \"PATH=VALUES\" strings (got \(fields["vary"]!.messageText))")
        }
        var design: SweepDesign?
        if let value = fields["design"] {
            guard case .string(let text) = value, let d = SweepDesign(rawValue: text) else {
                throw .section(place: "\(fileName)", reason: "sweep.design must be one of \"grid\", \"oat\", \"lhs\" (got \(value.messageText))")
            }
            design = d
        }
        var samples: Int?
        if let value = fields["samples"] {
            guard case .number(let n) = value, n == n.rounded(), n >= 2, n <= 100_000 else {
                throw .section(place: "\(fileName)", reason: "sweep.samples must be an integer from 2 to 100000 (got \(value.messageText))")
            }
            samples = Int(n)
        }
        return SweepSection(parameters: parameters, design: design, samples: samples)
    }
}
