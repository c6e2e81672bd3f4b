"""The synchronous client against the real identity service."""

from __future__ import annotations

import threading
import time

import grpc
import pytest
from conftest import PASSWORD, Suite, addresses, sign_up, unique_email

from tessera import NO_RETRIES, RetryPolicy, Tessera
from tessera.errors import InvalidArgument, Unauthenticated, Unavailable
from tessera.identity.v1 import events_pb2, sessions_pb2, sign_in_pb2, users_pb2
from tessera.streams import identity_events


def test_sign_up_sign_in_and_an_authenticated_call(anonymous: Tessera, suite: Suite) -> None:
    email = unique_email("ada")
    created = anonymous.identity.account.CreateAccount(
        users_pb2.CreateAccountRequest(email=email, password=PASSWORD, display_name="Ada")
    )
    assert created.session.token.startswith("tsess_")
    signed_in = anonymous.identity.sign_in.SignInWithPassword(
        sign_in_pb2.SignInWithPasswordRequest(identifier=email, password=PASSWORD)
    )
    assert signed_in.user.id == created.user.id
    with Tessera(**addresses(suite), token=signed_in.session.token) as ada:
        me = ada.identity.account.GetAccount(users_pb2.GetAccountRequest()).user
        sessions = ada.identity.session.ListSessions(sessions_pb2.ListSessionsRequest())
    assert (me.id, me.email, me.display_name) == (created.user.id, email, "Ada")
    assert len(sessions.sessions) == 2
    # Without a token the same call is refused.
    with pytest.raises(Unauthenticated):
        anonymous.identity.account.GetAccount(users_pb2.GetAccountRequest())


def test_a_token_callable_is_asked_on_every_call(anonymous: Tessera, suite: Suite) -> None:
    _, token = sign_up(anonymous, "tok")
    asked: list[int] = []

    def current() -> str:
        asked.append(1)
        return token

    with Tessera(**addresses(suite), token=current) as client:
        for _ in range(3):
            client.identity.account.GetAccount(users_pb2.GetAccountRequest())
    assert len(asked) == 3


def test_invalid_argument_carries_decoded_field_violations(anonymous: Tessera) -> None:
    with pytest.raises(InvalidArgument) as caught:
        anonymous.identity.account.CreateAccount(
            users_pb2.CreateAccountRequest(email="not-an-email", password="short")
        )
    error = caught.value
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert sorted(v.field for v in error.field_violations) == ["email", "password"]
    assert all(v.description for v in error.field_violations)
    assert isinstance(error, grpc.RpcError), "still a grpc error for grpc-style handlers"


def test_a_revoked_token_is_unauthenticated(anonymous: Tessera, suite: Suite) -> None:
    _, token = sign_up(anonymous, "revoked")
    with Tessera(**addresses(suite), token=token) as client:
        client.identity.account.GetAccount(users_pb2.GetAccountRequest())
        client.identity.session.SignOut(sessions_pb2.SignOutRequest())
        with pytest.raises(Unauthenticated) as caught:
            client.identity.account.GetAccount(users_pb2.GetAccountRequest())
    assert caught.value.reason == "SESSION_INVALID"


def test_a_safe_call_is_retried_until_the_service_is_back(anonymous: Tessera, suite: Suite) -> None:
    _, token = sign_up(anonymous, "retry")
    patient = RetryPolicy(max_attempts=30, initial_backoff=0.2, max_backoff=1.0)
    with (
        Tessera(**addresses(suite), token=token, retry=patient) as client,
        Tessera(**addresses(suite), token=token, retry=NO_RETRIES) as impatient,
    ):
        suite.stop("identity")
        try:
            # Without retries the outage shows; a call with side effects is never repeated.
            with pytest.raises(Unavailable):
                impatient.identity.account.GetAccount(users_pb2.GetAccountRequest())
            started = time.monotonic()
            with pytest.raises(Unavailable):
                client.identity.account.CreateAccount(
                    users_pb2.CreateAccountRequest(email=unique_email("x"), password=PASSWORD)
                )
            assert time.monotonic() - started < 1.0, "CreateAccount was retried"
            restart = threading.Timer(1.0, suite.start, args=("identity",))
            restart.start()
            me = client.identity.account.GetAccount(users_pb2.GetAccountRequest()).user
            restart.join()
        finally:
            if not suite.running("identity"):
                suite.start("identity")
    assert me.email.startswith("retry-")


def test_events_resume_from_the_cursor_without_loss_or_repeats(anonymous: Tessera, suite: Suite) -> None:
    users = [sign_up(anonymous, f"gone{i}") for i in range(4)]

    def delete(token: str) -> None:
        with Tessera(**addresses(suite), token=token) as owner:
            owner.identity.account.DeleteAccount(users_pb2.DeleteAccountRequest(password=PASSWORD))

    def read_all() -> list[events_pb2.Event]:
        """Every event kept, by a fresh uninterrupted read (up to the newest)."""
        with Tessera(**addresses(suite), token=suite.service_token) as fresh:
            seen: list[events_pb2.Event] = []
            for item in fresh.identity.event.StreamEvents(events_pb2.StreamEventsRequest()):
                if item.HasField("heartbeat"):
                    return seen
                seen.append(item.event)
        raise AssertionError("the stream ended")

    kept = read_all()
    start = kept[-1].cursor if kept else 0
    delete(users[0][1])
    delete(users[1][1])
    service = Tessera(**addresses(suite), token=suite.service_token)
    events = identity_events(service.identity, after_cursor=start)
    got = [next(events), next(events)]
    # Interrupt the stream: identity goes away and comes back; more happens meanwhile.
    suite.stop("identity")
    suite.start("identity")
    delete(users[2][1])
    delete(users[3][1])
    expected = [e.cursor for e in read_all() if e.cursor > start]
    while len(got) < len(expected):
        got.append(next(events))
    events.close()
    service.close()
    cursors = [e.cursor for e in got]
    assert cursors == expected, "every event once, in order"
    deleted = {e.user_id for e in got if e.kind == events_pb2.EVENT_KIND_ACCOUNT_DELETED}
    assert deleted == {user.id for user, _ in users}

