import WireCoding

extension AdminModels {
    /// `POST /__admin/worlds`: every field optional.
    public struct CreateWorld: Codable, Sendable, Equatable {
        /// A name of the caller's, for the list (1 to 100 characters).
        public var name: String?
        /// The world's scenario, YAML or JSON text, checked as at start-up; the server's when absent.
        public var scenario: String?
        /// `manual` or `system`; the server's clock mode when absent.
        public var clock: String?
        /// Where the world's clock starts, ISO 8601 with an offset; the server's now when absent.
        public var now: String?
        /// Idle seconds after which the world is deleted (1 to a week; an hour when absent).
        public var ttlSeconds: Int?
        /// Tokens, uuids and GUIDs drawn from this seed (an unsigned 64-bit integer): two worlds with the same seed, clock
        /// and requests answer the same bytes. From the system when absent.
        public var seed: UInt64?

        public init(name: String? = nil, scenario: String? = nil, clock: String? = nil, now: String? = nil, ttlSeconds: Int? = nil, seed: UInt64? = nil) {
            self.name = name
            self.scenario = scenario
            self.clock = clock
            self.now = now
            self.ttlSeconds = ttlSeconds
            self.seed = seed
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case name, scenario, clock, now, ttlSeconds, seed }

        /// A key it does not know is refused, naming it: a typo (`ttl`) must not pass silently.
        public init(from decoder: any Decoder) throws {
            let keys = try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue)
            if let unknown = KnownKeys.firstUnknown(in: keys, of: CodingKeys.self) {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: [AnyKey(stringValue: unknown)], debugDescription: "is not a field of a world (\(KnownKeys.list(CodingKeys.self)))"
                ))
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decodeIfPresent(String.self, forKey: .name)
            scenario = try container.decodeIfPresent(String.self, forKey: .scenario)
            clock = try container.decodeIfPresent(String.self, forKey: .clock)
            now = try container.decodeIfPresent(String.self, forKey: .now)
            ttlSeconds = try container.decodeIfPresent(Int.self, forKey: .ttlSeconds)
            // A negative, fractional, too large or quoted seed is named as such (the decoder's own errors name no field).
            if container.contains(.seed), try !container.decodeNil(forKey: .seed) {
                guard let seed = try? container.decode(UInt64.self, forKey: .seed) else {
                    throw DecodingError.dataCorrupted(.init(codingPath: [CodingKeys.seed], debugDescription: "must be an integer from 0 to \(UInt64.max)"))
                }
                self.seed = seed
            }
        }

        private struct AnyKey: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
    }

    /// A world, as `POST /__admin/worlds` creates it and `GET /__admin/worlds/ID` shows it.
    public struct World: Codable, Sendable, Equatable {
        public var id: String
        public var name: String?
        /// Opens the world's admin routes (`Authorization: Bearer …`); only in the reply that created the world.
        public var token: String?
        public var clock: Clock
        public var ttlSeconds: Int
        /// The seed the world was created with, if any.
        public var seed: UInt64?
        /// ISO 8601, UTC (wall time).
        public var createdAt: String
        public var lastUsedAt: String
        /// Packages, contacts, consents and Euromsg members kept: what the world weighs.
        public var size: Size
        /// Base URLs that land in the world: each port's, with the path prefix `/worlds/ID`.
        public var urls: URLs
        /// The header that lands in the world from any base URL.
        public var header: String
        /// The credentials of the world's scenario, which its requests use.
        public var credentials: Credentials

        package init(id: String, name: String? = nil, token: String? = nil, clock: Clock, ttlSeconds: Int, seed: UInt64? = nil, createdAt: String, lastUsedAt: String, size: Size, urls: URLs, header: String, credentials: Credentials) {
            self.id = id
            self.name = name
            self.token = token
            self.clock = clock
            self.ttlSeconds = ttlSeconds
            self.seed = seed
            self.createdAt = createdAt
            self.lastUsedAt = lastUsedAt
            self.size = size
            self.urls = urls
            self.header = header
            self.credentials = credentials
        }
    }

    public struct Size: Codable, Sendable, Equatable {
        public var packages: Int
        public var contacts: Int
        public var consents: Int
        public var members: Int

        package init(packages: Int, contacts: Int, consents: Int, members: Int) {
            self.packages = packages
            self.contacts = contacts
            self.consents = consents
            self.members = members
        }
    }

    public struct URLs: Codable, Sendable, Equatable {
        public var nodeAPI: String?
        public var nodeAPITLS: String?
        public var iys: String?
        public var euromsg: String?
        public var admin: String?
        /// The inbox page showing the world (with its token in the reply that created it).
        public var inbox: String?

        package init(nodeAPI: String? = nil, nodeAPITLS: String? = nil, iys: String? = nil, euromsg: String? = nil, admin: String? = nil, inbox: String? = nil) {
            self.nodeAPI = nodeAPI
            self.nodeAPITLS = nodeAPITLS
            self.iys = iys
            self.euromsg = euromsg
            self.admin = admin
            self.inbox = inbox
        }
    }

    public struct Credentials: Codable, Sendable, Equatable {
        /// Node API logins of the world's own (`ACCOUNT.ID`): they land in the world at the plain base URL, with no
        /// prefix or header, each as its scenario account.
        public var nodeAPIWorldLogins: [Login]
        /// İYS logins of the world's own (`ACCOUNT.ID`): a token issued to one (it starts with the world's id) lands in
        /// the world at the plain base URL.
        public var iysWorldLogins: [Login]
        /// Euromsg Express integrator logins of the world's own (`clientName` `CLIENT.ID`), as the İYS ones.
        public var euromsgWorldLogins: [Login]
        /// Euromsg Express end users' API keys of the world's own (`KEY.ID`), each standing for the scenario's end user
        /// of that key; another world's key is unknown here (`UNKNOWN_API_KEY`).
        public var euromsgWorldAPIKeys: [String]
        /// The scenario's Node API accounts, used through the prefix or the header.
        public var nodeAPI: [Login]
        public var iys: [Login]
        /// Euromsg Express integrators (`clientName`, `password`) and end users' API keys.
        public var euromsg: [Login]
        public var euromsgAPIKeys: [String]

        package init(nodeAPIWorldLogins: [Login], iysWorldLogins: [Login], euromsgWorldLogins: [Login], euromsgWorldAPIKeys: [String], nodeAPI: [Login], iys: [Login], euromsg: [Login], euromsgAPIKeys: [String]) {
            self.nodeAPIWorldLogins = nodeAPIWorldLogins
            self.iysWorldLogins = iysWorldLogins
            self.euromsgWorldLogins = euromsgWorldLogins
            self.euromsgWorldAPIKeys = euromsgWorldAPIKeys
            self.nodeAPI = nodeAPI
            self.iys = iys
            self.euromsg = euromsg
            self.euromsgAPIKeys = euromsgAPIKeys
        }
    }

    public struct Login: Codable, Sendable, Equatable {
        public var username: String
        public var password: String

        package init(username: String, password: String) {
            self.username = username
            self.password = password
        }
    }

    /// `GET /__admin/worlds`.
    public struct Worlds: Codable, Sendable, Equatable {
        public var worlds: [World]
        public var max: Int

        package init(worlds: [World], max: Int) {
            self.worlds = worlds
            self.max = max
        }
    }

    /// `DELETE /__admin/worlds/ID`.
    public struct WorldDeleted: Codable, Sendable, Equatable {
        public var deleted: String

        package init(deleted: String) {
            self.deleted = deleted
        }
    }
}
