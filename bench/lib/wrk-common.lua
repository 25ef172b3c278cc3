-- Shared wrk reporting: prints one machine-readable line that bench/run parses.
-- Latencies from wrk are in microseconds; printed in milliseconds.
function bench_done(summary, latency, requests)
  local secs = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "WRK_RESULT requests=%d duration_s=%.3f rps=%.2f mean_ms=%.3f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f errors_status=%d errors_socket=%d\n",
    summary.requests, secs, summary.requests / secs, latency.mean / 1000,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
end

-- Opt-in status tally (costs a Lua call per response, so only for low-rate runs such as uploads):
-- call bench_count_codes() in a script, and done() also prints "WRK_CODES 201=120 429=3".
local bench_threads = {}
function bench_count_codes()
  setup = function(thread) table.insert(bench_threads, thread) end
  init = function(args) codes = {} end
  response = function(status, headers, body) codes[status] = (codes[status] or 0) + 1 end
  done = function(summary, latency, requests)
    bench_done(summary, latency, requests)
    local all, keys = {}, {}
    for _, t in ipairs(bench_threads) do
      for status, n in pairs(t:get("codes") or {}) do all[status] = (all[status] or 0) + n end
    end
    for status in pairs(all) do table.insert(keys, status) end
    table.sort(keys)
    local out = {}
    for _, status in ipairs(keys) do table.insert(out, status .. "=" .. all[status]) end
    io.write("WRK_CODES " .. table.concat(out, " ") .. "\n")
  end
end
