//! Group commit for SendMessage: concurrent sends join a batch that is checked and written
//! in one transaction with set-based statements, and answered once it has committed.
//!
//! A send waits in a queue; `TESSERA_CHAT_SEND_WRITERS` writers each take what is queued (up
//! to `TESSERA_CHAT_SEND_BATCH` sends, one per sending device: a device's next send waits for
//! the next batch) and run it as one transaction: one read for every send's device, membership,
//! earlier use of its logical id and the chat's devices; the device-set and retry checks in
//! Rust; one rate-limit upsert for the sends that passed; one write that advances each
//! recipient inbox by the copies it gets (in batch order, under its row lock, so sequences grow
//! in commit order), inserts every copy, updates each chat once and notifies once. A send that
//! fails a check gets its own answer and nothing is written for it; the others go on. No queue
//! wait is added: a batch is whatever arrived while the previous one was being written. When a
//! batch cannot be written as a whole (a recipient device went away, a concurrent retry of the
//! same message on another replica), each of its sends runs alone, as before.

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use diesel::sql_types::Uuid as SqlUuid;
use diesel::sql_types::{Array, BigInt, Bool, Bytea, Int4, Jsonb, Nullable, Text, Timestamptz};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::ids::UserId;
use tessera_kit::ratelimit;
use tessera_proto::tessera::messaging::v1 as pb;
use tokio::sync::{Mutex, mpsc, oneshot};
use uuid::Uuid;

use super::send::{self, Send, answer, earlier, match_devices};
use crate::error::ChatError;
use crate::events;
use crate::ids::{ChatId, DeviceId, MessageId};
use crate::state::Chat;

type Answer = Result<pb::SendMessageResponse, ChatError>;

/// One send waiting for its batch.
struct Job {
    user: UserId,
    send: Send,
    reply: oneshot::Sender<Answer>,
}

/// Where sends queue for the writers. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Sends {
    queue: mpsc::Sender<Job>,
    gauges: Gauges,
}

/// `messaging_send_queued` (sends waiting for a batch) and `messaging_send_batch_size`
/// (sends per batch written).
#[derive(Debug, Clone)]
struct Gauges {
    queued: opentelemetry::metrics::UpDownCounter<i64>,
    batch: opentelemetry::metrics::Histogram<u64>,
}

impl Gauges {
    fn new(metrics: &tessera_kit::metrics::Metrics) -> Self {
        let meter = metrics.meter();
        Self {
            queued: meter
                .i64_up_down_counter("messaging.send.queued")
                .with_description("Sends waiting for a batch")
                .build(),
            batch: meter
                .u64_histogram("messaging.send.batch.size")
                .with_description("Sends per batch written")
                .with_boundaries(vec![1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0])
                .build(),
        }
    }
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Job")
            .field("device", &self.send.device)
            .finish()
    }
}

/// Sends queued per writer before new ones wait for room (back-pressure).
const QUEUE_PER_WRITER: usize = 1024;

impl Sends {
    /// The queue; its writers start with [`Sends::start`].
    pub fn new(writers: usize, metrics: &tessera_kit::metrics::Metrics) -> (Self, Receiver) {
        let (queue, jobs) = mpsc::channel(QUEUE_PER_WRITER * writers.max(1));
        let gauges = Gauges::new(metrics);
        (
            Self {
                queue,
                gauges: gauges.clone(),
            },
            Receiver(Arc::new(Mutex::new(jobs)), gauges),
        )
    }

    /// Starts `chat`'s writers on `jobs`; they stop with the service (later sends run alone).
    pub fn start(chat: &Chat, jobs: Receiver) {
        for _ in 0..chat.config.send_writers.max(1) {
            let (chat, jobs) = (chat.clone(), jobs.clone());
            tokio::spawn(async move { write_batches(chat, jobs).await });
        }
    }

