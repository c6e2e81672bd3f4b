#!/usr/bin/env bash
# Real storage servers for vault-storage's driver tests, unprivileged on loopback, in a
# git-ignored folder (.tessera/storage): S3 (moto), FTP (pyftpdlib), SFTP (OpenSSH sshd) and
# HTTP/WebDAV (nginx with dav-ext; basic, bearer and custom-header auth, `?id=` addressing).
# Installs what is missing (PyPI into .tools/venv, Debian packages with apt-get).
#
#   scripts/storage-servers.sh start   start (or reuse) them; writes .tessera/storage/env
#   scripts/storage-servers.sh stop    stop them
#   scripts/storage-servers.sh env     print the settings tests read (TESSERA_TEST_*)
#   scripts/storage-servers.sh status  succeed when all four are running
#
# Ports come from TESSERA_STORAGE_PORT_BASE (default 47100): S3 +0, FTP +21, SFTP +22,
# HTTP +80, FTP passive range +100..+199.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$root/.tessera/storage
venv=$root/.tools/venv
base=${TESSERA_STORAGE_PORT_BASE:-47100}
s3_port=$((base)) ftp_port=$((base + 21)) sftp_port=$((base + 22)) http_port=$((base + 80))
user=$(id -un)

# Credentials of the test servers only (loopback, throwaway data).
ftp_user=tessera ftp_password=ftp-test-password
dav_user=tessera dav_password=dav-test-password
dav_token=dav-test-bearer-token dav_header=X-Api-Key dav_header_value=dav-test-header-value

