"""The asyncio client against the real identity service."""

from __future__ import annotations

import asyncio

import grpc
import pytest
from conftest import PASSWORD, Suite, addresses, unique_email

from tessera import NO_RETRIES, AsyncTessera, RetryPolicy
from tessera.errors import InvalidArgument, Unauthenticated, Unavailable
from tessera.identity.v1 import events_pb2, sessions_pb2, sign_in_pb2, users_pb2
from tessera.streams import aidentity_events


async def sign_up(client: AsyncTessera, name: str) -> tuple[users_pb2.User, str]:
    created = await client.identity.account.CreateAccount(
        users_pb2.CreateAccountRequest(email=unique_email(name), password=PASSWORD)
    )
    return created.user, created.session.token


async def test_sign_up_sign_in_and_an_authenticated_call(suite: Suite) -> None:
    email = unique_email("ada")
    async with AsyncTessera(**addresses(suite)) as anonymous:
        created = await anonymous.identity.account.CreateAccount(
            users_pb2.CreateAccountRequest(email=email, password=PASSWORD)
        )
        signed_in = await anonymous.identity.sign_in.SignInWithPassword(
            sign_in_pb2.SignInWithPasswordRequest(identifier=email, password=PASSWORD)
        )
        with pytest.raises(Unauthenticated):
            await anonymous.identity.account.GetAccount(users_pb2.GetAccountRequest())
    async with AsyncTessera(**addresses(suite), token=signed_in.session.token) as ada:
        me = (await ada.identity.account.GetAccount(users_pb2.GetAccountRequest())).user
    assert (me.id, me.email) == (created.user.id, email)


async def test_invalid_argument_carries_decoded_field_violations(suite: Suite) -> None:
    async with AsyncTessera(**addresses(suite)) as anonymous:
        with pytest.raises(InvalidArgument) as caught:
            await anonymous.identity.account.CreateAccount(
                users_pb2.CreateAccountRequest(email="not-an-email", password="short")
            )
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert sorted(v.field for v in caught.value.field_violations) == ["email", "password"]


async def test_a_revoked_token_is_unauthenticated(suite: Suite) -> None:
    async with AsyncTessera(**addresses(suite)) as anonymous:
        _, token = await sign_up(anonymous, "revoked")
    async with AsyncTessera(**addresses(suite), token=token) as client:
        await client.identity.session.SignOut(sessions_pb2.SignOutRequest())
        with pytest.raises(Unauthenticated) as caught:
            await client.identity.account.GetAccount(users_pb2.GetAccountRequest())
    assert caught.value.reason == "SESSION_INVALID"


async def test_a_safe_call_is_retried_until_the_service_is_back(suite: Suite) -> None:
    async with AsyncTessera(**addresses(suite)) as anonymous:
        _, token = await sign_up(anonymous, "retry")
    patient = RetryPolicy(max_attempts=30, initial_backoff=0.2, max_backoff=1.0)
    async with (
        AsyncTessera(**addresses(suite), token=token, retry=patient) as client,
        AsyncTessera(**addresses(suite), token=token, retry=NO_RETRIES) as impatient,
    ):
        await asyncio.to_thread(suite.stop, "identity")
        try:
            with pytest.raises(Unavailable):
                await impatient.identity.account.GetAccount(users_pb2.GetAccountRequest())
            restart = asyncio.create_task(asyncio.to_thread(suite.start, "identity"))
            me = (await client.identity.account.GetAccount(users_pb2.GetAccountRequest())).user
            await restart
        finally:
            if not suite.running("identity"):
                suite.start("identity")
    assert me.email.startswith("retry-")


async def test_events_resume_from_the_cursor_without_loss_or_repeats(suite: Suite) -> None:
    async with AsyncTessera(**addresses(suite)) as anonymous:
        users = [await sign_up(anonymous, f"agone{i}") for i in range(4)]

    async def delete(token: str) -> None:
        async with AsyncTessera(**addresses(suite), token=token) as owner:
            await owner.identity.account.DeleteAccount(
                users_pb2.DeleteAccountRequest(password=PASSWORD)
            )

    async def read_all() -> list[events_pb2.Event]:
        async with AsyncTessera(**addresses(suite), token=suite.service_token) as fresh:
            seen: list[events_pb2.Event] = []
            stream = fresh.identity.event.StreamEvents(events_pb2.StreamEventsRequest())
            async for item in stream:
                if item.HasField("heartbeat"):
                    return seen
                seen.append(item.event)
        raise AssertionError("the stream ended")

    kept = await read_all()
    start = kept[-1].cursor if kept else 0
    await delete(users[0][1])
    await delete(users[1][1])
    async with AsyncTessera(**addresses(suite), token=suite.service_token) as service:
        events = aidentity_events(service.identity, after_cursor=start)
        got = [await anext(events), await anext(events)]
        await asyncio.to_thread(suite.stop, "identity")
        await asyncio.to_thread(suite.start, "identity")
        await delete(users[2][1])
        await delete(users[3][1])
        expected = [e.cursor for e in await read_all() if e.cursor > start]
        while len(got) < len(expected):
            got.append(await anext(events))
        await events.aclose()
    assert [e.cursor for e in got] == expected
    deleted = {e.user_id for e in got if e.kind == events_pb2.EVENT_KIND_ACCOUNT_DELETED}
    assert deleted == {user.id for user, _ in users}
