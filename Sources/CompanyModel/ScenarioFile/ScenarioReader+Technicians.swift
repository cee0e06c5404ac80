import SimulationKernel

/// `technicians` and its sub-objects.
extension ScenarioReader {
    /// Largest head count accepted (also with a policy's extra technicians).
    static let maximumTechnicians = 10_000
    /// Cap on premiums (as fractions: 10 = +1000 %), stress sensitivities and per-event stress.
    static let sanityCap: Double = 100

    static func readTechnicians(_ root: inout ObjectReader) throws(ScenarioError) -> TechnicianSettings {
        var settings = TechnicianSettings()
        guard var reader = try root.object("technicians") else { return settings }
        settings.count = try reader.integer("count", default: settings.count,
                                            .atLeast(1, cap: Double(maximumTechnicians)))
        settings.hourlyCostEur = try reader.number("hourlyCostEur", default: settings.hourlyCostEur, .atLeast(0, cap: 1e6))
        try reader.rejectMoved("absenceCostEurPerDay", to: "technicians.absenceDisruptionEurPerDay and technicians.sickPay",
                               why: "an absent technician's salary is no longer paid in full on top of the absence cost; "
                                   + "the cost is now the salary continuation (sickPay) plus a disruption cost per day",
                               section: "Technicians")
        settings.absenceDisruptionEurPerDay = try reader.number("absenceDisruptionEurPerDay",
                                                                default: settings.absenceDisruptionEurPerDay, .atLeast(0, cap: 1e7))
        if var sickPay = try reader.object("sickPay") {
            var value = settings.sickPay
            value.waitingDays = try sickPay.integer("waitingDays", default: value.waitingDays, .atLeast(0, cap: maximumHorizonDays))
            value.firstRate = try sickPay.number("firstRate", default: value.firstRate, .fraction)
            value.firstDays = try sickPay.integer("firstDays", default: value.firstDays, .atLeast(0, cap: maximumHorizonDays))
            value.laterRate = try sickPay.number("laterRate", default: value.laterRate, .fraction)
            try sickPay.finish()
            settings.sickPay = value
        }
        if var annualLeave = try reader.object("annualLeave") {
            var value = settings.annualLeave
            value.daysPerYear = try annualLeave.integer("daysPerYear", default: value.daysPerYear, .interval(0, 60))
            try annualLeave.finish()
            settings.annualLeave = value
        }
        if var overtime = try reader.object("overtime") {
            settings.overtime = try readOvertime(&overtime, defaults: settings.overtime)
        }
        if var stress = try reader.object("stress") {
            settings.stress = try readStress(&stress, defaults: settings.stress)
        }
        if var sickLeave = try reader.object("sickLeave") {
            settings.sickLeave = try readHazard(&sickLeave, defaults: settings.sickLeave)
        }
        if var burnout = try reader.object("burnout") {
            settings.burnout = try readHazard(&burnout, defaults: settings.burnout)
        }
        if var resignation = try reader.object("resignation") {
            var value = settings.resignation
            value.baseDailyHazard = try resignation.number("baseDailyHazard", default: value.baseDailyHazard, .hazard)
            value.stressSensitivity = try resignation.number("stressSensitivity", default: value.stressSensitivity,
                                                             .atLeast(0, cap: sanityCap))
            value.quitProbabilityPerAbuse = try resignation.number("quitProbabilityPerAbuse",
                                                                   default: value.quitProbabilityPerAbuse, .fraction)
            try resignation.finish()
            settings.resignation = value
        }
        if var hiring = try reader.object("hiring") {
            var value = settings.hiring
            value.delayDays = try hiring.number("delayDays", default: value.delayDays, .atLeast(0, cap: maximumHorizonDays))
            value.costEur = try hiring.number("costEur", default: value.costEur, .atLeast(0, cap: 1e7))
            value.rampDays = try hiring.number("rampDays", default: value.rampDays, .atLeast(0, cap: maximumHorizonDays))
            value.rampStartProductivity = try hiring.number("rampStartProductivity", default: value.rampStartProductivity,
                                                            .fraction)
            value.replaceAboveUtilisation = try hiring.number("replaceAboveUtilisation",
                                                              default: value.replaceAboveUtilisation, .fraction)
            try hiring.finish()
            settings.hiring = value
        }
        try reader.finish()
        return settings
    }

