import Foundation

/// Exact expectations for the model's monthly churn and daily sick-leave draws, against which
/// `bigclient validate` checks the model's counts.
///
/// The model's rules (CompanyModel, `handleMonthEnd` and `handleDayEnd`):
/// - at each month end (every 730 h, a twelfth of 365 days) every active client leaves with
///   probability `baseMonthly + sensitivity·(1 − satisfaction)^exponent`; with sensitivity 0
///   that is exactly p = `baseMonthly`, whatever happens to the client's orders;
/// - at each day end a *present* technician starts a sick leave with probability
///   h = 1 − exp(−h0·exp(β·s)), which is h = 1 − exp(−h0) with β = 0. The day it starts counts
///   as a day of absence; a leave of d days makes the technician absent at that day end and
///   the d − 1 following ones, and back (present, but no draw that night) at the d-th.
public enum HazardTheory {
    /// The daily probability of a hazard with base rate `h0` and no stress effect: 1 − exp(−h0).
    public static func dailyProbability(baseHazard h0: Double) -> Double {
        -expm1(-h0)
    }

    /// Expected clients lost over `months` month ends, from `clients` clients that each leave
    /// with probability p at every month end and none join: N·(1 − (1 − p)^m). Each client's
    /// survival is geometric, (1 − p)^m.
    public static func expectedClientsLost(clients n: Int, monthlyProbability p: Double, months m: Int) -> Double {
        Double(n) * (1 - pow(1 - p, Double(m)))
    }

    /// Expected sick-leave episodes started and days of absence counted, per technician, over
    /// `dayEnds` day ends from a start where the technician is present.
    ///
    /// The technician is an alternating renewal process on day ends: present, drawing each
    /// night with probability h, until a leave starts; then absent that night and the d − 1
    /// next; back, without a draw, on the d-th. Computed exactly by propagating the probability
    /// of each state night by night (state: present, or u = 1…d nights until the return), so no
    /// start-up or end effect is neglected.
    public static func sickLeaveExpectations(dailyProbability h: Double, leaveDays d: Int, dayEnds n: Int)
        -> (episodes: Double, absentDays: Double) {
        precondition(d >= 1 && h >= 0 && h <= 1 && n >= 0, "sickLeaveExpectations needs d ≥ 1, h in [0, 1], n ≥ 0")
        // state[0]: present; state[u]: on leave, back in u nights (u = 1…d).
        var state = [Double](repeating: 0, count: d + 1)
        state[0] = 1
        var episodes = 0.0, absent = 0.0
        for _ in 0..<n {
            var next = [Double](repeating: 0, count: d + 1)
            let starts = state[0] * h
            episodes += starts
            absent += starts                     // the night the leave starts is a day of absence
            next[0] = state[0] - starts
            next[d] += starts                    // back in d nights
            for u in 1...d where state[u] > 0 {
                if u - 1 >= 1 {
                    next[u - 1] += state[u]      // still absent tonight
                    absent += state[u]
                } else {
                    next[0] += state[u]          // back tonight: present, no draw
                }
            }
            state = next
        }
        return (episodes, absent)
    }

    /// The long-run share of nights absent, d·h/(1 + d·h): a cycle is G nights present with a
    /// draw (G geometric, mean 1/h, the last one starting the leave and counted absent), d − 1
    /// more absent nights and the night of return; it lasts G + d nights of which d absent.
    /// For reference only: the check uses the exact finite-horizon value above.
    public static func stationaryAbsentFraction(dailyProbability h: Double, leaveDays d: Int) -> Double {
        Double(d) * h / (1 + Double(d) * h)
    }
}
