import Foundation
import SimulationKernel

/// Orders: arrival, queueing, work, preemption and delivery.
///
/// The small steps every order takes (placing, starting, resuming, delivering, dispatching)
/// are forced inline into the two event handlers: as separate calls, each reloaded the model's
/// arrays and re-checked their bounds after every call, about a tenth of the instructions of
/// an order-heavy run (docs/performance.md). The rarer steps (preemption, returns, meetings)
/// stay ordinary calls.
extension CompanyReplication {
    @inline(__always) mutating func scheduleNextArrival(client c: Int, now: Double) {
        let rate = market.clients[c].ordersPerHour * (market.clients[c].isKey ? market.keyVolumeFactor : 1)
        // One uniform per arrival whatever happens, so the stream stays in step.
        let u = market.clients[c].arrivalStream.nextUniform()
        guard rate > 0, market.clients[c].active else { return }
        // Exponential in arrival hours: elapsed time 24/7, or office hours on working days
        // (a Poisson process in office time, mapped onto the clock by the office calendar).
        let gap = -log(u) / rate
        let next = arrivalsInOfficeHours ? officeHours.instant(afterWorkingHours: gap, from: SimTime(hours: now)).hours : now + gap
        if next <= horizonHours { sim.schedule(.arrival(client: Int32(c)), at: .hours(next)) }
    }

    mutating func handleArrival(client c: Int) {
        guard market.clients[c].active else { return }
        let g = Int(market.clients[c].group)
        let terms = market.groupTerms[g]
        let work = max(0, market.workDistributions[g].sampleInPlace(using: &market.clients[c].workStream))
        // Three attribute draws per order (rush, abuse, quit), whatever the policy, for every
        // order of a group where they can matter; 1 (never below a probability) elsewhere.
        var rushDraw = 1.0, abuseDraw = 1.0, quitDraw = 1.0
        if terms.drawsAttributes {
            rushDraw = market.clients[c].attributeStream.nextUniform()
            abuseDraw = market.clients[c].attributeStream.nextUniform()
            quitDraw = market.clients[c].attributeStream.nextUniform()
        }
        let rushOffered = market.clients[c].isKey && rushDraw < terms.rushFraction
        let isRush = rushOffered && policy.keyClientTerms.acceptRush
        let (o, due) = admitOrder(client: c, work: work, arrivalHours: now, isRush: isRush, abuseDraw: abuseDraw, quitDraw: quitDraw)
        trace?.record(at: now, .arrival(workHours: work, dueHours: due, rush: isRush), order: o, client: c)
        if isRush { holdMeeting(order: o) }
        scheduleNextArrival(client: c, now: now)
        place(order: o)
    }

    /// Makes an order of client `c` and enters it in the backlog: its due date and price from
    /// its group's terms and the policy in force, its slot, the open work, its due date's entry
    /// and the count of orders in the system. Returns its slot and due time; the caller records
    /// it and places it.
    ///
    /// Why a step of its own: an arrival and the starting backlog (`+StartingState`) make
    /// orders the same way, and one way cannot drift into two.
    @inline(__always) mutating func admitOrder(client c: Int, work: Double, arrivalHours: Double, isRush: Bool,
                                               abuseDraw: Double, quitDraw: Double) -> (slot: Int, dueHours: Double) {
        let g = Int(market.clients[c].group)
        let terms = market.groupTerms[g]
        let leadDays = isRush ? terms.rushLeadTimeDays : terms.leadTimeDays
        let due = arrivalHours + SimTime.hours(days: leadDays)
        let listPrice = terms.priceEurPerHour * work
        var price = listPrice
        if market.clients[c].isKey { price *= policy.keyClientTerms.priceFactor }
        if isRush { price *= 1 + policy.keyClientTerms.rushSurcharge }

        let o = backlog.allocate(Order(
            client: Int32(c), group: Int32(g), isKey: market.clients[c].isKey,
            arrivalHours: arrivalHours, dueHours: due, remainingHours: work,
            firstStartHours: -1, priceEur: price, listPriceEur: listPrice, abuseDraw: abuseDraw, quitDraw: quitDraw))
        backlog.openWork += work
        backlog.trackDueDate(order: o)
        changeBacklog(by: 1)
        return (o, due)
    }

    /// Gives a new or returned order to an idle technician on duty, preempts for it, or queues it.
    @inline(__always) mutating func place(order o: Int) {
        if let t = firstIdleTechnician() {
            startWork(technician: t, order: o)
            return
        }
        if policy.keyClientTerms.priority == .preemptive, backlog.orders[o].isKey,
           let t = firstTechnicianOnRegularOrder() {
            preempt(technician: t)
            startWork(technician: t, order: o)
            return
        }
        enqueue(o)
    }

