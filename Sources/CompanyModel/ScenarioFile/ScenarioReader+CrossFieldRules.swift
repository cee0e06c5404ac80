/// Rules that tie fields of different sections together, checked once every field is valid on
/// its own. Each error names the field to change and the field it conflicts with.
extension ScenarioReader {
    static func checkCrossFieldRules(_ scenario: Scenario, file: String) throws(ScenarioError) {
        func fail(_ path: String, _ value: String?, _ requirement: String, suggestion: String? = nil) -> ScenarioError {
            ScenarioError(kind: .crossField, file: file, path: path, value: value, requirement: requirement,
                          suggestion: suggestion)
        }
        let f = JSONValue.format

        // Sizes of random quantities: bounded so that no sum of them can overflow (a work
        // content of 1e308 hours would turn stress and money into infinity).
        for name in scenario.clientGroupNames {
            let work = scenario.clients[name]!.workHours
            if !(work.mean <= 10_000) || !(work.variance.squareRoot() <= 10_000) {
                throw fail("clients.\(name).workHours", "\(work)", "have a mean and a standard deviation of at most 10000 hours")
            }
        }
        for (name, leave) in [("sickLeave", scenario.technicians.sickLeave), ("burnout", scenario.technicians.burnout)] {
            let d = leave.durationDays
            if !(d.mean <= 36_500) || !(d.variance.squareRoot() <= 36_500) {
                throw fail("technicians.\(name).durationDays", "\(d)", "have a mean and a standard deviation of at most 36500 days")
            }
        }
        // Every client needs its own random streams, and their number is finite.
        let totalClients = scenario.clients.values.reduce(0) { $0 + $1.count }
        if totalClients > 200_000 {
            throw fail("clients", "\(totalClients) clients", "hold at most 200000 clients in all groups together")
        }

        // Time: warm-up and decision inside the horizon.
        let simulation = scenario.simulation
        if simulation.warmupDays >= simulation.horizonDays {
            throw fail("simulation.warmupDays", f(simulation.warmupDays),
                       "be < simulation.horizonDays (\(f(simulation.horizonDays)))")
        }
        if let decisionDay = simulation.decisionDay, decisionDay >= simulation.horizonDays {
            throw fail("simulation.decisionDay", f(decisionDay), "be < simulation.horizonDays (\(f(simulation.horizonDays)))")
        }

        // At most one key-client group, and policies that need one only when there is one.
        let keyGroups = scenario.clients.filter { $0.value.isKeyClient }.keys.sorted()
        if keyGroups.count > 1 {
            throw fail("clients", "\(keyGroups.count) groups: " + keyGroups.joined(separator: ", "),
                       "have at most one key-client group (isKeyClient: true)")
        }
        try checkNegotiationRules(scenario, file: file)

        // New clients join an existing ordinary group.
        if let join = scenario.newClients.joinGroup {
            let ordinary = scenario.clients.filter { !$0.value.isKeyClient }.keys.sorted()
            let listing = ordinary.isEmpty ? "there is none" : ordinary.map { "'\($0)'" }.joined(separator: ", ")
            let rule = "name one of the client groups new clients can join (not the key client's): \(listing)"
            if scenario.clients[join] == nil {
                throw fail("newClients.joinGroup", JSONValue.quoted(join), rule,
                           suggestion: Spelling.suggestion(for: join, among: ordinary))
            }
            if scenario.clients[join]!.isKeyClient {
                throw fail("newClients.joinGroup", JSONValue.quoted(join), rule)
            }
        }

        // Overtime fits the shift calendar: evenings end by midnight, caps above the contract.
        let calendar = scenario.calendar
        let overtime = scenario.technicians.overtime
        if calendar.mode == .shifts {
            let shiftEnd = calendar.shiftStartHour + calendar.shiftLengthHours
            if shiftEnd + overtime.eveningExtensionHours > 24 {
                throw fail("technicians.overtime.eveningExtensionHours", f(overtime.eveningExtensionHours),
                           "be ≤ \(f(24 - shiftEnd)): the shift ends at \(f(shiftEnd)) h "
                           + "(calendar.shiftStartHour + calendar.shiftLengthHours) and overtime ends by midnight")
            }
            if overtime.dailyCapHours < calendar.shiftLengthHours {
                throw fail("technicians.overtime.dailyCapHours", f(overtime.dailyCapHours),
                           "be ≥ calendar.shiftLengthHours (\(f(calendar.shiftLengthHours)))")
            }
            let days = Set(calendar.workingWeekdays).count
            let contract = Double(days) * calendar.shiftLengthHours
            if overtime.weeklyCapHours < contract {
                throw fail("technicians.overtime.weeklyCapHours", f(overtime.weeklyCapHours),
                           "be ≥ the contractual week, \(f(contract)) h (\(days) working weekdays × "
                           + "calendar.shiftLengthHours \(f(calendar.shiftLengthHours)))")
            }
            // Leave blocks of one working week each, at least two weeks apart (AnnualLeaveSchedule).
            let leave = scenario.technicians.annualLeave.daysPerYear
            if leave > 26 * days {
                throw fail("technicians.annualLeave.daysPerYear", String(leave),
                           "be ≤ \(26 * days): at most half of the 52 weeks' working days (\(days) working weekdays)")
            }
        }

        // Extra technicians stay within the head-count limit.
        for name in scenario.policies.keys.sorted() {
            let extra = scenario.policies[name]!.extraTechnicians
            if scenario.technicians.count + extra > maximumTechnicians {
                throw fail("policies.\(name).extraTechnicians", String(extra),
                           "be ≤ \(maximumTechnicians - scenario.technicians.count) "
                           + "(\(maximumTechnicians) technicians in all, technicians.count is \(scenario.technicians.count))")
            }
        }
    }
}
