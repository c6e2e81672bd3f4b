//! Wake-ups by PostgreSQL LISTEN/NOTIFY: one dedicated connection per process, outside the
//! pool, fans notifications out to every waiter.
//!
//! A notification is only a hint that something may have changed; waiters always read what
//! changed from a durable cursor. The connection is rebuilt with backoff after any error, and
//! every waiter is woken after a rebuild (notifications sent while it was down are lost), so
//! nothing depends on a notification having arrived.
//!
//! For live-only events (nothing durable behind them), [`Notifier::payloads`] hands the
//! payloads themselves to subscribers; a subscriber that falls behind loses the oldest.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::StreamExt;
use tokio::sync::{broadcast, mpsc, watch};
use tokio_postgres::AsyncMessage;
use tokio_util::sync::CancellationToken;

use crate::db::DbSettings;

/// channel -> the counters its waiters watch: one for every notification on the channel, one
/// per payload key (looked up, not searched: a notification costs its keys, not the waiters).
type Waiters = HashMap<String, ChannelWaiters>;

#[derive(Debug, Default)]
struct ChannelWaiters {
    all: Option<watch::Sender<u64>>,
    keyed: HashMap<String, watch::Sender<u64>>,
}

fn bump(sender: &watch::Sender<u64>) {
    sender.send_modify(|n| *n = n.wrapping_add(1));
}

/// Payloads kept per live-event subscriber before the oldest are dropped.
const PAYLOAD_BUFFER: usize = 1024;

/// Fans notifications out to waiters. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Notifier {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    /// One counter per (channel, payload filter); a bump wakes its waiters.
    waiters: Mutex<Waiters>,
    /// Channel -> the sender of its payloads, for live-event subscribers.
    payloads: Mutex<HashMap<String, broadcast::Sender<Arc<str>>>>,
    /// Channels to LISTEN on, told to the connection task as they appear.
    listen: mpsc::UnboundedSender<String>,
    /// Rebuilds of the connection so far (for tests and logs).
    connections: watch::Sender<u64>,
}

/// Woken when a notification for its channel (and payload, if it filters) arrives, and after
/// every rebuild of the listening connection.
#[derive(Debug)]
pub struct Wakeup {
    receiver: watch::Receiver<u64>,
}

impl Wakeup {
    /// Waits for the next wake-up. Wake-ups that came since the last call are not lost: they
    /// make this return at once (several collapse into one).
    pub async fn woken(&mut self) {
        // The sender lives as long as the notifier; a closed channel means shutdown.
        if self.receiver.changed().await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}

impl Notifier {
    /// Starts the listening connection (opened lazily, when the first channel is wanted) with
    /// the service's connection settings; it stops at `shutdown`.
    pub fn start(settings: &DbSettings, shutdown: CancellationToken) -> Self {
        let (listen, wanted) = mpsc::unbounded_channel();
        let notifier = Self {
            inner: Arc::new(Inner {
                waiters: Mutex::new(HashMap::new()),
                payloads: Mutex::new(HashMap::new()),
                listen,
                connections: watch::Sender::new(0),
            }),
        };
        let mut settings = settings.clone();
        settings.application_name.push_str("-listen");
        tokio::spawn(run(settings, notifier.clone(), wanted, shutdown));
        notifier
    }

    /// Wakes on every notification on `channel`.
    pub fn subscribe(&self, channel: &str) -> Wakeup {
        self.subscribe_key(channel, None)
    }

    /// Wakes on notifications on `channel` whose payload names `key` (or on all of them when
    /// `key` is `None`). A payload names keys separated by commas, so one notification can
    /// wake many waiters (`device-1,device-2`).
    pub fn subscribe_key(&self, channel: &str, key: Option<&str>) -> Wakeup {
        let mut waiters = self.inner.waiters.lock().unwrap_or_else(|e| e.into_inner());
        let new_channel = !waiters.contains_key(channel);
        let on = waiters.entry(channel.to_owned()).or_default();
        // Forget keys nobody waits on any more (a stream that ended), here rather than on
        // every notification.
        on.keyed.retain(|_, sender| sender.receiver_count() > 0);
        let sender = match key {
            None => on.all.get_or_insert_with(|| watch::Sender::new(0)),
            Some(key) => on
                .keyed
                .entry(key.to_owned())
                .or_insert_with(|| watch::Sender::new(0)),
        };
        let receiver = sender.subscribe();
        if new_channel {
            let _ = self.inner.listen.send(channel.to_owned());
        }
        Wakeup { receiver }
    }

