/// Thrown inside the byte scanners when the input is not a shape they read exactly as `JSONDecoder` would.
///
/// It never leaves them: the caller then decodes the same bytes with `JSONDecoder`, which gives the value or the
/// error it always gave.
struct ScanMismatch: Error {}
