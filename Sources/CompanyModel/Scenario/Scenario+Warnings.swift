import Foundation

/// Something a valid scenario says that its author cannot have meant, though the model can run
/// it: evening overtime that the daily cap forbids, work sold below its cost, rush orders that
/// get more time than standard ones or less than their work needs, demand beyond capacity, a
/// response that nothing triggers.
///
/// Why warnings and not errors: each of these runs and means something (a sweep can pass
/// through such a point on purpose, a textbook reduction can price work at 0), so refusing
/// it would break honest uses; saying so before the run, in every command that reads the
/// scenario, keeps a slip from costing a study. The list is computed in one place
/// (`Scenario.warnings`) and worded in one place (`message(file:)`); `check`, `run`, `sweep`
/// and `breakeven` print it on stderr and still exit 0. docs/troubleshooting.md lists them.
public struct ScenarioWarning: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Evening overtime starts after a full shift, and the daily cap counts the shift: an
        /// extension that does not fit under the cap is never worked.
        case eveningOvertimeNeverWorked(extensionHours: Double, shiftHours: Double, dailyCapHours: Double)
        /// A technician-hour costs at least what a group pays for it.
        case hourlyCostNotBelowPrice(group: String, costEurPerHour: Double, priceEurPerHour: Double)
        /// An hourly cost above `absurdHourlyCostEur`: a monthly or yearly figure, most likely.
        case hourlyCostAbsurd(costEurPerHour: Double)
        /// Rush orders (accepted by some policy) would get more time than standard ones.
        case rushLeadTimeLongerThanStandard(group: String, rushDays: Double, standardDays: Double)
        /// The mean work content of an order exceeds the most one technician can work in the
        /// rush lead time (`bestCaseWorkingHours(inDays:)`): an average rush order is late
        /// however it is scheduled, even arriving at the best moment.
        case rushLeadTimeTooShort(group: String, meanWorkHours: Double, rushDays: Double, bestCaseHours: Double,
                                  averageHours: Double)
        /// Demand at or above contract capacity for a policy (the key client staying).
        case utilisationAtLeastOne(policy: String, utilisation: Double, offeredHoursPerWeek: Double,
                                   capacityHoursPerWeek: Double, maxBacklogOrders: Int)
        /// A response declared on a policy whose terms are the baseline's: never used.
        case responseNotUsed(policy: String)
    }

    public var kind: Kind

    /// Above this, an hourly cost is taken for a slip of units (the highest loaded labour cost
    /// of a skilled technician in Europe is well under 100 €/h).
    public static let absurdHourlyCostEur = 1000.0

    /// The scenario fields the warning is about, the one to change first.
    public var fields: [String] {
        switch kind {
        case .eveningOvertimeNeverWorked:
            ["technicians.overtime.eveningExtensionHours", "calendar.shiftLengthHours", "technicians.overtime.dailyCapHours"]
        case .hourlyCostNotBelowPrice(let group, _, _):
            ["technicians.hourlyCostEur", "clients.\(group).priceEurPerHour"]
        case .hourlyCostAbsurd:
            ["technicians.hourlyCostEur"]
        case .rushLeadTimeLongerThanStandard(let group, _, _):
            ["clients.\(group).keyClient.rushLeadTimeDays", "clients.\(group).leadTimeDays"]
        case .rushLeadTimeTooShort(let group, _, _, _, _):
            ["clients.\(group).keyClient.rushLeadTimeDays", "clients.\(group).workHours", "calendar.shiftLengthHours"]
        case .utilisationAtLeastOne(let policy, _, _, _, _):
            ["policies.\(policy)", "technicians.count"]
        case .responseNotUsed(let policy):
            ["policies.\(policy).response"]
        }
    }

    /// The line printed on stderr: `warning: FILE: field … figures …: consequence`.
    public func message(file: String) -> String {
        "warning: \(ScenarioError.printable(file)): " + problem
    }

    /// The message without the file.
    public var problem: String {
        let f = JSONValue.format
        func name(_ text: String) -> String { ScenarioError.printable(text) }
        switch kind {
        case .eveningOvertimeNeverWorked(let extensionHours, let shiftHours, let capHours):
            return "technicians.overtime.eveningExtensionHours (\(f(extensionHours)) h) after a calendar.shiftLengthHours "
                + "(\(f(shiftHours)) h) shift makes \(f(shiftHours + extensionHours)) h, more than "
                + "technicians.overtime.dailyCapHours (\(f(capHours)) h): no evening overtime will be worked "
                + "(raise the cap to \(f(shiftHours + extensionHours)) h, or shorten the extension to \(f(capHours - shiftHours)) h)"
        case .hourlyCostNotBelowPrice(let group, let cost, let price):
            return "technicians.hourlyCostEur (\(f(cost)) €/h) is not below clients.\(name(group)).priceEurPerHour "
                + "(\(f(price)) €/h): every hour of work for '\(name(group))' loses money before materials"
        case .hourlyCostAbsurd(let cost):
            return "technicians.hourlyCostEur (\(f(cost)) €/h) is above \(f(Self.absurdHourlyCostEur)) €/h: "
                + "an hourly cost is meant (a monthly or yearly salary is not)"
        case .rushLeadTimeLongerThanStandard(let group, let rush, let standard):
            return "clients.\(name(group)).keyClient.rushLeadTimeDays (\(f(rush)) days) is longer than "
                + "clients.\(name(group)).leadTimeDays (\(f(standard)) days): a rush order gets more time than a standard one"
        case .rushLeadTimeTooShort(let group, let work, let rush, let best, let average):
            return "clients.\(name(group)).workHours has a mean of \(format(work)) h, more than the \(format(best)) h "
                + "one technician can work at most in clients.\(name(group)).keyClient.rushLeadTimeDays (\(f(rush)) days "
                + "from a shift start under calendar.workingWeekdays and calendar.shiftLengthHours; \(format(average)) h on "
                + "average): a rush order of average size is late even if a technician starts it at once and does nothing else"
        case .utilisationAtLeastOne(let policy, let utilisation, let offered, let capacity, let maxBacklog):
            return "policies.\(name(policy)): utilisation \(String(format: "%.3g", utilisation)) ≥ 1 if the key client stays "
                + "(\(format(offered)) h/week offered, \(format(capacity)) h/week of contract capacity from technicians.count "
                + "and policies.\(name(policy)).extraTechnicians): the backlog will grow unless overtime covers it "
                + "(replications stop as 'runaway' beyond simulation.maxBacklogOrders = \(maxBacklog))"
        case .responseNotUsed(let policy):
            return "policies.\(name(policy)).response is not used: policy '\(name(policy))' has the baseline's keyClientTerms, "
                + "so the key client has nothing to respond to"
        }
    }

    /// Figures to four significant digits at most: `40`, `10.5`, `1234`, `0.1235`.
    func format(_ value: Double) -> String {
        JSONValue.format(Double(String(format: "%.4g", value)) ?? value)
    }
}

