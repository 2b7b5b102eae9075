import Foundation
import FuzzSupport

/// libFuzzer entry point: one input for the orders-csv reader (see Harness.ordersCSV).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Harness.ordersCSV(Data(bytes: bytes, count: size))
    return 0
}
