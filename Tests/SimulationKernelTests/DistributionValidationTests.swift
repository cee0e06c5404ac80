import SimulationKernel
import Testing

@Suite("Distribution parameters: validation and description")
struct DistributionValidationTests {
    struct BadParameters: Sendable, CustomStringConvertible {
        let make: @Sendable () throws -> Distribution
        let message: String
        var description: String { message }
    }

    static let bad: [BadParameters] = [
        .init(make: { try .constant(.infinity) }, message: "constant: value must be finite (got inf)"),
        .init(make: { try .uniform(min: 2, max: 1) }, message: "uniform: max must be ≥ min (2.0) (got 1.0)"),
        .init(make: { try .uniform(min: .nan, max: 1) }, message: "uniform: min must be finite (got nan)"),
        .init(make: { try .uniform(min: -1e308, max: 1e308) },
              message: "uniform: max must be within a finite distance of min (-1e+308) (got 1e+308)"),
        .init(make: { try .triangular(min: 0, mode: 5, max: 4) },
              message: "triangular: mode must be within [min, max] = [0.0, 4.0] (got 5.0)"),
        .init(make: { try .triangular(min: 3, mode: 2, max: 1) }, message: "triangular: max must be ≥ min (3.0) (got 1.0)"),
        .init(make: { try .exponential(mean: -3) }, message: "exponential: mean must be > 0 and finite (got -3.0)"),
        .init(make: { try .exponential(mean: 0) }, message: "exponential: mean must be > 0 and finite (got 0.0)"),
        .init(make: { try .exponential(mean: .nan) }, message: "exponential: mean must be > 0 and finite (got nan)"),
        .init(make: { try .exponential(mean: .infinity) }, message: "exponential: mean must be > 0 and finite (got inf)"),
        .init(make: { try .normal(mean: 0, sd: -1) }, message: "normal: sd must be ≥ 0 and finite (got -1.0)"),
        .init(make: { try .normal(mean: -.infinity, sd: 1) }, message: "normal: mean must be finite (got -inf)"),
        .init(make: { try .normal(mean: -100, sd: 2, truncatedAtZero: true) },
              message: "normal: mean must be ≥ −30·sd = -60.0 when truncatedAtZero (got -100.0)"),
        .init(make: { try .normal(mean: -1, sd: 0, truncatedAtZero: true) },
              message: "normal: mean must be ≥ −30·sd = 0.0 when truncatedAtZero (got -1.0)"),
        .init(make: { try .lognormal(mean: 0, sd: 1) }, message: "lognormal: mean must be > 0 and finite (got 0.0)"),
        .init(make: { try .lognormal(mean: 19, sd: -15) }, message: "lognormal: sd must be ≥ 0 and finite (got -15.0)"),
        .init(make: { try .gamma(mean: 1, sd: 0) }, message: "gamma: sd must be > 0 and finite (got 0.0)"),
        .init(make: { try .gamma(mean: -1, sd: 1) }, message: "gamma: mean must be > 0 and finite (got -1.0)"),
        .init(make: { try .erlang(mean: 1, shape: 0) }, message: "erlang: shape must be an integer ≥ 1 (got 0)"),
        .init(make: { try .erlang(mean: .nan, shape: 2) }, message: "erlang: mean must be > 0 and finite (got nan)"),
        .init(make: { try .empirical(values: [], weights: []) }, message: "empirical: values must be non-empty (got 0 values)"),
        .init(make: { try .empirical(values: [1, 2], weights: [1]) },
              message: "empirical: weights must be as many as values (2) (got 1 weights)"),
        .init(make: { try .empirical(values: [1, .nan], weights: [1, 1]) },
              message: "empirical: values[1] must be finite (got nan)"),
        .init(make: { try .empirical(values: [1, 2], weights: [1, -1]) },
              message: "empirical: weights[1] must be ≥ 0 and finite (got -1.0)"),
        .init(make: { try .empirical(values: [1, 2], weights: [0, 0]) },
              message: "empirical: weights must be non-negative with a positive sum (got all zero)"),
        .init(make: { try .bernoulli(probability: 1.5) }, message: "bernoulli: probability must be in [0, 1] (got 1.5)"),
        .init(make: { try .bernoulli(probability: -0.1) }, message: "bernoulli: probability must be in [0, 1] (got -0.1)"),
        .init(make: { try .bernoulli(probability: .nan) }, message: "bernoulli: probability must be in [0, 1] (got nan)"),
        .init(make: { try .poisson(mean: -1) }, message: "poisson: mean must be ≥ 0 and finite (got -1.0)"),
    ]

