# Scenarios j-m of bench/run: Satchel against peers measured in the same run (sourced by bench/run,
# which provides rec, log, wrk_run, upload, download, start_satchel, ... and the run's globals).
#
#   j. small files and hot links (issue #13): wrk rates against nginx, /q/health/live and the tus
#      peer; 256 MiB upload against cp+sync and the tus peer; 256 MiB download against nginx
#   k. rate limiter cost (issue #14): cached GET /files/{id} with the limiter on vs off, local and
#      Redis buckets, two instances side by side, alternated rounds
#   l. S3 upload (issue #13): POST /upload on STORAGE_TYPE=s3 vs `aws s3 cp`, same S3Proxy
#   m. resumable upload (issue #16): /uploads in 5 MiB chunks vs POST /upload vs the tus peer
#
# Every peer started here (tus peer, S3Proxy, a second Satchel) is stopped by bench/run's cleanup.

TUS_PEER_SRC=$BENCH_DIR/tus-peer           # package.json + lock (pinned), server.mjs, upload.mjs
TUS_PEER_DIR=$BENCH_DIR/work/tus-peer       # npm ci target, reused by later runs
S3PROXY_VERSION=2.6.0
S3PROXY_JAR=$BENCH_DIR/work/s3proxy/s3proxy-$S3PROXY_VERSION-jar-with-dependencies.jar
S3_KEY=satchel-bench S3_SECRET=satchel-bench-secret
CHUNK_BYTES=$((5 * 1048576))                # tus chunk size of scenario m (S3's minimum part size)
BIG_BYTES=268435456
# k: a limit no bench load reaches; an hour-long window keeps the Redis buckets (TTL = window) countable.
RL_ON=1000000000/1h
TUS_BASE="" TUS_STATUS=""
declare -gA FILE_ID=()                      # filled by scenario a; k falls back to it

# ---------------------------------------------------------------------------------------------
# Peers

# The tus peer: @tus/server 2.4.5 + @tus/file-store 2.1.1 on node (>= 20.19), installed with
# `npm ci` from bench/tus-peer/package-lock.json into bench/work/tus-peer. Sets TUS_BASE or TUS_STATUS.
start_tus_peer() {
  [ -n "$TUS_PID" ] && kill -0 "$TUS_PID" 2>/dev/null && return 0
  local v port i
  v=$(node --version 2>/dev/null || true)
  if [ -z "$v" ] || ! printf '%s\n%s\n' v20.19.0 "$v" | sort -VC; then
    TUS_STATUS="not available: node >= 20.19 needed for @tus/server 2.4.5 (found ${v:-none})"; return 1
  fi
  mkdir -p "$TUS_PEER_DIR"
  if ! cmp -s "$TUS_PEER_SRC/package-lock.json" "$TUS_PEER_DIR/package-lock.json" \
      || [ ! -d "$TUS_PEER_DIR/node_modules/@tus/server" ]; then
    log "installing the tus peer (npm ci, pinned versions)"
    cp "$TUS_PEER_SRC/package.json" "$TUS_PEER_SRC/package-lock.json" "$TUS_PEER_DIR/"
    (cd "$TUS_PEER_DIR" && timeout 600 npm ci --no-audit --no-fund) >"$WORK/logs/npm-tus-peer.log" 2>&1 || {
      rm -f "$TUS_PEER_DIR/package-lock.json"
      TUS_STATUS="not available: npm ci failed (logs/npm-tus-peer.log)"; return 1; }
  fi
  cp "$TUS_PEER_SRC"/*.mjs "$TUS_PEER_DIR/"
  mkdir -p "$WORK/tus-store"
  port=$(free_port)
  node "$TUS_PEER_DIR/server.mjs" "$port" "$WORK/tus-store" >"$WORK/logs/tus-peer.log" 2>&1 &
  TUS_PID=$!
  for i in $(seq 1 100); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 -X OPTIONS "http://127.0.0.1:$port/files" || true)" = 204 ]; then
      TUS_BASE=http://127.0.0.1:$port
      rec meta.tus_peer "@tus/server $(node -p "require('$TUS_PEER_DIR/node_modules/@tus/server/package.json').version"), @tus/file-store $(node -p "require('$TUS_PEER_DIR/node_modules/@tus/file-store/package.json').version"), node $v"
      return 0
    fi
    kill -0 "$TUS_PID" 2>/dev/null || break
    sleep 0.1
  done
  stop_pid "$TUS_PID" tus-peer 10; TUS_PID=""
  TUS_STATUS="not available: the tus peer did not start (logs/tus-peer.log)"
  return 1
}

# tus_single_patch FILE → "code seconds": creation (POST, Upload-Length) then the whole file in one
# PATCH, curl streaming it from disk; the time covers both requests.
tus_single_patch() {
  local f=$1 size t0 loc code
  size=$(stat -c %s "$f")
  t0=$(now_us)
  loc=$(curl -s -D - -o /dev/null --max-time 30 -X POST -H 'Tus-Resumable: 1.0.0' -H "Upload-Length: $size" \
    "$TUS_BASE/files" | tr -d '\r' | awk 'tolower($1) == "location:" { print $2 }')
  [ -n "$loc" ] || { echo "000 0"; return 0; }
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time "$TRANSFER_TIMEOUT" -X PATCH -T "$f" -H 'Expect:' \
    -H 'Tus-Resumable: 1.0.0' -H 'Upload-Offset: 0' -H 'Content-Type: application/offset+octet-stream' "$loc" || echo 000)
  echo "$code $(secs_since "$t0")"
}

# tus_js_upload ENDPOINT FILE [TOKEN] → "ok seconds file_id" or "failed 0 -": tus-js-client 4.3.1,
# CHUNK_BYTES per PATCH.
tus_js_upload() {
  local out
  out=$(timeout "$TRANSFER_TIMEOUT" node "$TUS_PEER_DIR/upload.mjs" "$1" "$2" "$CHUNK_BYTES" ${3:+"$3"} \
    2>>"$WORK/logs/tus-js-client.log" | grep '^TUS_RESULT' || true)
  if [ -z "$out" ]; then echo "failed 0 -"; return 0; fi
  local secs id
  secs=$(sed -E 's/.* seconds=([0-9.]+).*/\1/' <<<"$out")
  id=$(sed -E 's/.* file_id=([^ ]*).*/\1/' <<<"$out")
  echo "ok $secs $id"
}

