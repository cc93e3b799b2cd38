import Locking

/// A list that tasks append to concurrently.
final class LockedList<Element: Sendable>: Sendable {
    private let items = Locked<[Element]>([])

    /// Appends one element.
    func append(_ element: Element) { items.withLock { $0.append(element) } }

    /// A copy of the elements.
    var elements: [Element] { items.withLock { $0 } }
}
