// Placeholder.
enum MQTTDiscoveryPlaceholder {}
