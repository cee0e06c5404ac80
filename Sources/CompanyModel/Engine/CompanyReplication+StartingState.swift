import SimulationKernel

/// The starting state (`Scenario.startingState`): stress and satisfaction at time 0, and the
/// open orders the company already has when the replication begins.
///
/// Why here and not in the scenario: the orders are drawn, per replication, from a stream of
/// their own (`StreamLayout.startingBacklog`), so no other stream moves whether the section
/// is there or not, and a scenario without it gives the results it always gave.
extension CompanyReplication {
    /// Every initial technician's stress and every initial client's satisfaction, as given.
    /// Called at the end of `init`, once the initial staff and clients exist; hires and new
    /// clients later start as always (stress 0, satisfaction 1).
    mutating func applyStartingLevels() {
        let start = scenario.startingState
        for t in staff.technicians.indices { staff.technicians[t].stress = start.stress }
        for c in market.clients.indices { market.clients[c].satisfaction = start.satisfaction }
    }

    /// Opens the starting backlog at time 0: backlogDays × initial technicians × the hours one
    /// technician works a day, in technician-hours, shared among the groups in proportion to
    /// their weekly work (clients × orders per week × mean work content).
    ///
    /// Per group, orders are drawn until the group's share is reached, the last one cut to
    /// fit, so the total is exactly the figure. Each order goes to one of the group's clients
    /// (uniformly), takes its work content from the group's distribution, the abuse and quit
    /// draws an arrival takes, and an age uniform on [0, span), span = backlogDays working
    /// days in calendar time (× 7 / working days per week; × 1 in `continuous` mode): with the
    /// staff working the backlog off at its own pace, the oldest open order came about that
    /// long ago. Its due date is its arrival plus the group's standard lead time, so an order
    /// older than the lead time is already overdue. None is a rush order: its meeting and
    /// surcharge belong to the past. Prices are those of the baseline's terms, which are in
    /// force.
    ///
    /// Draws come from `StreamLayout.startingBacklog`, keyed by the group's name as the client
    /// streams are, so adding a group leaves another group's orders unchanged. The orders are
    /// recorded (`open at start`) and placed as any order is: queued, or taken at once by a
    /// technician on duty.
    mutating func openStartingBacklog() {
        let start = scenario.startingState
        guard start.backlogDays > 0, !market.groups.isEmpty else { return }
        let totalHours = start.backlogDays * Double(staff.technicians.count) * shiftHours
        let weeklyWork = market.groups.map { Double($0.count) * $0.ordersPerWeek * max(0, $0.workHours.mean) }
        let weeklyTotal = weeklyWork.reduce(0, +)
        guard totalHours > 0, weeklyTotal > 0 else { return }
        let workingDaysPerWeek = continuous ? 7 : Double(Set(scenario.calendar.workingWeekdays).count)
        let spanHours = SimTime.hours(days: start.backlogDays * 7 / max(1, workingDaysPerWeek))
        let base = RandomStream(masterSeed: seed, replication: replication, streamID: StreamLayout.startingBacklog)
        // A work distribution that keeps drawing 0 must not loop for ever; past this many
        // orders the replication is a runaway anyway.
        let orderLimit = scenario.simulation.maxBacklogOrders + 1
        var created = 0
        for g in market.groups.indices where weeklyWork[g] > 0 {
            let members = market.clients.indices.filter { Int(market.clients[$0].group) == g }
            guard !members.isEmpty else { continue }
            var stream = base.keyed(market.groupKeys[g])
            let share = totalHours * weeklyWork[g] / weeklyTotal
            var opened = 0.0
            while opened < share && created < orderLimit {
                let c = members[min(members.count - 1, Int(stream.nextUniform() * Double(members.count)))]
                let age = stream.nextUniform() * spanHours
                let abuseDraw = stream.nextUniform()
                let quitDraw = stream.nextUniform()
                var work = max(0, market.workDistributions[g].sample(using: &stream))
                if opened + work >= share {
                    work = share - opened
                    opened = share
                } else {
                    opened += work
                }
                guard work > 0 else { continue }
                created += 1
                let (o, due) = admitOrder(client: c, work: work, arrivalHours: -age, isRush: false,
                                          abuseDraw: abuseDraw, quitDraw: quitDraw)
                trace?.record(at: now, .openAtStart(workHours: work, arrivalHours: -age, dueHours: due), order: o, client: c)
                place(order: o)
            }
        }
    }
}
