// createTessera: one gRPC (HTTP/2) transport per service binary, a Connect client for every
// service on it.
//
//   const t = createTessera({ identity: "http://localhost:50051", token: () => session.token });
//   const { user } = await t.identity.account.getAccount({});
import { createClient } from "@connectrpc/connect";
import { Http2SessionManager, createGrpcTransport } from "@connectrpc/connect-node";
import { bearer, resilience } from "./interceptors.js";
import { defaultRetryPolicy } from "./retry.js";
import { services } from "./services.js";
export function createTessera(options) {
    const interceptors = [
        resilience(options.retry ?? defaultRetryPolicy),
        bearer(options.token),
        ...(options.interceptors ?? []),
    ];
    const sessions = [];
    const opened = new Map();
    function group(binary) {
        const existing = opened.get(binary);
        if (existing) {
            return existing;
        }
        const baseUrl = options[binary];
        if (!baseUrl) {
            throw new Error(`no address configured for ${binary}`);
        }
        const sessionManager = new Http2SessionManager(baseUrl, undefined, options.transport?.nodeOptions);
        sessions.push(sessionManager);
        const transport = createGrpcTransport({ ...options.transport, baseUrl, interceptors, sessionManager });
        const clients = Object.fromEntries(Object.entries(services[binary]).map(([name, service]) => [name, createClient(service, transport)]));
        opened.set(binary, clients);
        return clients;
    }
    return {
        get identity() {
            return group("identity");
        },
        get vaultStorage() {
            return group("vaultStorage");
        },
        get messaging() {
            return group("messaging");
        },
        get projectIntelligence() {
            return group("projectIntelligence");
        },
        close() {
            for (const session of sessions.splice(0)) {
                session.abort();
            }
            opened.clear();
        },
    };
}
