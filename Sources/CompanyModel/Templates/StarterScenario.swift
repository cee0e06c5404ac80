/// The commented starter scenario that `bigclient init` prints.
///
/// It sets the handful of fields a user edits first (head count, clients, the key client's
/// privileges and response, the two policies) and leaves everything else to the documented defaults, so it
/// stays short. `scenarios/historic-client.json5` is a fully commented scenario (every field
/// written, with its source); `docs/model.md` lists every field with its unit, default, range
/// and source.
///
/// The text must stay a valid scenario, and what its comments claim must stay true: the
/// sections it calls "the defaults" equal the Swift types' defaults, and its worked figures
/// (capacity, demand, the key client's share) follow from its numbers.
/// Tests/CompanyModelTests/StarterScenarioTests.swift reads it with the scenario reader and
/// checks both.
public enum StarterScenario {
    /// JSON5 text of a valid, commented scenario with two policies (`indulge`, the baseline,
    /// and `standard`).
    public static let text: String = """
    // A starter scenario for bigclient. Edit the numbers, then:
    //   bigclient check my-company.json5   validate; print load, utilisation and the key client's share
    //   bigclient run my-company.json5     compare the policies (results in results/my-company/)
    // JSON5: comments and trailing commas are allowed. Every field left out takes its default:
    // docs/model.md lists them all with units, ranges and sources, and
    // scenarios/historic-client.json5 is a fully commented example.
    {
      name: "my-company",                  // results go to results/my-company/
      description: "Our company and its historic big client: keep indulging it, or enforce the standard terms?",

      simulation: {                        // the defaults, written out because they are edited first
        horizonDays: 1095,                 // days per replication (3 years from Monday 4 January 2027)
        warmupDays: 364,                   // a year of the status quo before measurement; the policies diverge
                                           // at its end (`check` says whether the company has settled by then)
        replications: 100,                 // Monte Carlo replications per policy
        seed: 1,                           // same seed, same results
      },

      technicians: {                       // the defaults
        count: 13,                         // technicians employed: 13 × 35 h = 455 h/week of capacity, before
                                           // public holidays and 25 days of annual leave each (`check` counts them)
        hourlyCostEur: 40,                 // employer's cost of one paid hour (salary plus charges), €
      },

      clients: {
        regular: {                         // the ordinary clients (any name will do); the group defaults
          count: 30,                       // number of clients in the group
          ordersPerWeek: 0.6,              // orders per week, per client (Poisson)
          workHours: { type: "lognormal", mean: 12, sd: 8 }, // technician-hours per order
          priceEurPerHour: 90,             // € billed per hour of work
          leadTimeDays: 15,                // calendar days from order to due date
        },
        key: {                             // the historic big client: at most one group is the key client
          count: 1,
          isKeyClient: true,
          ordersPerWeek: 8,                // 8 orders × 18 h = 144 h/week: 40 % of the 360 h/week of demand
          workHours: { type: "lognormal", mean: 18, sd: 12 },
          priceEurPerHour: 90,
          leadTimeDays: 15,
          keyClient: {                     // the default traits
            rushFraction: 0.25,            // share of its orders placed as rush orders …
            rushLeadTimeDays: 3,           // … due within 3 days
            abuseProbabilityPerLateOrder: 0.3, // chance a late order brings abuse on the technician
          },
        },
      },

      policies: {
        indulge: {                         // the status quo
          keyClientTerms: {                // what the key client is promised and pays today
            priority: "preemptive",        // its orders interrupt other work (none | priority | preemptive)
            acceptRush: true,              // its rush orders accepted, at no surcharge (rushSurcharge 0)
            discount: 0.15,                // 15 % off the list price on all its orders
            meetingManagerHours: 3,        // manager hours per rush order or late key order
            meetingTechnicianHours: 1,     // technician hours added to the order
          },
          discipline: "fifo",              // order within a class (fifo | edd)
          overtimeTrigger: "keyAtRisk",    // overtime when a key order is at risk (never | keyAtRisk | backlog)
          restDayOvertime: true,           // Saturdays too
        },
        standard: {                        // enforce the standard terms: keyClientTerms left out = the standard
                                           // terms (no priority, no rush, no discount, no surcharge, no meetings)
          response: {                      // so the key client responds on the decision day; the probabilities
                                           // are judgement (no published figure): edit them together, summing to 1
            leaves: { probability: 0.35 }, // it carries out its threat and leaves
            reducesVolume: { probability: 0.65, volumeFactor: 0.85, abuseFactor: 0.3 }, // or it stays: it
                                           // orders 15 % less, and abuses staff less (× 0.3)
          },
          discipline: "edd",               // earliest due date first, for everyone
          overtimeTrigger: "backlog",      // overtime only when the backlog exceeds backlogThresholdDays (5)
          restDayOvertime: false,          // evenings only
        },
      },
      baseline: "indulge",                 // the status quo the other policies are compared with
    }
    """
}
