extension WithingsRequest {
    /// The scopes the bridge asks for.
    public static let oauthScopes = ["user.info", "user.metrics", "user.activity", "user.sleepevents"]

    /// Withings' page where the user grants access.
    public static let defaultAuthorizeURL = "https://account.withings.com/oauth2_user/authorize2"

    /// `POST /v2/oauth2 action=requesttoken grant_type=authorization_code`: trade a callback `code` for tokens.
    public static func exchangeCode(
        _ code: String, redirectURI: String, clientID: String, clientSecret: String
    ) -> WithingsRequest {
        WithingsRequest(
            path: "/v2/oauth2", action: "requesttoken",
            fields: [
                FormField("grant_type", "authorization_code"), FormField("client_id", clientID),
                FormField("client_secret", clientSecret), FormField("code", code),
                FormField("redirect_uri", redirectURI),
            ]
        )
    }

    /// `POST /v2/oauth2 action=requesttoken grant_type=refresh_token`: a new token pair.
    public static func refreshToken(_ refreshToken: String, clientID: String, clientSecret: String) -> WithingsRequest {
        WithingsRequest(
            path: "/v2/oauth2", action: "requesttoken",
            fields: [
                FormField("grant_type", "refresh_token"), FormField("client_id", clientID),
                FormField("client_secret", clientSecret), FormField("refresh_token", refreshToken),
            ]
        )
    }

    /// The URL to open in a browser: `response_type=code`, `client_id`, the four scopes, `redirect_uri`, `state`.
    public static func authorizeURL(
        clientID: String, redirectURI: String, state: String, base: String = defaultAuthorizeURL
    ) -> String {
        let query = FormURLEncoding.encode([
            ("response_type", "code"), ("client_id", clientID), ("scope", oauthScopes.joined(separator: ",")),
            ("redirect_uri", redirectURI), ("state", state),
        ])
        return base + (base.contains("?") ? "&" : "?") + query
    }
}
