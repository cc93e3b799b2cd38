/// One page of a paged Withings body: the items plus `more`/`offset` and, for getmeas, `updatetime`/`timezone`.
public struct WithingsPage<Item: PageItem>: PagedBody {
    /// The items under `Item.pageKey`.
    public var items: [Item]
    /// Whether another page follows (`more` as 0/1 or bool).
    public var more: Bool
    /// The offset to send for the next page, when given.
    public var offset: Int?
    /// The server's time of the answer (getmeas), epoch seconds: the next `lastupdate`.
    public var updateTime: Int64?
    /// The user's time zone (getmeas).
    public var timezone: String?

    /// Creates a page.
    public init(
        items: [Item], more: Bool = false, offset: Int? = nil, updateTime: Int64? = nil, timezone: String? = nil
    ) {
        self.items = items
        self.more = more
        self.offset = offset
        self.updateTime = updateTime
        self.timezone = timezone
    }

    /// Decodes a body; a missing item list is an empty page.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        items = try container.decodeIfPresent([Item].self, forKey: AnyCodingKey(Item.pageKey)) ?? []
        more = try container.lenientBool(forKey: AnyCodingKey("more"))
        offset = try container.lenientIntIfPresent(forKey: AnyCodingKey("offset"))
        updateTime = try container.lenientInt64IfPresent(forKey: AnyCodingKey("updatetime"))
        timezone = try? container.decodeIfPresent(String.self, forKey: AnyCodingKey("timezone"))
    }
}
