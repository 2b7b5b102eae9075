/// A handle to one scheduled event, used to cancel or reschedule it.
///
/// An id stays unique for the life of a calendar: slots are reused, but each reuse bumps the
/// slot's generation, so a stale id (of an event that already ran or was cancelled) never
/// cancels the event that now occupies the slot.
public struct EventID: Hashable, Sendable, CustomStringConvertible {
    @usableFromInline let slot: Int32
    @usableFromInline let generation: UInt32

    @inlinable init(slot: Int32, generation: UInt32) {
        self.slot = slot
        self.generation = generation
    }

    public var description: String { "EventID(\(slot)#\(generation))" }
}
