// The C API of the bridge (docs/python-bridge.md): plain C functions over opaque handles. Every
// function validates its arguments and returns an error code (0: success; a negative code where
// it returns a handle or a size) — nothing traps across the boundary. `takt_last_error` gives the
// message of the last error.

import TaktScenario

/// Opens a scenario for dispatch decisions; returns a handle (> 0), or a negated error code.
///
/// - Parameters:
///   - path: the scenario file (UTF-8, NUL-terminated).
///   - variant: one of its variants, or null for the base scenario.
///   - maxJobs: how many waiting jobs a decision offers at most (the action space's size).
@_cdecl("takt_env_open")
public func taktEnvOpen(_ path: UnsafePointer<CChar>?, _ variant: UnsafePointer<CChar>?,
                          _ maxJobs: Int32) -> Int64 {
    var handle: Int64 = 0
    let code = BridgeRegistry.call {
        guard let path else { throw BridgeError(.badArgument, "the scenario path is null") }
        let environment = try BridgeEnvironment(path: String(cString: path),
                                                variant: variant.map { String(cString: $0) }, maxJobs: Int(maxJobs))
        handle = BridgeRegistry.add(environment)
    }
    return code == 0 ? handle : -Int64(code)
}

/// Starts replication `replication` of master seed `seed` (ending any run in progress); returns
/// when the first decision is offered or the run is over.
///
/// - Parameters:
///   - handle: an open environment.
///   - seed: the master seed (`takt run --seed`).
///   - replication: the replication index (0-based).
@_cdecl("takt_env_reset")
public func taktEnvReset(_ handle: Int64, _ seed: UInt64, _ replication: Int32) -> Int32 {
    BridgeRegistry.call {
        guard replication >= 0 else { throw BridgeError(.badArgument, "the replication must be 0 or more") }
        try BridgeRegistry.environment(handle).reset(seed: seed, replication: Int(replication))
    }
}

/// Answers the pending decision with job slot `action` and runs to the next decision or the end.
///
/// - Parameters:
///   - handle: an open environment.
///   - action: a job slot whose mask is 1.
@_cdecl("takt_env_step")
public func taktEnvStep(_ handle: Int64, _ action: Int32) -> Int32 {
    BridgeRegistry.call { try BridgeRegistry.environment(handle).step(Int(action)) }
}

/// The number of values in an observation, or a negated error code.
///
/// - Parameter handle: an open environment.
@_cdecl("takt_env_observation_size")
public func taktEnvObservationSize(_ handle: Int64) -> Int32 {
    var size: Int32 = 0
    let code = BridgeRegistry.call { size = Int32(try BridgeRegistry.environment(handle).observation.size) }
    return code == 0 ? size : -code
}

/// The number of job slots (actions), or a negated error code.
///
/// - Parameter handle: an open environment.
@_cdecl("takt_env_action_count")
public func taktEnvActionCount(_ handle: Int64) -> Int32 {
    var size: Int32 = 0
    let code = BridgeRegistry.call { size = Int32(try BridgeRegistry.environment(handle).observation.maxJobs) }
    return code == 0 ? size : -code
}

/// Writes the observation of the pending decision (zeros when none) into `buffer`.
///
/// - Parameters:
///   - handle: an open environment.
///   - buffer: room for `count` floats.
///   - count: the buffer's size: at least `takt_env_observation_size`.
@_cdecl("takt_env_observe")
public func taktEnvObserve(_ handle: Int64, _ buffer: UnsafeMutablePointer<Float>?, _ count: Int32) -> Int32 {
    BridgeRegistry.call {
        let environment = try BridgeRegistry.environment(handle)
        guard let buffer, Int(count) >= environment.observation.size else {
            throw BridgeError(.badArgument, "the observation buffer needs \(environment.observation.size) floats")
        }
        environment.observe(into: UnsafeMutableBufferPointer(start: buffer, count: Int(count)))
    }
}

