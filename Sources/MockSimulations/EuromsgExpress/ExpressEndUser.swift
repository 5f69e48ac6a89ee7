import EuromsgExpress
import WireCoding

/// A Euromsg Express end user as the scenario seeds it: the API key they created in the panel, whether they
/// made Euromsg Express their İYS integrator, their sending rights, and the lists and campaigns they start with.
public struct ExpressEndUser: Sendable, Hashable {
    public var apiKey: String
    public var name: String
    public var iysIntegrator: Bool
    public var allowance: AllowanceSeed
    public var lists: [ListSeed]
    public var campaigns: [CampaignSeed]

    public init(apiKey: String, name: String, iysIntegrator: Bool = false, allowance: AllowanceSeed = AllowanceSeed(), lists: [ListSeed] = [], campaigns: [CampaignSeed] = []) {
        self.apiKey = apiKey
        self.name = name
        self.iysIntegrator = iysIntegrator
        self.allowance = allowance
        self.lists = lists
        self.campaigns = campaigns
    }

    /// Sending rights relative to the mock's start, so seeds never go stale.
    public struct AllowanceSeed: Sendable, Hashable {
        public var signedUpDaysAgo: Double
        public var welcomeSendsUsed: Int
        public var package: PackageSeed?

        /// A bought package: its sends, how many are used, and days until it expires.
        public struct PackageSeed: Sendable, Hashable {
            public var sends: Int
            public var used: Int
            public var daysLeft: Double

            public init(sends: Int, used: Int = 0, daysLeft: Double) {
                self.sends = sends
                self.used = used
                self.daysLeft = daysLeft
            }
        }

        public init(signedUpDaysAgo: Double = 0, welcomeSendsUsed: Int = 0, package: PackageSeed? = nil) {
            self.signedUpDaysAgo = signedUpDaysAgo
            self.welcomeSendsUsed = welcomeSendsUsed
            self.package = package
        }

        /// The allowance as of `now`.
        func allowance(now: Int64) -> SendingAllowance {
            SendingAllowance(
                signedUpAt: now - Int64(signedUpDaysAgo * 86_400_000), welcomeUsed: welcomeSendsUsed,
                package: package.map { .init(sends: $0.sends, used: $0.used, expiresAt: now + Int64($0.daysLeft * 86_400_000)) }
            )
        }
    }

    /// A list and its members, as uploaded in the panel.
    public struct ListSeed: Sendable, Hashable {
        public var name: String
        public var members: [AddMemberRequest]
        public var unsubscribed: [String]

        public init(name: String, members: [AddMemberRequest], unsubscribed: [String] = []) {
            self.name = name
            self.members = members
            self.unsubscribed = unsubscribed
        }
    }

    /// A campaign made in the panel: a draft, one that failed, one sent some days ago, or one due to start.
    public struct CampaignSeed: Sendable, Hashable {
        public enum Timing: Sendable, Hashable {
            case draft
            case failed
            case sent(daysAgo: Double)
            case startsIn(minutes: Double)
        }

        public var name: String
        public var subject: String
        public var lists: [String]
        public var timing: Timing

        public init(name: String, subject: String, lists: [String], timing: Timing) {
            self.name = name
            self.subject = subject
            self.lists = lists
            self.timing = timing
        }
    }
}

/// An end user's sends: the welcome package (500 sends for one month after sign-up) and an optional bought
/// package. Members flow into lists only while one of them has sends left and has not expired.
public struct SendingAllowance: Sendable, Hashable, Codable {
    public static let welcomeSends = 500
    public static let welcomeDays = 30

    /// When the end user signed up (milliseconds since 1970).
    public var signedUpAt: Int64
    public var welcomeUsed: Int
    public var package: Package?

    public struct Package: Sendable, Hashable, Codable {
        public var sends: Int
        public var used: Int
        public var expiresAt: Int64

        public init(sends: Int, used: Int = 0, expiresAt: Int64) {
            self.sends = sends
            self.used = used
            self.expiresAt = expiresAt
        }
    }

    public init(signedUpAt: Int64, welcomeUsed: Int = 0, package: Package? = nil) {
        self.signedUpAt = signedUpAt
        self.welcomeUsed = welcomeUsed
        self.package = package
    }

    var welcomeExpiresAt: Int64 { signedUpAt + Int64(Self.welcomeDays) * 86_400_000 }

    func welcomeLeft(at now: Int64) -> Int { now < welcomeExpiresAt ? max(0, Self.welcomeSends - welcomeUsed) : 0 }

    func packageLeft(at now: Int64) -> Int { package.map { now < $0.expiresAt ? max(0, $0.sends - $0.used) : 0 } ?? 0 }

    /// Sends left now, across both packages.
    package func remaining(at now: Int64) -> Int { welcomeLeft(at: now) + packageLeft(at: now) }

    /// The rights as the identification reply shows them.
    package func rights(at now: Int64) -> SendingRights {
        let left = remaining(at: now)
        let expiry = packageLeft(at: now) > 0 ? package?.expiresAt : (welcomeLeft(at: now) > 0 ? welcomeExpiresAt : nil)
        return SendingRights(active: left > 0, remainingSends: left, expiresAt: expiry.map(ExpressClock.date))
    }

    /// Uses `count` sends, the welcome package's first; false (and nothing used) when fewer are left.
    mutating func consume(_ count: Int, at now: Int64) -> Bool {
        guard remaining(at: now) >= count else { return false }
        let fromWelcome = min(count, welcomeLeft(at: now))
        welcomeUsed += fromWelcome
        package?.used += count - fromWelcome
        return true
    }
}

/// Instants as Euromsg Express dates (Turkish time).
package enum ExpressClock {
    package static func date(_ milliseconds: Int64) -> ExpressDateTime { ExpressDateTime(TurkeyTime.iysDate(milliseconds)) }
}
