import CompanyModel
import SimulationKernel
import Testing

@Suite("ScenarioReader: field errors")
struct ScenarioReaderErrorTests {
    typealias Support = ScenarioReaderTestSupport

    // MARK: - Unknown fields

    @Test("unknown top-level field, with did-you-mean")
    func unknownTopLevel() throws {
        let error = try #require(Support.error("{ technicans: { count: 3 } }"))
        #expect(error.kind == .unknownField)
        #expect(error.path == "technicans")
        #expect(error.suggestion == "technicians")
        #expect(error.description == "scenarios/x.json5: unknown field 'technicans'. Did you mean 'technicians'?")
    }

    @Test("unknown nested fields name the whole path")
    func unknownNested() throws {
        #expect(Support.message("{ technicians: { cuont: 3 } }")
                == "scenarios/x.json5: unknown field 'technicians.cuont'. Did you mean 'technicians.count'?")
        #expect(Support.message("{ technicians: { overtime: { weeklyCap: 40 } } }")
                == "scenarios/x.json5: unknown field 'technicians.overtime.weeklyCap'. "
                + "Did you mean 'technicians.overtime.weeklyCapHours'?")
        #expect(Support.message("{ simulation: { HorizonDays: 10 } }")
                == "scenarios/x.json5: unknown field 'simulation.HorizonDays'. Did you mean 'simulation.horizonDays'?")
    }

    @Test("unknown fields inside a named client group and a policy")
    func unknownInNamedEntries() throws {
        let group = try #require(Support.error("{ clients: { regular: { ordrsPerWeek: 2 } } }"))
        #expect(group.kind == .unknownField)
        #expect(group.path == "clients.regular.ordrsPerWeek")
        #expect(group.suggestion == "clients.regular.ordersPerWeek")

        let traits = try #require(Support.error(
            "{ clients: { k: { isKeyClient: true, keyClient: { rushFractin: 0.1 } } } }"))
        #expect(traits.path == "clients.k.keyClient.rushFractin")
        #expect(traits.suggestion == "clients.k.keyClient.rushFraction")

        let outcome = try #require(Support.error(
            "{ policies: { p: { response: { reducesVolume: { probability: 1, volumeFactor: 0.8, abuseFactr: 0.2 } } } } }"))
        #expect(outcome.kind == .unknownField)
        #expect(outcome.path == "policies.p.response.reducesVolume.abuseFactr")
        #expect(outcome.suggestion == "policies.p.response.reducesVolume.abuseFactor")

        let policy = try #require(Support.error("{ policies: { firm: { keyClientTerms: { priorty: 'none' } } } }"))
        #expect(policy.kind == .unknownField)
        #expect(policy.description == "scenarios/x.json5: unknown field 'policies.firm.keyClientTerms.priorty'. "
                + "Did you mean 'policies.firm.keyClientTerms.priority'?")
    }

    @Test("an unknown field with nothing close lists the known ones")
    func unknownWithoutSuggestion() throws {
        let error = try #require(Support.error("{ money: { bananas: 1 } }"))
        #expect(error.suggestion == nil)
        #expect(error.description == "scenarios/x.json5: unknown field 'money.bananas' "
                + "(known fields here: managerHourlyCostEur, materialsFraction, overheadsEurPerMonth)")
    }

    // MARK: - Types

    @Test("wrong types name what was expected and echo the value")
    func wrongTypes() throws {
        let text = try #require(Support.error("{ technicians: { hourlyCostEur: \"abc\" } }"))
        #expect(text.kind == .wrongType)
        #expect(text.description == "scenarios/x.json5: technicians.hourlyCostEur must be a number (got \"abc\")")
        #expect(Support.message("{ technicians: { count: '12' } }")
                == "scenarios/x.json5: technicians.count must be an integer, written without quotes (got \"12\")")
        #expect(Support.message("{ technicians: { count: 2.5 } }")
                == "scenarios/x.json5: technicians.count must be an integer (got 2.5)")
        #expect(Support.message("{ policies: { p: { keyClientTerms: { acceptRush: 'yes' } } } }")
                == "scenarios/x.json5: policies.p.keyClientTerms.acceptRush must be true or false (got \"yes\")")
        #expect(Support.message("{ simulation: [1, 2] }")
                == "scenarios/x.json5: simulation must be an object (got [1, 2])")
        #expect(Support.message("{ clients: 3 }")
                == "scenarios/x.json5: clients must be an object mapping group names to client groups (got 3)")
        #expect(Support.message("{ name: null }") == "scenarios/x.json5: name must be a string (got null)")
        #expect(Support.message("[1]")
                == "scenarios/x.json5: the top level must be an object (a scenario file is one JSON5 object: { … }) (got [1])")
        #expect(Support.error("{ calendar: { holidays: { extraDates: ['2027-08-16', 3] } } }")?.path
                == "calendar.holidays.extraDates[1]")
    }

    @Test("the calendar's dates: a start date that is not a Monday, the old holiday list, the old absence cost")
    func calendarDatesAndMovedFields() throws {
        let wednesday = try #require(Support.error("{ calendar: { startDate: '2027-01-06' } }"))
        #expect(wednesday.path == "calendar.startDate" && wednesday.kind == .outOfRange)
        #expect(wednesday.description == "scenarios/x.json5: calendar.startDate must be a Monday (the model's weeks run "
                + "Monday to Sunday from day 0): use 2027-01-04 (the Monday before is 2027-01-04, the one after 2027-01-11) "
                + "(got 2027-01-06, a Wednesday)")
        let friday = try #require(Support.error("{ calendar: { startDate: '2027-01-08' } }"))
        #expect(friday.description.contains("use 2027-01-11") && friday.description.contains("a Friday"))
        #expect(Support.error("{ calendar: { startDate: '2027-02-29' } }")?.path == "calendar.startDate")
        #expect(Support.error("{ calendar: { startDate: '2028-02-29', mode: 'continuous' } }")?.path == "calendar.startDate",
                "a start date is checked in continuous mode too")
        let old = try #require(Support.error("{ calendar: { holidays: [1, 121, 359] } }"))
        #expect(old.path == "calendar.holidays" && old.kind == .wrongType)
        #expect(old.description.contains(#"{ set: "france", extraDates: ["2027-08-16"] }"#))
        #expect(old.description.contains("day-of-year numbers are no longer read"))
        #expect(Support.error("{ calendar: { holidays: 'frence' } }")?.suggestion == "france")
        #expect(Support.error("{ calendar: { holidays: { set: 'none', extra: [] } } }")?.path == "calendar.holidays.extra")
        let moved = try #require(Support.error("{ technicians: { absenceCostEurPerDay: 250 } }"))
        #expect(moved.kind == .unknownField && moved.path == "technicians.absenceCostEurPerDay")
        #expect(moved.description.contains("technicians.absenceDisruptionEurPerDay and technicians.sickPay"))
        #expect(Support.error("{ technicians: { annualLeave: { daysPerYear: 61 } } }")?.path == "technicians.annualLeave.daysPerYear")
        let tooMuch = try #require(Support.error("{ calendar: { workingWeekdays: [0] }, technicians: { annualLeave: { daysPerYear: 27 } } }"))
        #expect(tooMuch.kind == .crossField && tooMuch.path == "technicians.annualLeave.daysPerYear")
    }

    // MARK: - Ranges

    @Test("out-of-range values, several fields")
    func outOfRange() throws {
        let count = try #require(Support.error("{ technicians: { count: 0 } }"))
        #expect(count.kind == .outOfRange)
        #expect(count.path == "technicians.count")
        #expect(count.value == "0")
        #expect(count.description == "scenarios/x.json5: technicians.count must be an integer ≥ 1 (got 0)")
        #expect(Support.message("{ technicians: { count: 20000 } }")
                == "scenarios/x.json5: technicians.count must be an integer ≤ 10000 (got 20000)")
        #expect(Support.message("{ money: { materialsFraction: 1.5 } }")
                == "scenarios/x.json5: money.materialsFraction must be a number in [0, 1] (got 1.5)")
        #expect(Support.message("{ simulation: { confidence: 1 } }")
                == "scenarios/x.json5: simulation.confidence must be a number in [0.5, 0.9999] (got 1)")
        #expect(Support.message("{ simulation: { horizonDays: 0 } }")
                == "scenarios/x.json5: simulation.horizonDays must be a number > 0 (got 0)")
        #expect(Support.message("{ simulation: { horizonDays: 40000 } }")
                == "scenarios/x.json5: simulation.horizonDays must be a number ≤ 36500 (got 40000)")
        #expect(Support.message("{ technicians: { overtime: { weeklyCapHours: 0 } } }")
                == "scenarios/x.json5: technicians.overtime.weeklyCapHours must be a number in (0, 168] (got 0)")
        #expect(Support.message("{ technicians: { sickLeave: { baseDailyHazard: 1 } } }")
                == "scenarios/x.json5: technicians.sickLeave.baseDailyHazard must be a number in [0, 1) (got 1)")
        #expect(Support.message("{ simulation: { seed: 1099511627776 } }")
                == "scenarios/x.json5: simulation.seed must be an integer ≤ 1099511627775 (got 1099511627776)")
        #expect(Support.message("{ simulation: { replications: 0 } }")
                == "scenarios/x.json5: simulation.replications must be an integer ≥ 1 (got 0)")
        #expect(Support.error("{ clients: { a: { count: -1 } } }")?.path == "clients.a.count")
        #expect(Support.error("{ clients: { a: { ordersPerWeek: 10001 } } }")?.path == "clients.a.ordersPerWeek")
        #expect(Support.error("{ policies: { p: { response: { leaves: { probability: 2 } } } } }")?
            .path == "policies.p.response.leaves.probability")
        #expect(Support.error("{ technicians: { overtime: { premiumBands: [{ fromWeeklyHours: 35, premium: -0.1 }] } } }")?
            .path == "technicians.overtime.premiumBands[0].premium")
        #expect(Support.error("{ technicians: { overtime: { premiumBands: [{ fromWeeklyHours: 35 }] } } }")?
            .kind == .missingField)
    }

    @Test("NaN and Infinity are refused with the path")
    func nonFinite() throws {
        let nan = try #require(Support.error("{ technicians: { hourlyCostEur: NaN } }"))
        #expect(nan.kind == .outOfRange)
        #expect(nan.description == "scenarios/x.json5: technicians.hourlyCostEur must be a finite number (got NaN)")
        #expect(Support.message("{ simulation: { horizonDays: Infinity } }")
                == "scenarios/x.json5: simulation.horizonDays must be a finite number (got Infinity)")
        #expect(Support.error("{ clients: { a: { workHours: { type: 'exponential', mean: -Infinity } } } }")?
            .path == "clients.a.workHours.mean")
        #expect(Support.error("{ clients: { a: { workHours: { type: 'empirical', values: [1, NaN] } } } }")?
            .path == "clients.a.workHours.values[1]")
    }

    @Test("calendar values are checked by the kernel's WorkingCalendar, with calendar. paths")
    func calendar() throws {
        let length = try #require(Support.error("{ calendar: { shiftStartHour: 20, shiftLengthHours: 6 } }"))
        #expect(length.kind == .outOfRange)
        #expect(length.path == "calendar.shiftLengthHours")
        #expect(length.description.hasPrefix("scenarios/x.json5: calendar.shiftLengthHours must be in (0, 24]"))
        let weekday = try #require(Support.error("{ calendar: { workingWeekdays: [0, 1, 7] } }"))
        #expect(weekday.path == "calendar.workingWeekdays[2]")
        #expect(weekday.value == "7")
        #expect(Support.error("{ calendar: { workingWeekdays: [] } }")?.path == "calendar.workingWeekdays")
        #expect(Support.error("{ calendar: { holidays: { extraDates: ['2027-13-01'] } } }")?.path == "calendar.holidays.extraDates[0]")
        #expect(Support.error("{ calendar: { shiftStartHour: 24 } }")?.path == "calendar.shiftStartHour")
    }

    // MARK: - Enumerations

    @Test("bad enum values list the allowed ones")
    func badEnum() throws {
        let error = try #require(Support.error("{ policies: { p: { keyClientTerms: { priority: 'preemtive' } } } }"))
        #expect(error.kind == .unknownEnumValue)
        #expect(error.suggestion == "preemptive")
        #expect(error.description == "scenarios/x.json5: policies.p.keyClientTerms.priority must be one of \"none\", \"priority\", "
                + "\"preemptive\" (got \"preemtive\"). Did you mean 'preemptive'?")
        #expect(Support.message("{ calendar: { mode: 'weekly' } }")
                == "scenarios/x.json5: calendar.mode must be one of \"shifts\", \"continuous\" (got \"weekly\")")
        #expect(Support.error("{ policies: { p: { overtimeTrigger: 3 } } }")?.kind == .wrongType)
    }

    // MARK: - Distributions

    @Test("bad distribution type")
    func badDistributionType() throws {
        let error = try #require(Support.error("{ clients: { regular: { workHours: { type: 'lognorm', mean: 3, sd: 1 } } } }"))
        #expect(error.kind == .unknownEnumValue)
        #expect(error.path == "clients.regular.workHours.type")
        #expect(error.suggestion == "lognormal")
        #expect(Support.error("{ clients: { regular: { workHours: { mean: 3 } } } }")?.path == "clients.regular.workHours.type")
        #expect(Support.error("{ clients: { regular: { workHours: 'long' } } }")?.kind == .wrongType)
    }

    @Test("bad distribution parameters carry the parameter's path")
    func badDistributionParameter() throws {
        let sd = try #require(Support.error("{ clients: { regular: { workHours: { type: 'lognormal', mean: 12, sd: -1 } } } }"))
        #expect(sd.kind == .outOfRange)
        #expect(sd.path == "clients.regular.workHours.sd")
        #expect(sd.description == "scenarios/x.json5: clients.regular.workHours.sd must be ≥ 0 and finite (got -1)")
        let missing = try #require(Support.error("{ clients: { regular: { workHours: { type: 'lognormal', mean: 12 } } } }"))
        #expect(missing.kind == .missingField)
        #expect(missing.description
                == "scenarios/x.json5: clients.regular.workHours.sd is required: a lognormal distribution needs mean and sd")
        let typo = try #require(Support.error("{ clients: { regular: { workHours: { type: 'gamma', mean: 12, sdev: 3 } } } }"))
        #expect(typo.kind == .unknownField)
        #expect(typo.suggestion == "clients.regular.workHours.sd")
        #expect(Support.error("{ technicians: { sickLeave: { durationDays: { type: 'erlang', mean: 5, shape: 1.5 } } } }")?
            .path == "technicians.sickLeave.durationDays.shape")
        #expect(Support.error("{ clients: { a: { workHours: { type: 'empirical', values: [1, 2], weights: [1] } } } }")?
            .path == "clients.a.workHours.weights")
        #expect(Support.error("{ clients: { a: { workHours: { type: 'triangular', min: 1, mode: 5, max: 3 } } } }")?
            .path == "clients.a.workHours.mode")
    }

    @Test("work and durations cannot be negative")
    func nonNegativeQuantities() throws {
        #expect(Support.error("{ clients: { a: { workHours: -2 } } }")?.path == "clients.a.workHours")
        #expect(Support.error("{ clients: { a: { workHours: { type: 'uniform', min: -1, max: 2 } } } }")?.path
                == "clients.a.workHours.min")
        #expect(Support.error("{ clients: { a: { workHours: { type: 'empirical', values: [1, -2] } } } }")?.path
                == "clients.a.workHours.values[1]")
        let normal = try #require(Support.error("{ technicians: { burnout: { durationDays: { type: 'normal', mean: 90, sd: 20 } } } }"))
        #expect(normal.path == "technicians.burnout.durationDays.truncatedAtZero")
        #expect(normal.kind == .outOfRange)
    }

    // MARK: - Names

    @Test("names that cannot be used in paths or directories")
    func badNames() throws {
        let group = try #require(Support.error("{ clients: { 'my group': {} } }"))
        #expect(group.path == "clients")
        #expect(group.value == "\"my group\"")
        #expect(Support.error("{ policies: { 'a.b': {} } }")?.path == "policies")
        #expect(Support.error("{ name: '../escape' }")?.path == "name")
        #expect(Support.error("{ name: '' }")?.path == "name")
    }

    @Test("every message starts with the file name")
    func messagesStartWithFileName() throws {
        let texts = ["{ technicans: 1 }", "{ technicians: { count: 0 } }", "{ calendar: { mode: 'x' } }", "{ a: 1, a: 2 }",
                     "{ a: }", "", "{ baseline: 'nope' }", "{ clients: { a: { workHours: { type: 'x' } } } }"]
        for text in texts {
            let message = Support.message(text, fileName: "dir/some file.json5")
            #expect(message.hasPrefix("dir/some file.json5: "), "\(message)")
        }
    }
}
