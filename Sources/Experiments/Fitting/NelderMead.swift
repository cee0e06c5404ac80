/// Minimisation of a smooth function of a few variables without derivatives, by the simplex
/// method of Nelder & Mead (The Computer Journal 7, 308–313, 1965), with the standard
/// coefficients (reflection 1, expansion 2, contraction ½, shrink ½) as in Lagarias, Reeds,
/// Wright & Wright, SIAM J. Optim. 9, 112–147, 1998.
///
/// Why this method: the truncated normal's likelihood in (μ, log σ) has no closed-form
/// maximum and its Newton steps need second derivatives of log Φ that lose precision far in
/// the tail; two variables are where Nelder–Mead is reliable and cheap. The objective may
/// return +∞ outside the admissible region, which the simplex then avoids.
///
/// - Returns: the best vertex and its value after the simplex's values agree to
///   `tolerance` (absolute) or `maxEvaluations` is reached; `converged` tells which.
/// - Complexity: O(d) evaluations per iteration for d variables.
func nelderMeadMinimum(
    start: [Double], step: [Double], tolerance: Double = 1e-12, maxEvaluations: Int = 5_000,
    _ f: ([Double]) -> Double
) -> (point: [Double], value: Double, converged: Bool) {
    let d = start.count
    precondition(d >= 1 && step.count == d, "Nelder–Mead needs one step per variable (\(d) variables, \(step.count) steps)")
    var simplex = [start]
    for i in 0..<d {
        var vertex = start
        vertex[i] += step[i]
        simplex.append(vertex)
    }
    var values = simplex.map(f)
    var evaluations = d + 1

    func combine(_ a: [Double], _ b: [Double], _ t: Double) -> [Double] {
        // a + t·(b − a)
        (0..<d).map { a[$0] + t * (b[$0] - a[$0]) }
    }

    while evaluations < maxEvaluations {
        let order = values.indices.sorted { values[$0] < values[$1] }
        simplex = order.map { simplex[$0] }
        values = order.map { values[$0] }
        if abs(values[d] - values[0]) <= tolerance * (1 + abs(values[0])) {
            return (simplex[0], values[0], true)
        }
        var centroid = [Double](repeating: 0, count: d)
        for vertex in simplex.dropLast() {
            for i in 0..<d { centroid[i] += vertex[i] / Double(d) }
        }
        let worst = simplex[d]
        let reflected = combine(centroid, worst, -1)
        let fr = f(reflected); evaluations += 1
        if fr < values[0] {
            let expanded = combine(centroid, worst, -2)
            let fe = f(expanded); evaluations += 1
            if fe < fr { simplex[d] = expanded; values[d] = fe } else { simplex[d] = reflected; values[d] = fr }
            continue
        }
        if fr < values[d - 1] {
            simplex[d] = reflected; values[d] = fr
            continue
        }
        // Contraction: outside if the reflection improved on the worst, inside otherwise.
        let contracted = fr < values[d] ? combine(centroid, worst, -0.5) : combine(centroid, worst, 0.5)
        let fc = f(contracted); evaluations += 1
        if fc < min(fr, values[d]) {
            simplex[d] = contracted; values[d] = fc
            continue
        }
        for i in 1...d {
            simplex[i] = combine(simplex[0], simplex[i], 0.5)
            values[i] = f(simplex[i])
        }
        evaluations += d
    }
    let best = values.indices.min { values[$0] < values[$1] }!
    return (simplex[best], values[best], false)
}
