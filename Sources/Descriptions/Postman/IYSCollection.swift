import MySoftIYS

/// MySoft İYS's collection: the token, then every consent call (``IYSOperation``) on the mock's brand.
enum IYSCollection {
    static var collection: PostmanCollection {
        let batch = #"{"brandCode": "{{brandCode}}", "transctionGuid": "{{batchGuid}}"}"#
        return PostmanCollection(
            name: "MySoft İYS API 2.13", description: "OAuth token (kept in {{iysToken}}), then every consent call on the mock's brand 5565656556.",
            items: [
                .call(
                    "Token", "POST", .init("iysUrl", "/oauth/token"),
                    body: .form([("grant_type", "password"), ("username", "{{iysUsername}}"), ("password", "{{iysPassword}}")]),
                    tests: [PostmanScript.httpSuccess, PostmanScript.keep("iysToken", "access_token")], auth: PostmanCollection.Auth.none
                ),
                .call(IYSOperation.brands.name, "GET", .init("iysUrl", IYSOperation.brands.path), tests: [PostmanScript.iysSuccess, PostmanScript.iysEnvelope]),
                post(.sendConsent, #"{"brandCode": "{{brandCode}}", "consentData": \#(consent("+905551239990", "ONAY"))}"#),
                post(.consentStatus, #"{"brandCode": "{{brandCode}}", "recipient": "+905551239990", "recipientType": "BIREYSEL", "type": "MESAJ"}"#),
                post(
                    .sendConsentBatch,
                    #"{"brandCode": "{{brandCode}}", "isSaveSuccessData": true, "consentData": [\#(consent("+905551239991", "ONAY")), \#(consent("+905551239992", "RET", source: "HS_MESAJ"))]}"#,
                    PostmanScript.keep("batchGuid", "data.transctionGuid")
                ),
                post(.batchStatus, batch),
                post(.batchSuccesses, batch),
                post(.batchErrors, batch),
                post(.batchUpdated, batch),
                post(.batchUsedBefore, batch),
                post(.batchForwarding, #"{"brandCode": "{{brandCode}}", "transctionGuid": "{{batchGuid}}", "isSendAllData": true}"#),
                post(.recipientStatus, #"{"brandCode": "{{brandCode}}", "recipient": "+905551230011"}"#),
                post(.consentQuery, #"{"brandCode": "{{brandCode}}", "limit": 100, "type": ["MESAJ"], "status": ["ONAY"]}"#),
            ],
            auth: .bearer("iysToken"), variables: ["iysToken", "batchGuid"]
        )
    }

    private static func post(_ operation: IYSOperation, _ body: String, _ tests: String...) -> PostmanCollection.Item {
        .call(operation.name, "POST", .init("iysUrl", operation.path), body: .raw(body), headers: NodeAPICollection.jsonHeader,
                 tests: [PostmanScript.iysSuccess, PostmanScript.iysEnvelope] + tests)
    }

    private static func consent(_ recipient: String, _ status: String, source: String = "HS_WEB") -> String {
        #"{"recipient": "\#(recipient)", "recipientType": "BIREYSEL", "type": "MESAJ", "source": "\#(source)", "status": "\#(status)", "consentDate": "2025-03-01 10:00:00"}"#
    }
}
