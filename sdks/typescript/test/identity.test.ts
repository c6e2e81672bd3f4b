// The client against the real identity service.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { Code, TesseraError, identity, identityEvents, noRetries } from "../src/index.js";
import { PASSWORD, Suite, signUp, uniqueEmail } from "./suite.js";

let suite: Suite;
before(async () => {
  suite = await Suite.start();
});
after(async () => {
  await suite.close();
});

async function rejection(promise: Promise<unknown>): Promise<TesseraError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof TesseraError, `a TesseraError, not ${String(error)}`);
    return error;
  }
  assert.fail("the call succeeded");
}

test("sign up, sign in and an authenticated call", async () => {
  const anonymous = suite.client();
  const email = uniqueEmail("ada");
  const created = await anonymous.identity.account.createAccount({ email, password: PASSWORD, displayName: "Ada" });
  const signedIn = await anonymous.identity.signIn.signInWithPassword({ identifier: email, password: PASSWORD });
  assert.equal(signedIn.user?.id, created.user?.id);
  const ada = suite.client({ token: () => signedIn.session?.token });
  const { user } = await ada.identity.account.getAccount({});
  assert.deepEqual([user?.id, user?.email, user?.displayName], [created.user?.id, email, "Ada"]);
  const refused = await rejection(anonymous.identity.account.getAccount({}));
  assert.equal(refused.code, Code.Unauthenticated);
  ada.close();
  anonymous.close();
});

test("INVALID_ARGUMENT carries decoded field violations", async () => {
  const anonymous = suite.client();
  const error = await rejection(anonymous.identity.account.createAccount({ email: "not-an-email", password: "short" }));
  assert.equal(error.code, Code.InvalidArgument);
  assert.deepEqual(error.fieldViolations.map((v) => v.field).sort(), ["email", "password"]);
  assert.ok(error.fieldViolations.every((v) => v.description !== ""));
  anonymous.close();
});

test("a revoked token is UNAUTHENTICATED", async () => {
  const anonymous = suite.client();
  const { token } = await signUp(anonymous, "revoked");
  const client = suite.client({ token });
  await client.identity.session.signOut({});
  const error = await rejection(client.identity.account.getAccount({}));
  assert.equal(error.code, Code.Unauthenticated);
  assert.equal(error.reason, "SESSION_INVALID");
  client.close();
  anonymous.close();
});

test("a safe call is retried until the service is back; an unsafe one is not", async () => {
  const anonymous = suite.client();
  const { user, token } = await signUp(anonymous, "retry");
  anonymous.close();
  const patient = suite.client({ token, retry: { maxAttempts: 30, initialBackoffMs: 200, maxBackoffMs: 1000, multiplier: 2 } });
  const impatient = suite.client({ token, retry: noRetries });
  await suite.stop("identity");
  try {
    assert.equal((await rejection(impatient.identity.account.getAccount({}))).code, Code.Unavailable);
    const started = Date.now();
    const unsafe = await rejection(patient.identity.account.createAccount({ email: uniqueEmail("x"), password: PASSWORD }));
    assert.equal(unsafe.code, Code.Unavailable);
    assert.ok(Date.now() - started < 1000, "CreateAccount was retried");
    const restart = new Promise((resolve) => setTimeout(resolve, 1000)).then(() => suite.start("identity"));
    const { user: me } = await patient.identity.account.getAccount({});
    await restart;
    assert.equal(me?.id, user.id);
  } finally {
    await suite.start("identity").catch(() => undefined);
    patient.close();
    impatient.close();
  }
});

test("events resume from the cursor with none lost or repeated", async () => {
  const anonymous = suite.client();
  const users = [];
  for (let i = 0; i < 4; i++) {
    users.push(await signUp(anonymous, `gone${i}`));
  }
  anonymous.close();
  const remove = async (token: string) => {
    const owner = suite.client({ token });
    await owner.identity.account.deleteAccount({ password: PASSWORD });
    owner.close();
  };
  // Every event kept, by a fresh uninterrupted read up to the first heartbeat.
  const readAll = async (): Promise<identity.Event[]> => {
    const fresh = suite.client({ token: suite.description.service_token });
    const seen: identity.Event[] = [];
    const abort = new AbortController();
    for await (const item of fresh.identity.event.streamEvents({}, { signal: abort.signal })) {
      if (item.item.case !== "event") {
        break;
      }
      seen.push(item.item.value);
    }
    abort.abort();
    fresh.close();
    return seen;
  };
  const start = (await readAll()).at(-1)?.cursor ?? 0n;
  await remove(users[0]!.token);
  await remove(users[1]!.token);
  const service = suite.client({ token: suite.description.service_token });
  const abort = new AbortController();
  const events = identityEvents(service.identity, { afterCursor: start, signal: abort.signal });
  const got: identity.Event[] = [];
  const next = async () => {
    const item = await events.next();
    assert.ok(!item.done);
    got.push(item.value);
  };
  await next();
  await next();
  await suite.stop("identity");
  await suite.start("identity");
  await remove(users[2]!.token);
  await remove(users[3]!.token);
  const expected = (await readAll()).map((e) => e.cursor).filter((c) => c > start);
  while (got.length < expected.length) {
    await next();
  }
  abort.abort();
  await events.return(undefined);
  service.close();
  assert.deepEqual(
    got.map((e) => e.cursor),
    expected,
  );
  const deleted = new Set(got.filter((e) => e.kind === identity.EventKind.ACCOUNT_DELETED).map((e) => e.userId));
  assert.deepEqual(deleted, new Set(users.map((u) => u.user.id)));
});
