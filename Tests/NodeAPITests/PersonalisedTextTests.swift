import NodeAPI
import Testing

/// The fill of personalised texts (`customFields`, KVKK's `cfs`): one pass over the template.
@Suite struct PersonalisedTextTests {
    @Test func theLongestNameWinsAndValuesAreNotSearchedAgain() {
        let template = PersonalisedText(template: "Sayın AD AD_SOYAD, kodunuz KOD. KODKOD", fields: ["AD", "AD_SOYAD", "KOD"])
        #expect(template.text(with: ["AD": "KOD", "AD_SOYAD": "Şule Öztürk", "KOD": "1234"]) == "Sayın KOD Şule Öztürk, kodunuz 1234. 12341234")
        #expect(template.text(with: [:]) == "Sayın  , kodunuz . ")
    }

    @Test func turkishNamesAndTextsSurvive() {
        let template = PersonalisedText(template: "Merhaba İSİM, ğüşıöç", fields: ["İSİM", ""])
        #expect(template.text(with: ["İSİM": "Çağrı"]) == "Merhaba Çağrı, ğüşıöç")
        #expect(PersonalisedText(template: "", fields: ["A"]).text(with: ["A": "x"]) == "")
        #expect(PersonalisedText(template: "no fields", fields: []).text(with: [:]) == "no fields")
    }
}
