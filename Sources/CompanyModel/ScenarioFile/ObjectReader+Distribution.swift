import SimulationKernel

/// Distributions in scenario files: an object naming the family and its parameters, as the
/// kernel's factories take them, or a bare number for a constant.
///
/// ```json5
/// workHours: { type: "lognormal", mean: 12, sd: 8 },
/// durationDays: { type: "empirical", values: [1, 2, 5], weights: [5, 3, 1] },
/// delayDays: 3,   // constant
/// ```
///
/// Parameter errors from the kernel (`DistributionError`) come back with the field path of the
/// parameter, `clients.regular.workHours.sd`.
extension ObjectReader {
    /// The families and their parameters, in the order the documentation gives them.
    static let distributionFamilies: [(type: String, parameters: [String])] = [
        ("constant", ["value"]),
        ("uniform", ["min", "max"]),
        ("triangular", ["min", "mode", "max"]),
        ("exponential", ["mean"]),
        ("normal", ["mean", "sd", "truncatedAtZero"]),
        ("lognormal", ["mean", "sd"]),
        ("gamma", ["mean", "sd"]),
        ("erlang", ["mean", "shape"]),
        ("empirical", ["values", "weights"]),
        ("bernoulli", ["probability"]),
        ("poisson", ["mean"]),
    ]

    /// The distribution `key`, or `fallback` when absent.
    ///
    /// - Parameter nonNegative: the quantity cannot be negative (work, durations), so families
    ///   that could draw below zero are refused unless their parameters exclude it (`normal`
    ///   needs `truncatedAtZero: true`, `uniform` and `triangular` need `min ≥ 0`, …).
    mutating func distribution(_ key: String, default fallback: Distribution,
                               nonNegative: Bool) throws(ScenarioError) -> Distribution {
        guard let value = raw(key) else { return fallback }
        return try Self.distribution(value, at: path.key(key), file: file, nonNegative: nonNegative)
    }

