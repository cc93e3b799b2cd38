/// Comparisons whose duration does not depend on where the inputs differ.
enum ConstantTime {
    /// Whether `lhs` and `rhs` are equal, looking at every byte of `rhs` whatever `lhs` is.
    static func equals(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
        let left = Array(lhs), right = Array(rhs)
        // Walk the expected value's full length so timing reveals at most its length.
        var difference = UInt(bitPattern: left.count ^ right.count)
        for index in right.indices {
            let leftByte = index < left.count ? left[index] : 0
            difference |= UInt(leftByte ^ right[index])
        }
        return difference == 0
    }
}