    /// Sends `send` as `user` in the next batch; answers once that batch has committed.
    pub async fn send(&self, chat: &Chat, user: UserId, send: Send) -> Answer {
        let (reply, answer) = oneshot::channel();
        let job = Job {
            user,
            send: send.clone(),
            reply,
        };
        self.gauges.queued.add(1, &[]);
        if self.queue.send(job).await.is_ok() {
            if let Ok(answer) = answer.await {
                return answer;
            }
        } else {
            self.gauges.queued.add(-1, &[]);
        }
        // No writer (the service is stopping) or it failed before answering: alone. Had the
        // batch committed, this is a retry and answers as one.
        send::send_one(chat, user, send).await
    }
}

/// The writers' end of the queue.
#[derive(Debug, Clone)]
pub struct Receiver(Arc<Mutex<mpsc::Receiver<Job>>>, Gauges);

async fn write_batches(chat: Chat, jobs: Receiver) {
    let most = usize::from(chat.config.send_batch.max(1));
    // Sends of a device already in the batch, kept for the next one.
    let mut carried: Vec<Job> = Vec::new();
    loop {
        let mut batch: Vec<Job> = Vec::new();
        let mut devices = HashSet::new();
        let mut waiting = std::mem::take(&mut carried).into_iter();
        for job in waiting.by_ref() {
            if batch.len() < most && devices.insert(job.send.device) {
                batch.push(job);
            } else {
                carried.push(job);
            }
        }
        // With sends carried over, take more only if no other writer is waiting on the queue
        // (it holds the lock while it waits, and may wait for sends that never come).
        let queue = if batch.is_empty() {
            Some(jobs.0.lock().await)
        } else {
            jobs.0.try_lock().ok()
        };
        if let Some(mut queue) = queue {
            if batch.is_empty() {
                let first = tokio::select! {
                    () = chat.shutdown.cancelled() => return,
                    first = queue.recv() => first,
                };
                let Some(first) = first else { return };
                devices.insert(first.send.device);
                batch.push(first);
            }
            while batch.len() < most {
                let Ok(job) = queue.try_recv() else { break };
                if devices.insert(job.send.device) {
                    batch.push(job);
                } else {
                    carried.push(job);
                }
            }
        }
        // Carried sends left the queue when they were first taken.
        let taken = batch.len() + carried.len();
        jobs.1.queued.add(-(taken as i64), &[]);
        jobs.1.batch.record(batch.len() as u64, &[]);
        write(&chat, batch).await;
        // They are waiting again, for the next batch.
        jobs.1.queued.add(carried.len() as i64, &[]);
    }
}

/// Writes one batch and answers its senders.
async fn write(chat: &Chat, batch: Vec<Job>) {
    let rate = chat.config.send_rate;
    let sends: Vec<(UserId, Send)> = batch.iter().map(|j| (j.user, j.send.clone())).collect();
    let written = chat
        .db
        .transaction("messaging.send_batch", |conn| {
            let sends = &sends;
            async move { store(conn, sends, rate).await }.scope_boxed()
        })
        .await;
    match written {
        Ok(answers) => {
            for (job, answer) in batch.into_iter().zip(answers) {
                let _ = job.reply.send(answer);
            }
        }
        Err(err) => {
            tracing::debug!(error = %err, sends = batch.len(), "a batch failed as a whole: its sends run alone");
            let alone = batch.into_iter().map(|job| {
                let chat = chat.clone();
                async move {
                    let answer = send::send_one(&chat, job.user, job.send).await;
                    let _ = job.reply.send(answer);
                }
            });
            futures::future::join_all(alone).await;
        }
    }
}

/// What each send needs to know, read for all of them at once.
#[derive(diesel::QueryableByName)]
struct State {
    #[diesel(sql_type = Int4)]
    i: i32,
    #[diesel(sql_type = Bool)]
    own_device: bool,
    #[diesel(sql_type = Bool)]
    member: bool,
    #[diesel(sql_type = Bool)]
    retry: bool,
    #[diesel(sql_type = Array<SqlUuid>)]
    device_ids: Vec<Uuid>,
    #[diesel(sql_type = Array<SqlUuid>)]
    device_users: Vec<Uuid>,
    #[diesel(sql_type = Array<Bytea>)]
    identity_keys: Vec<Vec<u8>>,
}

