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
        let rate = clients[c].ordersPerHour * (clients[c].isKey ? keyVolumeFactor : 1)
        // One uniform per arrival whatever happens, so the stream stays in step.
        let u = clients[c].arrivalStream.nextUniform()
        guard rate > 0, clients[c].active else { return }
        let next = now - log(u) / rate
        if next <= horizonHours { sim.schedule(.arrival(client: Int32(c)), at: .hours(next)) }
    }

    mutating func handleArrival(client c: Int) {
        guard clients[c].active else { return }
        let g = Int(clients[c].group)
        let terms = groupTerms[g]
        let work = max(0, workDistributions[g].sampleInPlace(using: &clients[c].workStream))
        // Three attribute draws per order (rush, abuse, quit), whatever the policy, for every
        // order of a group where they can matter; 1 (never below a probability) elsewhere.
        var rushDraw = 1.0, abuseDraw = 1.0, quitDraw = 1.0
        if terms.drawsAttributes {
            rushDraw = clients[c].attributeStream.nextUniform()
            abuseDraw = clients[c].attributeStream.nextUniform()
            quitDraw = clients[c].attributeStream.nextUniform()
        }
        let rushOffered = clients[c].isKey && rushDraw < terms.rushFraction
        let isRush = rushOffered && policy.acceptRush && !termsEnforced
        let leadDays = isRush ? terms.rushLeadTimeDays : terms.leadTimeDays
        let due = now + SimTime.hours(days: leadDays)
        var price = terms.priceEurPerHour * work
        if clients[c].isKey && !termsEnforced { price *= 1 - terms.discount }
        if isRush { price *= 1 + policy.rushSurcharge }

        let o = allocateOrder(Order(
            client: Int32(c), group: Int32(g), isKey: clients[c].isKey,
            arrivalHours: now, dueHours: due, remainingHours: work,
            firstStartHours: -1, priceEur: price, abuseDraw: abuseDraw, quitDraw: quitDraw))
        openWork += work
        trackDueDate(order: o)
        changeBacklog(by: 1)
        trace?.record(at: now, .arrival(workHours: work, dueHours: due, rush: isRush), order: o, client: c)
        if isRush { holdMeeting(order: o) }
        scheduleNextArrival(client: c, now: now)
        place(order: o)
    }

    /// Gives a new or returned order to an idle technician on duty, preempts for it, or queues it.
    @inline(__always) mutating func place(order o: Int) {
        if let t = firstIdleTechnician() {
            startWork(technician: t, order: o)
            return
        }
        if policy.keyPriority == .preemptive, orders[o].isKey,
           let t = firstTechnicianOnRegularOrder() {
            preempt(technician: t)
            startWork(technician: t, order: o)
            return
        }
        enqueue(o)
    }

    @inline(__always) mutating func enqueue(_ o: Int) {
        let key = policy.discipline == .edd ? orders[o].dueHours : orders[o].arrivalHours
        if policy.keyPriority != .none && orders[o].isKey {
            keyQueue.push(Int32(o), at: key)
        } else {
            regularQueue.push(Int32(o), at: key)
        }
    }

    mutating func dequeue() -> Int? {
        if let next = keyQueue.popMin() { return Int(next.payload) }
        if let next = regularQueue.popMin() { return Int(next.payload) }
        return nil
    }

    var queuedOrders: Int { keyQueue.count + regularQueue.count }

    /// A technician on duty with empty hands takes the next order, or ends overtime early.
    @inline(__always) mutating func dispatch(technician t: Int) {
        guard technicians[t].onDuty, technicians[t].order < 0 else { return }
        if let o = dequeue() {
            startWork(technician: t, order: o)
        } else if technicians[t].inOvertime {
            endOvertime(technician: t)
        }
    }

    @inline(__always) mutating func startWork(technician t: Int, order o: Int) {
        technicians[t].order = Int32(o)
        refreshAvailability(t)
        if orders[o].firstStartHours < 0 {
            orders[o].firstStartHours = now
            if inWindow {
                let wait = now - orders[o].arrivalHours
                if orders[o].isKey { totals.keyWaitSum += wait; totals.keyWaitCount += 1 }
                else { totals.otherWaitSum += wait; totals.otherWaitCount += 1 }
            }
        }
        trace?.record(at: now, .start, order: o, client: Int(orders[o].client), technician: t)
        resumeWork(technician: t)
    }

    /// Starts a stint on the order in hand; the completion is scheduled only if the work ends
    /// before the technician's duty does (otherwise the duty's end pauses it).
    @inline(__always) mutating func resumeWork(technician t: Int) {
        let o = Int(technicians[t].order)
        technicians[t].stintStartHours = now
        let finish = now + orders[o].remainingHours / technicians[t].productivity
        technicians[t].stint &+= 1
        if finish <= technicians[t].dutyEndsHours {
            sim.schedule(.completion(technician: Int32(t), stint: technicians[t].stint), at: .hours(finish))
            technicians[t].completionPending = true
        } else {
            technicians[t].completionPending = false
        }
    }

    /// Stops the current stint, crediting the work done. Returns true if that finished the order.
    @discardableResult
    mutating func pauseWork(technician t: Int) -> Bool {
        let held = technicians[t].order
        guard held >= 0 else { return false }
        let o = Int(held)
        // Off duty (a leave or resignation at midnight) nothing was done since the last pause.
        let worked = technicians[t].onDuty ? now - technicians[t].stintStartHours : 0
        busyHoursTotal += worked
        setRemaining(order: o, to: orders[o].remainingHours - worked * technicians[t].productivity)
        technicians[t].stintStartHours = now
        technicians[t].completionPending = false   // its event, if any, is now stale
        if orders[o].remainingHours <= 1e-9 {
            setRemaining(order: o, to: 0)
            deliver(order: o, technician: t)
            return true
        }
        return false
    }

    mutating func preempt(technician t: Int) {
        let o = Int(technicians[t].order)
        if pauseWork(technician: t) { return }
        setRemaining(order: o, to: orders[o].remainingHours + policy.switchPenaltyHours)
        technicians[t].order = -1
        refreshAvailability(t)
        technicians[t].preemptionsToday += 1
        if inWindow { totals.preemptions += 1 }
        trace?.record(at: now, .preempt, order: o, client: Int(orders[o].client), technician: t)
        enqueue(o)
    }

    /// Hands the order in hand back to the queue (absence, resignation).
    mutating func returnOrder(technician t: Int) {
        guard technicians[t].order >= 0 else { return }
        let o = Int(technicians[t].order)
        if pauseWork(technician: t) { return }
        technicians[t].order = -1
        refreshAvailability(t)
        trace?.record(at: now, .returned, order: o, client: Int(orders[o].client), technician: t)
        place(order: o)
    }

    mutating func handleCompletion(technician t: Int, stint: UInt32) {
        guard technicians[t].completionPending, technicians[t].stint == stint else {
            staleCompletions += 1
            return
        }
        technicians[t].completionPending = false
        let o = Int(technicians[t].order)
        let worked = now - technicians[t].stintStartHours
        busyHoursTotal += worked
        setRemaining(order: o, to: 0)
        deliver(order: o, technician: t)
        dispatch(technician: t)
    }

    @inline(__always) mutating func deliver(order o: Int, technician t: Int) {
        let order = orders[o]
        technicians[t].order = -1
        refreshAvailability(t)
        untrackDueDate(order: o)
        changeBacklog(by: -1)
        let late = now > order.dueHours + 1e-9
        let lateDays = late ? SimTime.days(hours: now - order.dueHours) : 0
        let c = Int(order.client)
        let terms = groupTerms[Int(order.group)]
        let score = late ? exp(-lateDays / max(terms.toleranceDays, 1e-9)) : 1
        clients[c].satisfaction += terms.smoothing * (score - clients[c].satisfaction)
        let penalty = late ? order.priceEur * terms.latePenaltyFraction : 0
        let day = SimTime.dayIndex(ofHours: now)
        if day != deliveryDay {   // a remainder is an integer division: once a day, not per order
            deliveryDay = day
            deliverySlot = day % deliveriesByDay.count
        }
        deliveriesByDay[deliverySlot] += 1
        if !late { onTimeByDay[deliverySlot] += 1 }
        week.revenue += order.priceEur - penalty
        if inWindow {
            totals.revenue += order.priceEur - penalty
            if order.isKey { totals.keyRevenue += order.priceEur - penalty }
            totals.latePenalties += penalty
            totals.materials += scenario.money.materialsFraction * order.priceEur
            totals.deliveries += 1
            if !late { totals.onTimeDeliveries += 1 }
            totals.latenessDaysSum += lateDays
            let flow = now - order.arrivalHours
            if order.isKey { totals.keyFlowSum += flow; totals.keyFlowCount += 1 }
            else { totals.otherFlowSum += flow; totals.otherFlowCount += 1 }
        }
        trace?.record(at: now, .deliver(lateDays: late ? lateDays : nil), order: o, client: c, technician: t)
        if order.isKey && late {
            holdMeeting(order: nil)
            let abuseProbability = terms.abuseProbabilityPerLateOrder * keyAbuseFactor
            if order.abuseDraw < abuseProbability {
                technicians[t].abuseToday += 1
                if inWindow { totals.abuseIncidents += 1 }
                trace?.record(at: now, .abuse, order: o, client: c, technician: t)
                if order.quitDraw < scenario.technicians.resignation.quitProbabilityPerAbuse { quitsTonight[t] = true }
            }
        }
        freeOrders.append(Int32(o))
    }

    /// Coordination meeting for a key-client rush or late order: manager time, and technician
    /// time added to the order's work when the order is still open.
    mutating func holdMeeting(order o: Int?) {
        if inWindow { totals.meetingCost += policy.meetingManagerHours * scenario.money.managerHourlyCostEur }
        if let o, policy.meetingTechnicianHours > 0 {
            setRemaining(order: o, to: orders[o].remainingHours + policy.meetingTechnicianHours)
        }
    }

    @inline(__always) mutating func allocateOrder(_ order: Order) -> Int {
        if let slot = freeOrders.popLast() {
            orders[Int(slot)] = order
            return Int(slot)
        }
        orders.append(order)
        return orders.count - 1
    }

    /// Keeps the time-integral of the number of orders in the system.
    @inline(__always)
    mutating func changeBacklog(by delta: Int) {
        let span = now - max(lastBacklogChange, windowStart)
        if span > 0 { totals.backlogArea += Double(ordersInSystem) * span }
        week.backlogArea += Double(ordersInSystem) * (now - lastBacklogChange)
        lastBacklogChange = now
        ordersInSystem += delta
        if ordersInSystem == 0 { openWork = 0 }   // no rounding drift survives an empty system
    }
}
