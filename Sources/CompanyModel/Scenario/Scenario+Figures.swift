/// Figures derived from a scenario without simulating: what `bigclient check` prints.
///
/// Why: before spending minutes on replications, a user should see whether the company can
/// cope at all (utilisation ≥ 1 means the backlog grows without bound) and how dependent it is
/// on the key client (its share of demand and revenue, to compare with the 10 %, 20–25 % and
/// 30 % concentration thresholds lenders and lawyers use).
public struct PolicyFigures: Sendable, Hashable {
    public var policy: String
    /// Technician-hours of work ordered per week (mean), after the decision, the key client
    /// staying (its volume the mean over the response's staying outcomes).
    public var offeredHoursPerWeek: Double
    /// Contract technician-hours per week: (count + extra) × working hours per week.
    public var capacityHoursPerWeek: Double
    public var utilisation: Double { capacityHoursPerWeek > 0 ? offeredHoursPerWeek / capacityHoursPerWeek : .infinity }
    public var keyShareOfDemand: Double
    public var keyShareOfRevenue: Double
    /// Expected revenue per week at full delivery, before late penalties.
    public var revenuePerWeekEur: Double
}

extension Scenario {
    /// Mean working hours per technician per week over the measurement window (decision day to
    /// horizon) under the calendar: its working days, public holidays deducted, less annual
    /// leave (`daysPerYear` working days in every 52 weeks); continuous mode counts 168 h.
    public var contractHoursPerWeek: Double {
        switch calendar.mode {
        case .continuous: return 168
        case .shifts:
            guard let working = calendar.workingCalendar(horizonDays: simulation.horizonDays) else { return 0 }
            let from = Int(simulation.effectiveDecisionDay.rounded(.down))
            let to = max(from + 7, Int(simulation.horizonDays.rounded(.up)))
            let days = Double(working.workingDays(fromDay: from, toDay: to))
            let leaveDays = Double(technicians.annualLeave.daysPerYear) / 52
            let hours = (days / Double(to - from) * 7 - leaveDays) * calendar.shiftLengthHours
            return max(0, hours)
        }
    }

    /// Figures for one policy, after its decision (the baseline's figures hold before it).
    public func figures(for policyName: String) -> PolicyFigures? {
        guard let policy = policies[policyName] else { return nil }
        var demand = 0.0, keyDemand = 0.0, revenue = 0.0, keyRevenue = 0.0
        for name in clientGroupNames {
            guard let group = clients[name] else { continue }
            var rate = Double(group.count) * group.ordersPerWeek
            var hoursPerOrder = group.workHours.mean
            var price = group.priceEurPerHour
            if group.isKeyClient, let traits = group.keyClient {
                rate *= policy.response?.stayingVolumeFactor ?? 1
                let terms = policy.keyClientTerms
                price *= terms.priceFactor
                if terms.acceptRush {
                    price *= 1 + terms.rushSurcharge * traits.rushFraction
                    hoursPerOrder += terms.meetingTechnicianHours * traits.rushFraction
                }
            }
            let hours = rate * hoursPerOrder
            demand += hours
            revenue += hours * price
            if group.isKeyClient {
                keyDemand += hours
                keyRevenue += hours * price
            }
        }
        let staff = Double(technicians.count + policy.extraTechnicians)
        return PolicyFigures(policy: policyName, offeredHoursPerWeek: demand,
                             capacityHoursPerWeek: staff * contractHoursPerWeek,
                             keyShareOfDemand: demand > 0 ? keyDemand / demand : 0,
                             keyShareOfRevenue: revenue > 0 ? keyRevenue / revenue : 0,
                             revenuePerWeekEur: revenue)
    }
}
