// Placeholder until the MosquittoClient target is written.
enum MosquittoClientPlaceholder {}