    @inline(__always) mutating func enqueue(_ o: Int) {
        let key = policy.discipline == .edd ? backlog.orders[o].dueHours : backlog.orders[o].arrivalHours
        if policy.keyClientTerms.priority != .none && backlog.orders[o].isKey {
            backlog.keyQueue.push(Int32(o), at: key)
        } else {
            backlog.regularQueue.push(Int32(o), at: key)
        }
    }

    /// A technician on duty with empty hands takes the next order, or ends overtime early.
    /// Not at the very end of the duty (a completion that lands on it): an order taken then
    /// would be held, untouched, until the technician's next duty, while others could do it.
    @inline(__always) mutating func dispatch(technician t: Int) {
        guard staff.technicians[t].onDuty, staff.technicians[t].order < 0, now < staff.technicians[t].dutyEndsHours else { return }
        if let o = backlog.dequeue() {
            startWork(technician: t, order: o)
        } else if staff.technicians[t].inOvertime {
            endOvertime(technician: t)
        }
    }

    @inline(__always) mutating func startWork(technician t: Int, order o: Int) {
        staff.technicians[t].order = Int32(o)
        refreshAvailability(t)
        if backlog.orders[o].firstStartHours < 0 {
            backlog.orders[o].firstStartHours = now
            if inWindow {
                let wait = now - backlog.orders[o].arrivalHours
                if backlog.orders[o].isKey { measurement.totals.keyWaitSum += wait; measurement.totals.keyWaitCount += 1 }
                else { measurement.totals.otherWaitSum += wait; measurement.totals.otherWaitCount += 1 }
            }
        }
        trace?.record(at: now, .start, order: o, client: Int(backlog.orders[o].client), technician: t)
        resumeWork(technician: t)
    }

    /// Starts a stint on the order in hand; the completion is scheduled only if the work ends
    /// before the technician's duty does (otherwise the duty's end pauses it).
    @inline(__always) mutating func resumeWork(technician t: Int) {
        let o = Int(staff.technicians[t].order)
        staff.technicians[t].stintStartHours = now
        let finish = now + backlog.orders[o].remainingHours / staff.technicians[t].productivity
        staff.technicians[t].stint &+= 1
        if finish <= staff.technicians[t].dutyEndsHours {
            sim.schedule(.completion(technician: Int32(t), stint: staff.technicians[t].stint), at: .hours(finish))
            staff.technicians[t].completionPending = true
        } else {
            staff.technicians[t].completionPending = false
        }
    }

    /// Stops the current stint, crediting the work done. Returns true if that finished the order.
    @discardableResult
    mutating func pauseWork(technician t: Int) -> Bool {
        let held = staff.technicians[t].order
        guard held >= 0 else { return false }
        let o = Int(held)
        // Off duty (a leave or resignation at midnight) nothing was done since the last pause.
        let worked = staff.technicians[t].onDuty ? now - staff.technicians[t].stintStartHours : 0
        staff.busyHoursTotal += worked
        backlog.setRemaining(order: o, to: backlog.orders[o].remainingHours - worked * staff.technicians[t].productivity)
        staff.technicians[t].stintStartHours = now
        staff.technicians[t].completionPending = false   // its event, if any, is now stale
        if backlog.orders[o].remainingHours <= 1e-9 {
            backlog.setRemaining(order: o, to: 0)
            deliver(order: o, technician: t)
            return true
        }
        return false
    }

    mutating func preempt(technician t: Int) {
        let o = Int(staff.technicians[t].order)
        if pauseWork(technician: t) { return }
        backlog.addWork(order: o, hours: policy.switchPenaltyHours)
        staff.technicians[t].order = -1
        refreshAvailability(t)
        staff.technicians[t].preemptionsToday += 1
        if inWindow { measurement.totals.preemptions += 1 }
        trace?.record(at: now, .preempt, order: o, client: Int(backlog.orders[o].client), technician: t)
        enqueue(o)
    }

    /// Hands the order in hand back to the queue (absence, resignation).
    mutating func returnOrder(technician t: Int) {
        guard staff.technicians[t].order >= 0 else { return }
        let o = Int(staff.technicians[t].order)
        if pauseWork(technician: t) { return }
        staff.technicians[t].order = -1
        refreshAvailability(t)
        trace?.record(at: now, .returned, order: o, client: Int(backlog.orders[o].client), technician: t)
        place(order: o)
    }

