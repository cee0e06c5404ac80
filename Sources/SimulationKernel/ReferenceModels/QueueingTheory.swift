import Foundation

/// Closed-form results of queueing theory that the simulator must reproduce.
///
/// Sources: Erlang C and the M/M/c priority waits — Kleinrock, *Queueing Systems* vol. 2 (1976)
/// §3.5; Cobham (1954) for M/G/1 non-preemptive priority; preemptive-resume priority and
/// Pollaczek–Khinchine — Kleinrock vol. 2 and Gross & Harris, *Fundamentals of Queueing
/// Theory*. Notation: λ arrival rate, μ service rate, c servers, a = λ/μ, ρ = a/c < 1.
public enum QueueingTheory {
    /// Erlang's C formula: the probability that an arrival must wait in an M/M/c queue.
    ///
    /// C(c, a) = [a^c/c! · c/(c − a)] / [Σ_{k<c} a^k/k! + a^c/c! · c/(c − a)], computed with
    /// the stable Erlang-B recursion B(k) = a·B(k−1)/(k + a·B(k−1)), C = B/(1 − ρ(1 − B)).
    /// Example: c = 3, a = 2 → 4/9.
    ///
    /// - Precondition: c ≥ 1 and 0 ≤ a < c.
    public static func erlangC(servers c: Int, offeredLoad a: Double) -> Double {
        precondition(c >= 1 && a >= 0 && a < Double(c), "erlangC needs c ≥ 1 and 0 ≤ a < c (got c = \(c), a = \(a))")
        var b = 1.0
        for k in 1...c { b = a * b / (Double(k) + a * b) }
        let rho = a / Double(c)
        return b / (1 - rho * (1 - b))
    }

    /// Mean wait in queue of an M/M/c FIFO queue: Wq = C(c, a)/(cμ − λ).
    /// Example: c = 3, λ = 2, μ = 1 → 0.444444.
    public static func mmcWait(servers c: Int, arrivalRate lambda: Double, serviceRate mu: Double) -> Double {
        erlangC(servers: c, offeredLoad: lambda / mu) / (Double(c) * mu - lambda)
    }

    /// Mean waits in queue per class of an M/M/c queue with non-preemptive priority (class 0
    /// first) and the same service rate for all classes:
    /// Wq_k = [C(c, a)/(cμ)] / [(1 − σ_{k−1})(1 − σ_k)], σ_k = Σ_{i≤k} λ_i/(cμ).
    public static func mmcPriorityWaits(servers c: Int, arrivalRates: [Double], serviceRate mu: Double) -> [Double] {
        let lambda = arrivalRates.reduce(0, +)
        let base = erlangC(servers: c, offeredLoad: lambda / mu) / (Double(c) * mu)
        var sigmaBefore = 0.0
        return arrivalRates.map { rate in
            let sigma = sigmaBefore + rate / (Double(c) * mu)
            defer { sigmaBefore = sigma }
            return base / ((1 - sigmaBefore) * (1 - sigma))
        }
    }

    /// One class of an M/G/1 priority queue: its arrival rate and the first two moments of its
    /// service time.
    public struct PriorityClass: Sendable {
        public var arrivalRate: Double
        public var meanService: Double
        public var secondMomentService: Double
        public init(arrivalRate: Double, meanService: Double, secondMomentService: Double) {
            self.arrivalRate = arrivalRate
            self.meanService = meanService
            self.secondMomentService = secondMomentService
        }
    }

    /// Cobham's formula, M/G/1 non-preemptive priority (class 0 first):
    /// W0 = Σ λ_i E[S_i²]/2; Wq_k = W0 / [(1 − σ_{k−1})(1 − σ_k)], σ_k = Σ_{i≤k} ρ_i.
    /// Example: μ = 1, λ = (0.3, 0.5), exponential → (1.142857, 5.714286).
    public static func mg1NonPreemptiveWaits(_ classes: [PriorityClass]) -> [Double] {
        let w0 = classes.reduce(0) { $0 + $1.arrivalRate * $1.secondMomentService / 2 }
        var sigmaBefore = 0.0
        return classes.map { k in
            let sigma = sigmaBefore + k.arrivalRate * k.meanService
            defer { sigmaBefore = sigma }
            return w0 / ((1 - sigmaBefore) * (1 - sigma))
        }
    }

    /// M/G/1 preemptive-resume priority, mean time in system per class:
    /// T_k = E[S_k]/(1 − σ_{k−1}) + (Σ_{i≤k} λ_i E[S_i²]/2) / [(1 − σ_{k−1})(1 − σ_k)].
    /// Example: μ = 1, λ = (0.3, 0.5), exponential → (1.428571, 7.142857).
    public static func mg1PreemptiveResumeSojourns(_ classes: [PriorityClass]) -> [Double] {
        var sigmaBefore = 0.0
        var residual = 0.0
        return classes.map { k in
            let sigma = sigmaBefore + k.arrivalRate * k.meanService
            residual += k.arrivalRate * k.secondMomentService / 2
            defer { sigmaBefore = sigma }
            return k.meanService / (1 - sigmaBefore) + residual / ((1 - sigmaBefore) * (1 - sigma))
        }
    }

    /// Pollaczek–Khinchine, M/G/1 FIFO mean wait in queue: Wq = λ E[S²] / (2(1 − ρ)).
    /// With λ = 0.8, E[S] = 1: deterministic 2.0, Erlang-2 3.0, exponential 4.0.
    public static func pollaczekKhinchineWait(arrivalRate lambda: Double, meanService: Double, secondMomentService: Double) -> Double {
        lambda * secondMomentService / (2 * (1 - lambda * meanService))
    }
}