    static func distribution(_ value: JSONValue, at path: FieldPath, file: String,
                             nonNegative: Bool) throws(ScenarioError) -> Distribution {
        let values = ValueReader(file: file)
        if case .number(let number) = value {
            guard number.isFinite else { throw values.error(.outOfRange, path, value, "be a finite number") }
            if nonNegative && number < 0 {
                throw values.error(.outOfRange, path, value, "be ≥ 0: this quantity cannot be negative")
            }
            return try build(path, file) { () throws(DistributionError) in try .constant(number) }
        }
        let shape = "a distribution: a number, or an object such as { type: \"lognormal\", mean: 12, sd: 8 }"
        var reader = try ObjectReader(value, at: path, file: file, expected: shape)
        let types = distributionFamilies.map(\.type)
        guard let typeValue = reader.raw("type") else {
            throw reader.missing("type", "a distribution object names its family: "
                                 + types.map { JSONValue.quoted($0) }.joined(separator: ", "))
        }
        let typePath = path.key("type")
        guard case .string(let type) = typeValue else {
            throw values.typeError(typePath, typeValue, expected: "a string naming the distribution's family")
        }
        guard let family = distributionFamilies.first(where: { $0.type == type }) else {
            throw values.error(.unknownEnumValue, typePath, typeValue,
                               "be one of " + types.map { JSONValue.quoted($0) }.joined(separator: ", "),
                               suggestion: Spelling.suggestion(for: type, among: types))
        }
        // Unknown parameters first: a misspelt one would otherwise be reported as missing.
        for parameter in family.parameters { _ = reader.raw(parameter) }
        try reader.finish()
        let needs = "a \(type) distribution needs " + family.parameters.filter { $0 != "truncatedAtZero" && $0 != "weights" }
            .joined(separator: " and ")
        func need(_ key: String) throws(ScenarioError) -> Double {
            try reader.requiredNumber(key, .finite, why: needs)
        }
        func atLeastZero(_ key: String, _ number: Double) throws(ScenarioError) {
            if nonNegative && number < 0 {
                throw reader.error(.outOfRange, key, "be ≥ 0: this quantity cannot be negative")
            }
        }

        let distribution: Distribution
        switch type {
        case "constant":
            let number = try need("value")
            try atLeastZero("value", number)
            distribution = try build(path, file) { () throws(DistributionError) in try .constant(number) }
        case "uniform":
            let min = try need("min"), max = try need("max")
            try atLeastZero("min", min)
            distribution = try build(path, file) { () throws(DistributionError) in try .uniform(min: min, max: max) }
        case "triangular":
            let min = try need("min"), mode = try need("mode"), max = try need("max")
            try atLeastZero("min", min)
            distribution = try build(path, file) { () throws(DistributionError) in
                try .triangular(min: min, mode: mode, max: max)
            }
        case "exponential":
            let mean = try need("mean")
            distribution = try build(path, file) { () throws(DistributionError) in try .exponential(mean: mean) }
        case "normal":
            let mean = try need("mean"), sd = try need("sd")
            let truncated = try reader.bool("truncatedAtZero", default: false)
            if nonNegative && !truncated && !(sd == 0 && mean >= 0) {
                throw ScenarioError(kind: .outOfRange, file: file, path: path.key("truncatedAtZero").description,
                                    value: reader.has("truncatedAtZero") ? "false" : nil,
                                    requirement: "be true: this quantity cannot be negative, and a normal distribution "
                                        + "draws negative values unless truncated at zero")
            }
            distribution = try build(path, file) { () throws(DistributionError) in
                try .normal(mean: mean, sd: sd, truncatedAtZero: truncated)
            }
        case "lognormal":
            let mean = try need("mean"), sd = try need("sd")
            distribution = try build(path, file) { () throws(DistributionError) in try .lognormal(mean: mean, sd: sd) }
        case "gamma":
            let mean = try need("mean"), sd = try need("sd")
            distribution = try build(path, file) { () throws(DistributionError) in try .gamma(mean: mean, sd: sd) }
        case "erlang":
            let mean = try need("mean")
            let shape = try reader.requiredInteger("shape", .atLeast(1, cap: 1_000), why: needs)
            distribution = try build(path, file) { () throws(DistributionError) in try .erlang(mean: mean, shape: shape) }
        case "empirical":
            guard let points = try reader.numbers("values", .finite) else { throw reader.missing("values", needs) }
            let weights = try reader.numbers("weights", .finite) ?? Array(repeating: 1, count: points.count)
            if nonNegative, let index = points.firstIndex(where: { $0 < 0 }) {
                throw ScenarioError(kind: .outOfRange, file: file, path: path.key("values").index(index).description,
                                    value: JSONValue.format(points[index]),
                                    requirement: "be ≥ 0: this quantity cannot be negative")
            }
            distribution = try build(path, file) { () throws(DistributionError) in
                try .empirical(values: points, weights: weights)
            }
        case "bernoulli":
            let probability = try need("probability")
            distribution = try build(path, file) { () throws(DistributionError) in try .bernoulli(probability: probability) }
        default:  // "poisson"
            let mean = try need("mean")
            distribution = try build(path, file) { () throws(DistributionError) in try .poisson(mean: mean) }
        }
        return distribution
    }

    /// Runs a kernel factory, turning its `DistributionError` into a `ScenarioError` at the
    /// parameter's path.
    private static func build(_ path: FieldPath, _ file: String,
                              _ factory: () throws(DistributionError) -> Distribution) throws(ScenarioError) -> Distribution {
        do throws(DistributionError) {
            return try factory()
        } catch {
            // Re-render plain numbers the way the file writes them (-1, not -1.0).
            let value = Double(error.value).map(JSONValue.format) ?? error.value
            throw ScenarioError(kind: .outOfRange, file: file, path: path.key(error.parameter).description,
                                value: value, requirement: "be \(error.requirement)")
        }
    }
}
