-- Reads a session in one round trip: the state's rev, data and recent message ids, and every field of its facts hash.
-- KEYS: state, facts
-- Returns {} when the session has no state, else {rev, data, {field, fact, field, fact, ...}, says}
-- (says: the JSON array of the ids of the messages processed last, false when not stored apart).
local s = redis.call('HMGET', KEYS[1], 'rev', 'data', 'says')
if not s[2] then
  return {}
end
return {s[1], s[2], redis.call('HGETALL', KEYS[2]), s[3]}
