import CompanyModel
import Testing

/// The negotiation in a scenario file: each policy's `keyClientTerms`, the `response` a terms
/// change must declare, and the migration notes for the fields that moved there.
@Suite("ScenarioReader: key-client terms and the key client's response")
struct ScenarioReaderNegotiationTests {
    typealias Support = ScenarioReaderTestSupport

    /// A key client, a baseline `base` with `baseTerms`, and a studied policy `offer` with the
    /// given fields (JSON5 text of its body).
    static func file(offer: String, baseTerms: String = "") -> String {
        """
        { clients: { key: { isKeyClient: true }, regular: {} },
          policies: { base: { \(baseTerms) }, offer: { \(offer) } }, baseline: "base" }
        """
    }

    // MARK: - Terms and responses that read

    @Test("terms are read field by field; those left out are the standard terms")
    func termsAreRead() throws {
        let scenario = try ScenarioReader.read(text: Self.file(
            offer: "keyClientTerms: { priority: 'preemptive', acceptRush: true, surcharge: 0.15 }, response: { accepts: { probability: 1 } }"),
            fileName: "x.json5")
        let terms = try #require(scenario.policies["offer"]).keyClientTerms
        #expect(terms.priority == .preemptive && terms.acceptRush && terms.surcharge == 0.15)
        #expect(terms.discount == 0 && terms.rushSurcharge == 0 && terms.meetingManagerHours == 0)
        #expect(terms.priceFactor == 1.15)
        #expect(terms.differences(from: KeyClientTerms.standard) == ["priority", "acceptRush", "surcharge"])
        #expect(try #require(scenario.policies["base"]).keyClientTerms == KeyClientTerms.standard)
    }

    @Test("a response keeps its outcomes in canonical order, harshest first, with their figures and defaults")
    func responseIsRead() throws {
        let scenario = try ScenarioReader.read(text: Self.file(offer: """
            keyClientTerms: { discount: 0.1 },
            response: { accepts: { probability: 0.4 }, reducesVolume: { probability: 0.3, volumeFactor: 0.8 },
                        leavesLater: { probability: 0.2, months: 6, abuseFactor: 0.5 }, leaves: { probability: 0.1 } }
            """), fileName: "x.json5")
        let response = try #require(scenario.policies["offer"]?.response)
        #expect(response.outcomes.map(\.kind) == [.leaves, .leavesLater, .reducesVolume, .accepts])
        #expect(response.outcomes.map(\.probability) == [0.1, 0.2, 0.3, 0.4])
        #expect(response.outcomes[1].months == 6 && response.outcomes[1].abuseFactor == 0.5)
        #expect(response.outcomes[2].volumeFactor == 0.8 && response.outcomes[2].abuseFactor == 1)   // abuseFactor default 1
        #expect(response.outcomes[3].abuseFactor == 1 && response.outcomes[3].volumeFactor == 1)
    }

    @Test("a policy that changes only operations (not the terms) needs no response")
    func operationsOnlyNeedNoResponse() throws {
        let scenario = try ScenarioReader.read(text: Self.file(
            offer: "keyClientTerms: { priority: 'priority' }, extraTechnicians: 1, discipline: 'edd'",
            baseTerms: "keyClientTerms: { priority: 'priority' }"), fileName: "x.json5")
        #expect(scenario.policies["offer"]?.response == nil)
    }

    @Test("the standard policy's old reaction is the canonical response to the standard terms")
    func canonicalResponse() throws {
        let response = KeyClientResponse.defaultForStandardTerms
        #expect(response.outcomes.map(\.kind) == [.leaves, .reducesVolume])
        #expect(response.outcomes.map(\.probability) == [0.35, 0.65])
        #expect(response.outcomes[1].volumeFactor == 0.85 && response.outcomes[1].abuseFactor == 0.3)
        #expect(Policy.standard.response == response && Policy.indulge.response == nil)
        #expect(Policy.indulge.keyClientTerms == KeyClientTerms.privileged && Policy.standard.keyClientTerms == KeyClientTerms.standard)
    }

    // MARK: - The rules of the negotiation

