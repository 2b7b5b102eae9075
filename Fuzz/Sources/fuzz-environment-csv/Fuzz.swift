import Foundation
import FuzzSupport

/// libFuzzer entry point: one input for the environment-csv reader (see Harness.environmentCSV).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Harness.environmentCSV(Data(bytes: bytes, count: size))
    return 0
}