install() {
  if [[ ! -x $venv/bin/moto_server || ! -x $venv/bin/python ]] \
    || ! "$venv/bin/python" -c 'import pyftpdlib' 2>/dev/null; then
    [[ -x $venv/bin/pip ]] || python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check \
      'moto[server]==5.2.5' 'pyftpdlib==2.2.0'
  fi
  local missing=()
  [[ -x /usr/sbin/sshd ]] || missing+=(openssh-server)
  [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
  [[ -e /usr/lib/nginx/modules/ngx_http_dav_ext_module.so ]] || missing+=(libnginx-mod-http-dav-ext)
  if ((${#missing[@]})); then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

running() { [[ -f $dir/$1.pid ]] && kill -0 "$(cat "$dir/$1.pid")" 2>/dev/null; }

# Refuses to start a server on a port something else holds (another checkout's servers, say).
free_port() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
    echo "storage-servers: 127.0.0.1:$1 ($2) is taken by another process; stop it or set TESSERA_STORAGE_PORT_BASE" >&2
    return 1
  fi
}

wait_port() {
  for _ in $(seq 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "storage-servers: nothing listens on 127.0.0.1:$1 ($2); see $dir/$2.log" >&2
  return 1
}

start_s3() {
  running s3 && return
  free_port "$s3_port" s3
  "$venv/bin/moto_server" -H 127.0.0.1 -p "$s3_port" >"$dir/s3.log" 2>&1 &
  echo $! >"$dir/s3.pid"
  wait_port "$s3_port" s3
  # A plain and a versioned bucket; tests may make their own as well.
  "$venv/bin/python" - "$s3_port" <<'EOF'
import sys, boto3
s3 = boto3.client("s3", endpoint_url=f"http://127.0.0.1:{sys.argv[1]}", region_name="us-east-1",
                  aws_access_key_id="tessera", aws_secret_access_key="tessera-test-secret")
for name in ("tessera", "tessera-versioned"):
    s3.create_bucket(Bucket=name)
s3.put_bucket_versioning(Bucket="tessera-versioned", VersioningConfiguration={"Status": "Enabled"})
EOF
}

start_ftp() {
  running ftp && return
  free_port "$ftp_port" ftp
  mkdir -p "$dir/ftp"
  "$venv/bin/python" -m pyftpdlib -i 127.0.0.1 -p "$ftp_port" -w -d "$dir/ftp" \
    -u "$ftp_user" -P "$ftp_password" -r "$((base + 100))-$((base + 199))" >"$dir/ftp.log" 2>&1 &
  echo $! >"$dir/ftp.pid"
  wait_port "$ftp_port" ftp
}

start_sftp() {
  running sftp && return
  free_port "$sftp_port" sftp
  mkdir -p "$dir/sftp/root" "$dir/sftp/keys"
  [[ -f $dir/sftp/host_key ]] || ssh-keygen -q -t ed25519 -N '' -f "$dir/sftp/host_key"
  [[ -f $dir/sftp/keys/client ]] || ssh-keygen -q -t ed25519 -N '' -f "$dir/sftp/keys/client"
  cp "$dir/sftp/keys/client.pub" "$dir/sftp/authorized_keys"
  chmod 600 "$dir/sftp/authorized_keys"
  echo "[127.0.0.1]:$sftp_port $(cat "$dir/sftp/host_key.pub")" >"$dir/sftp/known_hosts"
  # The SFTP driver runs `ssh` with strict host key checking against the user's known_hosts.
  mkdir -p ~/.ssh && chmod 700 ~/.ssh && touch ~/.ssh/known_hosts
  ssh-keygen -q -R "[127.0.0.1]:$sftp_port" -f ~/.ssh/known_hosts >/dev/null 2>&1 || true
  cat "$dir/sftp/known_hosts" >>~/.ssh/known_hosts
  mkdir -p /run/sshd
  cat >"$dir/sftp/sshd_config" <<EOF
ListenAddress 127.0.0.1:$sftp_port
HostKey $dir/sftp/host_key
PidFile $dir/sftp.pid
AuthorizedKeysFile $dir/sftp/authorized_keys
AllowUsers $user
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
Subsystem sftp internal-sftp
EOF
  /usr/sbin/sshd -f "$dir/sftp/sshd_config" -E "$dir/sftp.log"
  wait_port "$sftp_port" sftp
}

start_http() {
  running http && return
  free_port "$http_port" http
  mkdir -p "$dir/http/tmp" "$dir/http/root/basic" "$dir/http/root/bearer" \
    "$dir/http/root/header" "$dir/http/root/query" "$dir/http/root/public"
  printf '%s:%s\n' "$dav_user" "$(openssl passwd -apr1 "$dav_password")" >"$dir/http/htpasswd"
  local worker_user=""
  [[ $(id -u) == 0 ]] && worker_user="user root root;"
  cat >"$dir/http/nginx.conf" <<EOF
load_module /usr/lib/nginx/modules/ngx_http_dav_ext_module.so;
$worker_user
daemon on;
pid $dir/http.pid;
error_log $dir/http.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $dir/http/tmp/body;
  proxy_temp_path $dir/http/tmp/proxy;
  fastcgi_temp_path $dir/http/tmp/fastcgi;
  uwsgi_temp_path $dir/http/tmp/uwsgi;
  scgi_temp_path $dir/http/tmp/scgi;
  client_max_body_size 0;
  server {
    listen 127.0.0.1:$http_port;
    root $dir/http/root;
    dav_methods PUT DELETE MKCOL COPY MOVE;
    dav_ext_methods PROPFIND OPTIONS;
    create_full_put_path on;
    autoindex on;
    # WebDAV behind each kind of credential the driver supports.
    location /basic/ {
      auth_basic "tessera";
      auth_basic_user_file $dir/http/htpasswd;
    }
    location /bearer/ {
      if (\$http_authorization != "Bearer $dav_token") { return 401; }
    }
    location /header/ {
      if (\$http_${dav_header//-/_} != "$dav_header_value") { return 401; }
    }
    # Files named by a query parameter: /query/?id=<path>.
    location = /query/ {
      if (\$arg_id = "") { return 400; }
      rewrite ^ /query-files/\$arg_id last;
    }
    location /query-files/ {
      internal;
      alias $dir/http/root/query/;
    }
    # Plain HTTP, read-only: files are put here by an operator (admin import).
    location /public/ {
      limit_except GET HEAD { deny all; }
    }
  }
}
EOF
  /usr/sbin/nginx -e "$dir/http.log" -c "$dir/http/nginx.conf"
  wait_port "$http_port" http
}

print_env() {
  cat <<EOF
TESSERA_TEST_S3_ENDPOINT=http://127.0.0.1:$s3_port
TESSERA_TEST_S3_ACCESS_KEY=tessera
TESSERA_TEST_S3_SECRET_KEY=tessera-test-secret
TESSERA_TEST_FTP=127.0.0.1:$ftp_port
TESSERA_TEST_FTP_USER=$ftp_user
TESSERA_TEST_FTP_PASSWORD=$ftp_password
TESSERA_TEST_SFTP=127.0.0.1:$sftp_port
TESSERA_TEST_SFTP_USER=$user
TESSERA_TEST_SFTP_KEY=$dir/sftp/keys/client
TESSERA_TEST_SFTP_KNOWN_HOSTS=$dir/sftp/known_hosts
TESSERA_TEST_SFTP_ROOT=$dir/sftp/root
TESSERA_TEST_HTTP=http://127.0.0.1:$http_port
TESSERA_TEST_HTTP_ROOT=$dir/http/root
TESSERA_TEST_HTTP_USER=$dav_user
TESSERA_TEST_HTTP_PASSWORD=$dav_password
TESSERA_TEST_HTTP_TOKEN=$dav_token
TESSERA_TEST_HTTP_HEADER=$dav_header
TESSERA_TEST_HTTP_HEADER_VALUE=$dav_header_value
EOF
}

stop_all() {
  for name in s3 ftp sftp http; do
    if running "$name"; then kill "$(cat "$dir/$name.pid")" 2>/dev/null || true; fi
    rm -f "$dir/$name.pid"
  done
}

mkdir -p "$dir"
case "${1:-start}" in
  start)
    install
    start_s3
    start_ftp
    start_sftp
    start_http
    print_env >"$dir/env"
    echo "storage-servers: S3 :$s3_port, FTP :$ftp_port, SFTP :$sftp_port, HTTP/WebDAV :$http_port (settings in $dir/env)"
    ;;
  stop) stop_all ;;
  status) running s3 && running ftp && running sftp && running http ;;
  env) print_env ;;
  *)
    echo "usage: $0 start|stop|env|status" >&2
    exit 2
    ;;
esac
