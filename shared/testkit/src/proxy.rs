//! A TCP proxy in front of PostgreSQL that a test can cut and restore, to observe how a service
//! behaves while its database is unreachable: a real network failure, not a mock.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinSet;

/// See the module documentation.
#[derive(Debug)]
pub struct TcpProxy {
    listen: SocketAddr,
    target: SocketAddr,
    running: Mutex<Option<Arc<Mutex<JoinSet<()>>>>>,
}

impl TcpProxy {
    /// Starts forwarding a local ephemeral port to `target`.
    pub async fn start(target: SocketAddr) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("binding the proxy");
        let listen = listener.local_addr().expect("proxy address");
        let proxy = Self {
            listen,
            target,
            running: Mutex::new(None),
        };
        proxy.serve(listener);
        proxy
    }

    /// Proxies the PostgreSQL server of `url` (host and port taken from the URL).
    pub async fn for_database_url(url: &str) -> Self {
        let config: tokio_postgres::Config = url.parse().expect("a valid database URL");
        let host = match config.get_hosts().first() {
            Some(tokio_postgres::config::Host::Tcp(host)) => host.clone(),
            _ => "127.0.0.1".to_owned(),
        };
        let port = config.get_ports().first().copied().unwrap_or(5432);
        let target = tokio::net::lookup_host((host.as_str(), port))
            .await
            .expect("resolving the database host")
            .next()
            .expect("the database host has an address");
        Self::start(target).await
    }

    /// The address to connect to instead of the target.
    pub fn addr(&self) -> SocketAddr {
        self.listen
    }

    /// `url` rewritten to go through the proxy.
    pub fn rewrite_url(&self, url: &str) -> String {
        let scheme_end = url.find("://").map_or(0, |i| i + 3);
        let rest = &url[scheme_end..];
        let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
        let authority = &rest[..authority_end];
        let userinfo = authority
            .rsplit_once('@')
            .map(|(u, _)| format!("{u}@"))
            .unwrap_or_default();
        format!(
            "{}{userinfo}{}{}",
            &url[..scheme_end],
            self.listen,
            &rest[authority_end..]
        )
    }

    /// Closes every proxied connection and refuses new ones, as a stopped server would.
    pub fn cut(&self) {
        if let Some(tasks) = self.running.lock().expect("proxy lock").take() {
            tasks.lock().expect("proxy tasks").abort_all();
        }
    }

    /// Accepts connections again on the same address.
    pub async fn restore(&self) {
        let listener = TcpListener::bind(self.listen)
            .await
            .expect("rebinding the proxy");
        self.serve(listener);
    }

    fn serve(&self, listener: TcpListener) {
        let tasks = Arc::new(Mutex::new(JoinSet::new()));
        let target = self.target;
        let connections = tasks.clone();
        tasks.lock().expect("proxy tasks").spawn(async move {
            // Owning the listener here means aborting this task closes the port.
            while let Ok((mut inbound, _)) = listener.accept().await {
                connections.lock().expect("proxy tasks").spawn(async move {
                    if let Ok(mut outbound) = TcpStream::connect(target).await {
                        let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                    }
                });
            }
        });
        *self.running.lock().expect("proxy lock") = Some(tasks);
    }
}

impl Drop for TcpProxy {
    fn drop(&mut self) {
        self.cut();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn rewrites_host_and_port_only() {
        let proxy = TcpProxy::start("127.0.0.1:5432".parse().expect("addr")).await;
        let port = proxy.addr().port();
        assert_eq!(
            proxy.rewrite_url("postgres://u:p@db.example:5432/x?sslmode=disable"),
            format!("postgres://u:p@127.0.0.1:{port}/x?sslmode=disable")
        );
        assert_eq!(
            proxy.rewrite_url("postgres://localhost/x"),
            format!("postgres://127.0.0.1:{port}/x")
        );
    }
}
