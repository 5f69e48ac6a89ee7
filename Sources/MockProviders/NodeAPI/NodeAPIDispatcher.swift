import Hummingbird
import NodeAPI

/// Decode, call the simulation, encode: the whole of a Node API route, whichever face it came by.
struct NodeAPIDispatcher: Sendable {
    let simulation: NodeAPISimulation

    func respond(to operation: NodeAPIOperation, user: String, face: some NodeAPIFace) async -> WireResponse {
        let simulation = simulation
        switch operation {
        case .createSms: return await run(CreateSmsRequest.self, face) { try await simulation.createSms(for: user, $0) }
        case .createOtp: return await run(CreateOtpRequest.self, face) { try await simulation.createOtp(for: user, $0) }
        case .listSms: return await run(ListSmsRequest.self, face) { try await simulation.listPackages(of: user, $0) }
        case .listSmsItems: return await run(ListSmsItemsRequest.self, face) { try await simulation.listItems(of: user, $0) }
        case .listSenders: return await run(ListSendersRequest.self, face) { try await simulation.listSenders(of: user, $0) }
        case .cancelSms: return await run(CancelSmsRequest.self, face) { try await simulation.cancel(for: user, $0) }
        case .smsSummary: return await run(SmsSummaryRequest.self, face) { try await simulation.summary(of: user, $0) }
        case .userCredit: return await run(UserCreditRequest.self, face) { _ in try await simulation.userCredit(of: user) }
        case .createKvkk: return await run(CreateKvkkRequest.self, face) { try await simulation.createKvkk(for: user, $0) }
        case .recreateSms: return await run(RecreateSmsRequest.self, face) { try await simulation.recreate(for: user, $0) }
        case .inquiryNumber: return await run(InquiryNumberRequest.self, face) { try await simulation.inquiry(for: user, $0) }
        case .createContact: return await run(CreateContactRequest.self, face) { try await simulation.createContact(for: user, $0) }
        case .updateContact: return await run(UpdateContactRequest.self, face) { try await simulation.updateContact(for: user, $0) }
        case .deleteContacts: return await run(DeleteContactsRequest.self, face) { try await simulation.deleteContacts(for: user, $0) }
        case .listContacts: return await run(ListContactsRequest.self, face) { try await simulation.listContacts(of: user, $0) }
        case .createGroup: return await run(CreateGroupRequest.self, face) { try await simulation.createGroup(for: user, $0) }
        case .updateGroup: return await run(UpdateGroupRequest.self, face) { try await simulation.updateGroup(for: user, $0) }
        case .deleteGroups: return await run(DeleteGroupsRequest.self, face) { try await simulation.deleteGroups(for: user, $0) }
        case .listGroups: return await run(ListGroupsRequest.self, face) { try await simulation.listGroups(of: user, $0) }
        case .importContacts: return await run(ImportContactsRequest.self, face) { try await simulation.importContacts(for: user, $0) }
        case .setBlacklist: return await run(SetBlacklistRequest.self, face) { try await simulation.setBlacklist(for: user, $0) }
        case .listMoRequests: return await run(ListMoRequestsRequest.self, face) { try await simulation.listOptOuts(of: user, $0) }
        }
    }

    private func run<Request: NodeAPIRequest>(
        _ type: Request.Type, _ face: some NodeAPIFace, _ body: @Sendable (Request) async throws -> Request.Reply
    ) async -> WireResponse {
        do {
            let request = try face.request(type)
            return face.reply(NodeAPIReply.success(try await body(request)))
        } catch let error as NodeAPIError {
            return face.reply(NodeAPIReply<Request.Reply>.failure(error))
        } catch {
            return face.reply(NodeAPIReply<Request.Reply>.failure(NodeAPIError(.internalServer, detail: String(describing: error))))
        }
    }
}
