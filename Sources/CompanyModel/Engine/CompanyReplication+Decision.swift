import SimulationKernel

/// The decision day: measurement starts, the studied policy replaces the baseline, and, if it
/// enforces the standard terms, the key client decides.
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
        // One draw, always, so the stream is in step for every policy.
        let leaveDraw = market.decisionStream.nextUniform()
        trace?.record(at: now, .decision(policy: studiedPolicyName))
        if studied.enforceStandardTerms, let g = market.keyGroup, market.clients.contains(where: { $0.isKey && $0.active }) {
            market.termsEnforced = true
            let reaction = market.groups[g].keyClient?.onEnforcement ?? EnforcementReaction()
            if leaveDraw < reaction.leaveProbability {
                for c in market.clients.indices where market.clients[c].isKey { loseClient(c, reason: .standardTermsEnforced) }
            } else {
                market.keyVolumeFactor = reaction.volumeFactor
                market.keyAbuseFactor = reaction.abuseFactor
                trace?.record(at: now, .keyClientStays(volumeFactor: reaction.volumeFactor, abuseFactor: reaction.abuseFactor))
            }
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
        }
        if previous.keyPriority != policy.keyPriority || previous.discipline != policy.discipline {
            requeueAll()
        }
    }

    /// Re-sorts the waiting orders under the new policy's rules.
    mutating func requeueAll() {
        var waiting: [Int] = []
        while let o = backlog.dequeue() { waiting.append(o) }
        for o in waiting { enqueue(o) }
    }
}
