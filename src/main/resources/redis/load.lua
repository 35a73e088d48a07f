-- Reads a session in one round trip: the state's rev, data and recent message ids, and every field of its facts hash.
-- KEYS: state, facts
-- ARGV (optional): knownRev, knownSha1 — what the caller already holds: the rev and the SHA-1 (hex) of that rev's data.
-- Returns {} when the session has no state; {rev} when it is at knownRev and its data has knownSha1 (the caller's copy
-- is current: nothing else is sent); else {rev, data, {field, fact, field, fact, ...}, says}
-- (says: the JSON array of the ids of the messages processed last, false when not stored apart).
local s = redis.call('HMGET', KEYS[1], 'rev', 'data', 'says')
if not s[2] then
  return {}
end
if ARGV[2] and s[1] == ARGV[1] and redis.sha1hex(s[2]) == ARGV[2] then
  return {s[1]}
end
return {s[1], s[2], redis.call('HGETALL', KEYS[2]), s[3]}