    /// Every payload notified on `channel` from now on, while the listening connection is up
    /// (what is notified while it is being rebuilt is lost: for live-only events).
    pub fn payloads(&self, channel: &str) -> broadcast::Receiver<Arc<str>> {
        let (receiver, new_channel) = {
            let mut payloads = self
                .inner
                .payloads
                .lock()
                .unwrap_or_else(|e| e.into_inner());
            let new_channel = !payloads.contains_key(channel);
            let sender = payloads
                .entry(channel.to_owned())
                .or_insert_with(|| broadcast::Sender::new(PAYLOAD_BUFFER));
            (sender.subscribe(), new_channel)
        };
        // Asking twice is harmless (the connection LISTENs once per channel); asking only when
        // no waiter had the channel would be wrong, since `channels()` now includes this one.
        if new_channel {
            let _ = self.inner.listen.send(channel.to_owned());
        }
        receiver
    }

    fn publish(&self, channel: &str, payload: &str) {
        let payloads = self
            .inner
            .payloads
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if let Some(sender) = payloads.get(channel) {
            // No subscriber right now is fine: live events are for whoever listens.
            let _ = sender.send(payload.into());
        }
    }

    /// How many times the listening connection has been (re)established.
    pub fn connections(&self) -> watch::Receiver<u64> {
        self.inner.connections.subscribe()
    }

    /// Wakes the waiters of `channel` for every key `payload` names, and those of the whole
    /// channel; with no channel (a rebuilt connection), everyone.
    fn wake(&self, channel: Option<&str>, payload: Option<&str>) {
        let waiters = self.inner.waiters.lock().unwrap_or_else(|e| e.into_inner());
        let Some(channel) = channel else {
            for on in waiters.values() {
                on.all.iter().chain(on.keyed.values()).for_each(bump);
            }
            return;
        };
        let Some(on) = waiters.get(channel) else {
            return;
        };
        on.all.iter().for_each(bump);
        if on.keyed.is_empty() {
            return;
        }
        for key in payload.unwrap_or_default().split(',') {
            if let Some(sender) = on.keyed.get(key) {
                bump(sender);
            }
        }
    }