    @Test("a terms change without a response is refused, naming the policy, the baseline and the terms changed")
    func termsChangeNeedsResponse() throws {
        let error = try #require(Support.error(Self.file(offer: "keyClientTerms: { priority: 'none', surcharge: 0.15 }",
                                                         baseTerms: "keyClientTerms: { priority: 'preemptive' }")))
        #expect(error.kind == .missingField)
        #expect(error.path == "policies.offer.response")
        #expect(error.description.hasPrefix("scenarios/x.json5: policies.offer.response is required: policy 'offer' changes "
            + "the key client's terms from the baseline 'base' (keyClientTerms.priority, keyClientTerms.surcharge), so the "
            + "key client responds: add response"))
    }

    @Test("the baseline declares no response: its terms are the status quo")
    func baselineHasNoResponse() throws {
        let error = try #require(Support.error(Self.file(offer: "", baseTerms: "response: { accepts: { probability: 1 } }")))
        #expect(error.kind == .crossField)
        #expect(error.path == "policies.base.response")
        #expect(error.description.contains("'base' is the baseline"))
    }

    @Test("a response on a policy with the baseline's terms is read but unused: nothing to respond to (a sweep through the baseline's value)")
    func sameTermsHaveNoResponse() throws {
        let scenario = try ScenarioReader.read(text: Self.file(offer: "discipline: 'edd', response: { accepts: { probability: 1 } }"),
                                               fileName: "x.json5")
        #expect(scenario.policies["offer"]?.response != nil)
        #expect(try CompanySimulation(scenario: scenario, policy: "offer").outcomes.isEmpty)
    }

    @Test("without a key-client group, terms stay the standard ones and no response is declared")
    func noKeyClient() throws {
        let terms = try #require(Support.error("{ clients: { a: {} }, policies: { p: { keyClientTerms: { acceptRush: true } } } }"))
        #expect(terms.kind == .crossField)
        #expect(terms.path == "policies.p.keyClientTerms.acceptRush")
        #expect(terms.description.contains("no client group is the key client"))
        let response = try #require(Support.error("""
            { clients: { a: {} }, policies: { p: {}, q: { response: { accepts: { probability: 1 } } } }, baseline: "p" }
            """))
        #expect(response.path == "policies.q.response")
        #expect(response.description.contains("no client group is the key client"))
        // The standard terms everywhere, and no response: fine without a key client.
        #expect(throws: Never.self) {
            try ScenarioReader.read(text: "{ clients: { a: {} }, policies: { p: { keyClientTerms: { priority: 'none' } } } }",
                                    fileName: "x.json5")
        }
    }

    @Test("outcome probabilities must sum to 1; the message adds them up", arguments: [
        ("leaves: { probability: 0.35 }, reducesVolume: { probability: 0.6, volumeFactor: 0.85 }", "leaves 0.35 + reducesVolume 0.6 = 0.95"),
        ("accepts: { probability: 0.7 }, leaves: { probability: 0.4 }", "leaves 0.4 + accepts 0.7 = 1.1"),
    ])
    func probabilitiesSumToOne(outcomes: String, sum: String) throws {
        let error = try #require(Support.error(Self.file(offer: "keyClientTerms: { discount: 0.1 }, response: { \(outcomes) }")))
        #expect(error.kind == .crossField)
        #expect(error.path == "policies.offer.response")
        #expect(error.description == "scenarios/x.json5: policies.offer.response must have outcome probabilities that sum "
                + "to 1 (got \(sum))")
    }

    @Test("an empty response is refused, listing the outcomes")
    func emptyResponse() throws {
        let error = try #require(Support.error(Self.file(offer: "keyClientTerms: { discount: 0.1 }, response: {}")))
        #expect(error.kind == .missingField)
        #expect(error.path == "policies.offer.response")
        #expect(error.description.contains("leaves, leavesLater, reducesVolume, accepts"))
    }

    @Test("each outcome's required and bounded fields are named when wrong", arguments: [
        ("leavesLater: { probability: 1 }", "policies.offer.response.leavesLater.months", ScenarioError.Kind.missingField),
        ("leavesLater: { probability: 1, months: 0 }", "policies.offer.response.leavesLater.months", .outOfRange),
        ("reducesVolume: { probability: 1 }", "policies.offer.response.reducesVolume.volumeFactor", .missingField),
        ("reducesVolume: { probability: 1, volumeFactor: -0.1 }", "policies.offer.response.reducesVolume.volumeFactor", .outOfRange),
        ("accepts: { probability: 1, abuseFactor: -1 }", "policies.offer.response.accepts.abuseFactor", .outOfRange),
        ("accepts: {}", "policies.offer.response.accepts.probability", .missingField),
        ("leaves: { probability: 1.5 }", "policies.offer.response.leaves.probability", .outOfRange),
        ("leaves: { probability: 1, volumeFactor: 0.5 }", "policies.offer.response.leaves.volumeFactor", .unknownField),
        ("stays: { probability: 1 }", "policies.offer.response.stays", .unknownField),
    ])
    func outcomeFields(outcome: String, path: String, kind: ScenarioError.Kind) throws {
        let error = try #require(Support.error(Self.file(offer: "keyClientTerms: { discount: 0.1 }, response: { \(outcome) }")))
        #expect(error.path == path)
        #expect(error.kind == kind)
    }

    @Test("a negative factor is refused with the bound and the value")
    func negativeFactor() throws {
        let message = Support.message(Self.file(
            offer: "keyClientTerms: { discount: 0.1 }, response: { reducesVolume: { probability: 1, volumeFactor: 0.9, abuseFactor: -0.5 } }"))
        #expect(message.hasPrefix("scenarios/x.json5: policies.offer.response.reducesVolume.abuseFactor must be a number ≥ 0"))
        #expect(message.hasSuffix("(got -0.5)"))
    }

    @Test("terms out of range are named: a discount above 1, a negative surcharge, an unknown priority")
    func termsOutOfRange() throws {
        #expect(Support.error(Self.file(offer: "keyClientTerms: { discount: 1.2 }"))?.path == "policies.offer.keyClientTerms.discount")
        #expect(Support.error(Self.file(offer: "keyClientTerms: { surcharge: -0.1 }"))?.path == "policies.offer.keyClientTerms.surcharge")
        let priority = try #require(Support.error(Self.file(offer: "keyClientTerms: { priority: 'first' }")))
        #expect(priority.kind == .unknownEnumValue && priority.path == "policies.offer.keyClientTerms.priority")
    }

    // MARK: - Migration notes

    @Test("fields of the old format say where they have moved", arguments: [
        ("{ policies: { p: { keyPriority: 'preemptive' } } }", "policies.p.keyPriority", "keyClientTerms.priority"),
        ("{ policies: { p: { acceptRush: true } } }", "policies.p.acceptRush", "keyClientTerms.acceptRush"),
        ("{ policies: { p: { rushSurcharge: 0.3 } } }", "policies.p.rushSurcharge", "keyClientTerms.rushSurcharge"),
        ("{ policies: { p: { meetingManagerHours: 3 } } }", "policies.p.meetingManagerHours", "keyClientTerms.meetingManagerHours"),
        ("{ policies: { p: { meetingTechnicianHours: 1 } } }", "policies.p.meetingTechnicianHours", "keyClientTerms.meetingTechnicianHours"),
        ("{ policies: { p: { enforceStandardTerms: true } } }", "policies.p.enforceStandardTerms", "keyClientTerms and response"),
        ("{ clients: { k: { isKeyClient: true, keyClient: { discount: 0.15 } } } }", "clients.k.keyClient.discount",
         "policies.<policy>.keyClientTerms.discount"),
        ("{ clients: { k: { isKeyClient: true, keyClient: { onEnforcement: { leaveProbability: 0.35 } } } } }",
         "clients.k.keyClient.onEnforcement", "policies.<policy>.response"),
    ])
    func movedFields(text: String, path: String, newPath: String) throws {
        let error = try #require(Support.error(text))
        #expect(error.kind == .unknownField)
        #expect(error.path == path)
        #expect(error.description.hasPrefix("scenarios/x.json5: unknown field '\(path)' (this field has moved to \(newPath): "))
        #expect(error.description.hasSuffix("see docs/model.md, \"The negotiation\")"))
    }
}
