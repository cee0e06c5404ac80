import Foundation
import SimulationKernel

/// One duration from a log: how long it lasted, or, if it was still running when the log
/// ends, how long it had lasted by then (right-censored).
public struct CensoredDuration: Sendable, Hashable {
    public let duration: Double
    /// true when the duration was still running: the true duration is > `duration`.
    public let censored: Bool

    public init(_ duration: Double, censored: Bool = false) {
        self.duration = duration
        self.censored = censored
    }
}

/// The Kaplan–Meier estimate of the survival function S(t) = P(T > t) from right-censored
/// durations, with Greenwood's variance and the median.
///
/// Why: orders still open when the log was exported have lasted *at least* their age.
/// Dropping them biases the durations down; counting their age as the duration does too.
/// Kaplan–Meier uses each only while it is known to be running (Kaplan & Meier, JASA 53,
/// 457–481, 1958): at each distinct event time tⱼ with dⱼ ends among nⱼ still at risk,
/// S(t) = Π_{tⱼ ≤ t} (1 − dⱼ/nⱼ). A duration censored at the same time as an event is
/// counted at risk at that time (the usual convention: censoring happens just after).
///
/// Greenwood's formula (Greenwood 1926): Var Ŝ(t) = Ŝ(t)²·Σ_{tⱼ ≤ t} dⱼ/(nⱼ(nⱼ − dⱼ)).
/// Once Ŝ reaches 0 (every one at risk ended) the sum is infinite and the variance is
/// reported as NaN. The pointwise interval is R's default (`survfit`, conf.type = "log"):
/// Ŝ·exp(±z·√Σ), capped at 1; NaN, like the variance, once Ŝ = 0.
///
/// The median is the smallest t with Ŝ(t) ≤ ½, or the midpoint to the next event time when
/// Ŝ equals ½ exactly on a step (as R does); its interval (Brookmeyer & Crowley, Biometrics
/// 38, 29–41, 1982) is the set of times whose pointwise interval contains ½: from the first
/// time the lower bound is ≤ ½ to the first time the upper bound is; a bound the curve never
/// reaches (with a defined interval) is nil.
///
/// ```swift
/// let km = KaplanMeier([.init(2), .init(3, censored: true), .init(4)])
/// km.survival(at: 3)    // 2/3
/// ```
public struct KaplanMeier: Sendable, Hashable {
    /// The curve just after one event time.
    public struct Step: Sendable, Hashable {
        public let time: Double
        /// nⱼ, still running just before `time`.
        public let atRisk: Int
        /// dⱼ, ending at `time`.
        public let events: Int
        /// Ŝ(time).
        public let survival: Double
        /// Greenwood's Var Ŝ(time); NaN once Ŝ = 0.
        public let variance: Double
        /// The pointwise interval (log type) at the confidence of the estimate; NaN once Ŝ = 0.
        public let lower: Double
        public let upper: Double
    }

    /// One step per distinct time at which at least one duration ended, ascending.
    public let steps: [Step]
    public let confidence: Double
    /// Durations given, and how many of them were censored.
    public let count: Int
    public let censoredCount: Int

    /// - Precondition: durations finite and ≥ 0; confidence in (0, 1).
    public init(_ durations: [CensoredDuration], confidence: Double = 0.95) {
        precondition(confidence > 0 && confidence < 1, "confidence must be in (0, 1) (got \(confidence))")
        precondition(durations.allSatisfy { $0.duration.isFinite && $0.duration >= 0 }, "durations must be finite and ≥ 0")
        self.confidence = confidence
        count = durations.count
        censoredCount = durations.filter(\.censored).count
        let z = Distribution.standardNormalQuantile(1 - (1 - confidence) / 2)

        let sorted = durations.sorted { $0.duration < $1.duration }
        var atRisk = sorted.count
        var survival = 1.0
        var greenwood = 0.0
        var steps: [Step] = []
        var i = 0
        while i < sorted.count {
            let time = sorted[i].duration
            var events = 0
            var leaving = 0
            while i < sorted.count, sorted[i].duration == time {
                if !sorted[i].censored { events += 1 }
                leaving += 1
                i += 1
            }
            if events > 0 {
                survival *= 1 - Double(events) / Double(atRisk)
                greenwood += atRisk > events ? Double(events) / (Double(atRisk) * Double(atRisk - events)) : .infinity
                let variance = survival > 0 ? survival * survival * greenwood : .nan
                let spread = z * greenwood.squareRoot()
                let lower = survival > 0 ? survival * exp(-spread) : .nan
                let upper = survival > 0 ? min(1, survival * exp(spread)) : .nan
                steps.append(Step(time: time, atRisk: atRisk, events: events, survival: survival,
                                  variance: variance, lower: lower, upper: upper))
            }
            atRisk -= leaving
        }
        self.steps = steps
    }

    /// Ŝ(t) = P(T > t): 1 before the first event, constant between event times.
    ///
    /// - Complexity: O(log m) for m steps.
    public func survival(at t: Double) -> Double {
        stepIndex(atOrBefore: t).map { steps[$0].survival } ?? 1
    }

    /// Greenwood's variance of Ŝ(t); 0 before the first event.
    public func variance(at t: Double) -> Double {
        stepIndex(atOrBefore: t).map { steps[$0].variance } ?? 0
    }

    /// The median duration; nil when Ŝ stays above ½ (too much censoring to know).
    public var median: Double? {
        guard let j = steps.firstIndex(where: { $0.survival <= 0.5 }) else { return nil }
        if abs(steps[j].survival - 0.5) < 1e-12, j + 1 < steps.count {
            return (steps[j].time + steps[j + 1].time) / 2
        }
        return steps[j].time
    }

    /// The median's interval: (first t with lower bound ≤ ½, first t with upper bound ≤ ½).
    public var medianInterval: (lower: Double?, upper: Double?) {
        (steps.first { $0.lower <= 0.5 }?.time, steps.first { $0.upper <= 0.5 }?.time)
    }

    private func stepIndex(atOrBefore t: Double) -> Int? {
        var low = 0
        var high = steps.count
        while low < high {
            let middle = (low + high) >> 1
            if steps[middle].time <= t { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : low - 1
    }
}