async fn read_states(
    conn: &mut AsyncPgConnection,
    sends: &[(UserId, Send)],
) -> Result<Vec<State>, ChatError> {
    let index: Vec<i32> = (0..sends.len()).map(|i| i as i32).collect();
    let users: Vec<Uuid> = sends.iter().map(|(u, _)| u.as_uuid()).collect();
    let chats: Vec<Uuid> = sends.iter().map(|(_, s)| s.chat.as_uuid()).collect();
    let devices: Vec<Uuid> = sends.iter().map(|(_, s)| s.device.as_uuid()).collect();
    let logical: Vec<&str> = sends.iter().map(|(_, s)| s.logical.as_str()).collect();
    let mut states: Vec<State> = tessera_kit::db::prepared(
        "SELECT s.i, \
             EXISTS (SELECT 1 FROM devices WHERE id = s.device AND user_id = s.user_id) AS own_device, \
             (EXISTS (SELECT 1 FROM chats c WHERE c.id = s.chat AND c.chat_type = 'direct' \
                      AND s.user_id IN (c.user_a, c.user_b)) \
              OR EXISTS (SELECT 1 FROM chat_members m JOIN chats c ON c.id = m.chat_id \
                         WHERE m.chat_id = s.chat AND c.chat_type = 'group' \
                           AND m.user_id = s.user_id)) AS member, \
             EXISTS (SELECT 1 FROM messages WHERE from_device_id = s.device \
                     AND logical_msg_id = s.logical) AS retry, \
             coalesce(r.ids, '{}') AS device_ids, coalesce(r.users, '{}') AS device_users, \
             coalesce(r.keys, '{}') AS identity_keys \
         FROM unnest($1::int4[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[]) \
              AS s(i, user_id, chat, device, logical) \
         LEFT JOIN LATERAL ( \
             SELECT array_agg(d.id ORDER BY d.id) AS ids, array_agg(d.user_id ORDER BY d.id) AS users, \
                    array_agg(d.identity_pubkey ORDER BY d.id) AS keys \
             FROM devices d \
             WHERE d.user_id IN (SELECT user_a FROM chats WHERE id = s.chat AND chat_type = 'direct' \
                 UNION SELECT user_b FROM chats WHERE id = s.chat AND chat_type = 'direct' \
                 UNION SELECT user_id FROM chat_members WHERE chat_id = s.chat) \
               AND d.id <> s.device) AS r ON true",
    )
    .bind::<Array<Int4>, _>(&index)
    .bind::<Array<SqlUuid>, _>(&users)
    .bind::<Array<SqlUuid>, _>(&chats)
    .bind::<Array<SqlUuid>, _>(&devices)
    .bind::<Array<Text>, _>(&logical)
    .load(conn)
    .await?;
    states.sort_by_key(|s| s.i);
    Ok(states)
}

/// Checks every send, takes the rate limit of those that passed, writes them: each send's
/// answer, in order. An `Err` fails the batch as a whole.
async fn store(
    conn: &mut AsyncPgConnection,
    sends: &[(UserId, Send)],
    rate: ratelimit::Rate,
) -> Result<Vec<Answer>, ChatError> {
    let states = read_states(conn, sends).await?;
    let mut answers: Vec<Option<Answer>> = (0..sends.len()).map(|_| None).collect();
    let mut passed: Vec<(usize, BTreeMap<Uuid, Uuid>)> = Vec::new();
    for ((index, (_, send)), state) in sends.iter().enumerate().zip(states) {
        let checked = check(conn, send, state).await?;
        match checked {
            Checked::Answered(answer) => answers[index] = Some(answer),
            Checked::Passed(recipients) => passed.push((index, recipients)),
        }
    }
    let keys: Vec<String> = passed.iter().map(|(i, _)| key(&sends[*i].1)).collect();
    let allowed = ratelimit::take_each(conn, &keys, rate).await?;
    let mut accepted = Vec::new();
    for ((index, recipients), (key, allowed)) in passed.into_iter().zip(keys.iter().zip(allowed)) {
        if allowed {
            accepted.push((index, recipients));
        } else {
            let wait = ratelimit::spent(conn, key, rate).await?;
            answers[index] = Some(Err(limited(rate, wait)));
        }
    }
    let ids = write_copies(conn, sends, &accepted).await?;
    for ((index, _), (ids, created)) in accepted.iter().zip(ids) {
        answers[*index] = Some(Ok(answer(&sends[*index].1, &ids, created)));
    }
    Ok(answers
        .into_iter()
        .map(|a| a.unwrap_or_else(|| Err(ChatError::Internal("a send left unanswered".into()))))
        .collect())
}

