/// A discrete empirical distribution: value vᵢ with probability wᵢ/Σw, sampled by inversion.
///
/// Why sorted and cumulative: sampling is then one uniform and a binary search (O(log n), no
/// allocation), and sorting the support makes the draw a true inverse distribution function,
/// non-decreasing in the uniform, so that under common random numbers a small change of the
/// weights moves few draws and moves them to neighbouring values. Zero-weight entries are
/// dropped from the search table (never drawn), equal values are merged, and the last cumulative
/// weight is exactly 1, so every u ∈ (0, 1) finds an entry.
@usableFromInline
struct EmpiricalTable: Sendable, Hashable {
    /// The values and weights as given, for the description and equality.
    let values: [Double]
    let weights: [Double]
    /// Distinct values with positive weight, ascending.
    @usableFromInline let support: [Double]
    /// cumulative[i] = P(X ≤ support[i]); strictly inside (0, 1] and cumulative.last == 1.
    @usableFromInline let cumulative: [Double]

    /// - Precondition: validated by the factory (same non-zero length, finite values, finite
    ///   non-negative weights with a positive finite sum).
    init(values: [Double], weights: [Double]) {
        self.values = values
        self.weights = weights
        let pairs = zip(values, weights).filter { $0.1 > 0 }.sorted { $0.0 < $1.0 }
        var support: [Double] = []
        var masses: [Double] = []
        for (value, weight) in pairs {
            if let last = support.last, last == value {
                masses[masses.count - 1] += weight
            } else {
                support.append(value)
                masses.append(weight)
            }
        }
        let total = masses.reduce(0, +)
        var running = 0.0
        var cumulative: [Double] = []
        cumulative.reserveCapacity(masses.count)
        for mass in masses {
            running += mass
            cumulative.append(Swift.min(1, running / total))
        }
        cumulative[cumulative.count - 1] = 1
        self.support = support
        self.cumulative = cumulative
    }

    /// The smallest support value whose cumulative probability exceeds `u`.
    ///
    /// - Complexity: O(log n), no allocation.
    @inlinable
    func value(at u: Double) -> Double {
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) >> 1
            if u < cumulative[middle] {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return support[low]
    }

    /// P(X ≤ x): the cumulative weight of the last support value ≤ x.
    func cdf(_ x: Double) -> Double {
        // Count of support values ≤ x, by binary search.
        var low = 0
        var high = support.count
        while low < high {
            let middle = (low + high) >> 1
            if support[middle] <= x {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low == 0 ? 0 : cumulative[low - 1]
    }

    /// The probabilities of the support values.
    private var probabilities: [Double] {
        var previous = 0.0
        return cumulative.map { c in
            defer { previous = c }
            return c - previous
        }
    }

    var mean: Double {
        zip(support, probabilities).reduce(0) { $0 + $1.0 * $1.1 }
    }

    var variance: Double {
        let mean = self.mean
        return zip(support, probabilities).reduce(0) { $0 + $1.1 * ($1.0 - mean) * ($1.0 - mean) }
    }
}
