import SimulationKernel

/// The decision day: measurement starts, the studied policy replaces the baseline, its staff
/// changes take effect, and, if its terms differ from the baseline's, the key client responds.
extension CompanyReplication {
    mutating func handleDecision() {
        changeBacklog(by: 0)
        measurement.totals = Accumulators()
        measurement.windowStart = now
        // The week in progress is charged only its overtime from here on (`settleBandPremium`).
        for t in staff.technicians.indices { staff.technicians[t].windowOvertimeHoursThisWeek = 0 }
        measurement.lastBacklogChange = now
        let previous = policy
        policy = studied
        // One draw, always, so the stream is in step for every policy and every branch.
        let responseDraw = market.decisionStream.nextUniform()
        trace?.record(at: now, .decision(policy: studiedPolicyName))
        let keyPresent = market.clients.contains { $0.isKey && $0.active }
        measurement.keyClientPresentAtDecision = keyPresent
        if !responseOutcomes.isEmpty {
            // The outcome is named even when the client is gone already (it then changes
            // nothing), so every replication says which branch it is.
            let index = min(forcedOutcome ?? (studied.response?.sample(responseDraw) ?? 0), responseOutcomes.count - 1)
            measurement.outcomeIndex = index
            if keyPresent { respond(with: responseOutcomes[index]) }
        }
        let extra = studied.extraTechnicians - previous.extraTechnicians
        if extra > 0 {
            for _ in 0..<extra {
                addTechnician(hiredAtHours: now)
                let t = staff.technicians.count - 1
                measurement.totals.hiringCost += scenario.technicians.hiring.costEur
                trace?.record(at: now, .hire(extraTechnician: true), technician: t)
                if continuous {
                    startContinuousDuty(technician: t)
                    dispatch(technician: t)
                }
            }
        } else if extra < 0 {
            letGoLatestHires(-extra)
        }
        if previous.keyClientTerms.priority != policy.keyClientTerms.priority || previous.discipline != policy.discipline {
            requeueAll()
        }
    }

    /// The key client's response: it leaves now, later, or stays on the new terms with its
    /// volume and abuse changed.
    mutating func respond(with outcome: KeyClientOutcome) {
        switch outcome.kind {
        case .leaves:
            handleKeyClientLeaves()
        case .leavesLater, .reducesVolume, .accepts:
            market.keyVolumeFactor = outcome.volumeFactor
            market.keyAbuseFactor = outcome.abuseFactor
            trace?.record(at: now, .keyClientResponds(outcome: outcome.name, volumeFactor: outcome.volumeFactor,
                                                      abuseFactor: outcome.abuseFactor))
            if outcome.kind == .leavesLater {
                let at = now + outcome.months * Self.monthHours
                if at <= horizonHours { sim.schedule(.keyClientLeaves, at: .hours(at)) }
            }
        }
    }

    /// The key client goes in response to the terms: at once (`leaves`), or as the event the
    /// `leavesLater` outcome scheduled.
    mutating func handleKeyClientLeaves() {
        for c in market.clients.indices where market.clients[c].isKey { loseClient(c, reason: .respondedToTerms) }
    }

    /// Lets go `count` employed technicians, the latest hired first (last in, first out): the
    /// studied policy keeps fewer extra technicians than the baseline. Work in their hands goes
    /// back to the queue; no replacement is sought.
    mutating func letGoLatestHires(_ count: Int) {
        var remaining = count
        for t in staff.technicians.indices.reversed() where remaining > 0 && staff.technicians[t].employed {
            leaveEmployment(technician: t)
            trace?.record(at: now, .letGo, technician: t)
            remaining -= 1
        }
    }

    /// Re-sorts the waiting orders under the new policy's rules.
    mutating func requeueAll() {
        var waiting: [Int] = []
        while let o = backlog.dequeue() { waiting.append(o) }
        for o in waiting { enqueue(o) }
    }
}
