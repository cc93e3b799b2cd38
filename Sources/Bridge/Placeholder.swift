// Placeholder until the Bridge target is written.
enum BridgePlaceholder {}