# cp + sync of FILE onto the blob file system → seconds (sync FILE: fsync of that file only).
cp_sync() {
  local t0 dst=$WORK/blobs-dd/cp-sync.bin
  t0=$(now_us)
  cp "$1" "$dst" && sync "$dst"
  secs_since "$t0"
  rm -f "$dst"
}

# nginx_put FILE → seconds of one PUT of FILE to nginx's DAV location (prints nothing if it fails
# or nginx lacks the module): what the fastest HTTP server here takes to receive the same bytes into
# a file, with no hash, no multipart and no fsync. A reference, not a goal.
nginx_put() {
  local t0 code
  t0=$(now_us)
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time "$TRANSFER_TIMEOUT" -T "$1" -H 'Expect:' \
    "http://127.0.0.1:$NGINX_PORT/put/big.bin" || echo 000)
  case $code in 201|204) secs_since "$t0" ;; esac
  rm -f "$WORK/www/put/big.bin"
}

ensure_big_file() { # the 256 MiB random file of j, l and m, also served by nginx
  [ -f "$WORK/data/p-256MiB.bin" ] && return 0
  head -c "$BIG_BYTES" /dev/urandom >"$WORK/data/p-256MiB.bin"
  ln -f "$WORK/data/p-256MiB.bin" "$WORK/www/p-256MiB.bin"
}

