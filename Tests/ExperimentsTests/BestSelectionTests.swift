import Foundation
import Testing
import SimulationKernel
@testable import Experiments

/// Kim and Nelson's selection of the best (`BestSelection`) on constructed systems whose best
/// and gap are known: it picks the best at least as often as it promises, and it stops sooner
/// when the gap is wide.
@Suite("Selecting the best of k policies (Kim–Nelson)")
struct BestSelectionTests {
    /// k = 3 normal systems under common random numbers: X_i,r = μ_i + 3 Z_r + 2 ε_i,r, the
    /// best first, the others `gap` below it (the slippage configuration, the hardest for a
    /// given gap). Returns `count` replications of each.
    static func systems(gap: Double, seed: UInt64, count: Int) -> [[Double]] {
        var stream = RandomStream(masterSeed: seed, replication: 0, streamID: 0)
        func normal() -> Double {
            let u = max(stream.nextUniform(), 1e-300), v = stream.nextUniform()
            return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
        }
        let means = [0, -gap, -gap]
        var values = means.map { _ in [Double]() }
        for _ in 0..<count {
            let common = 3 * normal()
            for i in means.indices { values[i].append(means[i] + common + 2 * normal()) }
        }
        return values
    }

    /// P(Binomial(n, p) ≤ c).
    static func binomialCDF(_ c: Int, n: Int, p: Double) -> Double {
        var total = 0.0
        for j in 0...c {
            let logChoose: Double = lgamma(Double(n + 1)) - lgamma(Double(j + 1)) - lgamma(Double(n - j + 1))
            let logPowers: Double = Double(j) * log(p) + Double(n - j) * log(1 - p)
            total += exp(logChoose + logPowers)
        }
        return total
    }

    @Test("at a gap of exactly δ it picks the best in at least 95 % of 400 independent problems (binomial test, 0.1 %)")
    func probabilityOfCorrectSelection() {
        let problems = 400, delta = 1.0
        var correct = 0, stops: [Int] = []
        for seed in 1...problems {
            let values = Self.systems(gap: delta, seed: UInt64(seed), count: 600)
            let s = BestSelection(policies: ["best", "b", "c"], values: values, firstStage: 10, indifference: delta, confidence: 0.95)
            if s.best == "best" { correct += 1 }
            if let stop = s.stoppedAt { stops.append(stop) }
        }
        #expect(stops.count == problems, "every problem decided within 600 replications")
        // H0: the probability of correct selection is ≥ 0.95, as KN guarantees. Reject when so
        // few correct selections would happen with probability < 0.001 at 0.95.
        let pValue = Self.binomialCDF(correct, n: problems, p: 0.95)
        #expect(pValue >= 0.001, "\(correct) of \(problems) correct (P(X ≤ \(correct)) = \(pValue) at 0.95)")
    }

    @Test("a wide gap is decided with fewer replications than a narrow one, on the same random numbers")
    func widerGapStopsSooner() {
        var narrow = 0, wide = 0
        for seed in 1...100 {
            for (gap, total) in [(1.0, 0), (4.0, 1)] {
                let values = Self.systems(gap: gap, seed: UInt64(seed), count: 600)
                let s = BestSelection(policies: ["best", "b", "c"], values: values, firstStage: 10, indifference: 1, confidence: 0.95)
                let stop = s.stoppedAt ?? 600
                if total == 0 { narrow += stop } else { wide += stop }
            }
        }
        #expect(wide < narrow, "mean stop \(Double(wide) / 100) at gap 4δ against \(Double(narrow) / 100) at gap δ")
    }

    @Test("a decision uses only the replications up to its stop: more data never changes it")
    func prefixProperty() throws {
        let values = Self.systems(gap: 1, seed: 7, count: 600)
        let all = BestSelection(policies: ["best", "b", "c"], values: values, firstStage: 10, indifference: 1, confidence: 0.95)
        let stop = try #require(all.stoppedAt)
        let prefix = BestSelection(policies: ["best", "b", "c"], values: values.map { Array($0.prefix(stop)) }, firstStage: 10,
                                   indifference: 1, confidence: 0.95)
        #expect(prefix == all)
        let short = BestSelection(policies: ["best", "b", "c"], values: values.map { Array($0.prefix(stop - 1)) }, firstStage: 10,
                                  indifference: 1, confidence: 0.95)
        #expect(short.best == nil && short.survivors.count >= 2)
    }
}
