-- Takes one token from a token bucket, atomically, on the Redis server's own clock.
-- KEYS[1]: the bucket (a hash of 'tokens', fractional, and 'at', microseconds of the last update)
-- ARGV[1]: capacity (tokens, also the refill per period); ARGV[2]: period in microseconds
-- Returns {allowed 0|1, whole tokens left, microseconds until the next token when refused}.
local capacity = tonumber(ARGV[1])
local period = tonumber(ARGV[2])
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
local allowed = 0
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  wait = math.ceil((1 - tokens) * period / capacity)
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%.0f', at))
-- an untouched bucket is full again after one period: forgetting it then changes nothing
redis.call('PEXPIRE', KEYS[1], math.ceil(period / 1000))
return {allowed, math.floor(tokens), wait}
