import TaktFactory

/// The scheduling controller a bridged run plugs in: it hands every dispatch decision to the
/// caller through the channel and follows shop events for the rewards.
struct BridgeScheduler: SchedulingController {
    let channel: DecisionChannel

    var name: String { "bridge" }
    var observesEvents: Bool { true }

    mutating func dispatch(at station: Int, shop: ShopObservation) -> [Assignment] {
        channel.dispatch(at: station, shop: shop)
    }

    mutating func observe(_ event: ShopEvent, shop: ShopObservation) {
        channel.observe(event, shop: shop)
    }
}