# Satchel on the main configuration (CACHE_TYPE=memory, --storage, no encryption), logged in. Scenarios
# d and i leave it on whatever cache came last (none, in the default order), so restart unless memory.
ensure_main_satchel() {
  if [ -z "$SATCHEL_PID" ] || ! kill -0 "$SATCHEL_PID" 2>/dev/null || [ ${#EXTRA_ENV[@]} -gt 0 ] \
      || [ "${CURRENT_CACHE:-}" != memory ] || [ -n "${ENCRYPTION_KEYS:-}" ]; then
    stop_satchel; EXTRA_ENV=() ENCRYPTION_KEYS=""
    start_satchel memory x-main || return 1
    CURRENT_CACHE=memory
  fi
  TOKEN=$(api_login "$UPLOADER_EMAIL"); [ -n "$TOKEN" ]
}

# wrk_measure KEY LUA URL: warm-up then measurement, same settings as scenario d.
wrk_measure() {
  wrk_run "$1.warmup" "$2" "$3" "$GET_CONNECTIONS" "$WRK_WARMUP"
  wrk_run "$1" "$2" "$3" "$GET_CONNECTIONS" "$WRK_SECONDS"
}

# Brings both JIT runtimes (Satchel's JVM, the tus peer's V8) to steady state on every small-file
# path of scenario j before any rate is taken. Without it the first rows measured the compiler: a
# 2 s warm-up left C2 compiling on 2 cores (25-35 % of Satchel's CPU samples in async-profiler), so
# the 64 KiB owner download read 5,582 req/s in a quick run and 19,704 req/s warm (same jar,
# 2026-11-29). nginx has no JIT and needs none. A fixed time per path was not enough for uploads,
# whose path is longest: 8 s rounds on a fresh JVM read 173, 354, 545, 641, 892, 1,023, 1,022,
# 1,101 uploads/s (2026-11-30), so the quick run's 8 s measured Satchel at half its steady rate.
# So each path runs rounds of PEERS_JIT_WARMUP seconds until two rounds in a row agree within
# PEERS_STEADY_PERCENT, at most PEERS_JIT_ROUNDS rounds; the report lists every round's rate.
peers_jit_warmup() {
  local f=$WORK/data/p-warmup.bin r code id token
  head -c 65536 /dev/urandom >"$f"
  r=$(upload "$f" peer-warmup.bin); read -r code _ id <<<"$r"
  [ "$code" = 201 ] || { log "j. warm-up upload answered HTTP $code"; return 0; }
  token=$(curl -s --max-time 30 -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{}' "$BASE/files/$id/share" | jq -r '.token // empty' || true)
  log "j. JIT warm-up: rounds of ${PEERS_JIT_WARMUP}s on each Satchel path and on the tus peer until steady"
  warm_until_steady peers.jit.content "$LIB/get-auth.lua" "$BASE/files/$id/content"
  [ -n "$token" ] && warm_until_steady peers.jit.share "$LIB/plain.lua" "$BASE/share/$token"
  warm_until_steady peers.jit.meta "$LIB/get-auth.lua" "$BASE/files/$id"
  BENCH_UPLOAD_FILE=$f warm_until_steady peers.jit.upload "$LIB/upload-multipart.lua" "$BASE/upload"
  [ -n "$TUS_BASE" ] && BENCH_UPLOAD_FILE=$f warm_until_steady peers.jit.tus "$LIB/tus-create.lua" "$TUS_BASE/files"
  rm -rf "$WORK/tus-store"/* 2>/dev/null || true
  return 0
}

# warm_until_steady KEY LUA URL: wrk rounds of PEERS_JIT_WARMUP s until the last two rates differ
# by less than PEERS_STEADY_PERCENT of the earlier one (or PEERS_JIT_ROUNDS rounds ran); records
# KEY.rounds (every round's req/s, comma separated) and KEY.steady (yes/no).
warm_until_steady() {
  local key=$1 lua=$2 url=$3 i rps prev="" rates="" steady=no
  for i in $(seq 1 "$PEERS_JIT_ROUNDS"); do
    wrk_run "$key.r$i" "$lua" "$url" "$GET_CONNECTIONS" "$PEERS_JIT_WARMUP"
    rps=$(grep '^WRK_RESULT' "$WORK/logs/wrk-$key.r$i.txt" | tail -n 1 | grep -o 'rps=[0-9.]*' | cut -d= -f2 || true)
    [ -n "$rps" ] || break
    rates=${rates:+$rates,}${rps%.*}
    if [ -n "$prev" ] && awk -v a="$prev" -v b="$rps" -v p="$PEERS_STEADY_PERCENT" \
        'BEGIN { d = b - a; if (d < 0) d = -d; exit !(a > 0 && d * 100 < a * p) }'; then
      steady=yes; break
    fi
    prev=$rps
  done
  rec "$key.seconds" "$PEERS_JIT_WARMUP"
  rec "$key.rounds" "$rates"
  rec "$key.steady" "$steady"
}

# alternate_uploads LABEL: Satchel's POST /upload and the tus peer in PEERS_UPLOAD_ROUNDS
# alternated rounds, each after a `sync`, so a drift of the machine (the host's write cache, C2
# finishing a compile) or the peer's deferred writeback (it never fsyncs, so the kernel writes its
# bytes back during whatever runs next) does not land on one side only; each side's row is its
# median round (KEY.rounds lists all).
alternate_uploads() {
  local label=$1 i
  wrk_run "peers.upload.$label.warmup" "$LIB/upload-multipart.lua" "$BASE/upload" "$GET_CONNECTIONS" "$WRK_WARMUP"
  [ -n "$TUS_BASE" ] && wrk_run "peers.tus.$label.warmup" "$LIB/tus-create.lua" "$TUS_BASE/files" "$GET_CONNECTIONS" "$WRK_WARMUP"
  for i in $(seq 1 "$PEERS_UPLOAD_ROUNDS"); do
    sync
    wrk_run "peers.upload.$label.r$i" "$LIB/upload-multipart.lua" "$BASE/upload" "$GET_CONNECTIONS" "$WRK_SECONDS"
    if [ -n "$TUS_BASE" ]; then
      sync
      wrk_run "peers.tus.$label.r$i" "$LIB/tus-create.lua" "$TUS_BASE/files" "$GET_CONNECTIONS" "$WRK_SECONDS"
    fi
  done
  promote_median "peers.upload.$label" "$PEERS_UPLOAD_ROUNDS"
  [ -n "$TUS_BASE" ] && promote_median "peers.tus.$label" "$PEERS_UPLOAD_ROUNDS"
  return 0
}

# promote_median KEY N: copies every field of the round KEY.rI with the median rps to KEY.<field>
# and lists all rounds' rates in KEY.rounds.
promote_median() {
  local key=$1 n=$2 i rates="" pick
  for i in $(seq 1 "$n"); do
    rates="$rates $(awk -F'\t' -v k="$key.r$i.rps" '$1 == k { v = $2 } END { print v + 0 }' "$RESULTS"):$i"
  done
  pick=$(tr ' ' '\n' <<<"$rates" | grep . | sort -t: -k1,1n | sed -n "$(( (n + 1) / 2 ))p" | cut -d: -f2)
  rec "$key.rounds" "$(tr ' ' '\n' <<<"$rates" | grep . | cut -d: -f1 | xargs printf '%.0f,' | sed 's/,$//')"
  awk -F'\t' -v p="$key.r$pick." 'index($1, p) == 1 { print substr($1, length(p) + 1) "\t" $2 }' "$RESULTS" \
    | while IFS=$'\t' read -r field value; do rec "$key.$field" "$value"; done
}

# ---------------------------------------------------------------------------------------------
# j. Small files and hot links against nginx, /q/health/live and the tus peer (issue #13).
scenario_peers() {
  local spec label bytes f r code id token got i
  log "j. small files and hot links vs nginx, /q/health/live and the tus peer"
  ensure_main_satchel || { rec peers.status "Satchel did not start"; return 0; }
  rec peers.cache "$CURRENT_CACHE"
  start_tus_peer || log "j. $TUS_STATUS"
  rec peers.tus_status "${TUS_STATUS:-ok}"
  export BENCH_TOKEN=$TOKEN
  peers_jit_warmup
  local meta_id=""
  for spec in 64KiB:65536 1MiB:1048576; do
    IFS=: read -r label bytes <<<"$spec"
    f=$WORK/data/p-$label.bin
    head -c "$bytes" /dev/urandom >"$f"; ln -f "$f" "$WORK/www/p-$label.bin"
    r=$(upload "$f" "peer-$label.bin"); read -r code _ id <<<"$r"
    if [ "$code" != 201 ]; then rec "peers.$label.error" "upload answered HTTP $code"; continue; fi
    meta_id=${meta_id:-$id}
    token=$(curl -s --max-time 30 -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      -d '{}' "$BASE/files/$id/share" | jq -r '.token // empty' || true)
    # Probes: each URL answers 200 with all bytes before it is measured (no 429, no 404).
    got=$(download "$BASE/files/$id/content" auth); rec "peers.$label.probe_content" "$got"
    [ -n "$token" ] && { got=$(download "$BASE/share/$token"); rec "peers.$label.probe_share" "$got"; }
    rec "peers.$label.share_token" "${token:-none}"

    log "j. $label downloads: nginx, /files/{id}/content, /share/{token} (wrk, $GET_CONNECTIONS connections)"
    wrk_measure "peers.nginx.$label" "$LIB/plain.lua" "http://127.0.0.1:$NGINX_PORT/p-$label.bin"
    wrk_measure "peers.content.$label" "$LIB/get-auth.lua" "$BASE/files/$id/content"
    [ -n "$token" ] && wrk_measure "peers.share.$label" "$LIB/plain.lua" "$BASE/share/$token"
    [ -n "$token" ] && rec "peers.$label.share_count" "$(curl -s --max-time 10 -H "Authorization: Bearer $TOKEN" \
      "$BASE/files/$id/shares" | jq -c '[.. | .download_count? // empty]' 2>/dev/null || echo '?')"

    log "j. $label uploads: POST /upload vs tus creation-with-upload (wrk)"
    export BENCH_UPLOAD_FILE=$f
    alternate_uploads "$label"
    rm -rf "$WORK/tus-store"/* 2>/dev/null || true
  done
  if [ -n "$meta_id" ]; then
    log "j. cached GET /files/{id} vs GET /q/health/live (wrk)"
    wrk_measure peers.meta "$LIB/get-auth.lua" "$BASE/files/$meta_id"
    wrk_measure peers.health "$LIB/plain.lua" "$BASE/q/health/live"
    PEER_META_ID=$meta_id
  fi

  log "j. 256 MiB: POST /upload vs cp+sync vs tus peer (single PATCH), download vs nginx, x$BIG_REPS"
  ensure_big_file
  f=$WORK/data/p-256MiB.bin
  rec peers.big.bytes "$BIG_BYTES"; rec peers.big.reps "$BIG_REPS"
  : >"$WORK/tmp/big-up.txt"; : >"$WORK/tmp/big-cp.txt"; : >"$WORK/tmp/big-tus.txt"; : >"$WORK/tmp/big-put.txt"
  local big_id="" errors=0
  for i in $(seq 1 "$BIG_REPS"); do
    r=$(upload "$f" "peer-256MiB-$i.bin"); read -r code got id <<<"$r"
    if [ "$code" = 201 ]; then echo "$got" >>"$WORK/tmp/big-up.txt"; big_id=$id; else errors=$((errors + 1)); fi
    cp_sync "$f" >>"$WORK/tmp/big-cp.txt"
    nginx_put "$f" >>"$WORK/tmp/big-put.txt"
    if [ -n "$TUS_BASE" ]; then
      r=$(tus_single_patch "$f"); read -r code got <<<"$r"
      if [ "$code" = 204 ]; then echo "$got" >>"$WORK/tmp/big-tus.txt"; else errors=$((errors + 1)); log "j. tus PATCH: HTTP $code"; fi
      rm -rf "$WORK/tus-store"/* 2>/dev/null || true
    fi
  done
  rec peers.big.errors "$errors"
  [ -s "$WORK/tmp/big-up.txt" ] && rec peers.big.upload_s "$(median <"$WORK/tmp/big-up.txt")"
  rec peers.big.cp_s "$(median <"$WORK/tmp/big-cp.txt")"
  [ -s "$WORK/tmp/big-tus.txt" ] && rec peers.big.tus_s "$(median <"$WORK/tmp/big-tus.txt")"
  [ -s "$WORK/tmp/big-put.txt" ] && rec peers.big.nginx_put_s "$(median <"$WORK/tmp/big-put.txt")"
  if [ -n "$big_id" ]; then
    : >"$WORK/tmp/big-dl.txt"; : >"$WORK/tmp/big-ng.txt"
    download "$BASE/files/$big_id/content" auth >/dev/null; download "http://127.0.0.1:$NGINX_PORT/p-256MiB.bin" >/dev/null
    for i in $(seq 1 "$BIG_REPS"); do
      r=$(download "$BASE/files/$big_id/content" auth); read -r code got bytes <<<"$r"
      [ "$code" = 200 ] && [ "$bytes" = "$BIG_BYTES" ] && echo "$got" >>"$WORK/tmp/big-dl.txt"
      r=$(download "http://127.0.0.1:$NGINX_PORT/p-256MiB.bin"); read -r code got bytes <<<"$r"
      [ "$code" = 200 ] && [ "$bytes" = "$BIG_BYTES" ] && echo "$got" >>"$WORK/tmp/big-ng.txt"
    done
    [ -s "$WORK/tmp/big-dl.txt" ] && rec peers.big.download_s "$(median <"$WORK/tmp/big-dl.txt")"
    [ -s "$WORK/tmp/big-ng.txt" ] && rec peers.big.nginx_s "$(median <"$WORK/tmp/big-ng.txt")"
  fi
  unset BENCH_UPLOAD_FILE
  return 0
}

# ---------------------------------------------------------------------------------------------
# m. Resumable upload (issue #16): 256 MiB through Satchel's /uploads with tus-js-client in 5 MiB
# chunks vs POST /upload of the same file vs the tus peer with the same client and chunks.
scenario_resumable() {
  local hdr code i r ok secs id
  log "m. resumable 256 MiB upload (tus, 5 MiB chunks)"
  ensure_main_satchel || { rec resumable.status "Satchel did not start"; return 0; }
  code=$(curl -s -o /dev/null -D "$WORK/tmp/options-uploads.txt" -w '%{http_code}' --max-time 10 -X OPTIONS \
    -H 'Tus-Resumable: 1.0.0' "$BASE/uploads" || echo 000)
  hdr=$(tr -d '\r' <"$WORK/tmp/options-uploads.txt" | awk 'tolower($1) == "tus-resumable:" { print $2 }')
  if [ -z "$hdr" ]; then
    rec resumable.status "not available: OPTIONS /uploads answered HTTP $code without Tus-Resumable (this build has no tus endpoint)"
    log "m. /uploads not available in this build (HTTP $code); skipped"
    return 0
  fi
  start_tus_peer || { rec resumable.status "$TUS_STATUS"; return 0; }
  rec resumable.status ok
  rec resumable.extensions "$(tr -d '\r' <"$WORK/tmp/options-uploads.txt" | awk 'tolower($1) == "tus-extension:" { print $2 }')"
  rec resumable.chunk_bytes "$CHUNK_BYTES"; rec resumable.reps "$BIG_REPS"; rec resumable.bytes "$BIG_BYTES"
  ensure_big_file
  local f=$WORK/data/p-256MiB.bin
  : >"$WORK/tmp/res-satchel.txt"; : >"$WORK/tmp/res-post.txt"; : >"$WORK/tmp/res-peer.txt"
  local errors=0
  for i in $(seq 1 "$BIG_REPS"); do
    r=$(tus_js_upload "$BASE/uploads" "$f" "$TOKEN"); read -r ok secs id <<<"$r"
    if [ "$ok" = ok ]; then echo "$secs" >>"$WORK/tmp/res-satchel.txt"; rec resumable.file_id "$id"
    else errors=$((errors + 1)); log "m. Satchel /uploads failed (logs/tus-js-client.log)"; fi
    r=$(upload "$f" "resumable-post-$i.bin"); read -r code secs _ <<<"$r"
    [ "$code" = 201 ] && echo "$secs" >>"$WORK/tmp/res-post.txt" || errors=$((errors + 1))
    r=$(tus_js_upload "$TUS_BASE/files/" "$f"); read -r ok secs _ <<<"$r"
    [ "$ok" = ok ] && echo "$secs" >>"$WORK/tmp/res-peer.txt" || errors=$((errors + 1))
    rm -rf "$WORK/tus-store"/* 2>/dev/null || true
  done
  rec resumable.errors "$errors"
  [ -s "$WORK/tmp/res-satchel.txt" ] && rec resumable.satchel_s "$(median <"$WORK/tmp/res-satchel.txt")"
  [ -s "$WORK/tmp/res-post.txt" ] && rec resumable.post_s "$(median <"$WORK/tmp/res-post.txt")"
  [ -s "$WORK/tmp/res-peer.txt" ] && rec resumable.peer_s "$(median <"$WORK/tmp/res-peer.txt")"
  # The completed upload is a file with the right size (Satchel-File-Id of the last PATCH).
  id=$(awk -F'\t' '$1 == "resumable.file_id" { v = $2 } END { print v }' "$RESULTS")
  [ -n "$id" ] && [ "$id" != - ] && rec resumable.file_size "$(curl -s --max-time 10 -H "Authorization: Bearer $TOKEN" \
    "$BASE/files/$id" | jq -r '.size // "?"' 2>/dev/null || echo '?')"
  return 0
}

# ---------------------------------------------------------------------------------------------
# l. S3 upload (issue #13): 256 MiB POST /upload with STORAGE_TYPE=s3 vs `aws s3 cp` of the same file
# to the same S3Proxy (filesystem backend in the run dir), alternated.
ensure_s3proxy() { # S3Proxy's jar-with-dependencies from Maven Central, through the project's Maven wrapper
  [ -f "$S3PROXY_JAR" ] && return 0
  log "downloading S3Proxy $S3PROXY_VERSION (jar-with-dependencies) with ./mvnw dependency:copy"
  (cd "$REPO_DIR" && timeout 600 ./mvnw -B -q -N dependency:copy \
    -Dartifact="org.gaul:s3proxy:$S3PROXY_VERSION:jar:jar-with-dependencies" \
    -DoutputDirectory="$(dirname "$S3PROXY_JAR")") >"$WORK/logs/s3proxy-download.log" 2>&1
  [ -f "$S3PROXY_JAR" ]
}

start_s3proxy() { # sets S3PROXY_ENDPOINT
  local port i code
  ensure_s3proxy || return 1
  port=$(free_port)
  mkdir -p "$WORK/s3"
  cat >"$WORK/tmp/s3proxy.conf" <<EOF
s3proxy.endpoint=http://127.0.0.1:$port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$S3_KEY
s3proxy.credential=$S3_SECRET
jclouds.provider=filesystem
jclouds.filesystem.basedir=$WORK/s3
EOF
  "$JAVA" -jar "$S3PROXY_JAR" --properties "$WORK/tmp/s3proxy.conf" >"$WORK/logs/s3proxy.log" 2>&1 &
  S3PROXY_PID=$!
  for i in $(seq 1 600); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$port/" || true)
    if [ -n "$code" ] && [ "$code" != 000 ]; then S3PROXY_ENDPOINT=http://127.0.0.1:$port; return 0; fi
    kill -0 "$S3PROXY_PID" 2>/dev/null || break
    sleep 0.1
  done
  stop_pid "$S3PROXY_PID" s3proxy 10; S3PROXY_PID=""
  return 1
}

aws_cli() { # the AWS CLI against the bench's S3Proxy (checksums only when required: S3Proxy has none)
  AWS_ACCESS_KEY_ID=$S3_KEY AWS_SECRET_ACCESS_KEY=$S3_SECRET AWS_DEFAULT_REGION=us-east-1 \
  AWS_REQUEST_CHECKSUM_CALCULATION=when_required AWS_RESPONSE_CHECKSUM_VALIDATION=when_required \
  AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null \
    timeout "$TRANSFER_TIMEOUT" "$AWS" --endpoint-url "$S3PROXY_ENDPOINT" "$@"
}

scenario_s3() {
  local i r code secs t0
  log "l. S3 upload: POST /upload (STORAGE_TYPE=s3) vs aws s3 cp, same S3Proxy"
  AWS=$(command -v aws || true)
  [ -n "$AWS" ] || { [ -x /usr/bin/aws ] && AWS=/usr/bin/aws; }
  if [ -z "$AWS" ]; then rec s3up.status "not available: no aws CLI (Debian awscli or pip awscli)"; return 0; fi
  if ! start_s3proxy; then rec s3up.status "not available: S3Proxy did not start (logs/s3proxy*.log)"; return 0; fi
  rec s3up.awscli "$("$AWS" --version 2>&1 | head -n 1)"
  rec s3up.s3proxy "S3Proxy $S3PROXY_VERSION, jclouds filesystem backend in the run dir"
  stop_satchel
  EXTRA_ENV=(STORAGE_TYPE=s3 S3_ENDPOINT="$S3PROXY_ENDPOINT" S3_BUCKET_NAME=satchel-bench-s3 S3_CREATE_BUCKET=true
    AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID="$S3_KEY" AWS_SECRET_ACCESS_KEY="$S3_SECRET"
    QUARKUS_S3_CHECKSUM_VALIDATION=false)
  if ! start_satchel memory x-s3; then
    rec s3up.status "not available: Satchel did not start on S3 (logs/satchel-x-s3.log)"
    EXTRA_ENV=(); stop_pid "$S3PROXY_PID" s3proxy 20; S3PROXY_PID=""; return 0
  fi
  TOKEN=$(api_login "$UPLOADER_EMAIL")
  if ! aws_cli s3 mb s3://awscli-bench >"$WORK/logs/awscli.log" 2>&1; then
    rec s3up.status "not available: aws s3 mb failed (logs/awscli.log)"
  else
    rec s3up.status ok
    ensure_big_file
    local f=$WORK/data/p-256MiB.bin errors=0
    rec s3up.bytes "$BIG_BYTES"; rec s3up.reps "$BIG_REPS"
    : >"$WORK/tmp/s3-satchel.txt"; : >"$WORK/tmp/s3-aws.txt"
    # Satchel runs on a fresh JVM here: one untimed 256 MiB transfer per side first, so the timed
    # ones measure S3 and not C2 compiling the S3 path (the aws CLI gets the same, for its page cache).
    r=$(upload "$f" s3-warmup.bin); rec s3up.warmup "$r"
    aws_cli s3 cp --only-show-errors "$f" "s3://awscli-bench/warmup" >>"$WORK/logs/awscli.log" 2>&1 || true
    for i in $(seq 1 "$BIG_REPS"); do
      r=$(upload "$f" "s3-256MiB-$i.bin"); read -r code secs _ <<<"$r"
      if [ "$code" = 201 ]; then echo "$secs" >>"$WORK/tmp/s3-satchel.txt"; else errors=$((errors + 1)); log "l. upload HTTP $code"; fi
      t0=$(now_us)
      if aws_cli s3 cp --only-show-errors "$f" "s3://awscli-bench/obj-$i" >>"$WORK/logs/awscli.log" 2>&1; then
        secs_since "$t0" >>"$WORK/tmp/s3-aws.txt"
      else errors=$((errors + 1)); log "l. aws s3 cp failed (logs/awscli.log)"; fi
    done
    rec s3up.errors "$errors"
    [ -s "$WORK/tmp/s3-satchel.txt" ] && rec s3up.satchel_s "$(median <"$WORK/tmp/s3-satchel.txt")"
    [ -s "$WORK/tmp/s3-aws.txt" ] && rec s3up.aws_s "$(median <"$WORK/tmp/s3-aws.txt")"
  fi
  stop_satchel; EXTRA_ENV=() CURRENT_CACHE=""
  stop_pid "$S3PROXY_PID" s3proxy 20; S3PROXY_PID=""
  rm -rf "$WORK/s3"
  ensure_main_satchel || log "l. Satchel did not restart on the main configuration"
  return 0
}

# ---------------------------------------------------------------------------------------------
# k. Rate limiter cost (issue #14): cached GET /files/{id}, two instances side by side on one
# database (limiter on with a limit nothing reaches, limiter off), wrk alternating between them
# for RL_ROUNDS rounds (the order flips every round); once with CACHE_TYPE=memory (local buckets),
# once with CACHE_TYPE=redis (buckets in Redis). Ratio = median on ÷ median off.
rl_env() { # on|off: the limiter variables of one instance of scenario k
  if [ "$1" = on ]; then EXTRA_ENV=(SATCHEL_RATE_LIMIT_AUTHENTICATED="$RL_ON" SATCHEL_RATE_LIMIT_ANONYMOUS="$RL_ON")
  else EXTRA_ENV=(SATCHEL_RATE_LIMIT_AUTHENTICATED=off SATCHEL_RATE_LIMIT_ANONYMOUS=off); fi
}

rl_policy() { # URL → its RateLimit-Policy field, "none" when the 200 has none, or "HTTP <code>"
  local i code
  for i in 1 2 3; do   # a just-started JVM on a loaded machine may need more than one try
    code=$(curl -s -D "$WORK/tmp/rl-headers.txt" -o /dev/null -w '%{http_code}' --max-time 30 \
      -H "Authorization: Bearer $TOKEN" "$1" || echo 000)
    [ "$code" = 200 ] && break
  done
  if [ "$code" != 200 ]; then echo "HTTP $code"; return 0; fi
  tr -d '\r' <"$WORK/tmp/rl-headers.txt" | grep -i '^ratelimit-policy:' | cut -c1-120 | grep . || echo none
}

scenario_ratelimit() {
  local cache mode round id port2 base_main=$BASE port_main=$PORT on_port off_port
  id=${PEER_META_ID:-${FILE_ID[1MiB]:-}}
  ensure_main_satchel || { rec rl.status "Satchel did not start"; return 0; }
  if [ -z "$id" ]; then
    local r code; r=$(upload "$WORK/data/4MiB.bin" rl.bin); read -r code _ id <<<"$r"
    [ "$code" = 201 ] || { rec rl.status "no file to read (upload HTTP $code)"; return 0; }
  fi
  stop_satchel
  rec rl.rounds "$RL_ROUNDS"; rec rl.limit "$RL_ON"
  for cache in memory redis; do
    log "k. rate limiter on vs off, CACHE_TYPE=$cache, $RL_ROUNDS alternated rounds"
    [ "$cache" = redis ] && REDIS_USED=1
    port2=$(free_port)
    # Both instances run before anything is measured: the first on the main port, the second on
    # another. Which one starts first flips with the cache type (memory: on first; redis: off first),
    # so the start order cannot favour one mode in both passes.
    local first=on second=off
    [ "$cache" = redis ] && first=off second=on
    if [ "$first" = on ]; then on_port=$port_main off_port=$port2; else on_port=$port2 off_port=$port_main; fi
    rec "rl.$cache.started_first" "$first"
    rl_env "$first"
    if ! start_satchel "$cache" "x-rl-$cache-$first"; then
      rec "rl.$cache.status" "not available: Satchel ($first) did not start"; EXTRA_ENV=(); continue
    fi
    local pid_first=$SATCHEL_PID
    PORT=$port2 BASE=http://127.0.0.1:$port2
    rl_env "$second"
    if ! start_satchel "$cache" "x-rl-$cache-$second"; then
      PORT=$port_main BASE=$base_main SATCHEL_PID=$pid_first; stop_satchel
      rec "rl.$cache.status" "not available: Satchel ($second) did not start"; EXTRA_ENV=(); continue
    fi
    SATCHEL2_PID=$SATCHEL_PID SATCHEL_PID=$pid_first
    PORT=$port_main BASE=$base_main EXTRA_ENV=()
    TOKEN=$(api_login "$UPLOADER_EMAIL"); export BENCH_TOKEN=$TOKEN
    local url_on="http://127.0.0.1:$on_port/files/$id" url_off="http://127.0.0.1:$off_port/files/$id"
    rec "rl.$cache.header_on" "$(rl_policy "$url_on")"
    rec "rl.$cache.header_off" "$(rl_policy "$url_off")"
    rec "rl.$cache.status" ok
    # Two fresh JVMs: warm both up in alternation until the JIT has settled (one short warm-up each
    # left the first measured round at a fraction of the last on a loaded machine).
    local w warm=$(( WRK_WARMUP < 5 ? 5 : WRK_WARMUP ))
    for w in 1 2; do
      wrk_run "rl.$cache.on.warmup$w" "$LIB/get-auth.lua" "$url_on" "$GET_CONNECTIONS" "$warm"
      wrk_run "rl.$cache.off.warmup$w" "$LIB/get-auth.lua" "$url_off" "$GET_CONNECTIONS" "$warm"
    done
    for round in $(seq 1 "$RL_ROUNDS"); do
      if [ $((round % 2)) = 1 ]; then
        wrk_run "rl.$cache.on.$round" "$LIB/get-auth.lua" "$url_on" "$GET_CONNECTIONS" "$WRK_SECONDS"
        wrk_run "rl.$cache.off.$round" "$LIB/get-auth.lua" "$url_off" "$GET_CONNECTIONS" "$WRK_SECONDS"
      else
        wrk_run "rl.$cache.off.$round" "$LIB/get-auth.lua" "$url_off" "$GET_CONNECTIONS" "$WRK_SECONDS"
        wrk_run "rl.$cache.on.$round" "$LIB/get-auth.lua" "$url_on" "$GET_CONNECTIONS" "$WRK_SECONDS"
      fi
    done
    if [ "$cache" = redis ] && command -v redis-cli >/dev/null; then
      rec rl.redis.keys "$(timeout 10 redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" --scan --pattern "${REDIS_PREFIX}ratelimit:*" 2>/dev/null | wc -l || true)"
      rec rl.redis.fallbacks "$(grep -c 'Redis rate-limit failed' "$WORK/logs/satchel-x-rl-redis-on.log" 2>/dev/null || true)"
      # A Redis timeout sends that instance's cache reads to PostgreSQL for 5 s: count them per instance.
      rec rl.redis.cache_fallbacks_on "$(grep -cE 'Redis (get|set) failed' "$WORK/logs/satchel-x-rl-redis-on.log" 2>/dev/null || true)"
      rec rl.redis.cache_fallbacks_off "$(grep -cE 'Redis (get|set) failed' "$WORK/logs/satchel-x-rl-redis-off.log" 2>/dev/null || true)"
    fi
    curl -s --max-time 10 "http://127.0.0.1:$on_port/q/metrics" | grep -E '^satchel_rate_limit' | tr '\n' ';' | cut -c1-300 \
      >"$WORK/tmp/rl-metrics.txt" || true
    rec "rl.$cache.metrics_on" "$(cat "$WORK/tmp/rl-metrics.txt")"
    stop_pid "$SATCHEL2_PID" satchel-2; SATCHEL2_PID=""
    stop_satchel
  done
  CURRENT_CACHE=""
  ensure_main_satchel || log "k. Satchel did not restart on the main configuration"
  return 0
}
