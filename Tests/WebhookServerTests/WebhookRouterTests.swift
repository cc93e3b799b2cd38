import NIOHTTP1
import Testing

@testable import WebhookServer

@Suite struct WebhookRouterTests {
    let router = WebhookRouter(secret: "s3cret-path")

    @Test func webhookRoutes() {
        #expect(router.route(method: .HEAD, uri: "/webhook/s3cret-path") == .webhookCheck)
        #expect(router.route(method: .GET, uri: "/webhook/s3cret-path/") == .webhookCheck)
        #expect(router.route(method: .POST, uri: "/webhook/s3cret-path?x=1") == .webhookNotification)
        #expect(router.route(method: .PUT, uri: "/webhook/s3cret-path") == .methodNotAllowed(allow: "GET, HEAD, POST"))
    }

    @Test func wrongOrMissingSecretIsNotFound() {
        for uri in ["/webhook/s3cret-pat", "/webhook/s3cret-path2", "/webhook/", "/webhook/S3CRET-PATH", "/webhook"] {
            #expect(router.route(method: .POST, uri: uri) == .notFound)
        }
        #expect(router.route(method: .PUT, uri: "/webhook/wrong") == .notFound)
        #expect(WebhookRouter(secret: nil).route(method: .GET, uri: "/webhook/") == .notFound)
    }

    @Test func oauthAndHealth() {
        #expect(
            router.route(method: .GET, uri: "/oauth/callback?code=a%2Bb&state=x+y&code=z")
                == .oauthCallback(query: ["code": "a+b", "state": "x y"]))
        #expect(router.route(method: .GET, uri: "/oauth/callback?code=%") == .badQuery)
        #expect(router.route(method: .POST, uri: "/oauth/callback") == .methodNotAllowed(allow: "GET, HEAD"))
        #expect(router.route(method: .GET, uri: "/healthz") == .health)
        #expect(router.route(method: .GET, uri: "/") == .notFound)
    }

    @Test func constantTimeEquality() {
        #expect(ConstantTime.equals(Array("abc".utf8), Array("abc".utf8)))
        #expect(!ConstantTime.equals(Array("abd".utf8), Array("abc".utf8)))
        #expect(!ConstantTime.equals(Array("ab".utf8), Array("abc".utf8)))
        #expect(!ConstantTime.equals(Array("abcd".utf8), Array("abc".utf8)))
        #expect(!ConstantTime.equals([UInt8](), Array("abc".utf8)))
    }

    @Test func pageEscapesHTML() {
        let page = OAuthCallbackPage.render(title: "T", message: "<script>&\"'")
        #expect(page.contains("<p>&lt;script&gt;&amp;&quot;&#39;</p>"))
    }
}