    mutating func handleCompletion(technician t: Int, stint: UInt32) {
        guard staff.technicians[t].completionPending, staff.technicians[t].stint == stint else {
            measurement.staleCompletions += 1
            return
        }
        staff.technicians[t].completionPending = false
        let o = Int(staff.technicians[t].order)
        let worked = now - staff.technicians[t].stintStartHours
        staff.busyHoursTotal += worked
        backlog.setRemaining(order: o, to: 0)
        deliver(order: o, technician: t)
        dispatch(technician: t)
    }

    @inline(__always) mutating func deliver(order o: Int, technician t: Int) {
        let order = backlog.orders[o]
        staff.technicians[t].order = -1
        refreshAvailability(t)
        backlog.untrackDueDate(order: o)
        changeBacklog(by: -1)
        let late = now > order.dueHours + 1e-9
        let lateDays = late ? SimTime.days(hours: now - order.dueHours) : 0
        let c = Int(order.client)
        let terms = market.groupTerms[Int(order.group)]
        market.observe(client: c, daysLate: lateDays)
        let penalty = late ? order.priceEur * terms.latePenaltyFraction : 0
        market.onTime.recordDelivery(day: SimTime.dayIndex(ofHours: now), onTime: !late)
        measurement.week.revenue += order.priceEur - penalty
        if inWindow {
            measurement.totals.revenue += order.priceEur - penalty
            if order.isKey { measurement.totals.keyRevenue += order.priceEur - penalty }
            measurement.totals.latePenalties += penalty
            measurement.totals.materials += scenario.money.materialsFraction * order.listPriceEur
            measurement.totals.deliveries += 1
            if !late { measurement.totals.onTimeDeliveries += 1 }
            measurement.totals.latenessDaysSum += lateDays
            if order.isKey {
                measurement.totals.keyDeliveries += 1
                if !late { measurement.totals.keyOnTimeDeliveries += 1 }
                measurement.totals.keyLatenessDaysSum += lateDays
            }
            let flow = now - order.arrivalHours
            if order.isKey { measurement.totals.keyFlowSum += flow; measurement.totals.keyFlowCount += 1 }
            else { measurement.totals.otherFlowSum += flow; measurement.totals.otherFlowCount += 1 }
        }
        trace?.record(at: now, .deliver(lateDays: late ? lateDays : nil), order: o, client: c, technician: t)
        if order.isKey && late {
            holdMeeting(order: nil)
            let abuseProbability = terms.abuseProbabilityPerLateOrder * market.keyAbuseFactor
            if order.abuseDraw < abuseProbability {
                if inWindow { measurement.totals.abuseIncidents += 1 }
                let quits = order.quitDraw < scenario.technicians.resignation.quitProbabilityPerAbuse
                // The same uniform says who is targeted (`CompanyReplication+Managers`).
                if order.abuseDraw >= abuseProbability * scenario.managers.technicianShareOfAbuse, let m = keyClientManager() {
                    abuseManager(m, quits: quits, order: o, client: c)
                } else {
                    staff.technicians[t].abuseToday += 1
                    trace?.record(at: now, .abuse, order: o, client: c, technician: t)
                    if quits { staff.technicians[t].quitsTonight = true }
                }
            }
        }
        backlog.release(order: o)
    }

    /// Coordination meeting for a key-client rush or late order: manager time, and technician
    /// time added to the order's work when the order is still open.
    mutating func holdMeeting(order o: Int?) {
        if inWindow { measurement.totals.meetingCost += policy.keyClientTerms.meetingManagerHours * scenario.money.managerHourlyCostEur }
        managersAttendMeeting(hours: policy.keyClientTerms.meetingManagerHours)
        if let o, policy.keyClientTerms.meetingTechnicianHours > 0 {
            backlog.addWork(order: o, hours: policy.keyClientTerms.meetingTechnicianHours)
        }
    }

    /// Keeps the time-integral of the number of orders in the system.
    @inline(__always)
    mutating func changeBacklog(by delta: Int) {
        let span = now - max(measurement.lastBacklogChange, measurement.windowStart)
        if span > 0 { measurement.totals.backlogArea += Double(backlog.ordersInSystem) * span }
        measurement.week.backlogArea += Double(backlog.ordersInSystem) * (now - measurement.lastBacklogChange)
        measurement.lastBacklogChange = now
        backlog.ordersInSystem += delta
        if backlog.ordersInSystem == 0 { backlog.openWork = 0 }   // no rounding drift survives an empty system
    }
}
