import NodeAPI
import NodeAPIJSON
import Testing

/// The README's Swift example, so that it keeps compiling and saying true things.
@Suite struct ReadmeExampleTests {
    @Test func example() throws {
        let request = CreateSmsRequest(
            recipients: .oneToMany(["905551234567", "0555 123 45 68"]), sender: "BASLIK",
            title: "Kampanya", content: "Merhaba, İYS onaylı mesajınız.", encoding: .turkish
        )
        try request.validate()
        let json = try NodeAPIJSON.encodeRequest(request)
        #expect(try NodeAPIJSON.decodeRequest(CreateSmsRequest.self, from: json) == request)
        #expect(request.recipients.numbers.map(\.normalized) == ["905551234567", "905551234568"])
        let reply = try NodeAPIJSON.decodeReply(PackageCreated.self, from: Array(#"{"err":null,"data":{"pkgID":222962}}"#.utf8))
        #expect(try reply.get() == PackageCreated(pkgID: 222962))
        #expect(SmsSegments(text: "Doğrulama kodunuz: 123456", encoding: .turkish).count == 1)
    }
}
