// Three tellers or four? A model written on Takt's kernel, run through replications (a
// confidence interval per KPI) and a paired comparison under common random numbers.
import BankModel
import TaktExperiments
import TaktKernel

let limits = RunLimits(endTime: 30 * 86_400, warmUp: 86_400)   // a month of opening hours, one day of warm-up
let replications = 10

// Customers every 50 s on average, 2 minutes of service each: three tellers are 80% busy.
let three = try Replications(name: "three tellers", replications: replications, seed: 1, limits: limits) { streams, _ in
    Bank(tellers: 3, arrivalMean: 50, serviceMean: 120, streams: streams)
}.run()
for summary in three.summaries {
    print("three tellers: \(summary.label) \(summary.interval.mean) ± \(summary.interval.halfWidth) \(summary.unit)")
}

let rows = try PairedComparison<Bank>(
    replications: replications, seed: 1, limits: limits,
    a: ("three tellers", { streams, _ in Bank(tellers: 3, arrivalMean: 50, serviceMean: 120, streams: streams) }),
    b: ("four tellers", { streams, _ in Bank(tellers: 4, arrivalMean: 50, serviceMean: 120, streams: streams) })).run()
for row in rows {
    print("four − three tellers: \(row.label) \(row.difference) ± \(row.differenceHalfWidth) \(row.unit)"
        + (row.significant ? " (significant)" : ""))
}
