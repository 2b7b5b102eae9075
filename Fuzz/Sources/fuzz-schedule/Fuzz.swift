import Foundation
import FuzzSupport

/// libFuzzer entry point: one input for `takt schedule`'s readers and optimiser (see
/// Harness.schedule).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Harness.schedule(Data(bytes: bytes, count: size))
    return 0
}
