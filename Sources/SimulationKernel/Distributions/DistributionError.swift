/// A rejected distribution parameter: which distribution, which parameter, the value given and
/// what is allowed.
///
/// Why so explicit: parameters come from files that analysts edit, and the message is what they
/// will read, so it names the parameter as they wrote it and echoes the offending value, e.g.
/// `exponential: mean must be > 0 and finite (got -3.0)`.
public struct DistributionError: Error, Equatable, CustomStringConvertible {
    /// The family, as in ``Distribution/name``: `"exponential"`, `"empirical"`, …
    public let distribution: String
    /// The parameter as the factory labels it: `"mean"`, `"sd"`, `"weights[2]"`, …
    public let parameter: String
    /// The rejected value as text: a number rendered by Swift (`"-3.0"`, `"nan"`, `"inf"`) or a
    /// summary for non-numeric problems (`"0 values"`).
    public let value: String
    /// What is allowed, phrased to follow "must be": `"> 0 and finite"`.
    public let requirement: String

    public init(distribution: String, parameter: String, value: String, requirement: String) {
        self.distribution = distribution
        self.parameter = parameter
        self.value = value
        self.requirement = requirement
    }

    public init(distribution: String, parameter: String, value: Double, requirement: String) {
        self.init(distribution: distribution, parameter: parameter, value: "\(value)", requirement: requirement)
    }

    /// `"<distribution>: <parameter> must be <requirement> (got <value>)"`.
    public var description: String {
        "\(distribution): \(parameter) must be \(requirement) (got \(value))"
    }
}
