import TaktKernel
import TaktQueueing

extension ScenarioLoader {
    /// Reads a `queue:` section: the multi-server reference queue.
    static func readQueue(_ node: Located) -> MultiServerQueue.Configuration? {
        guard let queue = node.mapping("queue") else { return nil }
        let servers = queue.required("servers", expected: "the number of servers, e.g. 5")?
            .integer("queue.servers", in: 1...1_000_000)
        let interarrival = queue.required("interarrival", expected: "e.g. 'exponential(rate: 4.5 /min)'")?
            .distribution("queue.interarrival")
        let service = queue.required("service",
                                     expected: "e.g. 'exponential(mean: 1 min)'")?.distribution("queue.service")
        let customers = queue.required("customers",
                                       expected: "how many customers arrive in a run")?.integer("queue.customers",
                                                                                                in: 1...Int.max)
        let warmUp = queue.optional("warm_up_customers")?.integer("queue.warm_up_customers", in: 0...Int.max) ?? 0
        queue.finish()
        if let interarrival, interarrival.mean <= 0 {
            queue.required("interarrival", expected: "")?.error("queue.interarrival must have a positive mean")
        }
        guard let servers, let interarrival, let service, let customers else { return nil }
        if warmUp >= customers {
            node.error("queue.warm_up_customers (\(warmUp)) must be fewer than queue.customers (\(customers))")
            return nil
        }
        return MultiServerQueue.Configuration(interarrival: interarrival, service: service, servers: servers,
                                              customers: customers, warmUpCustomers: warmUp)
    }
}
