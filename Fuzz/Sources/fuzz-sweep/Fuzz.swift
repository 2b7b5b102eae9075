import Foundation
import FuzzSupport

/// libFuzzer entry point: one input for the sweep reader (see Harness.sweep).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Harness.sweep(Data(bytes: bytes, count: size))
    return 0
}
