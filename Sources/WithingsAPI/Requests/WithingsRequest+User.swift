extension WithingsRequest {
    /// `POST /v2/user action=getgoals`: the user's goals.
    public static func goals() -> WithingsRequest {
        WithingsRequest(path: "/v2/user", action: "getgoals")
    }

    /// `POST /v2/user action=getdevice`: the user's devices.
    public static func devices() -> WithingsRequest {
        WithingsRequest(path: "/v2/user", action: "getdevice")
    }
}
