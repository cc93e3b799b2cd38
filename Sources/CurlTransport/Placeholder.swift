// Placeholder until the CurlTransport target is written.
enum CurlTransportPlaceholder {}