    fn channels(&self) -> HashSet<String> {
        let mut channels: HashSet<String> = {
            let waiters = self.inner.waiters.lock().unwrap_or_else(|e| e.into_inner());
            waiters.keys().cloned().collect()
        };
        let payloads = self
            .inner
            .payloads
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        channels.extend(payloads.keys().cloned());
        channels
    }
}

/// Keeps one listening connection up until shutdown.
async fn run(
    settings: DbSettings,
    notifier: Notifier,
    mut wanted: mpsc::UnboundedReceiver<String>,
    shutdown: CancellationToken,
) {
    let mut backoff = Duration::from_millis(100);
    // Nothing to listen to yet: do not hold a connection for nothing.
    let first = tokio::select! {
        () = shutdown.cancelled() => return,
        first = wanted.recv() => first,
    };
    if first.is_none() {
        return;
    }
    loop {
        let outcome = tokio::select! {
            () = shutdown.cancelled() => return,
            outcome = listen(&settings, &notifier, &mut wanted) => outcome,
        };
        if let Err(err) = outcome {
            tracing::warn!(error = %err, ?backoff, "listening connection lost; rebuilding");
        }
        // Whatever was notified while down is lost: everyone catches up.
        notifier.wake(None, None);
        tokio::select! {
            () = shutdown.cancelled() => return,
            () = tokio::time::sleep(backoff) => {}
        }
        backoff = (backoff * 2).min(Duration::from_secs(5));
    }
}

/// One connection's life: connect, LISTEN on every wanted channel, wake everyone (they may
/// have missed notifications before this), then fan notifications out until it fails.
async fn listen(
    settings: &DbSettings,
    notifier: &Notifier,
    wanted: &mut mpsc::UnboundedReceiver<String>,
) -> Result<(), String> {
    let pg = settings.pg_config().map_err(|e| e.to_string())?;
    let tls = settings.tls()?;
    let (client, mut connection) = crate::db::connect_raw(&pg, &tls)
        .await
        .map_err(|e| e.to_string())?;
    let (messages_tx, mut messages) = mpsc::unbounded_channel();
    // The connection must be polled for the client's queries to run and notifications to
    // arrive; it ends (closing `messages`) when the connection fails.
    let driver = tokio::spawn(async move {
        let mut stream = futures::stream::poll_fn(move |cx| connection.poll_message(cx));
        while let Some(message) = stream.next().await {
            match message {
                Ok(message) => {
                    if messages_tx.send(message).is_err() {
                        return;
                    }
                }
                Err(err) => {
                    tracing::debug!(error = %err, "listening connection failed");
                    return;
                }
            }
        }
    });
    let _driver = AbortOnDrop(driver);
    let mut listening = HashSet::new();
    for channel in notifier.channels() {
        listen_on(&client, &channel).await?;
        listening.insert(channel);
    }
    notifier.inner.connections.send_modify(|n| *n += 1);
    notifier.wake(None, None);
    loop {
        tokio::select! {
            message = messages.recv() => match message {
                Some(AsyncMessage::Notification(n)) => {
                    notifier.wake(Some(n.channel()), Some(n.payload()));
                    notifier.publish(n.channel(), n.payload());
                }
                Some(_) => {}
                None => return Err("the connection closed".into()),
            },
            channel = wanted.recv() => {
                let Some(channel) = channel else { return Ok(()) };
                if listening.insert(channel.clone()) {
                    listen_on(&client, &channel).await?;
                    // Whatever happened before LISTEN took effect was not notified.
                    notifier.wake(Some(&channel), None);
                }
            }
        }
    }
}

async fn listen_on(client: &tokio_postgres::Client, channel: &str) -> Result<(), String> {
    // Channel names come from code (schema names), never from requests; quote them anyway.
    let quoted = format!("\"{}\"", channel.replace('"', "\"\""));
    client
        .batch_execute(&format!("LISTEN {quoted}"))
        .await
        .map_err(|e| format!("LISTEN {channel} failed: {e}"))
}

struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notifier() -> Notifier {
        let (listen, _) = mpsc::unbounded_channel();
        Notifier {
            inner: Arc::new(Inner {
                waiters: Mutex::new(HashMap::new()),
                payloads: Mutex::new(HashMap::new()),
                listen,
                connections: watch::Sender::new(0),
            }),
        }
    }

    fn woken(wakeup: &mut Wakeup) -> bool {
        wakeup.receiver.has_changed().unwrap_or(false) && {
            wakeup.receiver.mark_unchanged();
            true
        }
    }

    #[test]
    fn a_notification_wakes_every_key_it_names_and_no_other() {
        let notifier = notifier();
        let mut a = notifier.subscribe_key("inbox", Some("a"));
        let mut b = notifier.subscribe_key("inbox", Some("b"));
        let mut c = notifier.subscribe_key("inbox", Some("c"));
        let mut all = notifier.subscribe("inbox");
        let mut elsewhere = notifier.subscribe_key("other", Some("a"));
        notifier.wake(Some("inbox"), Some("a,b"));
        assert!(woken(&mut a) && woken(&mut b) && woken(&mut all));
        assert!(!woken(&mut c) && !woken(&mut elsewhere));
        notifier.wake(Some("inbox"), Some("c"));
        assert!(woken(&mut c) && !woken(&mut a));
        // A rebuilt connection wakes everyone.
        notifier.wake(None, None);
        assert!(woken(&mut a) && woken(&mut c) && woken(&mut elsewhere));
    }

    #[test]
    fn keys_nobody_waits_on_are_forgotten() {
        let notifier = notifier();
        drop(notifier.subscribe_key("inbox", Some("gone")));
        let _kept = notifier.subscribe_key("inbox", Some("kept"));
        let waiters = notifier
            .inner
            .waiters
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let keys: Vec<&String> = waiters["inbox"].keyed.keys().collect();
        assert_eq!(keys, ["kept"]);
    }
}
