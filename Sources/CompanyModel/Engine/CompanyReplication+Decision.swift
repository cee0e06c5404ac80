import SimulationKernel

/// The decision day: measurement starts, the studied policy replaces the baseline, and, if it
/// enforces the standard terms, the key client decides.
extension CompanyReplication {
    mutating func handleDecision() {
        changeBacklog(by: 0)
        totals = Accumulators()
        windowStart = now
        lastBacklogChange = now
        let previous = policy
        policy = studied
        // One draw, always, so the stream is in step for every policy.
        let leaveDraw = decisionStream.nextUniform()
        trace?.record(at: now, .decision(policy: studiedPolicyName))
        if studied.enforceStandardTerms, let g = keyGroup, clients.contains(where: { $0.isKey && $0.active }) {
            termsEnforced = true
            let reaction = groups[g].keyClient?.onEnforcement ?? EnforcementReaction()
            if leaveDraw < reaction.leaveProbability {
                for c in clients.indices where clients[c].isKey { loseClient(c, reason: .standardTermsEnforced) }
            } else {
                keyVolumeFactor = reaction.volumeFactor
                keyAbuseFactor = reaction.abuseFactor
                trace?.record(at: now, .keyClientStays(volumeFactor: reaction.volumeFactor, abuseFactor: reaction.abuseFactor))
            }
        }
        let extra = studied.extraTechnicians - previous.extraTechnicians
        if extra > 0 {
            for _ in 0..<extra {
                addTechnician(hiredAtHours: now)
                let t = technicians.count - 1
                totals.hiringCost += scenario.technicians.hiring.costEur
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
        while let o = dequeue() { waiting.append(o) }
        for o in waiting { enqueue(o) }
    }
}
