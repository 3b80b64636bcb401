import Hummingbird
import NIOCore

/// What a served request carries besides itself: the address it came from, for the sign-in throttle and the log.
struct ServeContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The client's IP address, without its port.
    var clientAddress: String { remoteAddress?.ipAddress ?? "unknown" }
}