enum Checked {
    /// Answered without writing: refused, or a retry of a stored message.
    Answered(Answer),
    /// To be written to these recipients (device -> user).
    Passed(BTreeMap<Uuid, Uuid>),
}

/// The checks of one send, as the single path makes them. An `Err` is the database's.
async fn check(
    conn: &mut AsyncPgConnection,
    send: &Send,
    state: State,
) -> Result<Checked, ChatError> {
    if !state.own_device {
        let refused = ChatError::not_found(DeviceId::RESOURCE, send.device);
        return Ok(Checked::Answered(Err(refused)));
    }
    if !state.member {
        let refused = ChatError::not_found(ChatId::RESOURCE, send.chat);
        return Ok(Checked::Answered(Err(refused)));
    }
    if state.retry {
        match earlier(conn, send).await {
            Ok(Some(original)) => return Ok(Checked::Answered(Ok(original))),
            Ok(None) => {}
            Err(ChatError::Db(db)) => return Err(ChatError::Db(db)),
            Err(refused) => return Ok(Checked::Answered(Err(refused))),
        }
    }
    let expected: Vec<(Uuid, Uuid, Vec<u8>)> = state
        .device_ids
        .into_iter()
        .zip(state.device_users)
        .zip(state.identity_keys)
        .map(|((device, user), key)| (device, user, key))
        .collect();
    Ok(match match_devices(send, &expected) {
        Ok(recipients) => Checked::Passed(recipients),
        Err(refused) => Checked::Answered(Err(refused)),
    })
}

fn key(send: &Send) -> String {
    format!("send:{}:{}", send.device, send.chat)
}

fn limited(rate: ratelimit::Rate, wait: Option<std::time::Duration>) -> ChatError {
    ChatError::Limited {
        reason: "SEND_RATE",
        message: format!(
            "a device may send at most {} messages per {:?} to one chat",
            rate.burst, rate.period
        ),
        retry_after: wait.unwrap_or(std::time::Duration::from_micros(1)),
    }
}

#[derive(diesel::QueryableByName)]
struct Written {
    #[diesel(sql_type = BigInt)]
    stored: i64,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    created_at: Option<DateTime<Utc>>,
}

/// Per accepted send, the ids its copies were stored under and when.
type Stored = Vec<(Vec<Uuid>, DateTime<Utc>)>;

