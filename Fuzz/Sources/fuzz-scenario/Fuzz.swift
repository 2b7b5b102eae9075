import Foundation
import FuzzSupport

/// libFuzzer entry point: one input for the scenario reader (see Harness.scenario).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Harness.scenario(Data(bytes: bytes, count: size))
    return 0
}