/// Writes the action mask (1: a job to choose) and, when `serials` is not null, the serial numbers
/// of the jobs offered (−1 for an empty slot).
///
/// - Parameters:
///   - handle: an open environment.
///   - mask: room for `count` bytes.
///   - serials: null, or room for `count` 64-bit integers.
///   - count: the buffers' size: at least `takt_env_action_count`.
@_cdecl("takt_env_mask")
public func taktEnvMask(_ handle: Int64, _ mask: UnsafeMutablePointer<UInt8>?,
                          _ serials: UnsafeMutablePointer<Int64>?, _ count: Int32) -> Int32 {
    BridgeRegistry.call {
        let environment = try BridgeRegistry.environment(handle)
        let slots = environment.observation.maxJobs
        guard let mask, Int(count) >= slots else {
            throw BridgeError(.badArgument, "the mask buffer needs \(slots) bytes")
        }
        environment.mask(into: UnsafeMutableBufferPointer(start: mask, count: slots))
        if let serials { environment.jobSerials(into: UnsafeMutableBufferPointer(start: serials, count: slots)) }
    }
}

/// Reads the state of the episode: `values` gets [simulated time now (s), jobs done, their
/// tardiness (s), their flow time (s)] since the last call (the increments are then cleared), and
/// `status` 0 while a decision waits, 1 when the run ended by itself (terminated), 2 when it
/// reached its time horizon (truncated). Returns `runFailed` when the run failed.
///
/// - Parameters:
///   - handle: an open environment.
///   - values: room for 4 doubles.
///   - status: where the status goes.
@_cdecl("takt_env_progress")
public func taktEnvProgress(_ handle: Int64, _ values: UnsafeMutablePointer<Double>?,
                              _ status: UnsafeMutablePointer<Int32>?) -> Int32 {
    BridgeRegistry.call {
        let environment = try BridgeRegistry.environment(handle)
        guard let values, let status else { throw BridgeError(.badArgument, "a progress buffer is null") }
        let taken = environment.takeIncrements()
        values[0] = environment.now
        values[1] = Double(taken.completions)
        values[2] = taken.tardiness
        values[3] = taken.flowTime
        status.pointee = Int32(try environment.status())
    }
}

/// Copies the finished run's KPIs (a JSON object, name → value) into `buffer`; returns the text's
/// length in bytes (call again with a larger buffer when it does not fit), or a negated error code.
///
/// - Parameters:
///   - handle: an open environment whose episode is over.
///   - buffer: room for `size` bytes (may be null with `size` 0, to ask for the length).
///   - size: the buffer's size.
@_cdecl("takt_env_kpis")
public func taktEnvKpis(_ handle: Int64, _ buffer: UnsafeMutablePointer<CChar>?, _ size: Int32) -> Int32 {
    var length: Int32 = 0
    let code = BridgeRegistry.call {
        length = BridgeRegistry.copy(try BridgeRegistry.environment(handle).kpisJSON(), to: buffer, size: size)
    }
    return code == 0 ? length : -code
}

/// Copies the observation's value names (a JSON array of strings) into `buffer`; returns the
/// text's length in bytes, or a negated error code.
///
/// - Parameters:
///   - handle: an open environment.
///   - buffer: room for `size` bytes (may be null with `size` 0).
///   - size: the buffer's size.
@_cdecl("takt_env_observation_names")
public func taktEnvObservationNames(_ handle: Int64, _ buffer: UnsafeMutablePointer<CChar>?,
                                       _ size: Int32) -> Int32 {
    var length: Int32 = 0
    let code = BridgeRegistry.call {
        let names = try BridgeRegistry.environment(handle).observation.names
        length = BridgeRegistry.copy(JSONText.array(names.map { .string($0) }).text, to: buffer,
                                     size: size)
    }
    return code == 0 ? length : -code
}

/// Ends the environment's run (waiting for its thread) and frees it; the handle becomes invalid.
///
/// - Parameter handle: an open environment.
@_cdecl("takt_env_close")
public func taktEnvClose(_ handle: Int64) -> Int32 {
    BridgeRegistry.call {
        guard let environment = BridgeRegistry.remove(handle) else {
            throw BridgeError(.badHandle, "no open environment has handle \(handle) (closed already?)")
        }
        environment.close()
    }
}

/// Copies the message of the last error into `buffer`; returns its length in bytes.
///
/// - Parameters:
///   - buffer: room for `size` bytes (may be null with `size` 0).
///   - size: the buffer's size.
@_cdecl("takt_last_error")
public func taktLastError(_ buffer: UnsafeMutablePointer<CChar>?, _ size: Int32) -> Int32 {
    BridgeRegistry.copy(BridgeRegistry.error, to: buffer, size: size)
}