/// Writes every accepted send's copies in one statement (see the module's documentation).
async fn write_copies(
    conn: &mut AsyncPgConnection,
    sends: &[(UserId, Send)],
    accepted: &[(usize, BTreeMap<Uuid, Uuid>)],
) -> Result<Stored, ChatError> {
    let mut ids: Vec<Vec<Uuid>> = Vec::with_capacity(accepted.len());
    // One row per copy, in batch order.
    let mut copy = Copies::default();
    for (index, recipients) in accepted {
        let (user, send) = &sends[*index];
        let mine: Vec<Uuid> = send
            .envelopes
            .iter()
            .map(|_| MessageId::new().as_uuid())
            .collect();
        for (id, envelope) in mine.iter().zip(&send.envelopes) {
            let to = envelope.to.as_uuid();
            copy.id.push(*id);
            copy.to_user
                .push(recipients.get(&to).copied().unwrap_or_default());
            copy.to_device.push(to);
            copy.header.push(&envelope.header);
            copy.ciphertext.push(&envelope.ciphertext);
            copy.logical.push(&send.logical);
            copy.chat.push(send.chat.as_uuid());
            copy.from_user.push(user.as_uuid());
            copy.from_device.push(send.device.as_uuid());
        }
        ids.push(mine);
    }
    if copy.id.is_empty() {
        return Ok(Vec::new());
    }
    let written: Written = tessera_kit::db::prepared(
        "WITH e AS ( \
             SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::jsonb[], $5::bytea[], \
                                  $6::text[], $7::uuid[], $8::uuid[], $9::uuid[]) WITH ORDINALITY \
                 AS e(id, to_user, to_device, header, ciphertext, logical, chat, from_user, \
                      from_device, ord)), \
         counts AS (SELECT to_device, count(*) AS n FROM e GROUP BY to_device), \
         seqs AS ( \
             UPDATE device_inboxes i SET last_seq = i.last_seq + c.n \
             FROM (SELECT device_id FROM device_inboxes \
                   WHERE device_id IN (SELECT to_device FROM counts) \
                   ORDER BY device_id FOR UPDATE) l, counts c \
             WHERE i.device_id = l.device_id AND c.to_device = i.device_id \
             RETURNING i.device_id, i.last_seq, c.n), \
         ins AS ( \
             INSERT INTO messages (id, logical_msg_id, chat_id, from_user_id, from_device_id, \
                                   to_user_id, to_device_id, seq, header, ciphertext) \
             SELECT e.id, e.logical, e.chat, e.from_user, e.from_device, e.to_user, e.to_device, \
                    s.last_seq - s.n + row_number() OVER (PARTITION BY e.to_device ORDER BY e.ord), \
                    e.header, e.ciphertext \
             FROM e JOIN seqs s ON s.device_id = e.to_device \
             RETURNING created_at), \
         latest AS (SELECT DISTINCT ON (chat) chat, id FROM e ORDER BY chat, ord DESC), \
         chat AS ( \
             UPDATE chats c SET last_message_id = latest.id, updated_at = now() \
             FROM (SELECT id FROM chats WHERE id IN (SELECT chat FROM latest) \
                   ORDER BY id FOR UPDATE) l, latest \
             WHERE c.id = l.id AND latest.chat = c.id), \
         seen AS ( \
             UPDATE devices SET last_seen = now() \
             WHERE id IN (SELECT from_device FROM e) \
               AND (last_seen IS NULL OR last_seen < now() - interval '1 minute')), \
         woken AS ( \
             SELECT pg_notify($10, string_agg(device_id::text, ',')) \
             FROM (SELECT device_id, (row_number() OVER ()) / 150 AS part FROM seqs) p \
             GROUP BY part) \
         SELECT (SELECT count(*) FROM ins) AS stored, (SELECT min(created_at) FROM ins) AS created_at, \
                (SELECT count(*) FROM woken) AS woken",
    )
    .bind::<Array<SqlUuid>, _>(&copy.id)
    .bind::<Array<SqlUuid>, _>(&copy.to_user)
    .bind::<Array<SqlUuid>, _>(&copy.to_device)
    .bind::<Array<Jsonb>, _>(&copy.header)
    .bind::<Array<Bytea>, _>(&copy.ciphertext)
    .bind::<Array<Text>, _>(&copy.logical)
    .bind::<Array<SqlUuid>, _>(&copy.chat)
    .bind::<Array<SqlUuid>, _>(&copy.from_user)
    .bind::<Array<SqlUuid>, _>(&copy.from_device)
    .bind::<Text, _>(events::INBOX)
    .get_result(conn)
    .await?;
    match written.created_at {
        Some(created) if written.stored as usize == copy.id.len() => {
            Ok(ids.into_iter().map(|ids| (ids, created)).collect())
        }
        // A recipient device went away between the check and the write: the batch fails and
        // its sends run alone (the one concerned is refused, the others go through).
        _ => Err(ChatError::Aborted(
            "a recipient device went away; retry".into(),
        )),
    }
}

/// The copies of a batch as columns, for `unnest`.
#[derive(Default)]
struct Copies<'a> {
    id: Vec<Uuid>,
    to_user: Vec<Uuid>,
    to_device: Vec<Uuid>,
    header: Vec<&'a serde_json::Value>,
    ciphertext: Vec<&'a [u8]>,
    logical: Vec<&'a str>,
    chat: Vec<Uuid>,
    from_user: Vec<Uuid>,
    from_device: Vec<Uuid>,
}