extension Scenario {
    /// What this scenario says that its author cannot have meant (see `ScenarioWarning`), in a
    /// fixed order: calendar and overtime, money, rush orders, then per policy.
    public var warnings: [ScenarioWarning] {
        var list: [ScenarioWarning] = []
        func warn(_ kind: ScenarioWarning.Kind) { list.append(ScenarioWarning(kind: kind)) }

        let overtime = technicians.overtime
        if calendar.mode == .shifts, overtime.eveningExtensionHours > 0,
           calendar.shiftLengthHours + overtime.eveningExtensionHours > overtime.dailyCapHours + 1e-9 {
            warn(.eveningOvertimeNeverWorked(extensionHours: overtime.eveningExtensionHours,
                                             shiftHours: calendar.shiftLengthHours, dailyCapHours: overtime.dailyCapHours))
        }

        let cost = technicians.hourlyCostEur
        if cost > ScenarioWarning.absurdHourlyCostEur { warn(.hourlyCostAbsurd(costEurPerHour: cost)) }
        // A price of 0 is a textbook queue with the money left out, not a slip.
        for name in clientGroupNames {
            guard let group = clients[name], group.priceEurPerHour > 0, cost > 0, cost >= group.priceEurPerHour else { continue }
            warn(.hourlyCostNotBelowPrice(group: name, costEurPerHour: cost, priceEurPerHour: group.priceEurPerHour))
        }

        // Rush lead times matter only when rush orders come and some policy accepts them.
        let rushAccepted = policies.values.contains { $0.keyClientTerms.acceptRush }
        for name in clientGroupNames {
            guard let group = clients[name], let traits = group.keyClient, group.isKeyClient, traits.rushFraction > 0,
                  rushAccepted else { continue }
            if traits.rushLeadTimeDays > group.leadTimeDays {
                warn(.rushLeadTimeLongerThanStandard(group: name, rushDays: traits.rushLeadTimeDays, standardDays: group.leadTimeDays))
            }
            let best = bestCaseWorkingHours(inDays: traits.rushLeadTimeDays)
            if group.workHours.mean > best + 1e-9 {
                warn(.rushLeadTimeTooShort(group: name, meanWorkHours: group.workHours.mean, rushDays: traits.rushLeadTimeDays,
                                           bestCaseHours: best, averageHours: traits.rushLeadTimeDays * contractHoursPerWeek / 7))
            }
        }

        let baselineTerms = policies[baseline]?.keyClientTerms
        for name in policyNames {
            if let f = figures(for: name), f.utilisation >= 1 {
                warn(.utilisationAtLeastOne(policy: name, utilisation: f.utilisation, offeredHoursPerWeek: f.offeredHoursPerWeek,
                                            capacityHoursPerWeek: f.capacityHoursPerWeek,
                                            maxBacklogOrders: simulation.maxBacklogOrders))
            }
            if name != baseline, let policy = policies[name], let baselineTerms, policy.response != nil,
               policy.keyClientTerms.differences(from: baselineTerms).isEmpty {
                warn(.responseNotUsed(policy: name))
            }
        }
        return list
    }

    /// The most hours one technician can work in `days` calendar days: from the shift start
    /// of the best working weekday, each working day's shift counted as far as it falls inside
    /// (holidays left out, so it is an upper bound); `days` × 24 h in continuous mode.
    ///
    /// Why the best case and not the average (`days` × the contract week ÷ 7): a warning must
    /// mean "cannot", not "hard". With the average, a 3-day rush for 18-hour orders warns,
    /// though an order placed on a Monday morning can be done by Wednesday night; with the
    /// best case it warns only when no arrival time could make the average order on time.
    ///
    /// - Complexity: O(7 × min(days, 7)).
    public func bestCaseWorkingHours(inDays days: Double) -> Double {
        guard calendar.mode == .shifts else { return max(0, days) * 24 }
        let working = Set(calendar.workingWeekdays)
        let shift = calendar.shiftLengthHours
        guard days > 0, !working.isEmpty else { return 0 }
        // Whole weeks hold every working day once; the rest is at most 7 days, visited.
        let weeks = (days / 7).rounded(.down)
        let rest = days - 7 * weeks
        var best = 0.0
        for start in working {
            var hours = 0.0
            var k = 0
            while Double(k) < rest {
                if working.contains((start + k) % 7) { hours += min(shift, max(0, 24 * (rest - Double(k)))) }
                k += 1
            }
            best = max(best, hours)
        }
        return weeks * Double(working.count) * shift + best
    }
}
