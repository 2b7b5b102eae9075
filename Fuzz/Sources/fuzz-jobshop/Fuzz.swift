import Foundation
import FuzzSupport

/// libFuzzer entry point: one input for the jobshop reader (see Harness.jobShop).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Harness.jobShop(Data(bytes: bytes, count: size))
    return 0
}
