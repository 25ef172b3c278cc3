-- Takes up to n tokens from a token bucket, and may lend more, atomically, on the Redis server's
-- own clock.
-- KEYS[1]: the bucket, a hash of 'tokens' (fractional), 'at' (microseconds of the last update),
--   'held' (tokens lent to replicas that may still be unused) and 'held_until' (microseconds)
-- ARGV[1]: capacity (tokens, also the refill per period); ARGV[2]: period in microseconds;
-- ARGV[3]: n, tokens wanted now (the waiting requests of one replica), at least 1;
-- ARGV[4]: tokens the replica would like lent for its next requests (0: none);
-- ARGV[5]: how long a lent token stays usable, in microseconds
-- Returns {tokens granted 0..n, tokens lent, whole tokens left, microseconds until the bucket
-- holds one token again when it holds less than one after the take (else 0)}.
--
-- Lending never lets a client exceed the bucket: while lent tokens may be unused, the refill stops
-- at capacity - held, so tokens in Redis plus tokens held by replicas never exceed the capacity;
-- replicas drop lent tokens when they lapse. Lending happens only while at least twice the amount
-- would remain, so an almost empty bucket is shared exactly, request by request.
local capacity = tonumber(ARGV[1])
local period = tonumber(ARGV[2])
local wanted = tonumber(ARGV[3]) or 1
local lend = tonumber(ARGV[4]) or 0
local lendFor = tonumber(ARGV[5]) or 0
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at', 'held', 'held_until')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
local held = tonumber(state[3]) or 0
local heldUntil = tonumber(state[4]) or 0
if now >= heldUntil then
  held = 0
end
if tokens == nil or at == nil then
  tokens = capacity
  at = now
elseif now > at then
  -- greedy refill: capacity tokens per period, added continuously, up to what is not lent out
  tokens = math.max(tokens, math.min(capacity - held, tokens + (now - at) * capacity / period))
  at = now
end
local granted = math.max(0, math.min(wanted, math.floor(tokens)))
tokens = tokens - granted
local lent = 0
if lend > 0 and lendFor > 0 and math.floor(tokens) >= 2 * lend then
  lent = lend
end
if lent > 0 then
  tokens = tokens - lent
  held = held + lent
  heldUntil = now + lendFor
end
local wait = 0
if tokens < 1 then
  wait = math.ceil((1 - tokens) * period / capacity)
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%.0f', at),
  'held', string.format('%.0f', held), 'held_until', string.format('%.0f', heldUntil))
-- an untouched bucket is full again after one period: forgetting it then changes nothing
redis.call('PEXPIRE', KEYS[1], math.ceil(math.max(period, lendFor) / 1000))
return {granted, lent, math.floor(tokens), wait}
