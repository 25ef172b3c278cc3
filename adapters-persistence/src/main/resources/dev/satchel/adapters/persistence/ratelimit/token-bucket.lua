-- Takes up to n tokens from a token bucket, atomically, on the Redis server's own clock.
-- KEYS[1]: the bucket (a hash of 'tokens', fractional, and 'at', microseconds of the last update)
-- ARGV[1]: capacity (tokens, also the refill per period); ARGV[2]: period in microseconds;
-- ARGV[3]: n, the tokens wanted (the requests of one replica batched into this call), at least 1
-- Returns {tokens granted 0..n, whole tokens left, microseconds until the bucket holds one token
-- again when it holds less than one after the take (else 0)}.
local capacity = tonumber(ARGV[1])
local period = tonumber(ARGV[2])
local wanted = tonumber(ARGV[3]) or 1
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = capacity
  at = now
elseif now > at then
  -- greedy refill: capacity tokens per period, added continuously
  tokens = math.min(capacity, tokens + (now - at) * capacity / period)
  at = now
end
local granted = math.min(wanted, math.floor(tokens))
if granted < 0 then
  granted = 0
end
tokens = tokens - granted
local wait = 0
if tokens < 1 then
  wait = math.ceil((1 - tokens) * period / capacity)
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%.0f', at))
-- an untouched bucket is full again after one period: forgetting it then changes nothing
redis.call('PEXPIRE', KEYS[1], math.ceil(period / 1000))
return {granted, math.floor(tokens), wait}