    static func readOvertime(_ reader: inout ObjectReader, defaults: OvertimeSettings) throws(ScenarioError) -> OvertimeSettings {
        var value = defaults
        let hoursInDay = NumberRule(lower: .exclusive(0), upper: .inclusive(24), asInterval: true)
        value.eveningExtensionHours = try reader.number("eveningExtensionHours", default: value.eveningExtensionHours,
                                                        .interval(0, 24))
        value.restDayShiftHours = try reader.number("restDayShiftHours", default: value.restDayShiftHours, hoursInDay)
        value.baseAcceptance = try reader.number("baseAcceptance", default: value.baseAcceptance, .fraction)
        value.acceptanceStressSensitivity = try reader.number("acceptanceStressSensitivity",
                                                              default: value.acceptanceStressSensitivity,
                                                              .atLeast(0, cap: sanityCap))
        value.weeklyCapHours = try reader.number("weeklyCapHours", default: value.weeklyCapHours,
                                                 NumberRule(lower: .exclusive(0), upper: .inclusive(168), asInterval: true))
        value.dailyCapHours = try reader.number("dailyCapHours", default: value.dailyCapHours, hoursInDay)
        value.annualQuotaHours = try reader.number("annualQuotaHours", default: value.annualQuotaHours, .interval(0, 8_784))
        if let bands = try reader.array("premiumBands", of: "bands such as { fromWeeklyHours: 35, premium: 0.25 }") {
            var result: [PremiumBand] = []
            for band in bands {
                var bandReader = try ObjectReader(band.value, at: band.path, file: reader.file,
                                                  expected: "a band such as { fromWeeklyHours: 35, premium: 0.25 }")
                let why = "each premium band has fromWeeklyHours and premium"
                let from = try bandReader.requiredNumber("fromWeeklyHours", .interval(0, 168), why: why)
                let premium = try bandReader.requiredNumber("premium", .interval(0, 10), why: why)
                try bandReader.finish()
                if let previous = result.last, from <= previous.fromWeeklyHours {
                    throw bandReader.error(.crossField, "fromWeeklyHours",
                                           "be greater than the previous band's (\(JSONValue.format(previous.fromWeeklyHours))): "
                                           + "bands go in increasing order of hours")
                }
                result.append(PremiumBand(fromWeeklyHours: from, premium: premium))
            }
            value.premiumBands = result
        }
        value.weekendPremium = try reader.number("weekendPremium", default: value.weekendPremium, .interval(0, 10))
        value.holidayPremium = try reader.number("holidayPremium", default: value.holidayPremium, .interval(0, 10))
        try reader.finish()
        return value
    }

    static func readStress(_ reader: inout ObjectReader, defaults: StressSettings) throws(ScenarioError) -> StressSettings {
        var value = defaults
        let increment = NumberRule.atLeast(0, cap: sanityCap)
        value.decayPerWorkday = try reader.number("decayPerWorkday", default: value.decayPerWorkday, .fraction)
        value.decayPerRestDay = try reader.number("decayPerRestDay", default: value.decayPerRestDay, .fraction)
        value.perOvertimeHour = try reader.number("perOvertimeHour", default: value.perOvertimeHour, increment)
        value.perRestDayWorked = try reader.number("perRestDayWorked", default: value.perRestDayWorked, increment)
        value.perPreemption = try reader.number("perPreemption", default: value.perPreemption, increment)
        value.perAbuseIncident = try reader.number("perAbuseIncident", default: value.perAbuseIncident, increment)
        value.perBacklogDay = try reader.number("perBacklogDay", default: value.perBacklogDay, increment)
        value.backlogThresholdDays = try reader.number("backlogThresholdDays", default: value.backlogThresholdDays,
                                                       .atLeast(0, cap: maximumHorizonDays))
        value.backlogPressureCapDays = try reader.number("backlogPressureCapDays", default: value.backlogPressureCapDays,
                                                         .atLeast(0, cap: maximumHorizonDays))
        try reader.finish()
        return value
    }

    static func readHazard(_ reader: inout ObjectReader, defaults: HazardSettings) throws(ScenarioError) -> HazardSettings {
        var value = defaults
        value.baseDailyHazard = try reader.number("baseDailyHazard", default: value.baseDailyHazard, .hazard)
        value.stressSensitivity = try reader.number("stressSensitivity", default: value.stressSensitivity,
                                                    .atLeast(0, cap: sanityCap))
        value.durationDays = try reader.distribution("durationDays", default: value.durationDays, nonNegative: true)
        try reader.finish()
        return value
    }
}
