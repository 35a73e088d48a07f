-- Reads a session in one round trip: the state's rev and data, and every field of its facts hash.
-- KEYS: state, facts
-- Returns {} when the session has no state, else {rev, data, {field, fact, field, fact, ...}}.
local s = redis.call('HMGET', KEYS[1], 'rev', 'data')
if not s[2] then
  return {}
end
return {s[1], s[2], redis.call('HGETALL', KEYS[2])}
