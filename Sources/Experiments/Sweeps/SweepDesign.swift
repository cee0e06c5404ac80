import SimulationKernel
import CompanyModel

/// How the swept values combine into points.
public enum SweepDesign: String, Sendable, CaseIterable {
    /// Every combination (the last parameter varies fastest).
    case grid
    /// One at a time around the base: the base point (the file's own values) first, then each
    /// parameter through its values with the others at their base — the input of tornado
    /// charts (each parameter's low/high swing).
    case oat
    /// Latin hypercube: `samples` points; each parameter's range is cut into `samples` equal
    /// strata and every stratum is used exactly once, at a uniformly drawn position; the
    /// strata are paired across parameters by independent random permutations (McKay, Beckman
    /// & Conover, 1979). Deterministic under the seed.
    case lhs

    /// How many points `points` would build, without building them (saturating at `Int.max`).
    /// For `oat` it is an upper bound: values equal to the base are not repeated.
    public static func pointCount(_ design: SweepDesign, parameters: [SweepParameter], samples: Int) -> Int {
        switch design {
        case .grid:
            var count = 1
            for parameter in parameters {
                let (product, overflow) = count.multipliedReportingOverflow(by: parameter.values.count)
                if overflow { return .max }
                count = product
            }
            return count
        case .oat:
            return parameters.reduce(1) { $0 &+ $1.values.count }
        case .lhs:
            return samples
        }
    }

    /// The points, as one value per parameter. `base` gives each parameter's value in the file
    /// (for `oat`); `seed` drives `lhs`.
    public static func points(_ design: SweepDesign, parameters: [SweepParameter], base: [JSONValue],
                              samples: Int, seed: UInt64) -> [[JSONValue]] {
        switch design {
        case .grid:
            var points: [[JSONValue]] = [[]]
            for parameter in parameters {
                points = points.flatMap { prefix in parameter.values.map { prefix + [$0] } }
            }
            return points
        case .oat:
            var points: [[JSONValue]] = [base]
            for (i, parameter) in parameters.enumerated() {
                for value in parameter.values where value != base[i] {
                    var point = base
                    point[i] = value
                    points.append(point)
                }
            }
            return points
        case .lhs:
            // A stream of its own, far from the model's ids, so the design never shares numbers
            // with a replication.
            var random = RandomStream(masterSeed: seed, replication: 0, streamID: Int(RandomStream.maxStreamID))
            var columns: [[JSONValue]] = []
            for parameter in parameters {
                let range = parameter.range ?? 0...1
                var strata = Array(0..<samples)
                // Fisher–Yates with our stream (one uniform per swap).
                for i in stride(from: samples - 1, to: 0, by: -1) {
                    let j = min(i, Int(random.nextUniform() * Double(i + 1)))
                    strata.swapAt(i, j)
                }
                columns.append(strata.map { stratum in
                    let u = (Double(stratum) + random.nextUniform()) / Double(samples)
                    return .number(SweepParameter.clean(range.lowerBound + u * (range.upperBound - range.lowerBound)))
                })
            }
            return (0..<samples).map { s in columns.map { $0[s] } }
        }
    }
}