    @Test("bad parameters are rejected with a message naming parameter and value", arguments: bad)
    func rejected(_ bad: BadParameters) {
        let error = #expect(throws: DistributionError.self) { try bad.make() }
        #expect(error?.description == bad.message)
    }

    @Test func errorFields() {
        #expect(throws: DistributionError(distribution: "exponential", parameter: "mean", value: "-3.0",
                                          requirement: "> 0 and finite")) {
            try Distribution.exponential(mean: -3)
        }
        #expect(throws: DistributionError(distribution: "empirical", parameter: "weights[0]", value: -2.5,
                                          requirement: "≥ 0 and finite")) {
            try Distribution.empirical(values: [1], weights: [-2.5])
        }
    }

    @Test func edgeValuesAccepted() throws {
        _ = try Distribution.bernoulli(probability: 0)
        _ = try Distribution.bernoulli(probability: 1)
        _ = try Distribution.poisson(mean: 0)
        _ = try Distribution.triangular(min: 1, mode: 1, max: 1)
        _ = try Distribution.normal(mean: -30, sd: 1, truncatedAtZero: true)
        _ = try Distribution.empirical(values: [1, 2], weights: [0, 3])
    }

    @Test func descriptions() throws {
        #expect(try Distribution.lognormal(mean: 19, sd: 15).description == "lognormal(mean: 19, sd: 15)")
        #expect(try Distribution.exponential(mean: 2.5).description == "exponential(mean: 2.5)")
        #expect(try Distribution.normal(mean: 5, sd: 2, truncatedAtZero: true).description
                == "normal(mean: 5, sd: 2, truncatedAtZero: true)")
        #expect(try Distribution.normal(mean: -1, sd: 0.5).description == "normal(mean: -1, sd: 0.5)")
        #expect(try Distribution.erlang(mean: 10, shape: 3).description == "erlang(mean: 10, shape: 3)")
        #expect(try Distribution.empirical(values: [3, 1], weights: [0.25, 1]).description
                == "empirical(values: [3, 1], weights: [0.25, 1])")
        #expect(try Distribution.triangular(min: 0, mode: 1, max: 4).description == "triangular(min: 0, mode: 1, max: 4)")
        #expect(try Distribution.constant(7).description == "constant(7)")
        #expect(try Distribution.poisson(mean: 3).description == "poisson(mean: 3)")
        #expect(try Distribution.bernoulli(probability: 0.2).description == "bernoulli(probability: 0.2)")
        #expect(try Distribution.gamma(mean: 2, sd: 1).description == "gamma(mean: 2, sd: 1)")
        #expect(try Distribution.uniform(min: 1, max: 2).description == "uniform(min: 1, max: 2)")
    }

    @Test func names() throws {
        let pairs: [(Distribution, String)] = try [
            (.constant(1), "constant"), (.uniform(min: 0, max: 1), "uniform"),
            (.triangular(min: 0, mode: 0, max: 1), "triangular"), (.exponential(mean: 1), "exponential"),
            (.normal(mean: 0, sd: 1), "normal"), (.normal(mean: 0, sd: 1, truncatedAtZero: true), "normal"),
            (.lognormal(mean: 1, sd: 1), "lognormal"), (.gamma(mean: 1, sd: 1), "gamma"),
            (.erlang(mean: 1, shape: 2), "erlang"), (.empirical(values: [1], weights: [1]), "empirical"),
            (.bernoulli(probability: 0.5), "bernoulli"), (.poisson(mean: 1), "poisson"),
        ]
        for (d, name) in pairs { #expect(d.name == name) }
    }

    @Test func equalityFollowsParameters() throws {
        #expect(try Distribution.exponential(mean: 2) == Distribution.exponential(mean: 2))
        #expect(try Distribution.exponential(mean: 2) != Distribution.exponential(mean: 3))
        #expect(try Distribution.normal(mean: 1, sd: 1) != Distribution.normal(mean: 1, sd: 1, truncatedAtZero: true))
        #expect(try Distribution.poisson(mean: 0.95) == Distribution.poisson(mean: 0.95))
        let set: Set<Distribution> = try [.gamma(mean: 1, sd: 2), .gamma(mean: 1, sd: 2), .lognormal(mean: 1, sd: 2)]
        #expect(set.count == 2)
    }
}
