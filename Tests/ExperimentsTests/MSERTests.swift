import Foundation
import Testing
import Experiments

/// MSER-5 (White 1997): the truncation point of a series, against a hand-computed example and
/// series whose answer is plain.
@Suite("MSER-5")
struct MSERTests {
    /// Batches of 5 around the means Z = 5, 1, 2, 3, 2, 1, 2, 3 (each batch Z + −2, −1, 0, 1, 2).
    /// By hand, MSER(d) = Σ_{j>d}(Z_j − Z̄_d)²/(k − d)² with k = 8:
    /// d = 0: 11.875/64 = 0.185547; d = 1: 4/49 = 0.081633; d = 2: (17/6)/36 = 0.078704;
    /// d = 3: 2.8/25 = 0.112; d = 4: 2/16 = 0.125. The minimum is at d = 2: 10 observations.
    @Test("a hand-computed example")
    func handComputed() throws {
        let means: [Double] = [5, 1, 2, 3, 2, 1, 2, 3]
        var series: [Double] = []
        for z in means { series += [z - 2, z - 1, z, z + 1, z + 2] }
        series += [100, 100]   // a partial batch, left out
        let cut = try #require(MSER.truncation(of: series))
        #expect(cut.batchCount == 8)
        let expected = [11.875 / 64, 4.0 / 49, 17.0 / 6 / 36, 2.8 / 25, 2.0 / 16]
        #expect(cut.statistic.count == 5)
        for (got, want) in zip(cut.statistic, expected) { #expect(abs(got - want) < 1e-12, "\(got) vs \(want)") }
        #expect(cut.batches == 2 && cut.observations == 10 && !cut.reachedLimit)
    }

    @Test("an obvious transient is cut off, and a level series is not cut")
    func transient() throws {
        // 10·e^(−t/8) over a level of 3 with a small periodic wobble: the transient is below
        // 0.05 (the wobble's size) after about 43 observations.
        let wobble = (0..<200).map { 0.05 * sin(Double($0) * 1.7) }
        let decaying = (0..<200).map { 3 + 10 * exp(-Double($0) / 8) + wobble[$0] }
        let cut = try #require(MSER.truncation(of: decaying))
        #expect(!cut.reachedLimit)
        #expect(cut.observations >= 15 && cut.observations <= 50, "\(cut.observations)")
        // A level series: every MSER(d) is 0, and the smallest d wins.
        let level = try #require(MSER.truncation(of: Array(repeating: 3, count: 50)))
        #expect(level.batches == 0 && !level.reachedLimit)
    }

    @Test("a series that keeps rising has no stable level: the truncation reaches k/2")
    func trendReachesLimit() throws {
        let cut = try #require(MSER.truncation(of: (0..<100).map { Double($0) }))
        #expect(cut.batchCount == 20 && cut.batches == 10 && cut.reachedLimit)
    }

    @Test("fewer than two batches, or an undefined value, give no answer")
    func tooShort() {
        #expect(MSER.truncation(of: Array(repeating: 1, count: 9)) == nil)
        #expect(MSER.truncation(of: [1, 2, 3, 4, 5, 6, 7, 8, 9, .nan]) == nil)
        #expect(MSER.truncation(of: Array(repeating: 1, count: 10))?.batches == 0)
    }
}
